# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SaleOrderAdviceLine(models.TransientModel):
    _name = "sale.order.advice.line"
    _description = "Order Advice Suggestion"
    _order = "kind, due_date, peer_share desc, id"

    advice_id = fields.Many2one(
        "sale.order.advice", required=True, ondelete="cascade", index=True
    )
    selected = fields.Boolean(string="Add")
    kind = fields.Selection(
        [("due", "Due Again"), ("gap", "Assortment Gap")],
        string="Why",
        required=True,
        readonly=True,
    )
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    quantity = fields.Float(digits="Product Unit of Measure", required=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    last_date = fields.Date(string="Last Ordered", readonly=True)
    interval_days = fields.Integer(
        string="Usual Interval (days)",
        readonly=True,
        help="Average number of days between the account's orders of the product.",
    )
    due_date = fields.Date(string="Due Since", readonly=True)
    peer_share = fields.Float(
        string="Peers Buying (%)",
        readonly=True,
        help="Share of the accounts of the same segment and tier that bought the "
        "category in the last year.",
    )

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "The quantity of %(product)s to add must be positive.",
                        product=line.product_id.display_name,
                    )
                )

    def action_add(self):
        """Add this one suggestion (one click)."""
        self.ensure_one()
        return self.advice_id._kam_add(self)
