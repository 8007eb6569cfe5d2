# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Order advice on the quotation (2.7, 2.8); the advice itself is computed by
``res.partner._kam_order_advice`` (``res_partner_advice.py``)."""

from odoo import api, fields, models

from .res_partner_advice import kam_advice_without


class SaleOrder(models.Model):
    _inherit = "sale.order"

    kam_advice_count = fields.Integer(
        string="Order Suggestions",
        compute="_compute_kam_advice_count",
        compute_sudo=True,
        help="Products due again in the account's usual cycle and categories its "
        "peers buy that it does not.",
    )

    @api.depends("partner_id", "state", "order_line.product_id")
    def _compute_kam_advice_count(self):
        quotations = self.filtered(
            lambda o: o.state in ("draft", "sent") and o.partner_id
        )
        advice = quotations.partner_id._kam_order_advice()
        for order in self:
            order.kam_advice_count = (
                len(
                    kam_advice_without(
                        advice.get(order.partner_id.commercial_partner_id.id, []),
                        order.order_line.product_id,
                    )
                )
                if order in quotations
                else 0
            )

    def action_kam_order_advice(self):
        self.ensure_one()
        return self.env["sale.order.advice"]._kam_open(
            self.partner_id.commercial_partner_id, order=self
        )
