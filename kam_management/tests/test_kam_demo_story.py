# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from .common_demo import KamDemoCase

# login -> groups the demo user must have (XML ids)
ROLE_GROUPS = {
    "kamala": ["kam_management.group_kam_user"],
    "tural": ["kam_management.group_kam_user"],
    "nigar": ["kam_management.group_kam_user"],
    "farid": ["kam_management.group_kam_user"],
    "leyla": ["kam_management.group_kam_manager"],
    "elvin": ["kam_management.group_kam_manager"],
    "rauf": ["kam_management.group_kam_director"],
    "ramin": ["account.group_account_manager"],
    "gunel": ["hr.group_hr_manager"],
    "anar": ["base.group_user"],
    "aynur": ["base.group_user"],
    "sabina": ["sales_team.group_sale_salesman"],
}
KAM_LOGINS = ("kamala", "tural", "nigar", "farid")
# menu (XML id in kam_management) -> the demo login who uses it
MENU_ROLES = {
    "res_partner_key_accounts_menu": "kamala",
    "res_partner_my_key_accounts_menu": "kamala",
    "kam_feedback_menu": "kamala",
    "kam_account_plan_menu": "kamala",
    "kam_account_plan_objective_menu": "tural",
    "kam_account_plan_stakeholder_menu": "tural",
    "kam_competitor_intel_menu": "kamala",
    "kam_corrective_action_menu": "kamala",
    "kam_proposal_menu": "kamala",
    "sale_order_kam_to_approve_menu": "leyla",
    "kam_visit_my_week_menu": "kamala",
    "kam_visit_menu": "kamala",
    "kam_visit_analysis_menu": "leyla",
    "kam_sales_plan_menu_my": "kamala",
    "kam_sales_plan_menu": "leyla",
    "kam_variable_pay_statement_menu": "kamala",
    "kam_sales_plan_line_menu_dashboard": "leyla",
    "kam_assignment_menu": "kamala",
    "kam_refusal_report_menu": "leyla",
    "kam_weekly_report_menu": "leyla",
    "kam_tier_menu": "rauf",
    "kam_kpi_menu": "rauf",
    "kam_variable_pay_policy_menu": "rauf",
    "kam_segment_menu": "rauf",
    "kam_competitor_menu": "rauf",
    "kam_refusal_reason_menu": "rauf",
}


@tagged("post_install", "-at_install")
class TestKamDemoStory(KamDemoCase):
    """The demo shows every screen of the KAM's job with a coherent story."""

    def test_users_per_role(self):
        for login, groups in ROLE_GROUPS.items():
            user = self.demo_user(login)
            with self.subTest(login=login):
                for group in groups:
                    self.assertTrue(user.has_group(group), group)
                self.assertEqual(user.tz, "Asia/Baku")
                self.assertTrue(user.employee_id, "every demo user is an employee")
        kams = self.env["res.users"].concat(*map(self.demo_user, KAM_LOGINS))
        self.assertFalse(
            kams.filtered(lambda u: u.has_group("kam_management.group_kam_manager"))
        )
        self.assertEqual(
            kams.filtered(lambda u: not u.email).mapped("login"),
            ["farid"],
            "one KAM has no e-mail address",
        )
        self.assertEqual(self.company.kam_tz, "Asia/Baku")

    def test_org_chart(self):
        leyla, elvin, rauf = map(self.demo_user, ("leyla", "elvin", "rauf"))
        self.assertEqual(
            set(leyla.kam_team_user_ids.mapped("login")), {"kamala", "tural"}
        )
        self.assertEqual(
            set(elvin.kam_team_user_ids.mapped("login")), {"nigar", "farid"}
        )
        for login in KAM_LOGINS:
            self.assertIn(self.demo_user(login).kam_head_user_id, leyla | elvin, login)
        self.assertEqual(rauf.employee_id.parent_id.user_id, self.demo_user("anar"))
        kam_job = self.env.ref("kam_management.job_demo_kam")
        self.assertEqual(
            set(kam_job.employee_ids.user_id.mapped("login")), set(KAM_LOGINS)
        )
        self.assertTrue(self.env.ref("kam_management.job_demo_csm").employee_ids)

    def test_visits_done_late_missed_and_planned(self):
        visits = self.env["kam.visit"]
        past = [("planned_start", "<", self.today - timedelta(days=90))]
        for state in ("done", "missed"):
            self.assertTrue(visits.search_count(past + [("state", "=", state)]), state)
        done = visits.search([("state", "=", "done")])
        self.assertTrue(all(done.mapped("outcome")))
        self.assertTrue(done.filtered(lambda v: not v.done_on_time), "some late")
        self.assertTrue(done.filtered("done_on_time"))
        self.assertTrue(visits.search_count([("visit_type", "=", "call")]))
        oldest = min(visits.search([]).mapped("planned_start"))
        self.assertLess(oldest.date(), self.today - timedelta(days=365))
        # this week: planned by the weekly planner for every KAM
        monday = self.today - timedelta(days=self.today.weekday())
        start, stop = self.company._kam_day_bounds(monday, monday + timedelta(days=6))
        week = visits.search(
            [("planned_start", ">=", start), ("planned_start", "<", stop)]
        )
        self.assertEqual(set(week.user_id.mapped("login")), set(KAM_LOGINS))
        self.assertTrue(week.filtered("is_generated"))
        future = week.filtered(
            lambda v: self.company._kam_local_day(v.planned_start) > self.today
        )
        self.assertEqual(set(future.mapped("state")), {"planned"} if future else set())

    def test_plans_pay(self):
        kamala_previous = self.env.ref(
            "kam_management.kam_sales_plan_demo_kam_previous"
        )
        department = self.env.ref("kam_management.kam_sales_plan_demo_department")
        self.assertEqual(kamala_previous.state, "closed")
        self.assertEqual(department.state, "confirmed")
        self.assertEqual(len(department.child_ids), 4)
        self.assertFalse(department.split_warning)
        for plan in department | department.child_ids:
            self.assertTrue(plan.achieved_date, "figures computed at install")
            self.assertTrue(plan.revenue_achieved, plan.display_name)
        statement = self.env.ref("kam_management.kam_variable_pay_statement_demo_kam")
        self.assertEqual(statement.state, "paid")
        self.assertTrue(statement.gate_passed)
        self.assertGreater(statement.computed_amount, 0.0)
        self.assertGreaterEqual(kamala_previous.revenue_attainment, 100.0)
        statements = self.env["kam.variable.pay.statement"].search(
            [("plan_id.parent_id", "=", kamala_previous.parent_id.id)]
        )
        self.assertEqual(len(statements), 4)
        self.assertEqual(
            set(statements.mapped("state")), {"paid", "approved", "computed"}
        )
        self.assertEqual(len(statements.filtered("gate_passed")), 3, "Farid's fails")

    def test_discount_waits_for_approval(self):
        order = self.env.ref("kam_management.sale_order_demo_discount_to_approve")
        self.assertEqual(order.kam_approval_state, "to_approve")
        self.assertEqual(order.kam_approver_id, self.demo_user("leyla"))

    def test_new_client_last_quarter(self):
        client = self.env.ref("kam_management.res_partner_demo_new_client")
        plan = self.env.ref("kam_management.kam_sales_plan_demo_kam_previous")
        new = plan.line_ids.filtered(
            lambda ln: ln.kpi_id == self.env.ref("kam_management.kam_kpi_new_clients")
        )
        self.assertEqual(new.achieved, 1.0)
        self.assertTrue(client.kam_revenue_12m)

    def test_menus_open_on_data(self):
        self.assertMenusHaveData("kam_management", MENU_ROLES)
