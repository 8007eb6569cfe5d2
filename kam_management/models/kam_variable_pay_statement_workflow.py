# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError


class KamVariablePayStatement(models.Model):
    """The workflow of a statement: compute, reset, approve, mark paid."""

    _inherit = "kam.variable.pay.statement"

    def _kam_check_can_compute(self):
        if not self.env.user.has_group("kam_management.group_kam_manager"):
            raise AccessError(
                self.env._(
                    "Only a head of sales or the director computes variable pay."
                )
            )
        self.check_access("write")
        for statement in self:
            if statement.state != "draft":
                raise UserError(
                    self.env._(
                        "%(statement)s is not a draft: reset it to draft before "
                        "computing it again.",
                        statement=statement.name,
                    )
                )
            if not statement.policy_id:
                raise UserError(
                    self.env._(
                        "Choose the variable pay policy of %(statement)s.",
                        statement=statement.name,
                    )
                )
            if not statement.policy_id.line_ids:
                raise UserError(
                    self.env._(
                        "The policy %(policy)s has no KPI weights.",
                        policy=statement.policy_id.name,
                    )
                )

    def action_compute(self):
        """Refresh the plans' figures, let each policy evaluate them and store
        what it returns."""
        self._kam_check_can_compute()
        if self.plan_id:
            # sudo: a plan's figures are refreshed for whoever may compute pay;
            # the plan itself stays read-only to them.
            self.plan_id.sudo()._kam_refresh_achieved()
        payouts = self._kam_payouts()
        for statement in self:
            payout = payouts[statement.id]
            statement.write(
                {
                    "line_ids": [Command.clear()]
                    + [Command.create(v) for v in statement._kam_line_values(payout)],
                    "computed_amount": statement.currency_id.round(payout.amount),
                    "gate_passed": payout.gate_passed,
                    "state": "computed",
                }
            )
        return True

    def action_reset_draft(self):
        if any(statement.state != "computed" for statement in self):
            raise UserError(
                self.env._("Only a computed statement can go back to draft.")
            )
        self.write({"state": "draft"})
        return True

    def _check_can_approve(self):
        if not self.env.user.has_group("kam_management.group_kam_director"):
            raise AccessError(
                self.env._("Only the Commercial Director approves variable pay.")
            )
        for statement in self:
            if statement.user_id == self.env.user:
                raise AccessError(
                    self.env._(
                        "You cannot approve your own variable pay (%(statement)s).",
                        statement=statement.name,
                    )
                )
            if statement.state != "computed":
                raise UserError(
                    self.env._(
                        "Only a computed statement can be approved (%(statement)s).",
                        statement=statement.name,
                    )
                )

    def action_approve(self):
        self._check_can_approve()
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "approved_date": fields.Datetime.now(),
            }
        )
        self._kam_create_accrual()
        return True

    def action_mark_paid(self):
        if not self.env.user.has_group("kam_management.group_kam_director"):
            raise AccessError(
                self.env._("Only the Commercial Director marks variable pay as paid.")
            )
        if any(statement.state != "approved" for statement in self):
            raise UserError(
                self.env._("Only an approved statement can be marked as paid.")
            )
        for statement in self:
            statement.write(
                {"state": "paid", "paid_date": statement.company_id._kam_today()}
            )
        return True

    def _kam_create_accrual(self):
        """Hook: the optional accrual entry (see the export and accrual file)."""
        return True
