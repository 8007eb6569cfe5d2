# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Credit exposure: the one definition of limit, exposure and available credit.

* **Credit limit**: Odoo's own ``credit_limit`` of the commercial entity in the
  company (its "Partner Limit", else the company's default limit), and only when the
  company uses credit limits (``account_use_credit_limit``); otherwise no limit.
* **Order exposure**: the amount an order still has to invoice, tax included, in
  company currency at the order's own rate (``currency_rate``, fixed at the order
  date), less what was paid online and not booked as a payment yet.
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
    def _kam_credit_limits(self, partners, company):
        """``{commercial partner id: credit limit in company}`` (0: no limit)."""
        # sudo: credit_limit is an accounting field; every reader of a customer's
        # credit (KAM, portal confirmation, cron) needs the limit, one read per batch
        commercial = partners.with_company(company).sudo().commercial_partner_id
        if not company.account_use_credit_limit:
            return dict.fromkeys(commercial.ids, 0.0)
        return {partner.id: partner.credit_limit for partner in commercial}

    @api.model
    def _kam_available_credit(self, limit, exposure):
        """Credit left under ``limit`` after ``exposure`` (0 when there is no
        limit)."""
        return limit - exposure if limit else 0.0

    @api.model
    def _kam_credit_position(self, partners, company, orders=None):
        """Limit, exposure, overdue and available credit of the commercial entities
        of ``partners`` in ``company``: one query for the whole batch.

        :param orders: orders left out of the exposure (the one being checked); their
            own order exposure is returned as ``"orders"``
        :return: ``{commercial partner id: {"limit", "receivable", "overdue",
            "draft", "to_invoice", "exposure", "available", "orders"}}``
        """
        engine = self.env["kam.receivable.engine"]
        commercial_ids = engine._kam_commercial_ids(partners)
        if not commercial_ids:
            return {}
        limits = self._kam_credit_limits(partners, company)
        keys = ("receivable", "overdue", "draft", "to_invoice", "orders")
        sums = {pid: dict.fromkeys(keys, 0.0) for pid in commercial_ids}
        self._kam_flush()
        order_ids = _ids(orders.ids if orders else ())
        as_of = engine._kam_as_of(company)
        self.env.cr.execute(
            SQL(
                """
                SELECT f.partner_id, SUM(f.receivable), SUM(f.overdue), SUM(f.draft),
                       SUM(f.to_invoice), SUM(f.orders)
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
                  ) f
                 GROUP BY f.partner_id
                """,
                items=engine._kam_items_sql(as_of, company.ids, commercial_ids),
                company=company.id,
                partners=tuple(commercial_ids),
                orders=order_ids,
                order_amounts=self._kam_order_amounts_sql(
                    SQL(
                        "so.company_id = %s AND rp.commercial_partner_id IN %s "
                        "AND (so.state = 'sale' OR so.id IN %s)",
                        company.id,
                        tuple(commercial_ids),
                        order_ids,
                    )
                ),
            )
        )
        for pid, *values in self.env.cr.fetchall():
            sums[pid] = dict(zip(keys, (value or 0.0 for value in values), strict=True))
        currency = company.currency_id
        result = {}
        for pid, values in sums.items():
            position = {key: currency.round(value) for key, value in values.items()}
            position["limit"] = limit = limits.get(pid, 0.0)
            position["exposure"] = exposure = currency.round(
                position["receivable"] + position["draft"] + position["to_invoice"]
            )
            position["available"] = self._kam_available_credit(limit, exposure)
            result[pid] = position
        return result

    @api.model
    def _kam_lock(self, partners):
        """Write to the customers' rows so that concurrent credit checks serialize.

        Odoo runs transactions in REPEATABLE READ: a second transaction that checked the
        same customer from an older snapshot fails on this UPDATE with a serialization
        error, and Odoo retries it against fresh data.
        """
        commercial_ids = tuple(
            self.env["kam.receivable.engine"]._kam_commercial_ids(partners)
        )
        if commercial_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE res_partner SET kam_credit_check_date = %s WHERE id IN %s",
                    fields.Datetime.now(),
                    commercial_ids,
                ),
                log_exceptions=False,
            )
            self.env["res.partner"].browse(commercial_ids).invalidate_recordset(
                ["kam_credit_check_date"]
            )
