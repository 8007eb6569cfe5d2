# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class SaleOrderCreditOverride(models.TransientModel):
    _name = "sale.order.credit.override"
    _description = "Approve an Order on Credit Hold"

    order_id = fields.Many2one(comodel_name="sale.order", required=True, readonly=True)
    reason = fields.Text(
        required=True, help="Why the order may be confirmed despite the credit check."
    )

    def action_override(self):
        self.ensure_one()
        if not self.env.user.has_group("kam_receivables.group_credit_manager"):
            raise AccessError(
                self.env._("Only a credit manager can approve an order on credit hold.")
            )
        order = self.order_id
        if order.state not in ("draft", "sent"):
            raise UserError(
                self.env._("%(order)s is not a quotation any more.", order=order.name)
            )
        if not (self.reason or "").strip():
            raise UserError(
                self.env._("Give the reason for approving %(order)s.", order=order.name)
            )
        check = order._kam_credit_check()
        if check.result == "blocked" and check.mode == "block":
            raise UserError(
                self.env._(
                    "%(order)s is blocked by the customer's risk class and cannot be "
                    "approved:\n%(reason)s\nCollect the overdue debt, raise the credit "
                    "limit or change the risk class, then confirm it again.",
                    order=order.name,
                    reason=check.reason,
                )
            )
        if check.result != "passed":
            # sudo: the log is written by the system only
            check.sudo().write(
                {
                    "result": "overridden",
                    "reason": self.env._(
                        "%(reasons)s\nApproved by %(user)s: %(reason)s",
                        reasons=check.reason,
                        user=self.env.user.name,
                        reason=self.reason,
                    ),
                }
            )
        order._kam_credit_release()
        order._kam_system_note(
            Markup("<p>%s</p>")
            % self.env._(
                "Approved despite the credit check: %(reason)s", reason=self.reason
            )
        )
        order.with_context(kam_credit_skip_check=True).action_confirm()
        return {"type": "ir.actions.act_window_close"}
