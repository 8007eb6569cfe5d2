# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Confirmed order lines: the one reading of sales behind the KPIs (revenue on the
ordered basis, active and new clients, assortment) and the account revenue of plans,
straight from the order lines with the period as parameters."""

from odoo import api, fields, models
from odoo.tools import SQL

from .kam_sql import kam_figures_query


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    @api.model
    def _kam_sale_report_domain(self, partner_ids, date_from=None, date_to=None):
        """The ``sale.report`` domain of what :meth:`_kam_sale_line_groups` reads,
        for screens that open the orders behind a figure."""
        domain = [
            ("commercial_partner_id", "in", list(partner_ids)),
            ("state", "=", "sale"),
            ("company_id", "in", self.env.companies.ids),
        ]
        if date_from:
            start, stop = self.env.company._kam_day_bounds(date_from, date_to)
            domain += [("date", ">=", start), ("date", "<", stop)]
        return domain

    @api.model
    def _kam_sale_line_groups(
        self, partner_ids, date_from=None, date_to=None, groupby=(), first=False
    ):
        """Confirmed order lines of the accounts ``partner_ids`` (commercial
        partners: their contacts' orders count) in the companies of the
        environment, on the local days ``date_from`` to ``date_to`` of the business
        calendar (all history without dates), grouped by account and ``groupby``.

        The figures are those of ``sale.report`` (Sales > Reporting), read straight
        from the order lines with the period as parameters instead of aggregating
        the whole report: section and note lines left out, untaxed amounts in the
        current company's currency converted exactly as the report converts them.

        :param groupby: any of ``"day"`` (local day of the order date) and
            ``"category"`` (product category; lines without one are left out)
        :param first: only the accounts whose first confirmed order ever is in the
            period (none before ``date_from``; without dates, every account)
        :return: rows ``(account_id, *groupby values, amount, first_day)``: the
            untaxed amount and the local day of the first order of the group.
            One query.
        """
        partner_ids = list(partner_ids)
        if not partner_ids:
            return []
        reads = self.env.context.get("kam_kpi_reads")
        if reads is not None and date_from:
            return self._kam_sale_line_groups_shared(
                reads, partner_ids, date_from, date_to, groupby, first
            )
        return self._kam_sale_line_query(
            partner_ids, date_from, date_to, groupby, first
        )

    @api.model
    def _kam_sale_line_query(
        self, partner_ids, date_from, date_to, groupby, first, uncategorised=False
    ):
        """The query of :meth:`_kam_sale_line_groups`.

        :param uncategorised: grouped by category, keep the lines without one (as
            category ``None``)
        """
        company = self.env.company
        local_day = company._kam_local_day_sql(SQL("s.date_order"))
        columns = {"day": local_day, "category": SQL("t.categ_id")}
        groups = [columns[name] for name in groupby]
        conditions = [
            SQL("l.display_type IS NULL"),
            SQL("s.state = 'sale'"),
            SQL("s.company_id IN %s", tuple(self.env.companies.ids)),
            SQL("partner.commercial_partner_id IN %s", tuple(partner_ids)),
        ]
        if date_from:
            start, stop = company._kam_day_bounds(date_from, date_to)
            conditions.append(
                SQL("s.date_order >= %s AND s.date_order < %s", start, stop)
            )
        if first and date_from:
            conditions.append(
                SQL(
                    "NOT %s",
                    self._kam_ordered_before_sql(
                        SQL("partner.commercial_partner_id"), start
                    ),
                )
            )
        if "category" in groupby and not uncategorised:
            conditions.append(SQL("t.categ_id IS NOT NULL"))
        # sale.report's price_subtotal: order currency to company currency through
        # the order's rate, then to the current company's through the currency
        # table of the report (rates of 0 or none count as 1); lines without a
        # product count 0.
        currency_table = self.env["res.currency"]._get_simple_currency_table(
            self.env.companies
        )
        query = SQL(
            """
            SELECT partner.commercial_partner_id, %(groups)s
                   SUM(CASE WHEN l.product_id IS NOT NULL
                            THEN l.price_subtotal / %(order_rate)s * %(table_rate)s
                            ELSE 0 END),
                   MIN(%(local_day)s)
              FROM sale_order_line l
              JOIN sale_order s ON s.id = l.order_id
              JOIN res_partner partner ON partner.id = s.partner_id
              LEFT JOIN product_product p ON p.id = l.product_id
              LEFT JOIN product_template t ON t.id = p.product_tmpl_id
              JOIN %(currency_table)s
                ON account_currency_table.company_id = s.company_id
             WHERE %(where)s
          GROUP BY partner.commercial_partner_id %(group_by)s
            """,
            groups=SQL("").join(SQL("%s, ", group) for group in groups),
            order_rate=SQL(
                "CASE COALESCE(s.currency_rate, 0) WHEN 0 THEN 1.0 "
                "ELSE s.currency_rate END"
            ),
            table_rate=SQL(
                "CASE COALESCE(account_currency_table.rate, 0) WHEN 0 THEN 1.0 "
                "ELSE account_currency_table.rate END"
            ),
            local_day=local_day,
            currency_table=currency_table,
            where=SQL(" AND ").join(conditions),
            group_by=SQL("").join(SQL(", %s", group) for group in groups),
        )
        # figures, not a listing: the accounts given limit what is read, whatever
        # the reader's rules on orders (the KPIs read sale.report as sudo before)
        for model in (
            "sale.order.line",
            "sale.order",
            "res.partner",
            "product.template",
        ):
            self.env[model].flush_model()
        return kam_figures_query(self.env, query)

    @api.model
    def _kam_ordered_before_sql(self, account_sql, start):
        """SQL condition: the account ``account_sql`` (SQL of a commercial partner
        id) has a confirmed order dated before ``start`` (UTC) in the companies of
        the environment with a line the sales analysis counts: its first order is
        not after ``start``."""
        return SQL(
            """EXISTS (
            SELECT 1 FROM sale_order s0
              JOIN res_partner p0 ON p0.id = s0.partner_id
             WHERE p0.commercial_partner_id = %s
               AND s0.state = 'sale' AND s0.company_id IN %s
               AND s0.date_order < %s
               AND EXISTS (SELECT 1 FROM sale_order_line l0
                            WHERE l0.order_id = s0.id
                              AND l0.display_type IS NULL))""",
            account_sql,
            tuple(self.env.companies.ids),
            start,
        )

    @api.model
    def _kam_sale_line_groups_shared(
        self, reads, partner_ids, date_from, date_to, groupby, first
    ):
        """:meth:`_kam_sale_line_groups` within a KPI computation that shares its
        reads (:meth:`_kam_shared_reads`): the order lines by account and day (and
        category) are read once over a span covering the computation's periods,
        and every later request of those accounts within the span takes its rows
        from there; the first-order accounts leave out those with an earlier order
        (:meth:`_kam_ordered_before_sql`)."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        extra = tuple(name for name in groupby if name != "day")
        accounts = set(partner_ids)
        day_rows = reads.sale_line_days(self, accounts, date_from, date_to, extra)
        if first:
            start = self.env.company._kam_day_bounds(date_from, date_to)[0]
            earlier = self._kam_shared_read(
                ("ordered_before", frozenset(accounts), start),
                lambda: {
                    pid
                    for (pid,) in self.env.execute_query(
                        SQL(
                            "SELECT p.id FROM res_partner p WHERE p.id IN %s AND %s",
                            tuple(accounts),
                            self._kam_ordered_before_sql(SQL("p.id"), start),
                        )
                    )
                },
            )
            accounts -= earlier
        rows = [row for row in day_rows(date_from, date_to) if row[0] in accounts]
        if tuple(groupby) == ("day", *extra):
            return rows
        # grouped as asked: amounts summed, the first day the least
        index = {name: position for position, name in enumerate(("day", *extra), 1)}
        picks = [0, *(index[name] for name in groupby)]
        groups = {}
        for row in rows:
            key = tuple(row[position] for position in picks)
            found = groups.get(key)
            if found is None:
                groups[key] = [row[-2], row[1]]
            else:
                found[0] += row[-2]
                found[1] = min(found[1], row[1])
        return [(*key, amount, day) for key, (amount, day) in groups.items()]

    @api.model
    def _kam_sale_line_days(self, partner_ids, windows, groupby=(), first=False):
        """Rows ``(account_id, day, *groupby values, amount)`` of
        :meth:`_kam_sale_line_groups` over the span of ``windows`` (``(date_from,
        date_to)`` pairs), sorted for :meth:`_kam_rows_in`.

        With several windows the rows are by local day, so that each window takes
        its days; with one, by account (and ``groupby``) with the day of the
        group's first order as ``day``: every row is in the only window, and the
        query does not group by day. One query.
        """
        windows = set(windows)
        by_day = len(windows) > 1
        rows = self._kam_sale_line_groups(
            partner_ids,
            *self._kam_span(windows),
            groupby=("day", *groupby) if by_day else tuple(groupby),
            first=first,
        )
        if by_day:
            rows = [row[:-1] for row in rows]
        else:
            rows = [(pid, day, *rest, amount) for pid, *rest, amount, day in rows]
        return self._kam_sorted_by_day(rows)

    @api.model
    def _kam_account_categories(self, partner_ids, date_from, date_to):
        """``{account_id: {category_id, ...}}``: the product categories each
        account bought in the period (clause 2.8)."""
        period = (date_from, date_to)
        return self._kam_account_categories_periods(partner_ids, [period])[period]

    @api.model
    def _kam_account_categories_periods(self, partner_ids, periods):
        """``{(date_from, date_to): {account_id: {category_id, ...}}}``: the
        product categories each account bought in each of ``periods``, read in one
        query over their span."""
        rows = self._kam_sale_line_days(partner_ids, periods, groupby=("category",))
        result = {}
        for period in periods:
            categories = result.setdefault(period, {})
            for row in self._kam_rows_in(rows, *period):
                bought = categories.get(row[0])
                if bought is None:
                    categories[row[0]] = {row[2]}
                else:
                    bought.add(row[2])
        return result
