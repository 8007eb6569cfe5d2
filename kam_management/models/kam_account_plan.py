# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

REVIEW_ACTIVITY = "kam_management.mail_activity_type_kam_plan_review"


class KamAccountPlan(models.Model):
    """The account plan of a key account (strategy, long-term goals).

    Kept apart from ``res.partner`` so record rules hide it from other KAMs
    (commercial secret, 2.21); shown on the partner as ``kam_account_plan``. The
    free-text plan is the summary; objectives with owners and due dates, the map of
    the client's stakeholders and the review date structure it (2.15-2.17).
    """

    _name = "kam.account.plan"
    _description = "Key Account Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Account", required=True, index=True, ondelete="cascade"
    )
    plan = fields.Html(string="Account Plan")
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    kam_user_id = fields.Many2one(
        related="partner_id.kam_effective_user_id", string="Acting KAM"
    )
    objective_ids = fields.One2many(
        "kam.account.plan.objective", "plan_id", string="Objectives"
    )
    stakeholder_ids = fields.One2many(
        "kam.account.plan.stakeholder", "plan_id", string="Stakeholders"
    )
    review_date = fields.Date(
        string="Next Review",
        tracking=True,
        help="The acting KAM gets an activity to review the plan on this day.",
    )
    date_reviewed = fields.Date(string="Last Reviewed", readonly=True, copy=False)
    review_due = fields.Boolean(
        compute="_compute_review_due", search="_search_review_due"
    )

    _sql_constraints = [
        ("partner_unique", "unique(partner_id)", "An account has one account plan."),
    ]

    @api.depends("partner_id.company_id")
    def _compute_company_id(self):
        for plan in self:
            plan.company_id = plan.partner_id.company_id

    @api.depends("review_date")
    def _compute_review_due(self):
        for plan in self:
            plan.review_due = bool(
                plan.review_date and plan.review_date <= plan.company_id._kam_today()
            )

    def _search_review_due(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        domain = [("review_date", "<=", self.env.company._kam_today())]
        if (operator == "=") == bool(value):
            return domain
        return ["|", ("review_date", "=", False), "!", *domain]

    def action_kam_reviewed(self):
        """The plan was reviewed today: the next review is due in three months,
        unless a later one is already set."""
        for plan in self:
            today = plan.company_id._kam_today()
            next_review = plan.review_date
            if not next_review or next_review <= today:
                next_review = today + relativedelta(months=3)
            plan.write({"date_reviewed": today, "review_date": next_review})
        # sudo: the review activity is the system's; closing it posts a note that
        # needs no e-mail address of the reviewer.
        self.sudo().activity_feedback(
            [REVIEW_ACTIVITY], feedback=self.env._("Account plan reviewed.")
        )
        return True

    @api.model
    def _cron_kam_plan_review(self):
        """Give the acting KAM an activity for every plan whose review is due (on
        the plan's company's calendar day) and who has none open yet."""
        activity_type = self.env.ref(REVIEW_ACTIVITY)
        # the latest calendar day of any company bounds the search; each plan is
        # then checked against its own company's day
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        latest = max(company._kam_today() for company in companies)
        plans = self.search(
            [
                ("review_date", "!=", False),
                ("review_date", "<=", latest),
                ("partner_id.kam_user_id", "!=", False),
            ]
        )
        for plan in plans:
            if plan.review_date > plan.company_id._kam_today():
                continue
            if activity_type in plan.activity_ids.activity_type_id:
                continue
            plan._kam_system_activity(
                REVIEW_ACTIVITY,
                user_id=plan.partner_id.kam_effective_user_id.id,
                date_deadline=plan.review_date,
                summary=self.env._(
                    "Review the account plan of %(account)s",
                    account=plan.partner_id.display_name,
                ),
            )
