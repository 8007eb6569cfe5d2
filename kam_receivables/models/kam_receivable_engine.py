# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The receivables engine: the one definition of "open receivable".

An open item is a journal item of a *receivable* account (``asset_receivable``), of a
*posted* entry, with a residual. Amounts are in company currency.

* Today (the company's business day, ``company._kam_today()``) the open items are
  accounting's: every posted item with today's residual, whatever its date (an
  invoice dated tomorrow is owed already) - the customer's receivable balance.
* As of a past day D (a KPI at a period end, a statement's closing date) they are the
  items dated on or before D with their residual as of D: today's residual plus what
  reconciliations dated after D took off it (``account.partial.reconcile.max_date``),
  so a payment booked after D leaves the invoice open on D.

* The customer is the commercial entity of the item's partner (its contacts count).
* Company scope: the companies passed in, never the user's record rules.
* An item is *overdue* when it is a debt (positive residual) more than the customer's
  grace period past its due date (``date_maturity``, else the item's date). The grace
  period is the customer's own when "Own Payment Grace" is set, else the company's.
* Due-date buckets (not due, 1-30, 31-60, 61-90, 90+ days) hold debts; payments and
  credit notes not yet applied (negative residuals) are *unapplied credits*, apart.
* Days past due count from the day asked for, the company's today by default.

The open items are read by ``_kam_items_sql`` (one day) and ``_kam_items_days_sql``
(many days in one query), in ``kam_receivable_items.py``. Every figure of the add-on
reads these methods: credit exposure and overdue (partner,
order, credit check), the receivables aging, collection levels, the overdue-ratio and
collected-revenue KPIs, DSO, the settlement statement and the overdue invoices menu.
The amount still to invoice of an order (order exposure) and available credit are
defined here as well.
"""

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.kam_management.models.kam_sql import kam_figures_query

# (column, first day past due, last day past due or None): the due-date buckets
BUCKETS = (
    ("amount_1_30", 1, 30),
    ("amount_31_60", 31, 60),
    ("amount_61_90", 61, 90),
    ("amount_90_plus", 91, None),
)


def _ids(values):
    """A tuple usable in ``IN %s`` (never empty)."""
    return tuple(values) or (None,)


class KamReceivableEngine(models.AbstractModel):
    _name = "kam.receivable.engine"
    _description = "Receivables Engine (open receivables, exposure, overdue)"

    # ------------------------------------------------------------------
    # Scope and day
    # ------------------------------------------------------------------
    @api.model
    def _kam_as_of(self, company=None, as_of=None):
        """The day figures are read for: ``as_of``, else the company's today."""
        return as_of or (company or self.env.company)._kam_today()

    @api.model
    def _kam_commercial_ids(self, partners):
        """Ids of the commercial entities of ``partners``."""
        # sudo: only ids are read, for whoever asks (a KPI reader, a portal user
        # confirming an order); the figures are the customer's, not the reader's
        return set(partners.sudo().commercial_partner_id.ids)

    @api.model
    def _kam_scope_domain(self, partners, companies):
        """ORM domain of the receivable journal items of ``partners``' commercial
        entities in ``companies`` (posted, receivable accounts): the engine's scope."""
        return [
            ("company_id", "in", companies.ids),
            ("parent_state", "=", "posted"),
            ("account_id.account_type", "=", "asset_receivable"),
            (
                "partner_id.commercial_partner_id",
                "in",
                list(self._kam_commercial_ids(partners)),
            ),
        ]

    @api.model
    def _kam_grace_sql(self):
        """Grace days of the item's customer ``cp`` in its company ``company``."""
        return SQL(
            "COALESCE(CASE WHEN cp.kam_own_payment_grace "
            "THEN cp.kam_payment_grace_days "
            "ELSE company.kam_payment_grace_days END, 0)"
        )

    @api.model
    def _kam_flush(self):
        for model, fnames in (
            ("account.move.line", None),
            ("account.move", None),
            ("account.partial.reconcile", None),
            ("res.partner", None),
            ("res.company", ["kam_payment_grace_days", "currency_id"]),
        ):
            self.env[model].flush_model(fnames)

    # ------------------------------------------------------------------
    # Figures per customer (the open items: kam_receivable_items.py)
    # ------------------------------------------------------------------
    @api.model
    def _kam_per_partner_rows(self, partners, grouped):
        """Run ``grouped(commercial_ids)``, an SQL query grouped by commercial entity
        (first column ``partner_id``) given the SQL subquery of the commercial
        entities of ``partners``, and give each partner its entity's rows: one query,
        no read of the partners.

        :return: ``[(partner id, *the row's other columns)]`` for the partners with
            rows
        """
        ids = tuple(set(partners._origin._ids) - {False})
        if not ids:
            return []
        commercial_ids = SQL(
            "(SELECT commercial_partner_id FROM res_partner WHERE id IN %s)", ids
        )
        rows = kam_figures_query(
            self.env,
            SQL(
                """
                SELECT p.id, f.*
                  FROM res_partner p
                  JOIN (%s) f ON f.partner_id = p.commercial_partner_id
                 WHERE p.id IN %s
                """,
                grouped(commercial_ids),
                ids,
            ),
        )
        return [(row[0], *row[2:]) for row in rows]

    @api.model
    def _kam_per_partner(self, partners, grouped):
        """:meth:`_kam_per_partner_rows` of a query with one row per commercial
        entity: ``{partner id: (the row's other columns)}``."""
        return {
            pid: tuple(rest)
            for pid, *rest in self._kam_per_partner_rows(partners, grouped)
        }

    @api.model
    def _kam_receivables(self, partners, companies=None, as_of=None):
        """Open receivables of ``partners`` (contacts: their commercial entity's), one
        query: the one-day case of :meth:`_kam_receivables_days`.

        :param companies: scope (default: the current company)
        :param as_of: the day (default: the current company's today)
        :return: ``{partner id: {"receivable": net open residual, "debt": open debts
            (positive residuals), "unapplied": unapplied credits (negative or zero),
            "overdue": overdue debts, "overdue_days": days past due of the oldest
            overdue debt (0 when none)}}``, for every partner
        """
        companies = companies or self.env.company
        as_of = self._kam_as_of(companies[:1], as_of)
        return self._kam_receivables_days(partners, [as_of], companies)[as_of]

    @api.model
    def _kam_receivables_days(self, partners, days, companies=None):
        """Open receivables of ``partners`` as of each of ``days`` (figures of
        :meth:`_kam_receivables`), in one query.

        :return: ``{day: {partner id: figures}}``, for every day and partner
        """
        companies = companies or self.env.company
        keys = ("receivable", "debt", "unapplied", "overdue", "overdue_days")
        self._kam_flush()
        rows = self._kam_per_partner_rows(
            partners,
            lambda commercial_ids: SQL(
                """
                SELECT item.partner_id, item.day,
                       SUM(item.residual),
                       SUM(GREATEST(item.residual, 0)),
                       SUM(LEAST(item.residual, 0)),
                       SUM(CASE WHEN item.overdue THEN item.residual ELSE 0 END),
                       MAX(CASE WHEN item.overdue THEN item.days ELSE 0 END)
                  FROM (%s) item
                 GROUP BY item.partner_id, item.day
                """,
                self._kam_items_days_sql(days, companies.ids, commercial_ids),
            ),
        )
        found = {(pid, day): values for pid, day, *values in rows}
        empty = (0.0, 0.0, 0.0, 0.0, 0)
        ids = list(zip(partners._ids, partners._origin._ids, strict=True))
        return {
            day: {
                partner_id: dict(
                    zip(keys, found.get((origin_id, day), empty), strict=True)
                )
                for partner_id, origin_id in ids
            }
            for day in days
        }

    @api.model
    def _kam_overdue_customers(self, company, as_of=None):
        """``{commercial partner id: days past due of its oldest overdue debt}`` of
        every overdue customer of ``company``: one query (collection levels)."""
        self._kam_flush()
        self.env.cr.execute(
            SQL(
                """
                SELECT item.partner_id, MAX(item.days)
                  FROM (%s) item
                 WHERE item.overdue
                 GROUP BY item.partner_id
                """,
                self._kam_items_sql(self._kam_as_of(company, as_of), company.ids),
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _kam_overdue_moves_sql(self, companies, as_of=None):
        """SQL selecting the ids of the entries that have an overdue item."""
        return SQL(
            "(SELECT item.move_id FROM (%s) item WHERE item.overdue)",
            self._kam_items_sql(self._kam_as_of(companies[:1], as_of), companies.ids),
        )

    @api.model
    def _kam_collected(self, partner_ids, date_from, date_to, companies):
        """Money collected from customers: receivable journal items of payments and
        bank transactions dated in the period, per commercial partner and day.

        :return: ``[(commercial partner id, day, amount)]``, amounts in company
            currency (refunds paid out count negative)
        """
        self._kam_flush()
        self.env.cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id, aml.date, -SUM(aml.balance)
                  FROM account_move_line aml
                  JOIN account_move am ON am.id = aml.move_id
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                 WHERE acc.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND (am.origin_payment_id IS NOT NULL
                        OR am.statement_line_id IS NOT NULL)
                   AND aml.company_id IN %(companies)s
                   AND rp.commercial_partner_id IN %(partners)s
                   AND aml.date BETWEEN %(date_from)s AND %(date_to)s
                 GROUP BY rp.commercial_partner_id, aml.date
                """,
                companies=_ids(companies.ids),
                partners=_ids(partner_ids),
                date_from=date_from,
                date_to=date_to,
            )
        )
        return [
            (pid, day, amount or 0.0) for pid, day, amount in self.env.cr.fetchall()
        ]
