# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reads shared by the KPIs of one computation.

Many KPIs read the same figures: the order lines of the accounts by day (revenue,
active and new clients, and again the plan attainment's year-to-date figures), the
receivables as of each period end (overdue ratio, DSO), the ownership periods.
Computed together (:meth:`kam.kpi._kam_compute_batch`, the plan refresh), the KPIs
run with a :class:`KamKpiReads` in their context, and each reader takes what an
earlier KPI of the same computation read. Nothing is written while they run, so the
figures cannot change in between; the object dies with the computation.
"""

from bisect import bisect_left, bisect_right
from operator import itemgetter

from odoo import api, models

READS_KEY = "kam_kpi_reads"


class KamKpiReads:
    """The reads of one KPI computation (in the context as ``kam_kpi_reads``).

    :param hint: ``(first day, last day)`` worth reading at once: the order lines
        are read over this span (widened to what is asked) the first time, so that
        the KPIs of all the periods find them
    """

    def __init__(self, hint=None):
        self.hint = hint
        self._sale_lines = {}
        self._results = {}

    def once(self, key, read):
        """The result of ``read()`` for ``key``, read once."""
        if key not in self._results:
            self._results[key] = read()
        return self._results[key]

    def sale_line_days(self, kpi, accounts, date_from, date_to, extra):
        """Rows of ``kpi._kam_sale_line_query`` grouped by account, day and
        ``extra`` (nothing or the category) for accounts including ``accounts``
        over a span containing ``date_from``..``date_to``.

        One query serves both groupings: the lines by account, day and category,
        those without a category kept apart (``None``), so that the rows by account
        and day are their sums.

        :return: a function of ``(first day, last day)`` giving the rows of those
            days (of every account read)
        """
        key = (kpi.env.company.id, tuple(kpi.env.companies.ids))
        entries = self._sale_lines.setdefault(key, [])
        for read_accounts, start, stop, by_extra in entries:
            if accounts <= read_accounts and start <= date_from and date_to <= stop:
                return by_extra[extra]
        start, stop = date_from, date_to
        if self.hint:
            start, stop = min(start, self.hint[0]), max(stop, self.hint[1])
        rows = kpi._kam_sale_line_query(
            list(accounts), start, stop, ("day", "category"), False, True
        )
        by_day = {}
        for pid, day, _category, amount, _first in rows:
            by_day[pid, day] = by_day.get((pid, day), 0) + amount
        by_extra = {
            ("category",): _by_day_reader([row for row in rows if row[2] is not None]),
            (): _by_day_reader(
                [(pid, day, amount, day) for (pid, day), amount in by_day.items()]
            ),
        }
        entries.append((frozenset(accounts), start, stop, by_extra))
        return by_extra[extra]


def _by_day_reader(rows):
    """A function of ``(first day, last day)`` giving the ``rows`` (second item: a
    day) of those days."""
    rows = sorted(rows, key=itemgetter(1))
    days = [row[1] for row in rows]

    def rows_in(first, last):
        return rows[bisect_left(days, first) : bisect_right(days, last)]

    return rows_in


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_shared_reads(self, periods):
        """These KPIs in a computation that shares its reads
        (:class:`KamKpiReads`) over ``periods`` (and the active-client windows
        ending then); as they are when already in one."""
        if self.env.context.get(READS_KEY) is not None or not periods:
            return self
        periods = [self._kam_check_period(*period) for period in periods]
        first = min(start for start, _end in periods)
        last = max(end for _start, end in periods)
        ends = min(end for _start, end in periods)
        first = min(first, self.env.company._kam_active_window_start(ends))
        return self.with_context(**{READS_KEY: KamKpiReads((first, last))})

    def _kam_compute_batch(self, users, periods):
        """:meth:`_kam_compute_periods` of each of these KPIs, sharing their reads:
        ``{kpi id: {period: {user_id: value}}}``."""
        kpis = self._kam_shared_reads(periods)
        return {kpi.id: kpi._kam_compute_periods(users, periods) for kpi in kpis}

    @api.model
    def _kam_shared_read(self, key, read):
        """``read()``, once per ``key`` (and current company) within a computation
        that shares its reads; called each time otherwise."""
        reads = self.env.context.get(READS_KEY)
        if reads is None:
            return read()
        return reads.once(
            (self.env.company.id, tuple(self.env.companies.ids), *key), read
        )
