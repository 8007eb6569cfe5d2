# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from bisect import bisect_left, bisect_right
from operator import itemgetter

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero
from odoo.tools.misc import format_amount, formatLang


class KamKpi(models.Model):
    """Registry of the KPIs a sales plan can target.

    Callers compute a KPI for many KAMs with :meth:`_kam_compute_periods` (any
    number of periods at once) or :meth:`_kam_compute` (one period, the same
    computation with a single period).

    Every KPI has one formula on this model, in either form:

    * ``_kam_kpi_<code>(users, date_from, date_to)`` returning
      ``{user_id: value}`` for one period; several periods are then computed one
      after the other;
    * ``_kam_periods_kpi_<code>(users, periods)`` returning
      ``{(date_from, date_to): {user_id: value}}`` for all the periods at once
      (e.g. one query over the span of the periods, summed per period), when
      reading period by period is too slow.

    Other modules add a KPI with a data record and one such method on an
    ``_inherit = "kam.kpi"`` class.
    """

    _name = "kam.kpi"
    _description = "Key Account KPI"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code; the value is computed by the method _kam_kpi_<code>.",
    )
    sequence = fields.Integer(default=10)
    unit = fields.Selection(
        [("amount", "Amount"), ("count", "Count"), ("percent", "Percent")],
        required=True,
        default="amount",
    )
    higher_is_better = fields.Boolean(
        default=True,
        help="Untick for KPIs where a lower figure is the better result "
        "(e.g. overdue ratio): attainment is then target / achieved.",
    )
    aggregation = fields.Selection(
        [("sum", "Sum"), ("avg", "Average")],
        string="Team Aggregation",
        compute="_compute_aggregation",
        store=True,
        readonly=False,
        help="How the KAMs' figures add up to a department plan's figure: amounts "
        "and counts are summed, percentages and averages are averaged.",
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = (
        ("code_unique", "unique(code)", "A KPI with this code already exists."),
    )

    @api.depends("unit")
    def _compute_aggregation(self):
        for kpi in self:
            kpi.aggregation = (
                "avg" if kpi.unit == "percent" else (kpi.aggregation or "sum")
            )

    @api.constrains("code")
    def _check_code(self):
        for kpi in self:
            if not kpi.code.isidentifier() or kpi.code != kpi.code.lower():
                raise ValidationError(
                    self.env._(
                        "The KPI code %(code)s may only contain lower-case letters, "
                        "digits and underscores.",
                        code=kpi.code,
                    )
                )

    def _kam_format_value(self, value, currency):
        """``value`` of this KPI as a person reads it: an amount with the currency,
        a percentage with its sign, a count without decimals when whole."""
        self.ensure_one()
        if self.unit == "amount":
            return format_amount(self.env, value, currency)
        if self.unit == "percent":
            return f"{formatLang(self.env, value, digits=2)} %"
        digits = 0 if float_is_zero(value - round(value), precision_digits=6) else 2
        return formatLang(self.env, value, digits=digits)

    def _kam_compute(self, users, date_from, date_to):
        """Value of this KPI for every user of ``users`` over the period: the
        single-period case of :meth:`_kam_compute_periods`.

        :return: ``{user_id: float}`` with a value for every given user.
        """
        self.ensure_one()
        period = self._kam_check_period(date_from, date_to)
        return self._kam_compute_periods(users, [period])[period]

    def _kam_compute_periods(self, users, periods):
        """Value of this KPI for every user of ``users`` over each of ``periods``.

        :param periods: iterable of ``(date_from, date_to)`` (dates or strings)
        :return: ``{(date_from, date_to): {user_id: float}}`` keyed by the periods
            as dates, with a value for every given user and period.
        """
        self.ensure_one()
        periods = list(
            dict.fromkeys(self._kam_check_period(*period) for period in periods)
        )
        multi = getattr(self, f"_kam_periods_kpi_{self.code}", None)
        single = getattr(self, f"_kam_kpi_{self.code}", None)
        if multi is None and single is None:
            raise UserError(
                self.env._(
                    "The KPI %(kpi)s cannot be computed: no module provides "
                    "its formula (_kam_kpi_%(code)s). Install the module that "
                    "defines it or archive the KPI.",
                    kpi=self.name,
                    code=self.code,
                )
            )
        values = {period: dict.fromkeys(users.ids, 0.0) for period in periods}
        if users and periods:
            # The formulas read SQL-view reports (sale.report, ...) that the ORM
            # does not flush for us.
            self.env.flush_all()
            if multi is not None:
                computed = multi(users, periods)
            else:
                computed = {period: single(users, *period) for period in periods}
            for period, figures in values.items():
                found = computed.get(period) or {}
                for user_id in figures:
                    figures[user_id] = float(found.get(user_id) or 0.0)
        return values

    def _kam_check_period(self, date_from, date_to):
        """``(date_from, date_to)`` as dates; a user error if it is no period."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if not date_from or not date_to:
            raise UserError(self.env._("A KPI period needs a start and an end date."))
        if date_to < date_from:
            raise UserError(
                self.env._(
                    "The KPI period ends (%(end)s) before it starts (%(start)s).",
                    start=date_from,
                    end=date_to,
                )
            )
        return date_from, date_to

    @api.model
    def _kam_span(self, periods):
        """``(first day, last day)`` covering all ``periods``."""
        return min(start for start, _end in periods), max(
            end for _start, end in periods
        )

    # ------------------------------------------------------------------
    # Account ownership: who is credited with an account's results on a day.
    # kam.assignment is the one definition; these keep the KPI formulas short.
    # ------------------------------------------------------------------
    @api.model
    def _kam_ownership_periods(self, users, date_from, date_to):
        """Ownership periods of accounts by ``users`` overlapping the period:
        ``{partner_id: [(user_id, start, end), ...]}`` (see
        ``kam.assignment._kam_periods``)."""
        return self._kam_shared_read(
            ("ownership", tuple(users.ids), date_from, date_to),
            lambda: self.env["kam.assignment"]._kam_periods(
                date_from, date_to, users=users
            ),
        )

    @api.model
    def _kam_owner_on(self, periods, partner_id, day):
        return self.env["kam.assignment"]._kam_owner_in(periods, partner_id, day)

    @api.model
    def _kam_credit(self, periods, rows):
        """Sum ``(partner_id, day, amount)`` rows to the owner on each day (see
        ``kam.assignment._kam_credit``)."""
        return self.env["kam.assignment"]._kam_credit(periods, rows)

    @api.model
    def _kam_credit_periods(self, owners, rows, periods):
        """``{(date_from, date_to): {user_id: total}}``: the ``(partner_id, day,
        amount)`` rows read over the span of ``periods``, those of each period
        summed to the owner on each day (:meth:`_kam_credit`, ``owners`` from
        :meth:`_kam_ownership_periods` over the span)."""
        rows = self._kam_sorted_by_day(rows)
        # the periods of one start in one pass over their rows (a year to date at
        # each month end reads the year once), the sums as each period's alone
        ends_of = {}
        for date_from, date_to in periods:
            ends_of.setdefault(date_from, set()).add(date_to)
        totals = {}
        for date_from, ends in ends_of.items():
            ends = sorted(ends)
            at_ends = self.env["kam.assignment"]._kam_credit_until(
                owners, self._kam_rows_in(rows, date_from, ends[-1]), ends
            )
            totals.update(((date_from, end), at_ends[end]) for end in ends)
        return {period: totals[period] for period in periods}

    @api.model
    def _kam_sorted_by_day(self, rows):
        """``rows`` whose second item is a day, by day then account: the order
        :meth:`_kam_rows_in` needs (and the same sums whatever the span read)."""
        return sorted(rows, key=itemgetter(1, 0))

    @api.model
    def _kam_rows_in(self, rows, date_from, date_to):
        """The rows of ``rows`` (sorted by :meth:`_kam_sorted_by_day`) on the days
        ``date_from`` to ``date_to``."""
        day = itemgetter(1)
        return rows[
            bisect_left(rows, date_from, key=day) : bisect_right(rows, date_to, key=day)
        ]

    # ------------------------------------------------------------------
    # Evidence of a duty
    # ------------------------------------------------------------------
    def _kam_is_evidenced(self, value):
        """Whether ``value`` of this KPI over a period evidences the duty it
        measures: some result for a higher-is-better KPI (sales, clients, visits:
        above zero), nothing against it for a lower-is-better one (overdue ratio:
        zero). ``None`` (no figure, e.g. an employee without a user) evidences
        nothing."""
        self.ensure_one()
        if value is None:
            return False
        is_zero = float_is_zero(value, precision_digits=2)
        if self.higher_is_better:
            return not is_zero and value > 0
        return is_zero or value < 0

    # ------------------------------------------------------------------
    # Built-in KPIs
    # ------------------------------------------------------------------
    def _kam_periods_kpi_revenue(self, users, periods):
        """Untaxed sales volume in company currency, credited to the owner on the
        date of each order, invoice or payment (basis from Settings)."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        basis = self.env.company.kam_revenue_basis or "ordered"
        rows = getattr(self, f"_kam_revenue_rows_{basis}")(
            owners.keys(), date_from, date_to
        )
        return self._kam_credit_periods(owners, rows, periods)

    def _kam_revenue_rows_ordered(self, partner_ids, date_from, date_to):
        """``(account_id, local day, amount)`` rows of the confirmed orders."""
        # KPIs are figures for the plan's reader, not a listing of orders the reader
        # may open: the lines are read in SQL, limited to the accounts given.
        return [
            (partner_id, day, amount)
            for partner_id, day, amount, _first in self._kam_sale_line_groups(
                partner_ids, date_from, date_to, groupby=("day",)
            )
        ]

    def _kam_revenue_rows_invoiced(self, partner_ids, date_from, date_to):
        # sudo: see _kam_revenue_rows_ordered.
        groups = (
            self.env["account.invoice.report"]
            .sudo()
            ._read_group(
                [
                    ("commercial_partner_id", "in", list(partner_ids)),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("company_id", "in", self.env.companies.ids),
                    ("invoice_date", ">=", date_from),
                    ("invoice_date", "<=", date_to),
                ],
                ["commercial_partner_id", "invoice_date:day"],
                ["price_subtotal:sum"],
            )
        )
        return [
            (partner.id, fields.Date.to_date(day), amount)
            for partner, day, amount in groups
        ]

    def _kam_revenue_rows_collected(self, partner_ids, date_from, date_to):
        # sudo: see _kam_revenue_rows_ordered.
        groups = (
            self.env["account.payment"]
            .sudo()
            ._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", list(partner_ids)),
                    ("partner_type", "=", "customer"),
                    ("state", "in", ("in_process", "paid")),
                    ("company_id", "in", self.env.companies.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["partner_id", "date:day"],
                ["amount_company_currency_signed:sum"],
            )
        )
        return [
            (partner.commercial_partner_id.id, fields.Date.to_date(day), amount)
            for partner, day, amount in groups
        ]

    def _kam_periods_kpi_active_clients(self, users, periods):
        """Accounts owned at period end that ordered within the active window
        ending then."""
        company = self.env.company
        ends = {
            date_to: company._kam_active_window_start(date_to)
            for _s, date_to in periods
        }
        owners = self._kam_ownership_periods(users, min(ends), max(ends))
        if not owners:
            return {}
        # the days each account ordered on, over all the windows
        rows = self._kam_sale_line_days(
            owners.keys(), [(start, end) for end, start in ends.items()]
        )
        result = {}
        for period in periods:
            date_to = period[1]
            active = {
                pid for pid, *_rest in self._kam_rows_in(rows, ends[date_to], date_to)
            }
            result[period] = self._kam_credit(
                owners, [(partner_id, date_to, 1.0) for partner_id in sorted(active)]
            )
        return result

    def _kam_periods_kpi_new_clients(self, users, periods):
        """Accounts whose first ever confirmed order is in the period, credited to
        the owner on that date, when their orders in the period reach the minimum."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        # what the accounts without an order before the span ordered each day in
        # it: their first order is on their first day here
        rows = self._kam_sale_line_days(owners.keys(), periods, first=True)
        # per account, its days and the running total of its amounts
        running = {}
        for partner_id, day, amount in rows:
            days, totals = running.setdefault(partner_id, ([], []))
            days.append(day)
            totals.append((totals[-1] if totals else 0.0) + amount)
        first_days = sorted((days[0], pid) for pid, (days, _t) in running.items())
        minimum = self.env.company.kam_new_client_min_amount
        currency = self.env.company.currency_id
        result = {}
        for period in periods:
            # the accounts whose first day is in the period, with their amount
            # from that day to the period's end
            amounts = {}
            start = bisect_left(first_days, (period[0],))
            stop = bisect_right(first_days, (period[1], float("inf")))
            for _first, partner_id in first_days[start:stop]:
                days, totals = running[partner_id]
                amounts[partner_id] = totals[bisect_right(days, period[1]) - 1]
            result[period] = self._kam_credit(
                owners,
                [
                    (partner_id, running[partner_id][0][0], 1.0)
                    for partner_id, amount in sorted(amounts.items())
                    if not minimum or currency.compare_amounts(amount, minimum) >= 0
                ],
            )
        return result

    def _kam_periods_kpi_assortment(self, users, periods):
        """Average number of distinct product categories per account that bought in
        the period, accounts credited to their owner at period end (clause 2.8)."""
        ends = {period[1] for period in periods}
        owners = self._kam_ownership_periods(users, min(ends), max(ends))
        if not owners:
            return {}
        by_period = self._kam_account_categories_periods(owners.keys(), periods)
        result = {}
        for period, categories in by_period.items():
            date_to = period[1]
            counts = self._kam_credit(
                owners, [(pid, date_to, len(c)) for pid, c in categories.items()]
            )
            accounts = self._kam_credit(
                owners, [(pid, date_to, 1.0) for pid in categories]
            )
            result[period] = {
                user_id: counts[user_id] / accounts[user_id] for user_id in accounts
            }
        return result

    @api.model
    def _kam_account_revenue(self, partners, date_from, date_to):
        """Revenue per account over the period on the Settings basis, whoever owned
        it: ``{partner_id: amount}``."""
        basis = self.env.company.kam_revenue_basis or "ordered"
        totals = {}
        for partner_id, _day, amount in getattr(self, f"_kam_revenue_rows_{basis}")(
            partners.ids, date_from, date_to
        ):
            totals[partner_id] = totals.get(partner_id, 0.0) + amount
        return totals
