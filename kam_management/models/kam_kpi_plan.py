# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

from .kam_variable_pay_policy import kam_attainment

# The three plans of clause 4.3: sales, active client base, new clients.
PLAN_KPI_XMLIDS = (
    "kam_management.kam_kpi_revenue",
    "kam_management.kam_kpi_active_clients",
    "kam_management.kam_kpi_new_clients",
)


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    @api.model
    def _kam_plan_kpis(self):
        """The KPIs of the sales, active-client and new-client plans (4.3)."""
        kpis = self.browse()
        for xmlid in PLAN_KPI_XMLIDS:
            kpis |= self.env.ref(xmlid, raise_if_not_found=False) or self.browse()
        return kpis

    @api.model
    def _kam_plan_attainment(self, users, day, kpis=None):
        """Attainment to date of the KAM plans of ``users`` running on ``day``: the
        single-day case of :meth:`_kam_plan_attainment_days`.

        :param kpis: only these KPIs' targets (all when ``None``)
        :return: ``{user_id: [{"kpi": kam.kpi, "target", "achieved",
            "attainment"}, ...]}``
        """
        day = fields.Date.to_date(day)
        return self._kam_plan_attainment_days(users, [day], kpis)[day]

    @api.model
    def _kam_plan_attainment_days(self, users, days, kpis=None):
        """Attainment to date of the KAM plans of ``users`` running on each of
        ``days``.

        For every target of a confirmed (or closed) KAM plan whose period contains
        the day: the figure achieved from the plan's start to that day (KPI
        registry) against the plan's target. One KPI computation per (KPI, plan
        start) for all the days (:meth:`_kam_compute_periods`).

        :param days: dates
        :param kpis: only these KPIs' targets (all when ``None``)
        :return: ``{day: {user_id: [{"kpi": kam.kpi, "target", "achieved",
            "attainment"}, ...]}}`` for every given day
        """
        days = sorted(set(days))
        result = {day: {} for day in days}
        if not days:
            return result
        # sudo: the plan's reader, a report or the duty evidence need the targets
        # of the given KAMs; only figures leave this method.
        plans = (
            self.env["kam.sales.plan"]
            .sudo()
            .search(
                [
                    ("user_id", "in", users.ids),
                    ("state", "in", ("confirmed", "closed")),
                    ("company_id", "in", self.env.companies.ids),
                    ("date_from", "<=", days[-1]),
                    ("date_to", ">=", days[0]),
                ]
            )
        )
        lines = plans.line_ids
        if kpis is not None:
            lines = lines.filtered(lambda line: line.kpi_id in kpis)
        lines = lines.sorted(lambda ln: (ln.plan_id.id, ln.kpi_id.sequence))
        running = {
            plan: [day for day in days if plan.date_from <= day <= plan.date_to]
            for plan in lines.plan_id
        }
        batches = defaultdict(lambda: self.env["res.users"])
        periods = defaultdict(set)
        for line in lines:
            key = (line.kpi_id, line.plan_id.date_from)
            batches[key] |= line.plan_id.user_id
            periods[key].update((key[1], day) for day in running[line.plan_id])
        achieved = {}
        for (kpi, start), kam_users in batches.items():
            figures = kpi.sudo()._kam_compute_periods(kam_users, periods[(kpi, start)])
            for (_start, day), values in figures.items():
                achieved[(kpi.id, start, day)] = values
        for line in lines:
            user = line.plan_id.user_id
            for day in running[line.plan_id]:
                value = achieved[(line.kpi_id.id, line.plan_id.date_from, day)][user.id]
                result[day].setdefault(user.id, []).append(
                    {
                        "kpi": line.kpi_id,
                        "target": line.target,
                        "achieved": value,
                        "attainment": kam_attainment(
                            line.target, value, line.kpi_id.higher_is_better
                        ),
                    }
                )
        return result

    def _kam_periods_kpi_plan_attainment(self, users, periods):
        """Lowest attainment (%) of the sales, active-client and new-client targets
        of the KAM's plan running at period end, achieved to that day (4.3:
        missing any of the three plans cuts the variable pay)."""
        figures = self._kam_plan_attainment_days(
            users, [date_to for _from, date_to in periods], self._kam_plan_kpis()
        )
        return {
            period: {
                user_id: min(target["attainment"] for target in targets)
                for user_id, targets in figures[period[1]].items()
            }
            for period in periods
        }
