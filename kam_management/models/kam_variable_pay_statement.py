# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .kam_variable_pay_policy import kam_attainment


class KamVariablePayStatement(models.Model):
    """A KAM's variable pay for one plan (clause 4.3).

    draft -> computed -> approved -> paid. Approved figures are frozen; later
    changes to the underlying sales show as a difference to carry forward.
    """

    _name = "kam.variable.pay.statement"
    _description = "Variable Pay Statement"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _order = "date_from desc, user_id, id"

    name = fields.Char(compute="_compute_name", store=True)
    plan_id = fields.Many2one(
        "kam.sales.plan",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('user_id', '!=', False), ('state', '!=', 'draft'), "
        "('company_id', '=', company_id)]",
        tracking=True,
    )
    user_id = fields.Many2one(
        related="plan_id.user_id", store=True, string="KAM", index=True
    )
    date_from = fields.Date(related="plan_id.date_from", store=True)
    date_to = fields.Date(related="plan_id.date_to", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    policy_id = fields.Many2one(
        "kam.variable.pay.policy",
        compute="_compute_from_plan",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('company_id', '=', company_id)]",
        tracking=True,
    )
    target_amount = fields.Monetary(
        string="Target Variable Pay",
        compute="_compute_from_plan",
        store=True,
        readonly=False,
        precompute=True,
        currency_field="currency_id",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("computed", "Computed"),
            ("approved", "Approved"),
            ("paid", "Paid"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "kam.variable.pay.statement.line", "statement_id", string="KPIs", copy=False
    )
    adjustment_ids = fields.One2many(
        "kam.variable.pay.adjustment",
        "statement_id",
        string="Manual Adjustments",
        copy=False,
    )
    gate_passed = fields.Boolean(readonly=True, copy=False)
    computed_amount = fields.Monetary(
        string="Earned",
        currency_field="currency_id",
        readonly=True,
        copy=False,
        aggregator="sum",
    )
    adjustment_amount = fields.Monetary(
        string="Adjustments",
        compute="_compute_total_amount",
        store=True,
        currency_field="currency_id",
        aggregator="sum",
    )
    total_amount = fields.Monetary(
        string="Total",
        compute="_compute_total_amount",
        store=True,
        currency_field="currency_id",
        aggregator="sum",
        tracking=True,
        help="Earned plus adjustments, never below zero and never above the cap.",
    )
    current_amount = fields.Monetary(
        string="Earned on Today's Figures",
        compute="_compute_difference",
        currency_field="currency_id",
    )
    difference_amount = fields.Monetary(
        string="Difference to Carry Forward",
        compute="_compute_difference",
        currency_field="currency_id",
        help="What today's figures (late credit notes, reassignments...) would pay "
        "minus the approved amount; carry it into the next period as an adjustment.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    paid_date = fields.Date(readonly=True, copy=False)
    accrual_move_id = fields.Many2one(
        "account.move", string="Accrual Entry", readonly=True, copy=False
    )

    _sql_constraints = (
        (
            "plan_unique",
            "unique(plan_id)",
            "A plan already has a variable pay statement.",
        ),
    )

    @api.depends("plan_id.name", "user_id.name")
    def _compute_name(self):
        for statement in self:
            statement.name = self.env._(
                "Variable pay %(kam)s - %(plan)s",
                kam=statement.user_id.name or "",
                plan=statement.plan_id.name or "",
            )

    @api.depends("plan_id")
    def _compute_from_plan(self):
        for statement in self:
            if statement.state != "draft":
                continue
            plan = statement.plan_id
            statement.policy_id = plan.policy_id or statement.policy_id
            statement.target_amount = (
                plan.variable_pay_target or statement.target_amount
            )

    @api.depends(
        "computed_amount", "adjustment_ids.amount", "target_amount", "policy_id.cap"
    )
    def _compute_total_amount(self):
        for statement in self:
            adjustments = sum(statement.adjustment_ids.mapped("amount"))
            cap = max(statement.target_amount, 0.0) * statement.policy_id.cap / 100.0
            statement.adjustment_amount = adjustments
            statement.total_amount = min(
                max(statement.computed_amount + adjustments, 0.0), cap
            )

    @api.depends("state", "computed_amount")
    def _compute_difference(self):
        frozen = self.filtered(lambda s: s.state in ("approved", "paid"))
        current = frozen._kam_current_amounts()
        for statement in self:
            if statement in frozen:
                statement.current_amount = current[statement.id]
                statement.difference_amount = statement.currency_id.round(
                    current[statement.id] - statement.computed_amount
                )
            else:
                statement.current_amount = statement.computed_amount
                statement.difference_amount = 0.0

    @api.constrains("target_amount")
    def _check_target_amount(self):
        for statement in self:
            if statement.target_amount < 0:
                raise ValidationError(
                    self.env._("The target variable pay cannot be negative.")
                )

    @api.constrains("plan_id", "company_id")
    def _check_plan(self):
        for statement in self:
            if not statement.plan_id.user_id:
                raise ValidationError(
                    self.env._(
                        "Variable pay is computed on a KAM's plan, not on a "
                        "department plan."
                    )
                )
            if statement.plan_id.company_id != statement.company_id:
                raise ValidationError(
                    self.env._(
                        "The statement and its plan must belong to the same company."
                    )
                )

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    def _kam_figures(self, refresh=True):
        """``{statement_id: (amount, gate_passed, [line values])}`` on the
        current sales figures, computed for all statements in batch."""
        plans = self.plan_id
        if refresh and plans:
            # sudo: a plan's figures are refreshed for whoever may compute pay;
            # the plan itself stays read-only to them.
            plans.sudo()._kam_refresh_achieved()
        result = {}
        for statement in self:
            policy = statement.policy_id
            plan_lines = {line.kpi_id: line for line in statement.plan_id.line_ids}
            kpis = policy.line_ids.kpi_id | policy.gate_kpi_id
            attainments = {}
            for kpi in kpis:
                line = plan_lines.get(kpi)
                attainments[kpi] = line.attainment if line else 0.0
            amount, factors, gate_passed = policy._kam_payout(
                statement.target_amount, attainments
            )
            values = []
            for policy_line in policy.line_ids:
                kpi = policy_line.kpi_id
                plan_line = plan_lines.get(kpi)
                factor = factors[kpi.id] if gate_passed else 0.0
                values.append(
                    {
                        "kpi_id": kpi.id,
                        "target": plan_line.target if plan_line else 0.0,
                        "achieved": plan_line.achieved if plan_line else 0.0,
                        "attainment": attainments[kpi],
                        "weight": policy_line.weight,
                        "threshold": policy_line.threshold,
                        "payout_factor": factor,
                        "amount": statement.target_amount
                        * policy_line.weight
                        / 100.0
                        * factor
                        / 100.0,
                    }
                )
            result[statement.id] = (
                statement.currency_id.round(amount),
                gate_passed,
                values,
            )
        return result

    def _kam_current_amounts(self):
        if not self:
            return {}
        # Recompute the figures without touching the frozen plan lines: read the
        # KPIs directly for the approved statements' KAMs.
        result = {}
        for statement in self:
            plan = statement.plan_id
            attainments = {}
            for line in plan.line_ids:
                kpi = line.kpi_id.with_company(plan.company_id).with_context(
                    allowed_company_ids=plan.company_id.ids
                )
                achieved = kpi._kam_compute(plan.user_id, plan.date_from, plan.date_to)[
                    plan.user_id.id
                ]
                attainments[line.kpi_id] = kam_attainment(
                    line.target, achieved, line.kpi_id.higher_is_better
                )
            amount = statement.policy_id._kam_payout(
                statement.target_amount, attainments
            )[0]
            result[statement.id] = statement.currency_id.round(amount)
        return result

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_compute(self):
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
        figures = self._kam_figures()
        for statement in self:
            amount, gate_passed, values = figures[statement.id]
            statement.write(
                {
                    "line_ids": [Command.clear()] + [Command.create(v) for v in values],
                    "computed_amount": amount,
                    "gate_passed": gate_passed,
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
        self.write({"state": "paid", "paid_date": self.env.company._kam_today()})
        return True

    def _kam_create_accrual(self):
        """Hook: the optional accrual entry (see the accounting extension)."""
        return True

    def write(self, vals):
        frozen_fields = {
            "plan_id",
            "policy_id",
            "target_amount",
            "computed_amount",
            "gate_passed",
            "line_ids",
        }
        if frozen_fields & vals.keys() and any(
            s.state in ("approved", "paid") for s in self
        ):
            raise UserError(
                self.env._(
                    "An approved statement is frozen; carry differences into the "
                    "next period."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(statement.state in ("approved", "paid") for statement in self):
            raise UserError(self.env._("An approved statement cannot be deleted."))
