# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.res_partner_advice import kam_advice_without


class SaleOrderAdvice(models.TransientModel):
    """The order advice of an account (2.7, 2.8): suggestions to add to a quotation,
    or to start one with."""

    _name = "sale.order.advice"
    _description = "Order Advice"

    partner_id = fields.Many2one(
        "res.partner", string="Account", required=True, readonly=True
    )
    order_id = fields.Many2one("sale.order", string="Quotation", readonly=True)
    line_ids = fields.One2many(
        "sale.order.advice.line", "advice_id", string="Suggestions"
    )

    @api.model
    def _kam_open(self, account, order=None):
        """Open the advice of ``account`` (for ``order`` when given: what it
        already holds is not suggested again)."""
        if order and order.state not in ("draft", "sent"):
            raise UserError(
                self.env._(
                    "%(order)s is confirmed: order advice is for quotations.",
                    order=order.name,
                )
            )
        # the user must be allowed to edit the quotation, or to see the account's KAM
        # data when advising on the account itself
        if order:
            order.check_access("write")
        elif not (
            self.env.user in account.kam_access_user_ids
            or self.env.user.has_group("kam_management.group_kam_director")
        ):
            raise AccessError(
                self.env._(
                    "Only the KAM of %(account)s, the backup KAM, their head of sales "
                    "and the commercial director see its order advice.",
                    account=account.display_name,
                )
            )
        suggestions = account._kam_order_advice().get(account.id, [])
        if order:
            suggestions = kam_advice_without(suggestions, order.order_line.product_id)
        wizard = self.create(
            {
                "partner_id": account.id,
                "order_id": order.id if order else False,
                "line_ids": [
                    Command.create(
                        {
                            **{
                                key: suggestion[key]
                                for key in (
                                    "kind",
                                    "product_id",
                                    "categ_id",
                                    "last_date",
                                    "interval_days",
                                    "due_date",
                                    "peer_share",
                                )
                            },
                            "quantity": suggestion["quantity"]
                            if suggestion["quantity"] > 0
                            else 1.0,
                        }
                    )
                    for suggestion in suggestions
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Order Advice for %(account)s", account=account.display_name
            ),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_add_selected(self):
        self.ensure_one()
        lines = self.line_ids.filtered("selected")
        if not lines:
            raise UserError(self.env._("Select at least one suggestion to add."))
        return self._kam_add(lines)

    def _kam_add(self, lines):
        """Add ``lines`` to the quotation, or to a new quotation of the account."""
        self.ensure_one()
        commands = [
            Command.create(
                {"product_id": line.product_id.id, "product_uom_qty": line.quantity}
            )
            for line in lines
        ]
        order = self.order_id
        if order:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is confirmed: suggestions can only be added to a "
                        "quotation.",
                        order=order.name,
                    )
                )
            order.write({"order_line": commands})
        else:
            order = self.env["sale.order"].create(
                {"partner_id": self.partner_id.id, "order_line": commands}
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "target": "current",
        }
