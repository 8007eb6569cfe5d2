# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero
from odoo.tools.misc import format_amount, formatLang


class KamKpi(models.Model):
    """Registry of the KPIs a sales plan can target.

    Every KPI is computed for many KAMs and one period at once by a method
    ``_kam_kpi_<code>(users, date_from, date_to)`` on this model, returning
    ``{user_id: value}``. Other modules add a KPI with a data record and such a
    method on an ``_inherit = "kam.kpi"`` class.
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
        """Value of this KPI for every user of ``users`` over the period.

        :return: ``{user_id: float}`` with a value for every given user.
        """
        self.ensure_one()
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
        method = getattr(self, f"_kam_kpi_{self.code}", None)
        if method is None:
            raise UserError(
                self.env._(
                    "The KPI %(kpi)s cannot be computed: no module provides "
                    "its formula (_kam_kpi_%(code)s). Install the module that "
                    "defines it or archive the KPI.",
                    kpi=self.name,
                    code=self.code,
                )
            )
        values = dict.fromkeys(users.ids, 0.0)
        if users:
            # The formulas read SQL-view reports (sale.report, ...) that the ORM
            # does not flush for us.
            self.env.flush_all()
            computed = method(users, date_from, date_to)
            for user_id in values:
                values[user_id] = float(computed.get(user_id) or 0.0)
        return values

    # ------------------------------------------------------------------
    # Account ownership: who is credited with an account's results on a day.
    # kam.assignment is the one definition; these keep the KPI formulas short.
    # ------------------------------------------------------------------
    @api.model
    def _kam_ownership_periods(self, users, date_from, date_to):
        """Ownership periods of accounts by ``users`` overlapping the period:
        ``{partner_id: [(user_id, start, end), ...]}`` (see
        ``kam.assignment._kam_periods``)."""
        return self.env["kam.assignment"]._kam_periods(date_from, date_to, users=users)

    @api.model
    def _kam_owner_on(self, periods, partner_id, day):
        return self.env["kam.assignment"]._kam_owner_in(periods, partner_id, day)

    @api.model
    def _kam_credit(self, periods, rows):
        """Sum ``(partner_id, day, amount)`` rows to the owner on each day (see
        ``kam.assignment._kam_credit``)."""
        return self.env["kam.assignment"]._kam_credit(periods, rows)

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
    def _kam_kpi_revenue(self, users, date_from, date_to):
        """Untaxed sales volume in company currency, credited to the owner on the
        date of each order, invoice or payment (basis from Settings)."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        basis = self.env.company.kam_revenue_basis or "ordered"
        rows = getattr(self, f"_kam_revenue_rows_{basis}")(
            periods.keys(), date_from, date_to
        )
        return self._kam_credit(periods, rows)

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

    def _kam_kpi_active_clients(self, users, date_from, date_to):
        """Accounts owned at period end that ordered within the active window."""
        periods = self._kam_ownership_periods(users, date_to, date_to)
        if not periods:
            return {}
        start = self.env.company._kam_active_window_start(date_to)
        rows = self._kam_sale_line_groups(periods.keys(), start, date_to)
        return self._kam_credit(
            periods, [(partner_id, date_to, 1.0) for partner_id, *_rest in rows]
        )

    def _kam_kpi_new_clients(self, users, date_from, date_to):
        """Accounts whose first ever confirmed order is in the period, credited to
        the owner on that date, when their orders in the period reach the minimum."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        # one query: the accounts whose first order is in the period, with what
        # they ordered in it
        rows = self._kam_sale_line_groups(
            periods.keys(), date_from, date_to, first=True
        )
        minimum = self.env.company.kam_new_client_min_amount
        currency = self.env.company.currency_id
        return self._kam_credit(
            periods,
            [
                (partner_id, first_day, 1.0)
                for partner_id, amount, first_day in rows
                if not minimum or currency.compare_amounts(amount, minimum) >= 0
            ],
        )

    def _kam_kpi_assortment(self, users, date_from, date_to):
        """Average number of distinct product categories per account that bought in
        the period, accounts credited to their owner at period end (clause 2.8)."""
        periods = self._kam_ownership_periods(users, date_to, date_to)
        if not periods:
            return {}
        categories = self._kam_account_categories(periods.keys(), date_from, date_to)
        counts = self._kam_credit(
            periods, [(pid, date_to, len(c)) for pid, c in categories.items()]
        )
        accounts = self._kam_credit(
            periods, [(pid, date_to, 1.0) for pid in categories]
        )
        return {user_id: counts[user_id] / accounts[user_id] for user_id in accounts}

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
