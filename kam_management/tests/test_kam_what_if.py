# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import Form, new_test_user, tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamWhatIf(KamPayCommon):
    def test_quotation_what_if(self):
        self._sell(self.account_1, 700.0)
        self.plan_kam.action_refresh()
        quotation = self._order(
            self.account_2,
            date(2025, 3, 20),
            [(self.product_b, 1, 400.0)],
            confirm=False,
        )
        quotation.user_id = self.user_kam
        quotation.invalidate_recordset()
        self.assertEqual(quotation.kam_plan_id, self.plan_kam)
        self.assertAlmostEqual(quotation.kam_revenue_attainment, 70.0)
        self.assertAlmostEqual(quotation.kam_revenue_attainment_after, 110.0)
        # account_1 bought one category; with the quotation account_2 buys one too.
        self.assertAlmostEqual(quotation.kam_assortment, 1.0)
        self.assertAlmostEqual(quotation.kam_assortment_after, 1.0)
        # Now: revenue 70 % is under the 80 % gate -> nothing. After: 110 % -> 720,
        # active clients (1 of 2 today) 50 % -> 200.
        self.assertEqual(quotation.kam_pay, 0.0)
        self.assertAlmostEqual(quotation.kam_pay_after, 920.0)

    def test_what_if_in_form_and_privacy(self):
        quotation = self._order(self.account_1, date(2025, 3, 20), [], confirm=False)
        quotation.user_id = self.user_kam
        with Form(quotation.with_user(self.user_kam)) as form:
            self.assertEqual(form.kam_plan_id, self.plan_kam)
            self.assertEqual(form.kam_revenue_attainment_after, 0.0)
            with form.order_line.new() as line:
                line.product_id = self.product_a
                line.price_unit = 100.0
            self.assertAlmostEqual(form.kam_revenue_attainment_after, 10.0)
            self.assertAlmostEqual(form.kam_assortment_after, 1.0)
        order = form.record
        # Sales support sees the order, not the KAM's plan; the head of sales does.
        support = new_test_user(
            self.env,
            login="kam_support",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        self.assertFalse(order.with_user(support).kam_plan_id)
        order.invalidate_recordset()
        self.assertEqual(order.with_user(self.user_manager).kam_plan_id, self.plan_kam)
        # Without a confirmed plan for the date there is nothing to show.
        order.date_order = datetime(2026, 6, 1)
        self.assertFalse(order.kam_plan_id)

    def test_confirmed_orders_show_nothing(self):
        order = self._order(
            self.account_1, date(2025, 3, 20), [(self.product_a, 1, 100.0)]
        )
        order.user_id = self.user_kam
        self.assertFalse(order.kam_plan_id)
        self.assertEqual(order.kam_pay_after, 0.0)
