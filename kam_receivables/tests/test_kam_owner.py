# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import tagged

from .common import KamReceivablesCommon

# Asia/Baku is UTC+4: 2025-02-28 20:30 UTC is 1 March 00:30 there.
EVE = date(2025, 2, 28)
HAND_OVER = date(2025, 3, 1)


@tagged("post_install", "-at_install")
class TestReceivablesOwner(KamReceivablesCommon):
    """The receivables KPIs credit the owner of the day through kam.assignment,
    like the sales KPIs and the refusal analysis of kam_management."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Baku"
        cls.customer.kam_tier_id = cls.tier_gold
        history = cls.customer.kam_assignment_ids
        history.write({"date_from": date(2024, 1, 1), "date_to": EVE})
        cls.env["kam.assignment"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.user_kam2.id,
                "date_from": HAND_OVER,
                "company_id": cls.company.id,
            }
        )
        cls.users = cls.user_kam | cls.user_kam2
        cls.kpi_collected = cls.env.ref("kam_receivables.kam_kpi_collected_revenue")
        cls.kpi_overdue = cls.env.ref("kam_receivables.kam_kpi_overdue_ratio")
        cls.kpi_revenue = cls.env.ref("kam_management.kam_kpi_revenue")

    def test_hand_over_day_credits_the_same_kam_everywhere(self):
        # orders on each side of local midnight, one refused
        sold_eve = self._order(self.customer, 30.0)
        sold_eve.action_confirm()
        sold_day = self._order(self.customer, 40.0)
        sold_day.action_confirm()
        refused = self._order(
            self.customer,
            50.0,
            kam_refusal_reason_id=self.env.ref(
                "kam_management.kam_refusal_reason_price"
            ).id,
        )
        refused.with_context(kam_refusal_reason_given=True).action_cancel()
        sold_eve.date_order = datetime(2025, 2, 28, 19, 0)  # 23:00 in Baku
        sold_day.date_order = datetime(2025, 2, 28, 20, 30)  # 00:30 in Baku
        refused.date_order = datetime(2025, 2, 28, 20, 30)
        # an old overdue invoice and two paid ones, one paid on each side
        self._invoice(self.customer, 600, date(2024, 12, 31), date(2024, 12, 1))
        paid_eve = self._invoice(self.customer, 100, date(2025, 4, 30), EVE)
        paid_day = self._invoice(self.customer, 200, date(2025, 4, 30), EVE)
        self._pay(paid_eve, date=EVE)
        self._pay(paid_day, date=HAND_OVER)

        def compute(kpi, day):
            return kpi._kam_compute(self.users, day, day)

        kam, kam2 = self.user_kam.id, self.user_kam2.id
        self.assertEqual(compute(self.kpi_collected, EVE), {kam: 100.0, kam2: 0.0})
        self.assertEqual(
            compute(self.kpi_collected, HAND_OVER), {kam: 0.0, kam2: 200.0}
        )
        self.assertEqual(compute(self.kpi_revenue, EVE), {kam: 30.0, kam2: 0.0})
        self.assertEqual(compute(self.kpi_revenue, HAND_OVER), {kam: 0.0, kam2: 40.0})
        # the overdue ratio belongs to the owner at the period end
        eve, day = compute(self.kpi_overdue, EVE), compute(self.kpi_overdue, HAND_OVER)
        self.assertGreater(eve[kam], 0.0)
        self.assertEqual(eve[kam2], 0.0)
        self.assertEqual(day[kam], 0.0)
        self.assertGreater(day[kam2], 0.0)
        report = self.env["kam.refusal.report"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertRecordValues(
            report, [{"date": HAND_OVER, "user_id": kam2, "amount": 50.0}]
        )
        # 0 % overdue evidences the collection duty; any overdue does not
        self.assertTrue(self.kpi_overdue._kam_is_evidenced(0.0))
        self.assertFalse(self.kpi_overdue._kam_is_evidenced(day[kam2]))

    def test_ownership_api_is_shared(self):
        """The KPI helpers are the kam.assignment API, not a copy."""
        periods = self.env["kam.kpi"]._kam_ownership_periods(self.users, EVE, HAND_OVER)
        self.assertEqual(
            periods,
            self.env["kam.assignment"]._kam_periods(EVE, HAND_OVER, users=self.users),
        )
        rows = [(self.customer.id, EVE, 1.0), (self.customer.id, HAND_OVER, 2.0)]
        self.assertEqual(
            self.env["kam.kpi"]._kam_credit(periods, rows),
            {self.user_kam.id: 1.0, self.user_kam2.id: 2.0},
        )
        self.assertEqual(
            self.env["kam.assignment"]._kam_credit(periods, rows),
            {self.user_kam.id: 1.0, self.user_kam2.id: 2.0},
        )
