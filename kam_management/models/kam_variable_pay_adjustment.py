# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class KamVariablePayAdjustment(models.Model):
    """A manual change to a statement's amount; it needs a reason and is logged."""

    _name = "kam.variable.pay.adjustment"
    _description = "Variable Pay Manual Adjustment"
    _order = "statement_id, id"

    statement_id = fields.Many2one(
        "kam.variable.pay.statement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    user_id = fields.Many2one(related="statement_id.user_id", store=True, string="KAM")
    currency_id = fields.Many2one(related="statement_id.currency_id")
    amount = fields.Monetary(currency_field="currency_id", required=True)
    reason = fields.Char(required=True)
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    date = fields.Date(
        default=lambda self: self.env.company._kam_today(), readonly=True
    )

    @api.constrains("reason", "amount")
    def _check_reason(self):
        for adjustment in self:
            if not (adjustment.reason or "").strip():
                raise ValidationError(self.env._("A manual adjustment needs a reason."))
            if adjustment.statement_id.currency_id.is_zero(adjustment.amount):
                raise ValidationError(
                    self.env._("A manual adjustment needs a non-zero amount.")
                )

    def _check_statement_open(self):
        if any(adj.statement_id.state in ("approved", "paid") for adj in self):
            raise UserError(
                self.env._(
                    "An approved statement is frozen; add the adjustment to the next "
                    "period's statement."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        adjustments = super().create(vals_list)
        adjustments._check_statement_open()
        for adjustment in adjustments:
            adjustment.statement_id.message_post(
                body=Markup("%s")
                % self.env._(
                    "Manual adjustment of %(amount)s: %(reason)s",
                    amount=adjustment.amount,
                    reason=adjustment.reason,
                )
            )
        return adjustments

    def write(self, vals):
        self._check_statement_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        self._check_statement_open()

    def unlink(self):
        for adjustment in self:
            adjustment.statement_id.message_post(
                body=self.env._(
                    "Manual adjustment of %(amount)s removed (%(reason)s).",
                    amount=adjustment.amount,
                    reason=adjustment.reason,
                )
            )
        return super().unlink()
