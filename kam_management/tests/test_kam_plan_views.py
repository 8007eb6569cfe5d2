# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamPlanViews(KamPayCommon):
    def _open(self, xmlid, user):
        action = self.env.ref(xmlid).sudo()
        model = self.env[action.res_model].with_user(user)
        modes = [(False, mode) for mode in action.view_mode.split(",")]
        views = model.get_views(modes)
        self.assertEqual(set(views["views"]), {mode for _id, mode in modes})
        return model

    def test_kam_opens_my_plan_and_statements(self):
        Plan = self._open("kam_management.kam_sales_plan_action_my", self.user_kam)
        self.assertEqual(
            Plan.search([("user_id", "=", self.user_kam.id)]), self.plan_kam
        )
        form = Form(self.plan_kam.with_user(self.user_kam))
        self.assertEqual(form.user_id, self.user_kam)
        self.assertEqual(len(form.line_ids), 2)
        self.assertEqual(form.state, "confirmed")
        self._open("kam_management.kam_variable_pay_statement_action", self.user_kam)

    def test_manager_opens_plans_dashboard_and_policies(self):
        for xmlid in (
            "kam_management.kam_sales_plan_action",
            "kam_management.kam_sales_plan_line_action_dashboard",
            "kam_management.kam_variable_pay_policy_action",
            "kam_management.kam_kpi_action",
        ):
            self._open(xmlid, self.user_manager)
        groups = (
            self.env["kam.sales.plan.line"]
            .with_user(self.user_manager)
            .read_group(
                [("user_id", "!=", False)],
                ["attainment:avg"],
                ["user_id"],
            )
        )
        self.assertEqual(
            {group["user_id"][0] for group in groups},
            {self.user_kam.id, self.user_kam2.id},
        )

    def test_manager_sees_team_menus_kam_does_not_see_config(self):
        menus = self.env["ir.ui.menu"]
        dashboard = self.env.ref("kam_management.kam_sales_plan_line_menu_dashboard")
        my_plan = self.env.ref("kam_management.kam_sales_plan_menu_my")
        visible_kam = menus.with_user(self.user_kam)._visible_menu_ids()
        self.assertIn(my_plan.id, visible_kam)
        self.assertNotIn(dashboard.id, visible_kam)
        self.assertIn(
            dashboard.id, menus.with_user(self.user_manager)._visible_menu_ids()
        )
