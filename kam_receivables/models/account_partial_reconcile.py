# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountPartialReconcile(models.Model):
    _inherit = "account.partial.reconcile"

    # indexed: the receivables engine reads the reconciliations dated after a day to
    # rebuild residuals as of that day
    max_date = fields.Date(index=True)
