# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""KPIs for duties that have a feature but had no measure (issue 14).

Every figure of an account is credited to the KAM who owned the account on the day
it happened, through ``_kam_ownership_periods`` and ``_kam_credit``.
"""

from datetime import timedelta

from odoo import api, fields, models


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    # ------------------------------------------------------------------
    # Orders (2.6, 2.9): confirmed orders by the local day of their order date
    # ------------------------------------------------------------------
    @api.model
    def _kam_order_groups(self, partner_ids, date_from, date_to, groupby=()):
        """Confirmed orders of the accounts ``partner_ids`` (and their contacts) in
        the period, grouped by account, local day and ``groupby``: rows
        ``(account_id, day, *groupby values, count)``. One query."""
        company = self.env.company
        start, stop = company._kam_day_bounds(date_from, date_to)
        # sudo: KPIs are figures for the reader of a plan or report, not a listing of
        # orders they may open; the domain limits them to the accounts given.
        orders = company._kam_business_tz_env(self.env["sale.order"].sudo())
        groups = orders._read_group(
            [
                ("partner_id.commercial_partner_id", "in", list(partner_ids)),
                ("state", "=", "sale"),
                ("company_id", "in", self.env.companies.ids),
                ("date_order", ">=", start),
                ("date_order", "<", stop),
            ],
            ["partner_id", "date_order:day", *groupby],
            ["__count"],
        )
        return [
            (partner.commercial_partner_id.id, fields.Date.to_date(day), *rest)
            for partner, day, *rest in groups
        ]

    def _kam_kpi_orders(self, users, date_from, date_to):
        """Number of confirmed orders of the accounts the KAM owned on each order
        date."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        rows = self._kam_order_groups(periods.keys(), date_from, date_to)
        return self._kam_credit(periods, rows)

    def _kam_kpi_discount_within_authority(self, users, date_from, date_to):
        """Share (%) of the confirmed orders of the KAM's accounts whose discounts
        stayed within the tier's authority, i.e. needed no head-of-sales approval
        (2.9)."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        rows = self._kam_order_groups(
            periods.keys(), date_from, date_to, groupby=["kam_approval_state"]
        )
        total = self._kam_credit(periods, [(p, d, n) for p, d, _s, n in rows])
        within = self._kam_credit(
            periods,
            [(p, d, n) for p, d, state, n in rows if state in (False, "not_required")],
        )
        return {
            user_id: round(100.0 * within.get(user_id, 0.0) / count, 2)
            for user_id, count in total.items()
            if count
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

    def _kam_kpi_complaint_resolution_days(self, users, date_from, date_to):
        """Average number of days from receiving a complaint to resolving it, over
        the complaints resolved in the period, credited to the account's owner on
        the day of resolution. Lower is better."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        company = self.env.company
        # sudo: see _kam_order_groups.
        feedback = company._kam_business_tz_env(self.env["kam.feedback"].sudo())
        groups = feedback._read_group(
            self._kam_complaint_domain(periods.keys())
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
        total_days = self._kam_credit(periods, days)
        return {
            user_id: round(total_days.get(user_id, 0.0) / count, 2)
            for user_id, count in self._kam_credit(periods, counts).items()
            if count
        }

    def _kam_kpi_complaints_on_time(self, users, date_from, date_to):
        """Share (%) of the complaints due in the period that were resolved by
        their deadline. A complaint is due on its deadline; one without a deadline
        counts when it is resolved, as on time. Credited to the account's owner on
        the day the complaint was due."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        # sudo: see _kam_order_groups.
        groups = (
            self.env["kam.feedback"]
            .sudo()
            ._read_group(
                self._kam_complaint_domain(periods.keys())
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
        resolved_on_time = self._kam_credit(periods, on_time)
        return {
            user_id: round(100.0 * resolved_on_time.get(user_id, 0.0) / count, 2)
            for user_id, count in self._kam_credit(periods, due).items()
            if count
        }

    # ------------------------------------------------------------------
    # Competitor intelligence (2.16)
    # ------------------------------------------------------------------
    def _kam_kpi_intel_freshness(self, users, date_from, date_to):
        """Share (%) of the accounts owned at period end with competitor
        intelligence reported in the freshness window (Settings) ending then."""
        periods = self._kam_ownership_periods(users, date_to, date_to)
        if not periods:
            return {}
        window = max(self.env.company.kam_intel_fresh_days, 1)
        since = date_to - timedelta(days=window - 1)
        # sudo: see _kam_order_groups.
        groups = (
            self.env["kam.competitor.intel"]
            .sudo()
            ._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", list(periods)),
                    ("company_id", "in", self.env.companies.ids),
                    ("date", ">=", since),
                    ("date", "<=", date_to),
                ],
                ["partner_id"],
            )
        )
        fresh = {partner.commercial_partner_id.id for (partner,) in groups}
        owned = self._kam_credit(periods, [(pid, date_to, 1.0) for pid in periods])
        informed = self._kam_credit(periods, [(pid, date_to, 1.0) for pid in fresh])
        return {
            user_id: round(100.0 * informed.get(user_id, 0.0) / count, 2)
            for user_id, count in owned.items()
            if count
        }

    # ------------------------------------------------------------------
    # Proposals (2.17, 3.3, 3.6): the KAM's own, not an account's
    # ------------------------------------------------------------------
    def _kam_kpi_proposals(self, users, date_from, date_to):
        """Number of proposals the KAM submitted to the commercial director in the
        period (assortment, prices, process, improvements)."""
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
                ["user_id"],
                ["__count"],
            )
        )
        return {user.id: count for user, count in groups}
