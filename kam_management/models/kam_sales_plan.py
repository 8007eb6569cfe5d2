# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.misc import format_amount

# Figures older than this are recomputed when a plan screen opens.
FIGURES_MAX_AGE = timedelta(minutes=5)


class KamSalesPlan(models.Model):
    """A sales plan for one period: a department plan (no KAM) split into KAM
    plans, whose revenue target is split into per-account targets (clause 2.1)."""

    _name = "kam.sales.plan"
    _description = "Sales Plan"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _order = "date_from desc, parent_id desc, user_id, id"
    _parent_store = True

    name = fields.Char(required=True, tracking=True)
    date_from = fields.Date(string="Start", required=True, tracking=True)
    date_to = fields.Date(string="End", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    parent_id = fields.Many2one(
        "kam.sales.plan",
        string="Department Plan",
        index=True,
        ondelete="restrict",
        domain="[('company_id', '=', company_id), ('user_id', '=', False)]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("kam.sales.plan", "parent_id", string="KAM Plans")
    user_id = fields.Many2one(
        "res.users",
        string="KAM",
        index=True,
        tracking=True,
        help="Empty on a department plan.",
    )
    line_ids = fields.One2many(
        "kam.sales.plan.line", "plan_id", string="KPI Targets", copy=True
    )
    account_line_ids = fields.One2many(
        "kam.sales.plan.account", "plan_id", string="Account Targets", copy=True
    )
    policy_id = fields.Many2one(
        "kam.variable.pay.policy",
        string="Variable Pay Policy",
        domain="[('company_id', '=', company_id)]",
    )
    variable_pay_target = fields.Monetary(
        string="Target Variable Pay",
        currency_field="currency_id",
        help="Variable pay the KAM earns at 100 % attainment of every KPI.",
    )
    revenue_target = fields.Monetary(
        compute="_compute_revenue", store=True, currency_field="currency_id"
    )
    revenue_achieved = fields.Monetary(
        compute="_compute_revenue", store=True, currency_field="currency_id"
    )
    revenue_attainment = fields.Float(
        string="Revenue Attainment (%)",
        compute="_compute_revenue",
        store=True,
        aggregator="avg",
    )
    split_warning = fields.Char(compute="_compute_split_warning")
    achieved_date = fields.Datetime(string="Figures As Of", readonly=True, copy=False)

    @api.depends(
        "line_ids.target", "line_ids.achieved", "line_ids.attainment", "line_ids.kpi_id"
    )
    def _compute_revenue(self):
        revenue = self.env.ref(
            "kam_management.kam_kpi_revenue", raise_if_not_found=False
        )
        for plan in self:
            line = plan.line_ids.filtered(lambda ln, kpi=revenue: ln.kpi_id == kpi)[:1]
            plan.revenue_target = line.target
            plan.revenue_achieved = line.achieved
            plan.revenue_attainment = line.attainment

    @api.depends(
        "child_ids.line_ids.target",
        "line_ids.target",
        "account_line_ids.target",
        "user_id",
    )
    def _compute_split_warning(self):
        for plan in self:
            warnings = []
            for line in plan.line_ids:
                if line.split_mismatch:
                    warnings.append(
                        self.env._(
                            "%(kpi)s: the KAM plans add up to %(children)s, "
                            "not %(target)s.",
                            kpi=line.kpi_id.name,
                            children=line.kpi_id._kam_format_value(
                                line.children_target, plan.currency_id
                            ),
                            target=line.kpi_id._kam_format_value(
                                line.target, plan.currency_id
                            ),
                        )
                    )
            if plan.account_line_ids and plan.revenue_target:
                total = sum(plan.account_line_ids.mapped("target"))
                if plan.currency_id.compare_amounts(total, plan.revenue_target):
                    warnings.append(
                        self.env._(
                            "The account targets add up to %(total)s, not the revenue "
                            "target %(target)s.",
                            total=format_amount(self.env, total, plan.currency_id),
                            target=format_amount(
                                self.env, plan.revenue_target, plan.currency_id
                            ),
                        )
                    )
            plan.split_warning = " ".join(warnings) or False

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for plan in self:
            if plan.date_to < plan.date_from:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s ends (%(end)s) before it starts "
                        "(%(start)s).",
                        plan=plan.name,
                        start=plan.date_from,
                        end=plan.date_to,
                    )
                )

    @api.constrains("parent_id", "user_id", "date_from", "date_to", "company_id")
    def _check_parent(self):
        for plan in self.filtered("parent_id"):
            parent = plan.parent_id
            if parent.user_id:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s can only be split from a department plan, "
                        "not from %(kam)s's plan.",
                        plan=plan.name,
                        kam=parent.user_id.name,
                    )
                )
            if plan.date_from < parent.date_from or plan.date_to > parent.date_to:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s must lie within the period of its "
                        "department plan %(parent)s.",
                        plan=plan.name,
                        parent=parent.name,
                    )
                )
            if plan.company_id != parent.company_id:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s belongs to another company than its "
                        "department plan.",
                        plan=plan.name,
                    )
                )

    @api.constrains("state", "user_id", "date_from", "date_to", "company_id")
    def _check_overlap(self):
        for plan in self.filtered(lambda p: p.state == "confirmed" and p.user_id):
            overlapping = self.sudo().search(
                [
                    ("id", "!=", plan.id),
                    ("state", "=", "confirmed"),
                    ("user_id", "=", plan.user_id.id),
                    ("company_id", "=", plan.company_id.id),
                    ("date_from", "<=", plan.date_to),
                    ("date_to", ">=", plan.date_from),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(kam)s already has the confirmed plan %(other)s for "
                        "%(start)s - %(end)s, which overlaps %(plan)s.",
                        kam=plan.user_id.name,
                        other=overlapping.name,
                        start=overlapping.date_from,
                        end=overlapping.date_to,
                        plan=plan.name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_confirm(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only a draft plan can be confirmed."))
            if not plan.line_ids:
                raise UserError(
                    self.env._(
                        "The plan %(plan)s has no KPI targets to confirm.",
                        plan=plan.name,
                    )
                )
        self.write({"state": "confirmed"})
        self._kam_refresh_achieved()
        return True

    def action_close(self):
        if any(plan.state != "confirmed" for plan in self):
            raise UserError(self.env._("Only a confirmed plan can be closed."))
        self._kam_refresh_achieved()
        self.write({"state": "closed"})
        return True

    def action_draft(self):
        if any(plan.state != "confirmed" for plan in self):
            raise UserError(self.env._("Only a confirmed plan can be reset to draft."))
        self.write({"state": "draft"})
        return True

    def action_refresh(self):
        self.check_access("read")
        # sudo: a KAM refreshes the figures of their own plan, which they may read
        # but not write; the figures come from the KPI registry, not from them.
        self.sudo()._kam_refresh_achieved()
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft plans can be deleted."))

    # ------------------------------------------------------------------
    # Achieved figures, batched by KPI and period
    # ------------------------------------------------------------------
    def _kam_plan_users(self):
        """KAMs whose figures make up this plan: its KAM, or its KAM plans' KAMs."""
        self.ensure_one()
        if self.user_id:
            return self.user_id
        return self.env["kam.sales.plan"].search([("id", "child_of", self.id)]).user_id

    def _kam_achieved_figures(self):
        """``{plan line id: achieved}`` of every KPI line of the plans on today's
        figures, with one KPI computation per (KPI, company) for all KAMs and plan
        periods (``kam.kpi._kam_compute_periods``), the KPIs sharing their reads
        (``kam.kpi._kam_shared_reads``); nothing is written."""
        users_of = {plan: plan._kam_plan_users() for plan in self}
        kam_users = defaultdict(lambda: self.env["res.users"])
        periods = defaultdict(set)
        for line in self.line_ids:
            plan = line.plan_id
            kam_users[(line.kpi_id, plan.company_id)] |= users_of[plan]
            periods[(line.kpi_id, plan.company_id)].add((plan.date_from, plan.date_to))
        values = {}
        # the KPIs share what they read (order lines, receivables, ownership)
        shared = self.env["kam.kpi"]._kam_shared_reads(
            {period for plan_periods in periods.values() for period in plan_periods}
        )
        for (kpi, company), users in kam_users.items():
            kpi = (
                shared.browse(kpi.id)
                .with_company(company)
                .with_context(allowed_company_ids=company.ids)
            )
            for (date_from, date_to), figures in kpi._kam_compute_periods(
                users, periods[(kpi, company)]
            ).items():
                values[(kpi.id, date_from, date_to, company.id)] = figures
        achieved = {}
        for line in self.line_ids:
            plan = line.plan_id
            figures = values[
                (line.kpi_id.id, plan.date_from, plan.date_to, plan.company_id.id)
            ]
            numbers = [figures[user.id] for user in users_of[plan]]
            if not numbers:
                achieved[line.id] = 0.0
            elif line.kpi_id.aggregation == "avg":
                achieved[line.id] = sum(numbers) / len(numbers)
            else:
                achieved[line.id] = sum(numbers)
        return achieved

    def _kam_refresh_achieved(self):
        """Store ``achieved`` of every line and account target of the plans that
        are not closed. A department plan refreshes its KAM plans too."""
        if self.filtered(lambda p: not p.user_id):
            self |= self.search(
                [("id", "child_of", self.filtered(lambda p: not p.user_id).ids)]
            )
        plans = self.filtered(lambda p: p.state != "closed")
        if not plans:
            return
        plans.line_ids._kam_store_achieved(plans._kam_achieved_figures())
        plans.account_line_ids._kam_refresh_achieved()
        plans.achieved_date = fields.Datetime.now()

    @api.model
    def _cron_refresh_achieved(self):
        self.search([("state", "=", "confirmed")])._kam_refresh_achieved()

    # ------------------------------------------------------------------
    # Screens open on current figures
    # ------------------------------------------------------------------
    @api.model
    def _kam_refresh_stale(self, domain=None):
        """Refresh the figures of the open plans the user may read within ``domain``
        whose figures are older than ``FIGURES_MAX_AGE``; return those plans.

        Called when a plan screen opens, so that it never shows figures of the
        last nightly refresh. Nothing is written on a read-only cursor (the web
        client's read-only requests): the screen then shows the figures "as of"
        their date.
        """
        if self.env.cr.readonly:
            return self.browse()
        threshold = fields.Datetime.now() - FIGURES_MAX_AGE
        stale = self.search(
            expression.AND(
                [
                    domain or [],
                    [
                        ("state", "!=", "closed"),
                        "|",
                        ("achieved_date", "=", False),
                        ("achieved_date", "<", threshold),
                    ],
                ]
            )
        )
        if stale:
            # sudo: as Refresh Figures, the reader's own plans get figures computed
            # by the KPI registry, which they may read but not write
            stale.sudo()._kam_refresh_achieved()
        return stale

    @api.model
    def _kam_action_open(self, xmlid, domain=None):
        """The window action ``xmlid``, after refreshing the stale figures of the
        plans it shows (``domain``): what the plan menus open."""
        self._kam_refresh_stale(domain)
        return self.env["ir.actions.actions"]._for_xml_id(xmlid)
