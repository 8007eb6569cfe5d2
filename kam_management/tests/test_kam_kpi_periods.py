# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import new_test_user, tagged

from .kpi_common import KamKpiCommon

# months around the orders, a year to date to each month end (the plan
# attainment's periods), a period across a month boundary and a single day
MONTHS = [
    (date(2024, 12, 1), date(2024, 12, 31)),
    (date(2025, 1, 1), date(2025, 1, 31)),
    (date(2025, 2, 1), date(2025, 2, 28)),
    (date(2025, 3, 1), date(2025, 3, 31)),
    (date(2025, 4, 1), date(2025, 4, 30)),
]
PERIODS = [
    *MONTHS,
    (date(2025, 1, 1), date(2025, 2, 28)),
    (date(2025, 1, 1), date(2025, 3, 31)),
    (date(2025, 1, 15), date(2025, 2, 14)),
    (date(2025, 2, 28), date(2025, 2, 28)),
]
# UTC+4 and UTC-10: an order late on a UTC day is on the next local day in
# Dubai, one early on a UTC day is on the previous local day in Honolulu
ZONES = ("Asia/Dubai", "Pacific/Honolulu")


@tagged("post_install", "-at_install")
class TestKamKpiPeriods(KamKpiCommon):
    """Every KPI for many periods at once (``_kam_compute_periods``) gives, period
    by period, the figures of the KPI for that period alone (``_kam_compute``), in
    the business calendar of the company, for a cost that does not follow the
    number of periods nor the data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = cls.user_kam | cls.user_kam2
        cls._own(cls.account_1, cls.user_kam)
        cls._own(cls.account_3, cls.user_kam2)
        # account 2 changes hands on 15 February: its sales go to each owner in turn
        cls._own(cls.account_2, cls.user_kam, date(2024, 1, 1))
        cls._own(cls.account_2, cls.user_kam2, date(2025, 2, 15))
        contact = cls.env["res.partner"].create(
            {"name": "Periods buyer", "parent_id": cls.account_1.id}
        )
        orders = [
            # account 3 ordered before: an existing client in 2025
            (cls.account_3, datetime(2024, 12, 20, 10), cls.product_b, 2, 30.0),
            # 21:30 UTC on 31 January: 1 February in Dubai, 31 January in Honolulu
            (cls.account_1, datetime(2025, 1, 31, 21, 30), cls.product_a, 3, 10.0),
            # 08:00 UTC on 1 February: 31 January in Honolulu
            (contact, datetime(2025, 2, 1, 8, 0), cls.product_b, 1, 200.0),
            (cls.account_2, datetime(2025, 2, 10, 12), cls.product_a, 4, 25.0),
            # 02:00 UTC on 1 March: 28 February in Honolulu
            (cls.account_2, datetime(2025, 3, 1, 2, 0), cls.product_b, 2, 40.0),
            (cls.account_2, datetime(2025, 2, 28, 22, 0), cls.product_a, 1, 15.0),
            (cls.account_3, datetime(2025, 3, 31, 20, 30), cls.product_a, 6, 5.0),
            (cls.account_1, datetime(2025, 4, 1, 9), cls.product_a, 1, 8.0),
        ]
        for partner, moment, product, qty, price in orders:
            order = cls._order(partner, moment.date(), [(product, qty, price)])
            order.date_order = moment
        # a draft order counts nowhere
        cls._order(cls.account_1, date(2025, 2, 5), [(cls.product_a, 9, 9.0)], False)
        cls.plan = cls.env["kam.sales.plan"].create(
            {
                "name": "Periods 2025",
                "user_id": cls.user_kam.id,
                "date_from": "2025-01-01",
                "date_to": "2025-12-31",
                "line_ids": [
                    Command.create({"kpi_id": kpi.id, "target": target})
                    for kpi, target in (
                        (cls.kpi_revenue, 400.0),
                        (cls.kpi_active, 2.0),
                        (cls.kpi_new, 1.0),
                    )
                ],
            }
        )
        cls.plan.action_confirm()
        cls.kpis = cls.env["kam.kpi"].search([])

    def _set_zone(self, zone):
        self.company.kam_tz = zone
        self.users.tz = zone
        self.env.flush_all()

    def test_every_kpi_many_periods_equal_one_by_one(self):
        self.assertGreater(len(self.kpis), 15)
        for zone in ZONES:
            self._set_zone(zone)
            for kpi in self.kpis:
                together = kpi._kam_compute_periods(self.users, PERIODS)
                self.assertEqual(list(together), PERIODS, kpi.code)
                for period in PERIODS:
                    with self.subTest(zone=zone, kpi=kpi.code, period=period):
                        self.assertEqual(
                            together[period], kpi._kam_compute(self.users, *period)
                        )

    def test_month_boundaries_in_the_business_calendar(self):
        """The figures themselves: the orders near midnight UTC fall in the month
        of the company's local day, and account 2's sales go to its owner on each
        day."""
        expected = {
            # {month: (revenue of kam, revenue of kam2, new clients of kam)}
            "Asia/Dubai": {
                MONTHS[0]: (0.0, 60.0, 0.0),
                MONTHS[1]: (0.0, 0.0, 0.0),
                MONTHS[2]: (330.0, 0.0, 2.0),
                MONTHS[3]: (0.0, 95.0, 0.0),
                MONTHS[4]: (8.0, 30.0, 0.0),
            },
            "Pacific/Honolulu": {
                MONTHS[0]: (0.0, 60.0, 0.0),
                MONTHS[1]: (230.0, 0.0, 1.0),
                MONTHS[2]: (100.0, 95.0, 1.0),
                MONTHS[3]: (8.0, 30.0, 0.0),
                MONTHS[4]: (0.0, 0.0, 0.0),
            },
        }
        for zone, months in expected.items():
            self._set_zone(zone)
            revenue = self.kpi_revenue._kam_compute_periods(self.users, MONTHS)
            new = self.kpi_new._kam_compute_periods(self.users, MONTHS)
            for month, (kam, kam2, new_kam) in months.items():
                with self.subTest(zone=zone, month=month):
                    self.assertAlmostEqual(revenue[month][self.user_kam.id], kam)
                    self.assertAlmostEqual(revenue[month][self.user_kam2.id], kam2)
                    self.assertEqual(new[month][self.user_kam.id], new_kam)

    def test_single_period_is_the_first_of_many(self):
        """``_kam_compute`` accepts strings and answers for every user."""
        values = self.kpi_revenue._kam_compute(self.users, "2025-02-01", "2025-02-28")
        self.assertEqual(set(values), set(self.users.ids))
        self.assertEqual(
            values,
            self.kpi_revenue._kam_compute_periods(
                self.users, [("2025-02-01", "2025-02-28")]
            )[(date(2025, 2, 1), date(2025, 2, 28))],
        )

    def test_plan_attainment_of_many_days(self):
        kpi_model = self.env["kam.kpi"]
        days = [period[1] for period in MONTHS]
        together = kpi_model._kam_plan_attainment_days(self.users, days)
        for day in days:
            self.assertEqual(
                together[day], kpi_model._kam_plan_attainment(self.users, day), day
            )
        self.assertEqual(together[date(2024, 12, 31)], {})
        march = together[date(2025, 3, 31)][self.user_kam.id]
        self.assertEqual(len(march), 3)

    def _count(self, func):
        func()  # caches of the registry warmed
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        return self.cr.sql_log_count - before

    def _multi_period_kpis(self):
        kpis = self.kpis.filtered(
            lambda kpi: hasattr(kpi, f"_kam_periods_kpi_{kpi.code}")
        )
        # the sales KPIs and those of the plans at least
        self.assertLessEqual(
            self.kpi_revenue | self.kpi_active | self.kpi_new | self.kpi_assortment,
            kpis,
        )
        return kpis

    def test_queries_do_not_grow_with_periods_nor_data(self):
        self._set_zone("Asia/Dubai")
        kpis = self._multi_period_kpis()
        few = {
            kpi.code: self._count(
                lambda kpi=kpi: kpi._kam_compute_periods(self.users, MONTHS[1:3])
            )
            for kpi in kpis
        }
        for kpi in kpis:
            with self.subTest(kpi=kpi.code):
                many = self._count(
                    lambda kpi=kpi: kpi._kam_compute_periods(self.users, PERIODS)
                )
                self.assertEqual(many, few[kpi.code], kpi.code)
        # ten times the accounts, each with orders in every month
        accounts = self.env["res.partner"].create(
            [{"name": f"Periods account {n}", "is_company": True} for n in range(20)]
        )
        for index, account in enumerate(accounts):
            self._own(account, self.users[index % 2])
            for month in MONTHS:
                self._order(account, month[0], [(self.product_a, 1, 10.0)])
        self.env.flush_all()
        for kpi in kpis:
            with self.subTest(kpi=kpi.code, data="more"):
                more = self._count(
                    lambda kpi=kpi: kpi._kam_compute_periods(self.users, PERIODS)
                )
                self.assertEqual(more, few[kpi.code], kpi.code)

    def test_plan_refresh_one_computation_for_all_periods(self):
        """Plans of many different periods refresh with the queries of one."""
        kams = self.env["res.users"]
        for index in range(6):
            kams |= new_test_user(
                self.env,
                login=f"kam_periods_{index}",
                groups="base.group_user,kam_management.group_kam_user",
            )
        plans = self.env["kam.sales.plan"].create(
            [
                {
                    "name": f"Periods {kam.login}",
                    "user_id": kam.id,
                    "date_from": MONTHS[index % len(MONTHS)][0],
                    "date_to": MONTHS[index % len(MONTHS)][1],
                    "line_ids": [
                        Command.create({"kpi_id": kpi.id, "target": 1})
                        for kpi in (self.kpi_revenue, self.kpi_new)
                    ],
                }
                for index, kam in enumerate(kams)
            ]
        )
        same = plans[:1] | plans[5:6]  # both for December 2024
        self.assertEqual(len(set(same.mapped("date_from"))), 1)
        one_period = self._count(same._kam_achieved_figures)
        all_periods = self._count(plans._kam_achieved_figures)
        self.assertEqual(all_periods, one_period)
        # the same figures as each plan alone
        figures = plans._kam_achieved_figures()
        for plan in plans:
            self.assertEqual(
                {line.id: figures[line.id] for line in plan.line_ids},
                plan._kam_achieved_figures(),
            )

    def test_batch_equals_each_kpi_alone(self):
        """All KPIs computed together, sharing their reads (the plan refresh), give
        each KPI's own figures, in both business calendars."""
        for zone in ZONES:
            self._set_zone(zone)
            together = self.kpis._kam_compute_batch(self.users, PERIODS)
            self.assertEqual(set(together), set(self.kpis.ids))
            for kpi in self.kpis:
                with self.subTest(zone=zone, kpi=kpi.code):
                    self.assertEqual(
                        together[kpi.id], kpi._kam_compute_periods(self.users, PERIODS)
                    )

    def test_batch_reads_once_what_kpis_share(self):
        """Together the KPIs of many periods cost fewer queries than one by one,
        and no more for more periods."""
        self._set_zone("Asia/Dubai")
        kpis = self._multi_period_kpis()
        alone = sum(
            self._count(lambda kpi=kpi: kpi._kam_compute_periods(self.users, PERIODS))
            for kpi in kpis
        )
        few = self._count(lambda: kpis._kam_compute_batch(self.users, MONTHS[1:3]))
        many = self._count(lambda: kpis._kam_compute_batch(self.users, PERIODS))
        self.assertLess(many, alone)
        self.assertLessEqual(many, few)
