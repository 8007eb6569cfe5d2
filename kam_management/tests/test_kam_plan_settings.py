# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamPlanSettings(KamPayCommon):
    def test_settings_form(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.kam_revenue_basis, "ordered")
        settings.kam_revenue_basis = "invoiced"
        settings.kam_new_client_min_amount = 250.0
        settings.save().execute()
        self.assertEqual(self.company.kam_revenue_basis, "invoiced")
        self.assertEqual(self.company.kam_new_client_min_amount, 250.0)

    def test_new_client_minimum_not_negative(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.kam_new_client_min_amount = -1.0

    def test_cron_refreshes_confirmed_plans(self):
        self._sell(self.account_1, 420.0)
        self.assertEqual(self.plan_kam.revenue_achieved, 0.0)
        self.env.ref(
            "kam_management.kam_sales_plan_cron_refresh"
        ).method_direct_trigger()
        self.assertEqual(self.plan_kam.revenue_achieved, 420.0)
        self.assertAlmostEqual(self.plan_kam.revenue_attainment, 42.0)

    def test_statement_form_for_the_director(self):
        self._sell(self.account_1, 1000.0)
        self._sell(self.account_2, 10.0)
        Statement = self.env["kam.variable.pay.statement"].with_user(self.user_director)
        with Form(Statement) as form:
            form.plan_id = self.plan_kam
            self.assertEqual(form.policy_id, self.policy)
            self.assertEqual(form.target_amount, 1000.0)
        statement = form.record
        statement.action_compute()
        statement.action_approve()
        self.assertEqual(statement.state, "approved")
        self.assertAlmostEqual(statement.total_amount, 1000.0 * 0.6 * 1.02 + 400.0)
