# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_periods_kpi_collected_revenue(self, users, periods):
        """Money collected from the accounts in the period (receivables engine:
        payments and bank transactions on receivable accounts), credited to the
        account's owner on the day it was booked (clause 2.13: collect on time and in
        full)."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        rows = self.env["kam.receivable.engine"]._kam_collected(
            owners.keys(), date_from, date_to, self.env.companies
        )
        return self._kam_credit_periods(owners, rows, periods)

    def _kam_kpi_overdue_ratio(self, users, date_from, date_to):
        """Overdue share (%) of the open debts of the accounts owned at period end,
        both as of the period end, or today while the period runs (receivables
        engine: residuals as of that day, overdue beyond the grace period). Lower is
        better. One query for all accounts."""
        periods = self._kam_ownership_periods(users, date_to, date_to)
        if not periods:
            return {}
        # the engine reads every receivable of the owned accounts in SQL, whatever the
        # reader's rules on journal items; only totals per account leave it
        # a period still running is read as of today: the debts of its last day are
        # not known yet
        as_of = min(date_to, self.env.company._kam_today())
        figures = self.env["kam.receivable.engine"]._kam_receivables(
            self.env["res.partner"].browse(periods), self.env.companies, as_of=as_of
        )
        debts = self._kam_credit(
            periods, [(pid, date_to, f["debt"]) for pid, f in figures.items()]
        )
        overdue = self._kam_credit(
            periods, [(pid, date_to, f["overdue"]) for pid, f in figures.items()]
        )
        return {
            user_id: round(100.0 * overdue.get(user_id, 0.0) / debt, 2) if debt else 0.0
            for user_id, debt in debts.items()
        }

    def _kam_kpi_dso(self, users, date_from, date_to):
        """Days sales outstanding of the accounts owned at period end (clause 2.13),
        as of the period end or today while it runs: their receivable (receivables
        engine) against their invoiced sales of the 365 days before, both summed per
        KAM, with the account's DSO formula. Lower is better."""
        periods = self._kam_ownership_periods(users, date_to, date_to)
        if not periods:
            return {}
        as_of = min(date_to, self.env.company._kam_today())
        partners = self.env["res.partner"].browse(periods)
        figures = self.env["kam.receivable.engine"]._kam_receivables(
            partners, self.env.companies, as_of=as_of
        )
        sales = partners._kam_sales_12_months(as_of=as_of)
        receivable = self._kam_credit(
            periods, [(pid, date_to, f["receivable"]) for pid, f in figures.items()]
        )
        yearly = self._kam_credit(
            periods, [(pid, date_to, sales.get(pid, 0.0)) for pid in periods]
        )
        return {
            user_id: round(
                partners._kam_dso_days(receivable.get(user_id, 0.0), amount), 1
            )
            for user_id, amount in yearly.items()
        }
