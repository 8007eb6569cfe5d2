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

Every figure of the add-on reads these methods: credit exposure and overdue (partner,
order, credit check), the receivables aging, collection levels, the overdue-ratio and
collected-revenue KPIs, DSO, the settlement statement and the overdue invoices menu.
The amount still to invoice of an order (order exposure) and available credit are
defined here as well.
"""

from odoo import api, models
from odoo.tools import SQL

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
    # Open items
    # ------------------------------------------------------------------
    @api.model
    def _kam_items_sql(self, as_of, company_ids=None, partner_ids=None, move_ids=None):
        """SQL of the receivable journal items open as of ``as_of`` (see the module
        docstring: today's open items from today on, else rebuilt as of that day).

        Columns: ``id`` (the journal item), ``move_id``, ``partner_id`` (commercial
        entity), ``company_id``, ``currency_id`` (company currency), ``date``,
        ``date_maturity``, ``days`` (days past due on ``as_of``), ``grace``,
        ``residual`` (as of ``as_of``, company currency, never zero) and ``overdue``.
        ``None`` filters mean "all"; ``partner_ids`` may be an SQL subquery. The
        caller flushes (``_kam_flush``).
        """
        today = self.env["res.company"].browse(company_ids[:1] if company_ids else ())
        filters = [SQL("TRUE")]
        if as_of < today._kam_today():
            # what reconciliations dated after the day took off each item
            later = SQL(
                """
                SELECT p.line_id, SUM(p.amount) AS amount
                  FROM (
                    SELECT apr.debit_move_id AS line_id, apr.amount
                      FROM account_partial_reconcile apr
                     WHERE apr.max_date > %(as_of)s
                     UNION ALL
                    SELECT apr.credit_move_id, -apr.amount
                      FROM account_partial_reconcile apr
                     WHERE apr.max_date > %(as_of)s
                  ) p
                 GROUP BY p.line_id
                """,
                as_of=as_of,
            )
            filters += [
                SQL("aml.date <= %s", as_of),
                SQL("(NOT aml.reconciled OR later.line_id IS NOT NULL)"),
            ]
        else:
            later = SQL("SELECT NULL::int AS line_id, NULL::numeric AS amount LIMIT 0")
            filters.append(SQL("NOT aml.reconciled"))
        if company_ids is not None:
            filters.append(SQL("aml.company_id IN %s", _ids(company_ids)))
        if partner_ids is not None:
            if not isinstance(partner_ids, SQL):
                partner_ids = _ids(partner_ids)
            filters.append(SQL("rp.commercial_partner_id IN %s", partner_ids))
        if move_ids is not None:
            filters.append(SQL("aml.move_id IN %s", _ids(move_ids)))
        return SQL(
            """
            SELECT item.*,
                   item.residual > 0 AND item.days > item.grace AS overdue
              FROM (
                SELECT aml.id, aml.move_id, cp.id AS partner_id, aml.company_id,
                       company.currency_id, aml.date,
                       COALESCE(aml.date_maturity, aml.date) AS date_maturity,
                       %(as_of)s::date - COALESCE(aml.date_maturity, aml.date) AS days,
                       %(grace)s AS grace,
                       aml.amount_residual + COALESCE(later.amount, 0) AS residual
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_company company ON company.id = aml.company_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner cp ON cp.id = rp.commercial_partner_id
             LEFT JOIN (%(later)s) later ON later.line_id = aml.id
                 WHERE acc.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND %(filters)s
              ) item
             WHERE item.residual != 0
            """,
            as_of=as_of,
            grace=self._kam_grace_sql(),
            later=later,
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

    @api.model
    def _kam_per_partner(self, partners, grouped):
        """Run ``grouped(commercial_ids)``, an SQL query grouped by commercial entity
        (first column ``partner_id``) given the SQL subquery of the commercial
        entities of ``partners``, and give each partner its entity's row: one query,
        no read of the partners.

        :return: ``{partner id: (the row's other columns)}`` for partners with a row
        """
        ids = tuple(set(partners._origin._ids) - {False})
        if not ids:
            return {}
        commercial_ids = SQL(
            "(SELECT commercial_partner_id FROM res_partner WHERE id IN %s)", ids
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, f.*
                  FROM res_partner p
                  JOIN (%s) f ON f.partner_id = p.commercial_partner_id
                 WHERE p.id IN %s
                """,
                grouped(commercial_ids),
                ids,
            )
        )
        return {row[0]: row[2:] for row in self.env.cr.fetchall()}

    @api.model
    def _kam_receivables(self, partners, companies=None, as_of=None):
        """Open receivables of ``partners`` (contacts: their commercial entity's), one
        query.

        :param companies: scope (default: the current company)
        :param as_of: the day (default: the current company's today)
        :return: ``{partner id: {"receivable": net open residual, "debt": open debts
            (positive residuals), "unapplied": unapplied credits (negative or zero),
            "overdue": overdue debts, "overdue_days": days past due of the oldest
            overdue debt (0 when none)}}``, for every partner
        """
        companies = companies or self.env.company
        as_of = self._kam_as_of(companies[:1], as_of)
        keys = ("receivable", "debt", "unapplied", "overdue", "overdue_days")
        self._kam_flush()
        rows = self._kam_per_partner(
            partners,
            lambda commercial_ids: SQL(
                """
                SELECT item.partner_id,
                       SUM(item.residual),
                       SUM(GREATEST(item.residual, 0)),
                       SUM(LEAST(item.residual, 0)),
                       SUM(CASE WHEN item.overdue THEN item.residual ELSE 0 END),
                       MAX(CASE WHEN item.overdue THEN item.days ELSE 0 END)
                  FROM (%s) item
                 GROUP BY item.partner_id
                """,
                self._kam_items_sql(as_of, companies.ids, commercial_ids),
            ),
        )
        empty = (0.0, 0.0, 0.0, 0.0, 0)
        return {
            partner.id: dict(
                zip(keys, rows.get(partner._origin.id, empty), strict=True)
            )
            for partner in partners
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
