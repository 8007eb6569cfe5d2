# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payment behaviour of a customer (DSO basis, days late, paid on time): figures of
the Credit tab that are not read with the exposure, so they have their own queries."""

from datetime import timedelta

from odoo import api, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _kam_sales_12_months(self, as_of=None):
        """Invoiced sales (tax included, net of credit notes) of the 365 days up to
        ``as_of`` (default: the last 365 days, invoices dated later included) in
        company currency, per partner (its commercial entity's): one query."""
        day = as_of or self.env.company._kam_today()
        return self._kam_sales_12_months_days([day], up_to_day=as_of is not None)[day]

    def _kam_sales_12_months_days(self, days, up_to_day=True):
        """:meth:`_kam_sales_12_months` as of each of ``days``, in one query:
        ``{day: {partner id: amount}}`` (partners without sales left out).

        :param up_to_day: leave out the invoices dated after the day
        """
        company = self.env.company
        days = sorted(set(days))
        until = SQL("AND am.invoice_date <= %s", days[-1]) if up_to_day else SQL()
        self.env.flush_all()
        rows = self.env["kam.receivable.engine"]._kam_per_partner_rows(
            self,
            lambda commercial_ids: SQL(
                """
                SELECT s.partner_id, d.day, SUM(s.amount)
                  FROM (
                    SELECT rp.commercial_partner_id AS partner_id, am.invoice_date,
                           SUM(am.amount_total_signed) AS amount
                      FROM account_move am
                      JOIN res_partner rp ON rp.id = am.partner_id
                     WHERE am.company_id = %(company)s
                       AND am.state = 'posted'
                       AND am.move_type IN ('out_invoice', 'out_refund')
                       AND am.invoice_date > %(since)s %(until)s
                       AND rp.commercial_partner_id IN %(partners)s
                     GROUP BY rp.commercial_partner_id, am.invoice_date
                  ) s
                  JOIN unnest(%(days)s::date[]) AS d(day)
                    ON s.invoice_date > d.day - %(window)s
                   AND (NOT %(up_to_day)s OR s.invoice_date <= d.day)
                 GROUP BY s.partner_id, d.day
                """,
                company=company.id,
                since=days[0] - timedelta(days=365),
                until=until,
                partners=commercial_ids,
                days=days,
                window=365,
                up_to_day=up_to_day,
            ),
        )
        result = {day: {} for day in days}
        for pid, day, amount in rows:
            result[day][pid] = float(amount or 0.0)
        return result

    def _kam_payment_behaviour(self):
        """Average days late and share paid on time over 12 months, per partner (its
        commercial entity's): one query.

        :return: {partner id: (average days late, % paid on time)}
        """
        company = self.env.company
        self.env.flush_all()
        rows = self.env["kam.receivable.engine"]._kam_per_partner(
            self,
            lambda commercial_ids: SQL(
                """
                WITH paid AS (
                    SELECT rp.commercial_partner_id AS partner_id,
                           am.invoice_date_due AS due,
                           MAX(apr.max_date) AS paid_on
                      FROM account_move am
                      JOIN res_partner rp ON rp.id = am.partner_id
                      JOIN account_move_line aml ON aml.move_id = am.id
                      JOIN account_account acc
                        ON acc.id = aml.account_id
                       AND acc.account_type = 'asset_receivable'
                      JOIN account_partial_reconcile apr ON apr.debit_move_id = aml.id
                     WHERE am.company_id = %(company)s
                       AND am.move_type = 'out_invoice'
                       AND am.state = 'posted'
                       AND am.payment_state IN ('paid', 'in_payment')
                       AND rp.commercial_partner_id IN %(partners)s
                     GROUP BY rp.commercial_partner_id, am.id, am.invoice_date_due
                )
                SELECT partner_id,
                       AVG(GREATEST(paid_on - due, 0)),
                       100.0 * AVG(CASE WHEN paid_on <= due THEN 1 ELSE 0 END)
                  FROM paid
                 WHERE paid_on >= %(since)s
                 GROUP BY partner_id
                """,
                company=company.id,
                partners=commercial_ids,
                since=company._kam_today() - timedelta(days=365),
            ),
        )
        return {
            pid: (float(late or 0), float(on_time or 0))
            for pid, (late, on_time) in rows.items()
        }

    @api.model
    def _kam_dso_days(self, receivable, yearly_sales):
        """Days sales outstanding: the receivable against a year of invoiced sales,
        in days (0 without sales). The account's DSO and the DSO KPI use it."""
        return receivable / yearly_sales * 365 if yearly_sales > 0 else 0.0
