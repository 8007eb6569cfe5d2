# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_kpi_collected_revenue(self, users, date_from, date_to):
        """Customer payments received in the period, credited to the account's owner
        on the payment date (clause 2.13: collect on time and in full)."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        rows = self._kam_revenue_rows_collected(periods.keys(), date_from, date_to)
        return self._kam_credit(periods, rows)

    def _kam_kpi_overdue_ratio(self, users, date_from, date_to):
        """Overdue share (%) of the open receivables of the accounts owned at period
        end: receivables dated up to the period end, overdue when past due date plus
        grace at that date. Lower is better. One query for all accounts."""
        periods = self._kam_ownership_periods(users, date_to, date_to)
        if not periods:
            return {}
        company = self.env.company
        # plain SQL: a ratio over every receivable of the owned accounts, whatever
        # the reader's rules on journal items
        self.env.cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id,
                       SUM(aml.amount_residual),
                       SUM(CASE WHEN COALESCE(aml.date_maturity, aml.date)
                                     + COALESCE(NULLIF(cp.kam_payment_grace_days, 0),
                                                %(grace)s)
                                     < %(date_to)s
                            THEN aml.amount_residual ELSE 0 END)
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner cp ON cp.id = rp.commercial_partner_id
                 WHERE acc.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND NOT aml.reconciled
                   AND aml.amount_residual > 0
                   AND aml.date <= %(date_to)s
                   AND aml.company_id IN %(companies)s
                   AND rp.commercial_partner_id IN %(partners)s
                 GROUP BY rp.commercial_partner_id
                """,
                grace=company.kam_payment_grace_days,
                date_to=date_to,
                companies=tuple(self.env.companies.ids),
                partners=tuple(periods),
            )
        )
        rows = self.env.cr.fetchall()
        # the owner at period end is credited, through the one ownership API
        totals = self._kam_credit(
            periods,
            [(partner_id, date_to, total or 0.0) for partner_id, total, __ in rows],
        )
        overdue = self._kam_credit(
            periods,
            [(partner_id, date_to, late or 0.0) for partner_id, __, late in rows],
        )
        return {
            user_id: round(100.0 * overdue.get(user_id, 0.0) / total, 2)
            if total
            else 0.0
            for user_id, total in totals.items()
        }
