# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One business calendar: the company's local day, whatever the clock or the viewer.

Every test runs at two moments around midnight UTC (23:30 and 00:30), for a company
in Baku (UTC+4) and one in Honolulu (UTC-10), read by users in both time zones.
"""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tools import SQL

from .kpi_common import KamKpiCommon

LATE_EVENING = "2026-11-30 23:30:00"  # Baku: 1 Dec 03:30, Honolulu: 30 Nov 13:30
JUST_AFTER_MIDNIGHT = "2026-12-01 00:30:00"  # Baku: 1 Dec 04:30, Honolulu: 30 Nov 14:30
EXPECTED_TODAY = {
    ("Asia/Baku", LATE_EVENING): date(2026, 12, 1),
    ("Asia/Baku", JUST_AFTER_MIDNIGHT): date(2026, 12, 1),
    ("Pacific/Honolulu", LATE_EVENING): date(2026, 11, 30),
    ("Pacific/Honolulu", JUST_AFTER_MIDNIGHT): date(2026, 11, 30),
}


class TestBusinessCalendar(KamKpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_kam.tz = "Asia/Baku"
        cls.user_kam2.tz = "Pacific/Honolulu"
        cls.viewers = cls.user_kam | cls.user_kam2

    def _moments(self):
        for tz, moment in EXPECTED_TODAY:
            with self.subTest(tz=tz, moment=moment), freeze_time(moment):
                self.company.kam_tz = tz
                yield tz, moment

    def test_today_is_the_company_day_whoever_asks(self):
        for tz, moment in self._moments():
            expected = EXPECTED_TODAY[tz, moment]
            self.assertEqual(self.company._kam_today(), expected)
            for viewer in self.viewers:
                company = self.company.with_user(viewer)
                self.assertEqual(company._kam_today(), expected)
            # a record without a company uses the current company's calendar
            self.assertEqual(self.env["res.company"]._kam_today(), expected)

    def test_no_time_zone_means_utc(self):
        self.company.kam_tz = False
        with freeze_time(LATE_EVENING):
            self.assertEqual(self.company._kam_tz_name(), "UTC")
            self.assertEqual(self.company._kam_today(), date(2026, 11, 30))
        with freeze_time(JUST_AFTER_MIDNIGHT):
            self.assertEqual(self.company._kam_today(), date(2026, 12, 1))

    def test_local_day_and_bounds(self):
        evening = datetime(2026, 11, 30, 21, 0)  # UTC
        self.company.kam_tz = "Asia/Baku"
        self.assertEqual(self.company._kam_local_day(evening), date(2026, 12, 1))
        self.assertEqual(
            self.company._kam_day_bounds(date(2026, 12, 1)),
            (datetime(2026, 11, 30, 20, 0), datetime(2026, 12, 1, 20, 0)),
        )
        self.company.kam_tz = "Pacific/Honolulu"
        self.assertEqual(self.company._kam_local_day(evening), date(2026, 11, 30))
        self.assertEqual(
            self.company._kam_day_bounds(date(2026, 11, 1), date(2026, 11, 30)),
            (datetime(2026, 11, 1, 10, 0), datetime(2026, 12, 1, 10, 0)),
        )
        self.assertEqual(
            self.company._kam_local_day(date(2026, 5, 1)), date(2026, 5, 1)
        )
        self.assertFalse(self.company._kam_local_day(False))

    def test_local_day_in_sql_matches_python(self):
        evening = datetime(2026, 11, 30, 21, 0)
        for tz in ("Asia/Baku", "Pacific/Honolulu", False):
            self.company.kam_tz = tz
            self.env.cr.execute(
                SQL(
                    "SELECT %s",
                    self.company._kam_local_day_sql(SQL("%s::timestamp", evening)),
                )
            )
            self.assertEqual(
                self.env.cr.fetchone()[0], self.company._kam_local_day(evening)
            )

    def test_revenue_kpi_counts_the_local_day_for_every_viewer(self):
        """An order placed at 21:00 UTC on 30 November belongs to December in Baku
        and to November in Honolulu, read by anyone."""
        self._own(self.account_1, self.user_kam)
        order = self._order(
            self.account_1, date(2026, 11, 30), [(self.product_a, 1, 100)]
        )
        order.date_order = datetime(2026, 11, 30, 21, 0)
        november = (date(2026, 11, 1), date(2026, 11, 30))
        december = (date(2026, 12, 1), date(2026, 12, 31))
        for tz, expected_month in (
            ("Asia/Baku", december),
            ("Pacific/Honolulu", november),
        ):
            self.company.kam_tz = tz
            for moment in (LATE_EVENING, JUST_AFTER_MIDNIGHT):
                with freeze_time(moment):
                    for viewer in self.viewers:
                        kpi = self.kpi_revenue.with_user(viewer).with_context(
                            tz=viewer.tz
                        )
                        with self.subTest(tz=tz, moment=moment, viewer=viewer.tz):
                            values = {
                                month: kpi._kam_compute(self.user_kam, *month)[
                                    self.user_kam.id
                                ]
                                for month in (november, december)
                            }
                            self.assertEqual(values[expected_month], 100.0)
                            self.assertEqual(sum(values.values()), 100.0)

    def test_wizard_defaults_follow_the_company_day(self):
        self.company.kam_tz = "Asia/Baku"
        with freeze_time(LATE_EVENING):
            wizard = (
                self.env["kam.visit.compliance.wizard"]
                .with_user(self.user_kam2)
                .with_context(tz="Pacific/Honolulu")
                .new({})
            )
            self.assertEqual(wizard.date_from, date(2026, 12, 1))
