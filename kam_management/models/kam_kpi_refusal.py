# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamKpi(models.Model):
    """Refusal and return rate (2.11): the one definition, used by the KPI and by
    the effect of corrective actions (repeat rate of a reason)."""

    _inherit = "kam.kpi"

    @api.model
    def _kam_refusal_rows(self, partner_ids, date_from, date_to):
        """Refusals and returns of the accounts in the period, and the orders they
        placed.

        Incidents are the refused orders and credit notes of the refusal analysis
        (``kam.refusal.report``); orders placed are the confirmed orders plus every
        refused order. Two queries.

        :return: ``(incidents, orders)``: ``(account_id, day, reason_id, count)``
            and ``(account_id, day, count)`` rows
        """
        # sudo: figures for the reader of a KPI or a corrective action, limited to
        # the accounts given; the analysis rules would hide other KAMs' refusals.
        report = self.env["kam.refusal.report"].sudo()
        domain = [
            ("partner_id", "in", list(partner_ids)),
            ("company_id", "in", self.env.companies.ids),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        incidents, refusals = [], []
        for partner, day, kind, reason, count in report._read_group(
            domain, ["partner_id", "date:day", "kind", "reason_id"], ["count:sum"]
        ):
            day = fields.Date.to_date(day)
            incidents.append((partner.id, day, reason.id, count))
            if kind == "refusal":
                refusals.append((partner.id, day, count))
        orders = self._kam_order_groups(partner_ids, date_from, date_to)
        return incidents, orders + refusals

    @api.model
    def _kam_refusal_rate(self, incidents, orders):
        """Incidents per 100 orders placed (0 when nothing was ordered)."""
        return round(100.0 * incidents / orders, 2) if orders else 0.0

    def _kam_periods_kpi_refusal_rate(self, users, periods):
        """Refused orders and credit notes with a reason per 100 orders placed by
        the KAM's accounts in the period, credited to the owner on each day. Lower
        is better."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        incidents, orders = self._kam_refusal_rows(owners.keys(), date_from, date_to)
        incidents = self._kam_credit_periods(
            owners, [(p, d, n) for p, d, _r, n in incidents], periods
        )
        placed = self._kam_credit_periods(owners, orders, periods)
        return {
            period: {
                user_id: self._kam_refusal_rate(
                    incidents[period].get(user_id, 0.0), count
                )
                for user_id, count in placed[period].items()
            }
            for period in periods
        }
