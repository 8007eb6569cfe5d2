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

    def _kam_receivable_periods(self, users, periods):
        """What the receivables KPIs read, for all ``periods`` at once: the accounts
        owned by ``users`` at some period end, and the day each period is read as
        of: its end, or today while it runs (the debts of its last day are not known
        yet).

        :return: ``(owners, as_of)``: the ownership periods over the period ends
            (:meth:`_kam_ownership_periods`) and ``{period: day}``
        """
        ends = [date_to for _date_from, date_to in periods]
        owners = self._kam_ownership_periods(users, min(ends), max(ends))
        today = self.env.company._kam_today()
        return owners, {period: min(period[1], today) for period in periods}

    def _kam_receivables_as_of(self, owners, as_of):
        """``{day: {account id: figures}}`` of the receivables engine for the
        accounts of ``owners`` on the days of ``as_of`` (from
        :meth:`_kam_receivable_periods`), read once per KPI computation."""
        days = sorted(set(as_of.values()))
        return self._kam_shared_read(
            ("receivables", tuple(owners), tuple(days)),
            lambda: self.env["kam.receivable.engine"]._kam_receivables_days(
                self.env["res.partner"].browse(owners), days, self.env.companies
            ),
        )

    def _kam_periods_kpi_overdue_ratio(self, users, periods):
        """Overdue share (%) of the open debts of the accounts owned at period end,
        both as of the period end, or today while the period runs (receivables
        engine: residuals as of that day, overdue beyond the grace period). Lower is
        better. One query for all accounts and periods."""
        owners, as_of = self._kam_receivable_periods(users, periods)
        if not owners:
            return {}
        # the engine reads every receivable of the owned accounts in SQL, whatever the
        # reader's rules on journal items; only totals per account leave it
        figures = self._kam_receivables_as_of(owners, as_of)
        result = {}
        for period, day in as_of.items():
            date_to = period[1]
            rows = figures[day].items()
            debts = self._kam_credit(
                owners, [(pid, date_to, f["debt"]) for pid, f in rows]
            )
            overdue = self._kam_credit(
                owners, [(pid, date_to, f["overdue"]) for pid, f in rows]
            )
            result[period] = {
                user_id: round(100.0 * overdue.get(user_id, 0.0) / debt, 2)
                if debt
                else 0.0
                for user_id, debt in debts.items()
            }
        return result

    def _kam_periods_kpi_dso(self, users, periods):
        """Days sales outstanding of the accounts owned at period end (clause 2.13),
        as of the period end or today while it runs: their receivable (receivables
        engine) against their invoiced sales of the 365 days before, both summed per
        KAM, with the account's DSO formula. Lower is better. Two queries for all
        accounts and periods."""
        owners, as_of = self._kam_receivable_periods(users, periods)
        if not owners:
            return {}
        partners = self.env["res.partner"].browse(owners)
        figures = self._kam_receivables_as_of(owners, as_of)
        days = sorted(set(as_of.values()))
        sales = self._kam_shared_read(
            ("sales_12_months", tuple(owners), tuple(days)),
            lambda: partners._kam_sales_12_months_days(days),
        )
        result = {}
        for period, day in as_of.items():
            date_to = period[1]
            receivable = self._kam_credit(
                owners,
                [(pid, date_to, f["receivable"]) for pid, f in figures[day].items()],
            )
            yearly = self._kam_credit(
                owners, [(pid, date_to, sales[day].get(pid, 0.0)) for pid in owners]
            )
            result[period] = {
                user_id: round(
                    partners._kam_dso_days(receivable.get(user_id, 0.0), amount), 1
                )
                for user_id, amount in yearly.items()
            }
        return result
