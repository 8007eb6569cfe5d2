# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kam_variable_pay_policy import kam_attainment


class KamVariablePayStatement(models.Model):
    """A KAM's variable pay for one plan (clause 4.3).

    The policy evaluates (``kam.variable.pay.policy._kam_payout``), the statement
    stores what it returns. draft -> computed -> approved -> paid (the workflow is
    in ``kam_variable_pay_statement_workflow.py``, the payroll export and the
    accrual in ``kam_variable_pay_statement_export.py``). Approved figures are
    frozen; later changes to the underlying sales show as a difference to carry
    forward.
    """

    _name = "kam.variable.pay.statement"
    _description = "Variable Pay Statement"
    _inherit = ["mail.thread", "mail.activity.mixin", "kam.lock.mixin"]
    _order = "date_from desc, user_id, id"
    _kam_lock_states = ("approved", "paid")
    _kam_lock_fields = (
        "plan_id",
        "policy_id",
        "target_amount",
        "computed_amount",
        "gate_passed",
        "line_ids",
    )

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
            kam = statement.user_id.name or ""
            plan = statement.plan_id.name or ""
            # a KAM plan is usually named after its KAM: name them once
            if kam and kam.casefold() in plan.casefold():
                statement.name = self.env._("Variable pay: %(plan)s", plan=plan)
            else:
                statement.name = self.env._(
                    "Variable pay %(kam)s - %(plan)s", kam=kam, plan=plan
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
            statement.adjustment_amount = adjustments
            statement.total_amount = statement.policy_id._kam_total(
                statement.target_amount, statement.computed_amount + adjustments
            )

    @api.depends("state", "computed_amount")
    def _compute_difference(self):
        frozen = self.filtered(lambda s: s.state in self._kam_lock_states)
        # Today's figures, read from the KPIs without touching the frozen plans.
        payouts = frozen._kam_payouts(frozen.plan_id._kam_achieved_figures())
        for statement in self:
            if statement in frozen:
                current = statement.currency_id.round(payouts[statement.id].amount)
                statement.current_amount = current
                statement.difference_amount = statement.currency_id.round(
                    current - statement.computed_amount
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

    def _kam_lock_message(self):
        self.ensure_one()
        return self.env._(
            "%(record)s is %(state)s: its figures are frozen and it cannot be "
            "deleted; carry differences into the next period.",
            record=self.display_name,
            state=self._kam_lock_state_label(),
        )

    # ------------------------------------------------------------------
    # Figures: the policy evaluates, the statement stores
    # ------------------------------------------------------------------
    def _kam_payouts(self, achieved=None):
        """``{statement id: KamPayout}``: what each statement's policy pays on its
        plan's KPI targets, with the achieved figure of each plan line taken from
        ``achieved`` (``{plan line id: achieved}``, e.g. today's figures from
        ``kam.sales.plan._kam_achieved_figures``) or else from the plan line."""
        achieved = achieved or {}
        result = {}
        for statement in self:
            attainments = {
                line.kpi_id: kam_attainment(
                    line.target,
                    achieved.get(line.id, line.achieved),
                    line.kpi_id.higher_is_better,
                )
                for line in statement.plan_id.line_ids
            }
            result[statement.id] = statement.policy_id._kam_payout(
                statement.target_amount, attainments
            )
        return result

    def _kam_line_values(self, payout):
        """Values of the statement's KPI lines for ``payout``: the policy's lines
        with the plan's target and achieved figure of each KPI."""
        self.ensure_one()
        plan_lines = {line.kpi_id.id: line for line in self.plan_id.line_ids}
        values = []
        for line in payout.lines:
            plan_line = plan_lines.get(line["kpi_id"])
            values.append(
                dict(
                    line,
                    target=plan_line.target if plan_line else 0.0,
                    achieved=plan_line.achieved if plan_line else 0.0,
                )
            )
        return values
