# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderRefuse(models.TransientModel):
    _name = "sale.order.refuse"
    _description = "Cancel a Key-Account Order with a Reason"

    order_ids = fields.Many2many("sale.order", string="Orders", required=True)
    reason_id = fields.Many2one("kam.refusal.reason", required=True)
    note = fields.Text(string="Details")

    def action_cancel_orders(self):
        self.ensure_one()
        self.order_ids.write(
            {"kam_refusal_reason_id": self.reason_id.id, "kam_refusal_note": self.note}
        )
        body = self.env._(
            "Cancelled by the client. Reason: %(reason)s", reason=self.reason_id.name
        )
        for order in self.order_ids:
            order._kam_system_note(body)
        return self.order_ids.with_context(
            kam_refusal_reason_given=True
        ).action_cancel()
