# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KamVariablePayAdjustment(models.Model):
    """A manual change to a statement's amount; it needs a reason and is logged."""

    _name = "kam.variable.pay.adjustment"
    _description = "Variable Pay Manual Adjustment"
    _inherit = ["kam.lock.mixin"]
    _kam_lock_parent = "statement_id"
    _kam_lock_states = ("approved", "paid")
    _order = "statement_id, id"
    _rec_name = "reason"

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

    def _kam_lock_message(self):
        self.ensure_one()
        return self.env._(
            "The adjustment %(record)s cannot be added, changed or removed: "
            "%(statement)s is %(state)s and frozen; add the adjustment to the next "
            "period's statement.",
            record=self.display_name,
            statement=self.statement_id.display_name,
            state=self._kam_lock_state_label(),
        )

    @api.model_create_multi
    def create(self, vals_list):
        adjustments = super().create(vals_list)
        for adjustment in adjustments:
            adjustment.statement_id._kam_system_note(
                self.env._(
                    "Manual adjustment of %(amount)s: %(reason)s",
                    amount=adjustment.amount,
                    reason=adjustment.reason,
                )
            )
        return adjustments

    def unlink(self):
        notes = [
            (
                adjustment.statement_id,
                self.env._(
                    "Manual adjustment of %(amount)s removed (%(reason)s).",
                    amount=adjustment.amount,
                    reason=adjustment.reason,
                ),
            )
            for adjustment in self
        ]
        result = super().unlink()
        for statement, note in notes:
            statement._kam_system_note(note)
        return result
