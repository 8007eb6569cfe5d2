# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round


class KamDiscrepancyActLine(models.Model):
    _name = "kam.discrepancy.act.line"
    _description = "Discrepancy Act Line"

    act_id = fields.Many2one(
        comodel_name="kam.discrepancy.act",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="act_id.company_id", store=True)
    currency_id = fields.Many2one(related="act_id.currency_id")
    product_id = fields.Many2one(comodel_name="product.product")
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    amount = fields.Monetary(string="Amount (untaxed)", required=True)
    description = fields.Char()

    @api.constrains("quantity", "amount")
    def _check_positive(self):
        for line in self:
            if line.quantity <= 0 or line.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "The quantities and amounts of a discrepancy act must be "
                        "positive."
                    )
                )

    def _prepare_credit_note_line_vals(self):
        self.ensure_one()
        invoice_line = self.act_id.invoice_id.invoice_line_ids.filtered(
            lambda l: self.product_id and l.product_id == self.product_id
        )[:1]
        name = self.description or self.product_id.display_name or self.act_id.name
        quantity, price = self.quantity, self.amount / self.quantity
        digits = self.env["decimal.precision"].precision_get("Product Price")
        if self.currency_id.compare_amounts(
            float_round(price, precision_digits=digits) * quantity, self.amount
        ):
            # the unit price cannot carry the amount exactly: credit the amount as one
            # unit
            name = self.env._("%(name)s (quantity %(qty)s)", name=name, qty=quantity)
            quantity, price = 1.0, self.amount
        return {
            "product_id": self.product_id.id,
            "name": name,
            "quantity": quantity,
            "price_unit": price,
            "tax_ids": [Command.set(invoice_line.tax_ids.ids)],
        }
