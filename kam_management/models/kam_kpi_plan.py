# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models

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
        """Attainment to date of the KAM plans of ``users`` running on ``day``.

        For every target of a confirmed (or closed) KAM plan whose period contains
        ``day``: the figure achieved from the plan's start to ``day`` (KPI registry)
        against the plan's target. One KPI computation per (KPI, plan start).

        :param kpis: only these KPIs' targets (all when ``None``)
        :return: ``{user_id: [{"kpi": kam.kpi, "target", "achieved",
            "attainment"}, ...]}``
        """
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
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ]
            )
        )
        lines = plans.line_ids
        if kpis is not None:
            lines = lines.filtered(lambda line: line.kpi_id in kpis)
        batches = defaultdict(lambda: self.env["res.users"])
        for line in lines:
            batches[(line.kpi_id, line.plan_id.date_from)] |= line.plan_id.user_id
        achieved = {
            (kpi.id, start): kpi.sudo()._kam_compute(kam_users, start, day)
            for (kpi, start), kam_users in batches.items()
        }
        result = {}
        for line in lines.sorted(lambda ln: (ln.plan_id.id, ln.kpi_id.sequence)):
            user = line.plan_id.user_id
            value = achieved[(line.kpi_id.id, line.plan_id.date_from)][user.id]
            result.setdefault(user.id, []).append(
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

    def _kam_kpi_plan_attainment(self, users, date_from, date_to):
        """Lowest attainment (%) of the sales, active-client and new-client targets
        of the KAM's plan running at period end, achieved to that day (4.3:
        missing any of the three plans cuts the variable pay)."""
        figures = self._kam_plan_attainment(users, date_to, self._kam_plan_kpis())
        return {
            user_id: min(target["attainment"] for target in targets)
            for user_id, targets in figures.items()
        }
