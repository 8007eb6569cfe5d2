# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.osv import expression


class KamVisit(models.Model):
    """This week's and this month's contacts on the business calendar (the
    company's local days, Monday to Sunday), for filters and dashboards."""

    _inherit = "kam.visit"

    is_this_week = fields.Boolean(
        string="This Week",
        compute="_compute_is_this_period",
        search="_search_is_this_week",
    )
    is_this_month = fields.Boolean(
        string="This Month",
        compute="_compute_is_this_period",
        search="_search_is_this_month",
    )

    @api.model
    def _kam_period(self, company, period):
        """First and last day of the company's current week or month."""
        today = company._kam_today()
        if period == "week":
            first = today - timedelta(days=today.weekday())
            return first, first + timedelta(days=6)
        first = today.replace(day=1)
        return first, first + relativedelta(months=1, days=-1)

    def _compute_is_this_period(self):
        for visit in self:
            company = visit.company_id
            day = company._kam_local_day(visit.planned_start)
            for period, fname in (("week", "is_this_week"), ("month", "is_this_month")):
                first, last = self._kam_period(company, period)
                visit[fname] = bool(day) and first <= day <= last

    def _kam_search_period(self, period, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        per_company = []
        for company in self.env.companies:
            start, stop = company._kam_day_bounds(*self._kam_period(company, period))
            per_company.append(
                [
                    ("company_id", "=", company.id),
                    ("planned_start", ">=", start),
                    ("planned_start", "<", stop),
                ]
            )
        domain = expression.OR(per_company)
        return domain if (operator == "=") == value else ["!", *domain]

    def _search_is_this_week(self, operator, value):
        return self._kam_search_period("week", operator, value)

    def _search_is_this_month(self, operator, value):
        return self._kam_search_period("month", operator, value)
