# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    kam_is_key_account = fields.Boolean(
        related="commercial_partner_id.is_key_account", string="Key Account"
    )
    kam_return_reason_id = fields.Many2one(
        "kam.refusal.reason",
        string="Return Reason",
        index=True,
        tracking=True,
        ondelete="restrict",
        help="Why the key account returned goods or got a credit (2.11).",
    )
