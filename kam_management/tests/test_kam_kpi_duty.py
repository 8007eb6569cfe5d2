# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import Command
from odoo.tests import new_test_user, tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamKpiDuty(KamKpiCommon):
    """A KPI for every duty (issue 14), each credited to the owner on the day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.kpi_orders = ref("kam_management.kam_kpi_orders")
        cls.kpi_discount = ref("kam_management.kam_kpi_discount_within_authority")
        cls.kpi_refusal = ref("kam_management.kam_kpi_refusal_rate")
        cls.kpi_resolution = ref("kam_management.kam_kpi_complaint_resolution_days")
        cls.kpi_on_time = ref("kam_management.kam_kpi_complaints_on_time")
        cls.kpi_intel = ref("kam_management.kam_kpi_intel_freshness")
        cls.kpi_proposals = ref("kam_management.kam_kpi_proposals")
        cls.kpi_plan = ref("kam_management.kam_kpi_plan_attainment")
        cls._own(cls.account_1, cls.user_kam)
        cls._own(cls.account_2, cls.user_kam2)
        cls._own(cls.account_3, cls.user_kam2)
        cls.reason = ref("kam_management.kam_refusal_reason_price")

    def _refused(self, partner, day):
        order = self._order(partner, day, [(self.product_a, 1, 10.0)], confirm=False)
        order.with_context(kam_refusal_reason_given=True).write(
            {"kam_refusal_reason_id": self.reason.id}
        )
        order.with_context(kam_refusal_reason_given=True).action_cancel()
        order.date_order = datetime.combine(day, datetime.min.time().replace(hour=10))
        return order

    def _complaint(self, partner, received, deadline=None, resolved=None):
        feedback = self.env["kam.feedback"].create(
            {
                "name": f"Complaint {received}",
                "partner_id": partner.id,
                "feedback_type": "complaint",
                "date_deadline": deadline,
            }
        )
        self.env.cr.execute(
            "UPDATE kam_feedback SET create_date = %s WHERE id = %s",
            (
                datetime.combine(received, datetime.min.time().replace(hour=9)),
                feedback.id,
            ),
        )
        feedback.invalidate_recordset(["create_date"])
        if resolved:
            feedback.write(
                {
                    "state": "resolved",
                    "resolution": "<p>Replaced the goods</p>",
                    "date_resolved": resolved,
                }
            )
        return feedback

    def test_data_flags(self):
        self.assertFalse(self.kpi_refusal.higher_is_better)
        self.assertFalse(self.kpi_resolution.higher_is_better)
        for kpi in (self.kpi_discount, self.kpi_on_time, self.kpi_intel, self.kpi_plan):
            self.assertTrue(kpi.higher_is_better)
            self.assertEqual(kpi.unit, "percent")
        self.assertEqual(self.kpi_resolution.aggregation, "avg")

    def test_orders_and_discounts_within_authority(self):
        self.account_1.kam_tier_id = self.tier_gold  # authority: 10 %
        day = date(2025, 2, 10)
        self._order(self.account_1, day, [(self.product_a, 1, 100.0)])
        self._order(self.account_1, day, [(self.product_a, 2, 100.0)])
        over = self.env["sale.order"].create(
            {
                "partner_id": self.account_1.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product_a.id,
                            "price_unit": 100.0,
                            "discount": 15.0,
                        }
                    )
                ],
            }
        )
        self.assertEqual(over.kam_approval_state, "to_approve")
        over.with_user(self.user_manager).action_kam_approve()
        over.action_confirm()
        over.date_order = datetime(2025, 2, 11, 10)
        self._order(self.account_2, day, [(self.product_a, 1, 100.0)])
        self._order(self.account_1, date(2025, 4, 2), [(self.product_a, 1, 1.0)])
        self.assertEqual(
            self._compute(self.kpi_orders), {self.user_kam.id: 3, self.user_kam2.id: 1}
        )
        share = self._compute(self.kpi_discount)
        self.assertAlmostEqual(share[self.user_kam.id], 66.67)
        self.assertEqual(share[self.user_kam2.id], 100.0)

    def test_orders_credited_to_the_owner_of_the_day(self):
        """A hand-over on 1 February: January's orders stay with the old KAM."""
        self._order(self.account_1, date(2025, 1, 15), [(self.product_a, 1, 10.0)])
        self._order(self.account_1, date(2025, 2, 15), [(self.product_a, 1, 10.0)])
        self._own(self.account_1, self.user_kam2, date_from=date(2025, 2, 1))
        self.assertEqual(
            self._compute(self.kpi_orders), {self.user_kam.id: 1, self.user_kam2.id: 1}
        )

    def test_refusal_rate(self):
        for day in (date(2025, 2, 1), date(2025, 2, 2), date(2025, 2, 3)):
            self._order(self.account_1, day, [(self.product_a, 1, 10.0)])
        self._refused(self.account_1, date(2025, 2, 4))
        self._order(self.account_2, date(2025, 2, 4), [(self.product_a, 1, 10.0)])
        rates = self._compute(self.kpi_refusal)
        self.assertEqual(rates[self.user_kam.id], 25.0, "1 refused of 4 placed")
        self.assertEqual(rates[self.user_kam2.id], 0.0)
        refund = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": self.account_1.id,
                "invoice_date": date(2025, 3, 1),
                "kam_return_reason_id": self.reason.id,
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": self.product_a.id, "price_unit": 10.0}
                    )
                ],
            }
        )
        refund.action_post()
        self.assertEqual(self._compute(self.kpi_refusal)[self.user_kam.id], 50.0)

    def test_complaint_resolution_time_and_on_time_share(self):
        # resolved in 4 days, by the deadline
        self._complaint(
            self.account_1, date(2025, 2, 1), date(2025, 2, 10), date(2025, 2, 5)
        )
        # resolved in 10 days, after the deadline
        self._complaint(
            self.account_1, date(2025, 2, 1), date(2025, 2, 5), date(2025, 2, 11)
        )
        # due in the period and still open: late
        self._complaint(self.account_1, date(2025, 3, 1), date(2025, 3, 20))
        # no deadline, resolved in the period: on time
        self._complaint(self.account_2, date(2025, 1, 5), resolved=date(2025, 1, 6))
        # received in the period but due after it: not counted yet
        self._complaint(self.account_2, date(2025, 3, 30), date(2025, 4, 10))
        days = self._compute(self.kpi_resolution)
        self.assertEqual(days[self.user_kam.id], 7.0)
        self.assertEqual(days[self.user_kam2.id], 1.0)
        share = self._compute(self.kpi_on_time)
        self.assertAlmostEqual(share[self.user_kam.id], 33.33)
        self.assertEqual(share[self.user_kam2.id], 100.0)

    def test_intel_freshness(self):
        competitor = self.env["kam.competitor"].create({"name": "Rival Drinks"})
        self.env["kam.competitor.intel"].create(
            [
                {
                    "partner_id": self.account_2.id,
                    "competitor_id": competitor.id,
                    "date": date(2025, 3, 1),
                },
                {
                    "partner_id": self.account_3.id,
                    "competitor_id": competitor.id,
                    "date": date(2024, 10, 1),  # older than 90 days at period end
                },
            ]
        )
        share = self._compute(self.kpi_intel)
        self.assertEqual(share, {self.user_kam.id: 0.0, self.user_kam2.id: 50.0})
        self.company.kam_intel_fresh_days = 365
        self.assertEqual(self._compute(self.kpi_intel)[self.user_kam2.id], 100.0)

    def test_proposals_submitted(self):
        today = self.company._kam_today()
        proposals = self.env["kam.proposal"].create(
            [
                {
                    "name": name,
                    "user_id": self.user_kam.id,
                    "description": "<p>More 1.5 l bottles</p>",
                }
                for name in ("Bottles", "Cans", "Draft")
            ]
        )
        proposals[:2].with_user(self.user_kam).action_submit()
        counts = self._compute(
            self.kpi_proposals,
            date_from=today - timedelta(days=1),
            date_to=today + timedelta(days=1),
        )
        self.assertEqual(counts, {self.user_kam.id: 2.0, self.user_kam2.id: 0.0})

    def test_plan_attainment_is_the_lowest_of_the_three_plans(self):
        plan = self.env["kam.sales.plan"].create(
            {
                "name": "Q1 Kamala",
                "user_id": self.user_kam.id,
                "date_from": self.date_from,
                "date_to": self.date_to,
                "line_ids": [
                    Command.create({"kpi_id": self.kpi_revenue.id, "target": 100.0}),
                    Command.create({"kpi_id": self.kpi_active.id, "target": 1}),
                    Command.create({"kpi_id": self.kpi_new.id, "target": 4}),
                    Command.create({"kpi_id": self.kpi_assortment.id, "target": 100}),
                ],
            }
        )
        plan.action_confirm()
        self._order(self.account_1, date(2025, 2, 10), [(self.product_a, 15, 10.0)])
        values = self._compute(self.kpi_plan)
        # revenue 150 %, active clients 100 %, new clients 1 of 4 = 25 %; the
        # assortment target is not one of the three plans
        self.assertEqual(values[self.user_kam.id], 25.0)
        self.assertEqual(values[self.user_kam2.id], 0.0, "no plan, no attainment")
        figures = self.Kpi._kam_plan_attainment(self.user_kam, date(2025, 2, 28))
        by_kpi = {f["kpi"]: f for f in figures[self.user_kam.id]}
        self.assertEqual(by_kpi[self.kpi_revenue]["achieved"], 150.0)
        self.assertEqual(by_kpi[self.kpi_revenue]["attainment"], 150.0)
        self.assertEqual(len(by_kpi), 4)
        self.assertFalse(
            self.Kpi._kam_plan_attainment(self.user_kam, date(2025, 4, 1)),
            "no plan runs on that day",
        )

    def test_queries_do_not_grow_with_kams(self):
        kams = self.env["res.users"]
        for index in range(10):
            kam = new_test_user(
                self.env,
                login=f"kam_duty_{index}",
                groups="base.group_user,kam_management.group_kam_user",
            )
            account = self.env["res.partner"].create(
                {"name": f"Duty account {index}", "is_company": True}
            )
            self._own(account, kam)
            self._order(account, date(2025, 2, 1), [(self.product_a, 1, 10.0)])
            self._complaint(account, date(2025, 2, 1), date(2025, 2, 3))
            kams |= kam
        kpis = (
            self.kpi_orders
            | self.kpi_discount
            | self.kpi_refusal
            | self.kpi_resolution
            | self.kpi_on_time
            | self.kpi_intel
        )

        def count(users):
            counts = []
            for kpi in kpis:
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                kpi._kam_compute(users, self.date_from, self.date_to)
                counts.append(self.env.cr.sql_log_count - before)
            return counts

        count(kams)  # warm the registry caches
        self.assertEqual(count(kams[:2]), count(kams))
