# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    kam_approved_discount = fields.Float(
        string="Approved Discount (%)",
        digits="Discount",
        copy=False,
        readonly=True,
        help="The discount the head of sales approved (or rejected) on this line; "
        "raising the discount above it asks for a new approval.",
    )
