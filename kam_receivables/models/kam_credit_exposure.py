# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Credit exposure: the one definition of limit, exposure and available credit.

* **Credit limit**: Odoo's own ``credit_limit`` of the commercial entity in the
  company (its "Partner Limit", else the company's default limit), and only when the
  company uses credit limits (``account_use_credit_limit``); otherwise no limit.
* **Order exposure**: the amount an order still has to invoice, tax included, in
  company currency at the order's own rate (``currency_rate``, fixed at the order
  date), less its down payments already invoiced and not deducted yet (they are in
  the receivables or the draft invoices) and what was paid online and not booked as
  a payment yet.
* **Exposure**: open receivables (``kam.receivable.engine``: net of unapplied
  credits), draft customer invoices and credit notes, and the order exposure of the
  confirmed orders.
* **Available credit**: limit minus exposure (no limit: nothing available to show).

The partner's and the order's credit fields and the credit check all read
``_kam_credit_position``; the check and the amount guard of confirmed orders read
``_kam_order_amounts``.
"""

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.kam_management.models.kam_sql import kam_figures_query

from .kam_receivable_engine import _ids


class KamCreditExposure(models.AbstractModel):
    _name = "kam.credit.exposure"
    _description = "Credit Exposure (limit, exposure, available credit)"

    @api.model
    def _kam_order_amounts_sql(self, where):
        """SQL of the order exposure of the orders matching ``where`` (SQL on ``so``
        and ``rp``, its partner). Columns: ``order_id``, ``state``, ``partner_id``
        (commercial entity), ``amount`` (company currency, rounded)."""
        return SQL(
            """
            SELECT so.id AS order_id, so.state, rp.commercial_partner_id AS partner_id,
                   ROUND(
                       (GREATEST(COALESCE(lines.amount, 0)
                                 - COALESCE(down.amount, 0)
                                 - COALESCE(paid.amount, 0), 0)
                        / COALESCE(NULLIF(so.currency_rate, 0), 1))::numeric,
                       cur.decimal_places
                   ) AS amount
              FROM sale_order so
              JOIN res_partner rp ON rp.id = so.partner_id
              JOIN res_company company ON company.id = so.company_id
              JOIN res_currency cur ON cur.id = company.currency_id
         LEFT JOIN LATERAL (
                    -- still to invoice: the share of each line not invoiced yet
                    SELECT SUM(GREATEST(sol.price_total
                                        * (sol.product_uom_qty - sol.qty_invoiced)
                                        / sol.product_uom_qty, 0)) AS amount
                      FROM sale_order_line sol
                     WHERE sol.order_id = so.id
                       AND sol.display_type IS NULL
                       AND sol.product_uom_qty > 0
                ) lines ON TRUE
         LEFT JOIN LATERAL (
                    -- down payments invoiced and not deducted by a later invoice
                    -- yet: in an invoice already, they are not to invoice again
                    SELECT SUM(CASE WHEN am.move_type = 'out_refund'
                                    THEN -aml.price_total
                                    ELSE aml.price_total END) AS amount
                      FROM sale_order_line dp
                      JOIN sale_order_line_invoice_rel rel
                        ON rel.order_line_id = dp.id
                      JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                      JOIN account_move am ON am.id = aml.move_id
                     WHERE dp.order_id = so.id
                       AND dp.is_downpayment
                       AND am.state != 'cancel'
                       AND am.move_type IN ('out_invoice', 'out_refund')
                ) down ON TRUE
         LEFT JOIN LATERAL (
                    -- paid online, the payment not created yet
                    SELECT SUM(tx.amount) AS amount
                      FROM sale_order_transaction_rel rel
                      JOIN payment_transaction tx ON tx.id = rel.transaction_id
                     WHERE rel.sale_order_id = so.id
                       AND tx.state IN ('authorized', 'done')
                       AND tx.payment_id IS NULL
                ) paid ON TRUE
             WHERE %s
            """,
            where,
        )

    @api.model
    def _kam_flush(self):
        self.env["kam.receivable.engine"]._kam_flush()
        for model in ("sale.order", "sale.order.line", "payment.transaction"):
            self.env[model].flush_model()

    @api.model
    def _kam_order_amounts(self, orders):
        """``{order id: amount still to invoice}`` (see the module docstring)."""
        if not orders:
            return {}
        self._kam_flush()
        self.env.cr.execute(
            SQL(
                "SELECT o.order_id, o.amount FROM (%s) o",
                self._kam_order_amounts_sql(SQL("so.id IN %s", tuple(orders.ids))),
            )
        )
        amounts = dict.fromkeys(orders.ids, 0.0)
        amounts.update(
            (order_id, float(amount or 0.0))
            for order_id, amount in self.env.cr.fetchall()
        )
        return amounts

    @api.model
    def _kam_credit_limit_sql(self, company, alias):
        """SQL of the credit limit of the customer ``alias`` in ``company``: Odoo's
        own ``credit_limit`` (the customer's, else the company's default), when the
        company uses credit limits; else 0 (no limit)."""
        if not company.account_use_credit_limit:
            return SQL("0.0")
        # sudo: credit_limit belongs to accounting groups; every reader of a customer's
        # credit (KAM, portal confirmation, cron) needs the limit
        partners = self.env["res.partner"].with_company(company).sudo()
        return SQL(
            "COALESCE(%s, 0.0)",
            partners._field_to_sql(alias, "credit_limit", flush=False),
        )

    @api.model
    def _kam_available_credit(self, limit, exposure):
        """Credit left under ``limit`` after ``exposure`` (0 when there is no
        limit)."""
        return limit - exposure if limit else 0.0

    @api.model
    def _kam_credit_position(self, company, partners=None, orders=None, lock=False):
        """Limit, exposure, overdue and available credit of customers in ``company``:
        one query for the whole batch, figures rounded to the company currency.

        :param partners: the customers asked for (contacts count as their commercial
            entity); default: the customers of ``orders``
        :param orders: orders left out of the exposure (the ones being checked); their
            own order exposure is returned as ``"orders"``
        :param lock: serialize concurrent credit checks of customers with a limit
            (see ``_kam_lock_sql``)
        :return: ``{partner id asked for (for orders: the order's partner): {
            "partner_id" (commercial entity), "limit", "hold", "risk_class",
            "receivable", "overdue", "draft", "to_invoice", "exposure", "available",
            "orders"}}``
        """
        order_ids = _ids(orders.ids if orders else ())
        if partners is not None:
            partner_ids = tuple(set(partners._origin._ids) - {False})
            if not partner_ids:
                return {}
            asked = SQL("p.id IN %s", partner_ids)
        else:
            asked = SQL(
                "p.id IN (SELECT so.partner_id FROM sale_order so WHERE so.id IN %s)",
                order_ids,
            )
        currency = company.currency_id
        self._kam_flush()
        rows = kam_figures_query(
            self.env,
            SQL(
                """
                WITH customer AS (
                    SELECT p.id AS asked_id, cp.id, cp.kam_credit_hold,
                           cp.kam_credit_risk_class, %(limit)s AS credit_limit
                      FROM res_partner p
                      JOIN res_partner cp ON cp.id = p.commercial_partner_id
                     WHERE %(asked)s
                )%(lock)s
                SELECT c.asked_id, c.id, c.credit_limit, c.kam_credit_hold,
                       c.kam_credit_risk_class,
                       %(receivable)s, %(overdue)s, %(draft)s, %(to_invoice)s,
                       %(orders)s, %(exposure)s
                  FROM customer c
             LEFT JOIN (%(figures)s) f ON f.partner_id = c.id
                """,
                limit=self._kam_credit_limit_sql(company, "cp"),
                asked=asked,
                lock=self._kam_lock_sql() if lock else SQL(),
                figures=self._kam_figures_sql(company, order_ids),
                **{
                    key: self._kam_round_sql(currency, SQL(f"f.{key}"))
                    for key in (
                        "receivable",
                        "overdue",
                        "draft",
                        "to_invoice",
                        "orders",
                    )
                },
                exposure=self._kam_round_sql(
                    currency, SQL("f.receivable + f.draft + f.to_invoice")
                ),
            ),
            log_exceptions=not lock,
        )
        if lock:
            self.env["res.partner"].invalidate_model(["kam_credit_check_date"])
        keys = ("receivable", "overdue", "draft", "to_invoice", "orders", "exposure")
        digits = currency.decimal_places
        result = {}
        for asked_id, pid, limit, hold, risk_class, *values in rows:
            position = dict(zip(keys, map(float, values), strict=True))
            limit = limit or 0.0
            position.update(
                partner_id=pid,
                limit=limit,
                hold=bool(hold),
                risk_class=risk_class or "medium",
                available=round(
                    self._kam_available_credit(limit, position["exposure"]), digits
                ),
            )
            result[asked_id] = position
        return result

    @api.model
    def _kam_round_sql(self, currency, amount):
        """SQL rounding ``amount`` (NULL: 0) as ``currency.round`` does."""
        rounding = SQL("%s::numeric", str(currency.rounding))
        return SQL("ROUND(COALESCE(%s, 0) / %s) * %s", amount, rounding, rounding)

    @api.model
    def _kam_figures_sql(self, company, order_ids):
        """SQL of the exposure figures of the customers of CTE ``customer`` in
        ``company``, one row per customer with figures (not rounded). See
        ``_kam_credit_position``."""
        engine = self.env["kam.receivable.engine"]
        partner_ids = SQL("(SELECT id FROM customer)")
        return SQL(
            """
            SELECT u.partner_id, SUM(u.receivable) AS receivable,
                   SUM(u.overdue) AS overdue, SUM(u.draft) AS draft,
                   SUM(u.to_invoice) AS to_invoice, SUM(u.orders) AS orders
              FROM (
                SELECT item.partner_id, item.residual AS receivable,
                       CASE WHEN item.overdue THEN item.residual ELSE 0 END
                           AS overdue,
                       0 AS draft, 0 AS to_invoice, 0 AS orders
                  FROM (%(items)s) item
                 UNION ALL
                SELECT rp.commercial_partner_id, 0, 0, am.amount_total_signed, 0, 0
                  FROM account_move am
                  JOIN res_partner rp ON rp.id = am.partner_id
                 WHERE am.company_id = %(company)s
                   AND am.state = 'draft'
                   AND am.move_type IN ('out_invoice', 'out_refund')
                   AND rp.commercial_partner_id IN %(partners)s
                 UNION ALL
                SELECT o.partner_id, 0, 0, 0,
                       CASE WHEN o.order_id IN %(orders)s THEN 0 ELSE o.amount END,
                       CASE WHEN o.order_id IN %(orders)s THEN o.amount ELSE 0 END
                  FROM (%(order_amounts)s) o
              ) u
             GROUP BY u.partner_id
            """,
            items=engine._kam_items_sql(
                engine._kam_as_of(company), company.ids, partner_ids
            ),
            company=company.id,
            partners=partner_ids,
            orders=order_ids,
            order_amounts=self._kam_order_amounts_sql(
                SQL(
                    "so.company_id = %s AND rp.commercial_partner_id IN %s "
                    "AND (so.state = 'sale' OR so.id IN %s)",
                    company.id,
                    partner_ids,
                    order_ids,
                )
            ),
        )

    @api.model
    def _kam_lock_sql(self):
        """SQL (a CTE after ``customer``) writing to the rows of the customers with a
        credit limit, so that concurrent credit checks serialize.

        Odoo runs transactions in REPEATABLE READ: a second transaction that checked the
        same customer from an older snapshot fails on this UPDATE with a serialization
        error, and Odoo retries it against fresh data.
        """
        return SQL(
            """,
            locked AS (
                UPDATE res_partner SET kam_credit_check_date = %s
                 WHERE id IN (SELECT id FROM customer WHERE credit_limit > 0)
             RETURNING id
            )""",
            fields.Datetime.now(),
        )
