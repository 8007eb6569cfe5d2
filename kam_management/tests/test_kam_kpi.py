# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamKpiRegistry(KamKpiCommon):
    def test_builtin_kpis_registered(self):
        kpis = self.Kpi.search(
            [("code", "in", ("revenue", "active_clients", "new_clients", "assortment"))]
        )
        self.assertEqual(len(kpis), 4)
        self.assertTrue(all(kpi.higher_is_better for kpi in kpis))
        self.assertEqual(self.kpi_revenue.unit, "amount")

    def test_missing_formula_is_a_clear_error(self):
        kpi = self.Kpi.create({"name": "Smiles", "code": "smiles", "unit": "count"})
        with self.assertRaisesRegex(UserError, "no module provides its formula"):
            kpi._kam_compute(self.user_kam, self.date_from, self.date_to)

    def test_period_must_be_ordered(self):
        with self.assertRaisesRegex(UserError, "ends .* before it starts"):
            self.kpi_revenue._kam_compute(
                self.user_kam, date(2025, 2, 1), date(2025, 1, 1)
            )
        with self.assertRaisesRegex(UserError, "needs a start and an end date"):
            self.kpi_revenue._kam_compute(self.user_kam, False, date(2025, 1, 1))

    def test_compute_acts_on_one_kpi(self):
        with self.assertRaises(ValueError):
            (self.kpi_revenue | self.kpi_new)._kam_compute(
                self.user_kam, self.date_from, self.date_to
            )

    def test_evidence_follows_the_kpi_direction(self):
        lower = self.Kpi.create(
            {
                "name": "Lost orders",
                "code": "lost_orders",
                "unit": "percent",
                "higher_is_better": False,
            }
        )
        self.assertEqual(
            [self.kpi_revenue._kam_is_evidenced(v) for v in (0.0, 0.001, 1.0, -1.0)],
            [False, False, True, False],
        )
        self.assertEqual(
            [lower._kam_is_evidenced(v) for v in (0.0, 0.001, 0.5, 12.0)],
            [True, True, False, False],
        )
        self.assertFalse(self.kpi_revenue._kam_is_evidenced(None), "no figure")
        self.assertFalse(lower._kam_is_evidenced(None), "no figure")

    def test_code_unique_and_identifier(self):
        with self.assertRaisesRegex(ValidationError, "lower-case letters"):
            self.Kpi.create({"name": "Bad", "code": "Bad Code"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Kpi.create({"name": "Revenue again", "code": "revenue"})

    def test_every_user_gets_a_value(self):
        values = self._compute(
            self.kpi_revenue, self.user_kam | self.user_kam2 | self.user_manager
        )
        self.assertEqual(
            values,
            {self.user_kam.id: 0.0, self.user_kam2.id: 0.0, self.user_manager.id: 0.0},
        )
        self.assertEqual(self._compute(self.kpi_revenue, self.env["res.users"]), {})

    def test_kpi_registry_access(self):
        """Everybody reads the registry; only the director maintains it."""
        self.kpi_revenue.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            self.kpi_revenue.with_user(self.user_manager).write({"name": "Turnover"})
        self.kpi_revenue.with_user(self.user_director).write({"name": "Turnover"})

    def test_percent_kpis_average_for_teams(self):
        kpi = self.Kpi.create(
            {
                "name": "Hit rate",
                "code": "hit_rate",
                "unit": "percent",
                "higher_is_better": False,
            }
        )
        self.assertEqual(kpi.aggregation, "avg")
        self.assertEqual(self.kpi_revenue.aggregation, "sum")
        self.assertEqual(self.kpi_assortment.aggregation, "avg")


@tagged("post_install", "-at_install")
class TestKamKpiRevenue(KamKpiCommon):
    def test_revenue_ordered_per_owner(self):
        self._own(self.account_1, self.user_kam)
        self._own(self.account_2, self.user_kam2)
        self._order(self.account_1, date(2025, 1, 15), [(self.product_a, 10, 10.0)])
        self._order(self.account_1, date(2025, 3, 31), [(self.product_b, 4, 5.0)])
        self._order(self.account_2, date(2025, 2, 1), [(self.product_a, 3, 10.0)])
        # Outside the period, unconfirmed or not owned: not counted.
        self._order(self.account_1, date(2024, 12, 31), [(self.product_a, 100, 10.0)])
        self._order(self.account_1, date(2025, 4, 1), [(self.product_a, 100, 10.0)])
        self._order(
            self.account_2,
            date(2025, 2, 1),
            [(self.product_a, 100, 10.0)],
            confirm=False,
        )
        self._order(self.account_3, date(2025, 2, 1), [(self.product_a, 100, 10.0)])
        values = self._compute(self.kpi_revenue)
        self.assertAlmostEqual(values[self.user_kam.id], 120.0)
        self.assertAlmostEqual(values[self.user_kam2.id], 30.0)
