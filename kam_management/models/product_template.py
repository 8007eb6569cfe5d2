# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    kam_is_representation = fields.Boolean(
        string="Representation Expense",
        help="Expenses of this product entertain clients: they consume the KAM's "
        "representation budget and name the account entertained.",
    )
