# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kam_variable_pay_policy import kam_attainment


class KamSalesPlanAccount(models.Model):
    """Revenue target of one key account within a KAM's plan."""

    _name = "kam.sales.plan.account"
    _description = "Sales Plan Account Target"
    _inherit = ["kam.sales.plan.target.mixin"]
    _kam_lock_fields = ("target", "partner_id", "plan_id")
    _order = "plan_id, target desc, id"

    plan_id = fields.Many2one(
        "kam.sales.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one(related="plan_id.user_id", store=True, string="KAM")
    currency_id = fields.Many2one(related="plan_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Account",
        required=True,
        domain="[('is_company', '=', True)]",
        index=True,
    )
    target = fields.Monetary(currency_field="currency_id", aggregator="sum")
    achieved = fields.Monetary(
        currency_field="currency_id", readonly=True, copy=False, aggregator="sum"
    )
    attainment = fields.Float(
        string="Attainment (%)",
        compute="_compute_attainment",
        store=True,
        aggregator="avg",
    )

    _sql_constraints = (
        (
            "partner_plan_unique",
            "unique(plan_id, partner_id)",
            "An account can only have one target per plan.",
        ),
    )

    @api.depends("plan_id.name", "partner_id.display_name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.plan_id.name or ''}: {line.partner_id.display_name or ''}"
            )

    @api.depends("target", "achieved")
    def _compute_attainment(self):
        for line in self:
            line.attainment = kam_attainment(line.target, line.achieved)

    @api.constrains("target")
    def _check_target(self):
        for line in self:
            if line.target < 0:
                raise ValidationError(
                    self.env._(
                        "The target of %(account)s in %(plan)s cannot be negative.",
                        account=line.partner_id.display_name,
                        plan=line.plan_id.name,
                    )
                )

    def _kam_refresh_achieved(self):
        """Revenue of each account in its plan's period, on the Settings basis;
        one query per (period, company), one UPDATE."""
        Kpi = self.env["kam.kpi"]
        by_period = defaultdict(lambda: self.browse())
        for line in self:
            by_period[
                (line.plan_id.date_from, line.plan_id.date_to, line.company_id)
            ] |= line
        # the other bases read SQL views that the ORM does not flush for us
        self.env.flush_all()
        achieved = {}
        for (date_from, date_to, company), lines in by_period.items():
            kpi = Kpi.with_company(company).with_context(
                allowed_company_ids=company.ids
            )
            totals = kpi._kam_account_revenue(lines.partner_id, date_from, date_to)
            for line in lines:
                achieved[line.id] = totals.get(line.partner_id.id, 0.0)
        self._kam_store_achieved(achieved)
