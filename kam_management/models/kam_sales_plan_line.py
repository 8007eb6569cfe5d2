# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import float_compare

from .kam_variable_pay_policy import kam_attainment


class KamSalesPlanLine(models.Model):
    _name = "kam.sales.plan.line"
    _description = "Sales Plan KPI Target"
    _inherit = ["kam.sales.plan.target.mixin"]
    _kam_lock_fields = ("target", "kpi_id", "plan_id")
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "kam.sales.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one(related="plan_id.user_id", store=True, string="KAM")
    date_from = fields.Date(related="plan_id.date_from", store=True)
    date_to = fields.Date(related="plan_id.date_to", store=True)
    state = fields.Selection(related="plan_id.state", store=True)
    sequence = fields.Integer(related="kpi_id.sequence", store=True)
    kpi_id = fields.Many2one(
        "kam.kpi", string="KPI", required=True, ondelete="restrict"
    )
    unit = fields.Selection(related="kpi_id.unit")
    higher_is_better = fields.Boolean(related="kpi_id.higher_is_better")
    target = fields.Float(required=True, default=0.0, aggregator="sum")
    achieved = fields.Float(readonly=True, copy=False, aggregator="sum")
    attainment = fields.Float(
        string="Attainment (%)",
        compute="_compute_attainment",
        store=True,
        aggregator="avg",
        help="Achieved against target; for lower-is-better KPIs half the target "
        "is 150 %.",
    )
    achieved_date = fields.Datetime(related="plan_id.achieved_date")
    is_current = fields.Boolean(
        string="Current Period",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The plan's period includes today (the company's business day).",
    )
    children_target = fields.Float(
        compute="_compute_children_target", string="KAM Plans Total"
    )
    split_mismatch = fields.Boolean(compute="_compute_children_target")

    @api.depends("plan_id.name", "kpi_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.plan_id.name or ''}: {line.kpi_id.name or ''}"

    def _compute_is_current(self):
        for line in self:
            today = line.company_id._kam_today()
            line.is_current = line.date_from <= today <= line.date_to

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        # each company's plans against that company's business day
        per_company = []
        for company in self.env.companies:
            today = company._kam_today()
            per_company.append(
                [
                    ("company_id", "=", company.id),
                    ("date_from", "<=", today),
                    ("date_to", ">=", today),
                ]
            )
        domain = expression.OR(per_company)
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("target", "achieved", "kpi_id.higher_is_better")
    def _compute_attainment(self):
        for line in self:
            line.attainment = kam_attainment(
                line.target, line.achieved, line.kpi_id.higher_is_better
            )

    @api.depends("plan_id.child_ids.line_ids.target", "target")
    def _compute_children_target(self):
        for line in self:
            children = line.plan_id.child_ids.line_ids.filtered(
                lambda c, k=line.kpi_id: c.kpi_id == k
            )
            if not children:
                line.children_target = 0.0
                line.split_mismatch = False
                continue
            targets = children.mapped("target")
            total = (
                sum(targets)
                if line.kpi_id.aggregation == "sum"
                else sum(targets) / len(targets)
            )
            line.children_target = total
            line.split_mismatch = bool(
                float_compare(total, line.target, precision_digits=2)
            )

    @api.constrains("target")
    def _check_target(self):
        for line in self:
            if line.target < 0:
                raise ValidationError(
                    self.env._(
                        "The target for %(kpi)s in %(plan)s cannot be negative.",
                        kpi=line.kpi_id.name,
                        plan=line.plan_id.name,
                    )
                )

    @api.constrains("kpi_id", "plan_id")
    def _check_kpi_once(self):
        for plan in self.plan_id:
            kpis = plan.line_ids.kpi_id
            if len(kpis) != len(plan.line_ids):
                duplicate = next(
                    k
                    for k in kpis
                    if len(plan.line_ids.filtered(lambda ln, k=k: ln.kpi_id == k)) > 1
                )
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s has the KPI %(kpi)s twice.",
                        plan=plan.name,
                        kpi=duplicate.name,
                    )
                )
