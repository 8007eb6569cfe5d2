# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The business calendar: what "today" and "the day of an event" mean.

A day is the company's local day, in the company's business time zone: the time zone
of the company's address (Settings > Key Accounts > Business Time Zone), UTC when none
is set. Neither the viewer's time zone nor the server's or the database's clock zone
changes a figure.

Every compute, cron, constraint, wizard default, KPI and SQL query of the KAM add-ons
asks these methods; nothing else turns a moment into a day:

* ``company._kam_today()``: today's local date;
* ``company._kam_local_day(value)``: the local day of a UTC datetime (dates pass
  through), e.g. the day of an order, a payment, a visit;
* ``company._kam_day_bounds(date_from, date_to)``: the UTC datetimes bounding local
  days, for domains on datetime fields (``>= start`` and ``< stop``);
* ``company._kam_local_day_sql(column)``: the same conversion inside SQL;
  ``_kam_local_day_sql_by_company(column, company_column)`` for rows of several
  companies (SQL views);
* ``company._kam_business_tz_env(records)``: records whose ``date:day`` grouping of
  datetimes follows the business calendar.

The methods accept an empty recordset (a record without a company) and then use the
current company.
"""

import datetime

import pytz

from odoo import fields, models
from odoo.tools import SQL


class ResCompany(models.Model):
    _inherit = "res.company"

    kam_tz = fields.Selection(
        related="partner_id.tz",
        string="Business Time Zone",
        readonly=False,
        help="The time zone of the company's working day: it decides what 'today' "
        "and the day of an order, invoice, payment or visit are for every figure of "
        "the key-account add-ons, whoever looks at them. Empty means UTC.",
    )

    def _kam_calendar_company(self):
        return self[:1] or self.env.company

    def _kam_tz_name(self):
        """The IANA name of the business time zone (``UTC`` when none is set)."""
        # sudo: the address partner of a company may be unreadable to the user (other
        # company, portal); only its time zone is needed.
        name = self._kam_calendar_company().partner_id.sudo().tz
        return name if name in pytz.all_timezones_set else "UTC"

    def _kam_tz(self):
        return pytz.timezone(self._kam_tz_name())

    def _kam_now(self):
        """The current moment as a naive local datetime of the business time zone."""
        now = fields.Datetime.now()
        return pytz.utc.localize(now).astimezone(self._kam_tz()).replace(tzinfo=None)

    def _kam_today(self):
        """Today in the company's business time zone."""
        return self._kam_now().date()

    def _kam_local_day(self, value):
        """The local day of ``value``: a naive UTC datetime (as Odoo stores them) or a
        date, which passes through. ``False``/``None`` give ``False``."""
        if not value:
            return False
        if isinstance(value, datetime.datetime):
            aware = value if value.tzinfo else pytz.utc.localize(value)
            return aware.astimezone(self._kam_tz()).date()
        return fields.Date.to_date(value)

    def _kam_day_start(self, day):
        """The naive UTC datetime at which local day ``day`` starts."""
        day = fields.Date.to_date(day)
        local = self._kam_tz().localize(datetime.datetime.combine(day, datetime.time()))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _kam_day_bounds(self, date_from, date_to=None):
        """``(start, stop)``: naive UTC datetimes such that a moment belongs to the
        local days ``date_from`` to ``date_to`` (inclusive) when
        ``start <= moment < stop``."""
        date_to = fields.Date.to_date(date_to or date_from)
        return (
            self._kam_day_start(date_from),
            self._kam_day_start(date_to + datetime.timedelta(days=1)),
        )

    def _kam_local_day_sql(self, column):
        """SQL giving the local day of a UTC ``timestamp`` column (an SQL object)."""
        return SQL(
            "((%s) AT TIME ZONE 'UTC' AT TIME ZONE %s)::date",
            column,
            self._kam_tz_name(),
        )

    def _kam_local_day_sql_by_company(self, column, company_column):
        """SQL giving the local day of UTC timestamp ``column`` in the business
        calendar of each row's company (``company_column``), both :class:`SQL`;
        rows without a company use the current company's."""
        # sudo: every company's calendar is needed to date its rows, readable or not
        companies = self.env["res.company"].sudo().search([])  # pylint: disable=no-search-all
        by_tz = {}
        for company in companies:
            by_tz.setdefault(company._kam_tz_name(), []).append(company.id)
        cases = [
            SQL(
                "WHEN %s IN %s THEN %s",
                company_column,
                tuple(company_ids),
                companies.browse(company_ids[0])._kam_local_day_sql(column),
            )
            for company_ids in by_tz.values()
        ]
        return SQL(
            "(CASE %s ELSE %s END)",
            SQL(" ").join(cases),
            self.env.company._kam_local_day_sql(column),
        )

    def _kam_business_tz_env(self, records):
        """``records`` in the business time zone, so that ``_read_group`` groups
        datetimes (``date:day``, ``date:month``) by local day, not the viewer's."""
        return records.with_context(tz=self._kam_tz_name())
