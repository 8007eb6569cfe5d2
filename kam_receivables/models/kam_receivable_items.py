# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The open items of the receivables engine (``kam.receivable.engine``): the SQL
of the receivable journal items open on a day, or on many days at once."""

from odoo import api, models
from odoo.tools import SQL

from .kam_receivable_engine import _ids

# the columns of an open item (see _kam_items_sql)
ITEM_COLUMNS = (
    "id",
    "move_id",
    "partner_id",
    "company_id",
    "currency_id",
    "date",
    "date_maturity",
    "days",
    "grace",
    "residual",
    "overdue",
)


class KamReceivableEngine(models.AbstractModel):
    _inherit = "kam.receivable.engine"

    # ------------------------------------------------------------------
    # Open items
    # ------------------------------------------------------------------
    @api.model
    def _kam_items_sql(self, as_of, company_ids=None, partner_ids=None, move_ids=None):
        """SQL of the receivable journal items open as of ``as_of`` (see the
        definition in ``kam_receivable_engine.py``: today's open items from today
        on, else rebuilt as of that day).

        Columns: ``id`` (the journal item), ``move_id``, ``partner_id`` (commercial
        entity), ``company_id``, ``currency_id`` (company currency), ``date``,
        ``date_maturity``, ``days`` (days past due on ``as_of``), ``grace``,
        ``residual`` (as of ``as_of``, company currency, never zero) and ``overdue``.
        ``None`` filters mean "all"; ``partner_ids`` may be an SQL subquery. The
        caller flushes (``_kam_flush``). The one-day case of
        :meth:`_kam_items_days_sql`.
        """
        return SQL(
            "SELECT %s FROM (%s) item",
            SQL(", ").join(SQL.identifier("item", name) for name in ITEM_COLUMNS),
            self._kam_items_days_sql([as_of], company_ids, partner_ids, move_ids),
        )

    @api.model
    def _kam_items_days_sql(
        self, days, company_ids=None, partner_ids=None, move_ids=None
    ):
        """SQL of the receivable journal items open as of each of ``days``, in one
        query: the columns of :meth:`_kam_items_sql` plus ``day``, one row per item
        and day it is open on.

        From today on (the company's today, that of the first of ``company_ids``)
        the open items are accounting's, with today's residual, whatever their date.
        For a past day D they are the items dated on or before D with their residual
        as of D: today's residual plus what reconciliations dated after D
        (``account.partial.reconcile.max_date``) took off it; only items not fully
        reconciled, or reconciled after the first of the past days, can be open then.
        """
        days = sorted(set(days))
        today = self.env["res.company"].browse(company_ids[:1] if company_ids else ())
        today = today._kam_today()
        filters = [SQL("acc.account_type = 'asset_receivable'")]
        filters.append(SQL("aml.parent_state = 'posted'"))
        if company_ids is not None:
            filters.append(SQL("aml.company_id IN %s", _ids(company_ids)))
        if partner_ids is not None:
            if not isinstance(partner_ids, SQL):
                partner_ids = _ids(partner_ids)
            filters.append(SQL("rp.commercial_partner_id IN %s", partner_ids))
        if move_ids is not None:
            filters.append(SQL("aml.move_id IN %s", _ids(move_ids)))
        past = [day for day in days if day < today]
        current = [day for day in days if day >= today]
        parts = []
        if past:
            parts.append(self._kam_items_past_sql(past, filters))
        if current:
            parts.append(
                self._kam_items_current_sql(
                    current, [*filters, SQL("NOT aml.reconciled")]
                )
            )
        return SQL(
            """
            SELECT item.*,
                   item.residual > 0 AND item.days > item.grace AS overdue
              FROM (%s) item
             WHERE item.residual != 0
            """,
            SQL(" UNION ALL ").join(parts),
        )

    @api.model
    def _kam_items_past_sql(self, days, filters):
        """The items of :meth:`_kam_items_days_sql` on past ``days``: the items
        matching ``filters`` dated on or before a day, with the residual they had on
        it.

        Only items open today, or reconciled after the first of the days, can have
        been open on one of them: these are read once (``kam_item``), a reconciled
        one with the day it stopped being open (``open_until``: its last
        reconciliation), and what reconciliations dated after each day took off them
        (``kam_later``)."""
        return SQL(
            """
            (WITH kam_reconciliation AS MATERIALIZED (
                SELECT apr.debit_move_id AS line_id, apr.amount, apr.max_date
                  FROM account_partial_reconcile apr
                 WHERE apr.max_date > %(first)s
                 UNION ALL
                SELECT apr.credit_move_id, -apr.amount, apr.max_date
                  FROM account_partial_reconcile apr
                 WHERE apr.max_date > %(first)s
            ), kam_line AS MATERIALIZED (
                SELECT aml.id, aml.move_id, cp.id AS partner_id, aml.company_id,
                       company.currency_id, aml.date,
                       COALESCE(aml.date_maturity, aml.date) AS date_maturity,
                       %(grace)s AS grace, aml.amount_residual, aml.reconciled
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_company company ON company.id = aml.company_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner cp ON cp.id = rp.commercial_partner_id
                 WHERE %(filters)s
                   AND aml.date <= %(last)s
                   AND (NOT aml.reconciled
                        OR aml.id IN (SELECT r.line_id FROM kam_reconciliation r))
            ), kam_line_reconciliation AS MATERIALIZED (
                SELECT r.line_id, l.date, r.amount, r.max_date
                  FROM kam_reconciliation r
                  JOIN kam_line l ON l.id = r.line_id
            ), kam_item AS MATERIALIZED (
                SELECT l.*, until.day AS open_until
                  FROM kam_line l
             LEFT JOIN (SELECT lr.line_id, MAX(lr.max_date) AS day
                          FROM kam_line_reconciliation lr
                         GROUP BY lr.line_id) until ON until.line_id = l.id
            ), kam_later AS (
                SELECT lr.line_id, d.day, SUM(lr.amount) AS amount
                  FROM kam_line_reconciliation lr
                  JOIN unnest(%(days)s::date[]) AS d(day)
                    ON lr.max_date > d.day AND lr.date <= d.day
                 GROUP BY lr.line_id, d.day
            )
            SELECT d.day, i.id, i.move_id, i.partner_id, i.company_id, i.currency_id,
                   i.date, i.date_maturity, d.day - i.date_maturity AS days, i.grace,
                   i.amount_residual + COALESCE(later.amount, 0) AS residual
              FROM kam_item i
              JOIN unnest(%(days)s::date[]) AS d(day)
                ON i.date <= d.day AND (NOT i.reconciled OR d.day < i.open_until)
         LEFT JOIN kam_later later ON later.line_id = i.id AND later.day = d.day)
            """,
            first=days[0],
            last=days[-1],
            days=days,
            grace=self._kam_grace_sql(),
            filters=SQL(" AND ").join(filters),
        )

    @api.model
    def _kam_items_current_sql(self, days, filters):
        """The items of :meth:`_kam_items_days_sql` on ``days`` from today on: the
        journal items matching ``filters`` (SQL on ``aml``, ``acc``, ``rp``) with
        today's residual."""
        return SQL(
            """
            SELECT d.day, aml.id, aml.move_id, cp.id AS partner_id, aml.company_id,
                   company.currency_id, aml.date,
                   COALESCE(aml.date_maturity, aml.date) AS date_maturity,
                   d.day - COALESCE(aml.date_maturity, aml.date) AS days,
                   %(grace)s AS grace, aml.amount_residual AS residual
              FROM account_move_line aml
              JOIN account_account acc ON acc.id = aml.account_id
              JOIN res_company company ON company.id = aml.company_id
              JOIN res_partner rp ON rp.id = aml.partner_id
              JOIN res_partner cp ON cp.id = rp.commercial_partner_id
             CROSS JOIN unnest(%(days)s::date[]) AS d(day)
             WHERE %(filters)s
            """,
            grace=self._kam_grace_sql(),
            days=list(days),
            filters=SQL(" AND ").join(filters),
        )

    @api.model
    def _kam_bucket_sql(self, low, high=None):
        """SQL amount of an item (alias ``item``) in the bucket of ``low`` to ``high``
        days past due (``None``: open-ended; ``low`` of 0 or less: not due)."""
        if low <= 0:
            return SQL(
                "CASE WHEN item.residual > 0 AND item.days <= 0 "
                "THEN item.residual ELSE 0 END"
            )
        if high is None:
            return SQL(
                "CASE WHEN item.residual > 0 AND item.days >= %s "
                "THEN item.residual ELSE 0 END",
                low,
            )
        return SQL(
            "CASE WHEN item.residual > 0 AND item.days BETWEEN %s AND %s "
            "THEN item.residual ELSE 0 END",
            low,
            high,
        )
