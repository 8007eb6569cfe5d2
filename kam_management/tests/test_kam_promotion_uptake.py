# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Uptake and incremental sales of a promotion, and the promotion uptake KPI."""

from datetime import date

from odoo import Command
from odoo.tests import tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamPromotionUptake(KamKpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kam_tz = "UTC"
        cls.kpi_uptake = cls.env.ref("kam_management.kam_kpi_promotion_uptake")
        cls._own(cls.account_1, cls.user_kam)
        cls._own(cls.account_2, cls.user_kam2)
        cls._own(cls.account_3, cls.user_kam)
        # February 2025, product A promoted through its price list rule.
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "February A",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.product_a.id,
                            "compute_price": "percentage",
                            "percent_price": 5.0,
                        }
                    )
                ],
            }
        )
        cls.promotion = cls.env["kam.promotion"].create(
            {
                "name": "February A",
                "date_from": date(2025, 2, 1),
                "date_to": date(2025, 2, 28),
                "target_partner_ids": [
                    Command.set((cls.account_1 | cls.account_2 | cls.account_3).ids)
                ],
                "pricelist_id": cls.pricelist.id,
                "goal_amount": 120.0,
                "state": "running",
            }
        )
        cls.enrolments = cls.env["kam.promotion.enrolment"].create(
            [
                {"promotion_id": cls.promotion.id, "partner_id": partner.id}
                for partner in (cls.account_1, cls.account_2)
            ]
        )
        cls.promotion.state = "done"
        # In the programme: A and B to account 1, only B to account 2.
        cls._order(cls.account_1, date(2025, 2, 10), [(cls.product_a, 10, 10.0)])
        cls._order(cls.account_1, date(2025, 2, 11), [(cls.product_b, 10, 10.0)])
        cls._order(cls.account_2, date(2025, 2, 12), [(cls.product_b, 10, 10.0)])
        # The 28 days before: 40 of A to account 1; the year before: 70.
        cls._order(cls.account_1, date(2025, 1, 20), [(cls.product_a, 4, 10.0)])
        cls._order(cls.account_1, date(2024, 2, 5), [(cls.product_a, 7, 10.0)])
        # Not enrolled: account 3 ordered A, it does not count.
        cls._order(cls.account_3, date(2025, 2, 10), [(cls.product_a, 50, 10.0)])
        # Quotations do not count.
        cls._order(
            cls.account_2, date(2025, 2, 10), [(cls.product_a, 5, 10.0)], confirm=False
        )

    def test_uptake_and_incremental_sales(self):
        promotion = self.promotion
        self.assertEqual(promotion.enrolment_count, 2)
        self.assertEqual(promotion.uptake_count, 1)
        self.assertEqual(promotion.uptake_rate, 50.0)
        self.assertEqual(promotion.sales_amount, 100.0)
        self.assertEqual(promotion.baseline_amount, 40.0)
        self.assertEqual(promotion.incremental_amount, 60.0)
        self.assertEqual(promotion.goal_progress, 50.0)
        first, second = self.enrolments
        self.assertTrue(first.ordered)
        self.assertEqual((first.sales_amount, first.incremental_amount), (100.0, 60.0))
        self.assertFalse(second.ordered)
        self.assertEqual(second.sales_amount, 0.0)

    def test_same_period_last_year_and_products_listed(self):
        promotion = self.promotion.sudo()
        promotion.state = "draft"
        promotion.write(
            {
                "baseline": "last_year",
                "product_ids": [Command.set(self.product_b.ids)],
            }
        )
        promotion.state = "done"
        promotion.invalidate_recordset()
        # Listed products replace the price list's: B was ordered by both.
        self.assertEqual(promotion.uptake_count, 2)
        self.assertEqual(promotion.sales_amount, 200.0)
        self.assertEqual(promotion.baseline_amount, 0.0)
        promotion.state = "draft"
        promotion.product_ids = self.product_a
        promotion.state = "done"
        promotion.invalidate_recordset()
        self.assertEqual(promotion.baseline_amount, 70.0)

    def test_uptake_kpi_credits_the_owner(self):
        values = self._compute(
            self.kpi_uptake, None, date(2025, 2, 1), date(2025, 2, 28)
        )
        self.assertEqual(values, {self.user_kam.id: 100.0, self.user_kam2.id: 0.0})
        # A KPI period covering only the first week of the programme: no order yet.
        early = self._compute(self.kpi_uptake, None, date(2025, 2, 1), date(2025, 2, 7))
        self.assertEqual(early[self.user_kam.id], 0.0)
        # No programme in January.
        january = self._compute(
            self.kpi_uptake, None, date(2025, 1, 1), date(2025, 1, 31)
        )
        self.assertEqual(january, {self.user_kam.id: 0.0, self.user_kam2.id: 0.0})

    def test_kam_sees_the_figures_of_own_accounts(self):
        promotion = self.promotion.with_user(self.user_kam)
        self.assertEqual(promotion.enrolment_count, 1)
        self.assertEqual(promotion.sales_amount, 100.0)
        self.assertEqual(
            self.enrolments.with_user(self.user_kam2)
            .search([("promotion_id", "=", self.promotion.id)])
            .partner_id,
            self.account_2,
        )

    def test_figures_take_two_queries_whatever_the_enrolments(self):
        def count_queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.promotion._kam_figures()
            return self.env.cr.sql_log_count - before

        few = count_queries()
        extra = self.env["res.partner"].create(
            [{"name": f"Extra {n}", "is_company": True} for n in range(6)]
        )
        self.promotion.state = "draft"
        self.promotion.target_partner_ids |= extra
        self.promotion.state = "running"
        self.env["kam.promotion.enrolment"].create(
            [{"promotion_id": self.promotion.id, "partner_id": p.id} for p in extra]
        )
        self.promotion.state = "done"
        self.env.flush_all()
        self.assertEqual(count_queries(), few)
