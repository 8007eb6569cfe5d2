# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""KPIs for duties that have a feature but had no measure (issue 14).

Every figure of an account is credited to the KAM who owned the account on the day
it happened, through ``_kam_ownership_periods`` and ``_kam_credit``.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    # ------------------------------------------------------------------
    # Orders (2.6, 2.9): confirmed orders by the local day of their order date
    # ------------------------------------------------------------------
    @api.model
    def _kam_order_groups(self, partner_ids, date_from, date_to, groupby=()):
        """Confirmed orders of the accounts ``partner_ids`` (and their contacts) in
        the period, grouped by account, local day and ``groupby`` (stored columns of
        ``sale_order``, their values as stored): rows ``(account_id, day, *groupby
        values, count)``. One query."""
        partner_ids = list(partner_ids)
        if not partner_ids:
            return []
        company = self.env.company
        start, stop = company._kam_day_bounds(date_from, date_to)
        columns = [SQL.identifier("s", name) for name in groupby]
        # KPIs are figures for the reader of a plan or report, not a listing of
        # orders they may open: read in SQL, limited to the accounts given.
        self.env["sale.order"].flush_model(
            ["partner_id", "state", "company_id", "date_order", *groupby]
        )
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        return self.env.execute_query(
            SQL(
                """
                SELECT partner.commercial_partner_id, %(day)s, %(columns)s COUNT(*)
                  FROM sale_order s
                  JOIN res_partner partner ON partner.id = s.partner_id
                 WHERE s.state = 'sale'
                   AND s.company_id IN %(companies)s
                   AND partner.commercial_partner_id IN %(partners)s
                   AND s.date_order >= %(start)s AND s.date_order < %(stop)s
              GROUP BY 1, 2 %(group_by)s
                """,
                day=company._kam_local_day_sql(SQL("s.date_order")),
                columns=SQL("").join(SQL("%s, ", column) for column in columns),
                companies=tuple(self.env.companies.ids),
                partners=tuple(partner_ids),
                start=start,
                stop=stop,
                group_by=SQL("").join(SQL(", %s", column) for column in columns),
            )
        )

    def _kam_periods_kpi_orders(self, users, periods):
        """Number of confirmed orders of the accounts the KAM owned on each order
        date."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        rows = self._kam_order_groups(owners.keys(), date_from, date_to)
        return self._kam_credit_periods(owners, rows, periods)

    def _kam_periods_kpi_discount_within_authority(self, users, periods):
        """Share (%) of the confirmed orders of the KAM's accounts whose discounts
        stayed within the tier's authority, i.e. needed no head-of-sales approval
        (2.9)."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        rows = self._kam_order_groups(
            owners.keys(), date_from, date_to, groupby=["kam_approval_state"]
        )
        totals = self._kam_credit_periods(
            owners, [(p, d, n) for p, d, _s, n in rows], periods
        )
        withins = self._kam_credit_periods(
            owners,
            [(p, d, n) for p, d, state, n in rows if state in (None, "not_required")],
            periods,
        )
        return {
            period: {
                user_id: round(100.0 * withins[period].get(user_id, 0.0) / count, 2)
                for user_id, count in totals[period].items()
                if count
            }
            for period in periods
        }

    # ------------------------------------------------------------------
    # Complaints (Client Service Manager II.12)
    # ------------------------------------------------------------------
    @api.model
    def _kam_complaint_domain(self, partner_ids):
        return [
            ("partner_id.commercial_partner_id", "in", list(partner_ids)),
            ("feedback_type", "=", "complaint"),
            ("state", "!=", "cancelled"),
            ("company_id", "in", self.env.companies.ids),
        ]

    def _kam_periods_kpi_complaint_resolution_days(self, users, periods):
        """Average number of days from receiving a complaint to resolving it, over
        the complaints resolved in the period, credited to the account's owner on
        the day of resolution. Lower is better."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        company = self.env.company
        # sudo: see _kam_order_groups.
        feedback = company._kam_business_tz_env(self.env["kam.feedback"].sudo())
        groups = feedback._read_group(
            self._kam_complaint_domain(owners.keys())
            + [
                ("state", "=", "resolved"),
                ("date_resolved", ">=", date_from),
                ("date_resolved", "<=", date_to),
            ],
            ["partner_id", "date_resolved:day", "create_date:day"],
            ["__count"],
        )
        days, counts = [], []
        for partner, resolved, received, count in groups:
            account = partner.commercial_partner_id.id
            resolved = fields.Date.to_date(resolved)
            taken = max((resolved - fields.Date.to_date(received)).days, 0)
            days.append((account, resolved, taken * count))
            counts.append((account, resolved, count))
        total_days = self._kam_credit_periods(owners, days, periods)
        total_counts = self._kam_credit_periods(owners, counts, periods)
        return {
            period: {
                user_id: round(total_days[period].get(user_id, 0.0) / count, 2)
                for user_id, count in total_counts[period].items()
                if count
            }
            for period in periods
        }

    def _kam_periods_kpi_complaints_on_time(self, users, periods):
        """Share (%) of the complaints due in the period that were resolved by
        their deadline. A complaint is due on its deadline; one without a deadline
        counts when it is resolved, as on time. Credited to the account's owner on
        the day the complaint was due."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        # sudo: see _kam_order_groups.
        groups = (
            self.env["kam.feedback"]
            .sudo()
            ._read_group(
                self._kam_complaint_domain(owners.keys())
                + [
                    "|",
                    "&",
                    ("date_deadline", ">=", date_from),
                    ("date_deadline", "<=", date_to),
                    "&",
                    "&",
                    ("date_deadline", "=", False),
                    ("date_resolved", ">=", date_from),
                    ("date_resolved", "<=", date_to),
                ],
                ["partner_id", "date_deadline:day", "date_resolved:day"],
                ["__count"],
            )
        )
        due, on_time = [], []
        for partner, deadline, resolved, count in groups:
            account = partner.commercial_partner_id.id
            deadline = fields.Date.to_date(deadline)
            resolved = fields.Date.to_date(resolved)
            day = deadline or resolved
            due.append((account, day, count))
            if resolved and resolved <= day:
                on_time.append((account, day, count))
        resolved_on_time = self._kam_credit_periods(owners, on_time, periods)
        total_due = self._kam_credit_periods(owners, due, periods)
        return {
            period: {
                user_id: round(
                    100.0 * resolved_on_time[period].get(user_id, 0.0) / count, 2
                )
                for user_id, count in total_due[period].items()
                if count
            }
            for period in periods
        }

    # ------------------------------------------------------------------
    # Competitor intelligence (2.16)
    # ------------------------------------------------------------------
    def _kam_periods_kpi_intel_freshness(self, users, periods):
        """Share (%) of the accounts owned at period end with competitor
        intelligence reported in the freshness window (Settings) ending then."""
        window = max(self.env.company.kam_intel_fresh_days, 1)
        ends = {
            date_to: date_to - timedelta(days=window - 1) for _s, date_to in periods
        }
        owners = self._kam_ownership_periods(users, min(ends), max(ends))
        if not owners:
            return {}
        # sudo: see _kam_order_groups.
        groups = (
            self.env["kam.competitor.intel"]
            .sudo()
            ._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", list(owners)),
                    ("company_id", "in", self.env.companies.ids),
                    ("date", ">=", min(ends.values())),
                    ("date", "<=", max(ends)),
                ],
                ["partner_id", "date:day"],
            )
        )
        reports = self._kam_sorted_by_day(
            [
                (partner.commercial_partner_id.id, fields.Date.to_date(day))
                for partner, day in groups
            ]
        )
        result = {}
        for period in periods:
            date_to = period[1]
            fresh = {
                pid for pid, _day in self._kam_rows_in(reports, ends[date_to], date_to)
            }
            owned = self._kam_credit(owners, [(pid, date_to, 1.0) for pid in owners])
            informed = self._kam_credit(
                owners, [(pid, date_to, 1.0) for pid in sorted(fresh)]
            )
            result[period] = {
                user_id: round(100.0 * informed.get(user_id, 0.0) / count, 2)
                for user_id, count in owned.items()
                if count
            }
        return result

    # ------------------------------------------------------------------
    # Proposals (2.17, 3.3, 3.6): the KAM's own, not an account's
    # ------------------------------------------------------------------
    def _kam_periods_kpi_proposals(self, users, periods):
        """Number of proposals the KAM submitted to the commercial director in the
        period (assortment, prices, process, improvements)."""
        date_from, date_to = self._kam_span(periods)
        # sudo: a count per author for the reader of a plan or a report.
        groups = (
            self.env["kam.proposal"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("company_id", "in", self.env.companies.ids),
                    ("date_submitted", ">=", date_from),
                    ("date_submitted", "<=", date_to),
                ],
                ["user_id", "date_submitted:day"],
                ["__count"],
            )
        )
        rows = self._kam_sorted_by_day(
            [(user.id, fields.Date.to_date(day), count) for user, day, count in groups]
        )
        result = {}
        for period in periods:
            counts = result.setdefault(period, {})
            for user_id, _day, count in self._kam_rows_in(rows, *period):
                counts[user_id] = counts.get(user_id, 0) + count
        return result
