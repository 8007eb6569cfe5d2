# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Changes that can raise the amount of a confirmed order.
AMOUNT_FIELDS = {"product_uom_qty", "price_unit", "discount", "tax_id"}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered(
            lambda l: not l.display_type
        ).order_id._kam_credit_check_increase()
        return lines

    def write(self, vals):
        if not AMOUNT_FIELDS.intersection(vals):
            return super().write(vals)
        orders = self.order_id.filtered(lambda o: o.state == "sale")
        before = self.env["kam.credit.exposure"]._kam_order_amounts(orders)
        result = super().write(vals)
        orders._kam_credit_check_increase(before)
        return result
