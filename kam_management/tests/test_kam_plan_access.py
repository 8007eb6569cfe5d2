# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamPlanAccess(KamPayCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.statement_kam = cls._statement(cls.plan_kam)
        cls.statement_kam2 = cls._statement(cls.plan_kam2)
        cls.department = cls.env["kam.sales.plan"].create(
            {
                "name": "2025 Department",
                "date_from": "2025-01-01",
                "date_to": "2025-12-31",
            }
        )
        cls.draft_kam = cls.env["kam.sales.plan"].create(
            {
                "name": "Q2 draft",
                "user_id": cls.user_kam.id,
                "parent_id": False,
                "date_from": "2025-04-01",
                "date_to": "2025-06-30",
                "line_ids": [
                    Command.create({"kpi_id": cls.kpi_revenue.id, "target": 10})
                ],
            }
        )

    def test_kam_reads_only_own_plans_and_statements(self):
        Plan = self.env["kam.sales.plan"].with_user(self.user_kam)
        visible = Plan.search([])
        self.assertIn(self.plan_kam, visible)
        self.assertNotIn(self.plan_kam2, visible)
        with self.assertRaises(AccessError):
            self.plan_kam2.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            self.plan_kam2.line_ids.with_user(self.user_kam).read(["target"])
        Statement = self.env["kam.variable.pay.statement"].with_user(self.user_kam)
        self.assertEqual(Statement.search([]), self.statement_kam)
        with self.assertRaises(AccessError):
            self.statement_kam2.with_user(self.user_kam).read(["total_amount"])

    def test_kam_refreshes_own_plan_only(self):
        self._sell(self.account_1, 250.0)
        self.plan_kam.with_user(self.user_kam).action_refresh()
        self.assertEqual(self.plan_kam.revenue_achieved, 250.0)
        with self.assertRaises(AccessError):
            self.plan_kam2.with_user(self.user_kam).action_refresh()

    def test_kam_cannot_edit_or_approve(self):
        with self.assertRaises(AccessError):
            self.draft_kam.with_user(self.user_kam).write({"name": "Mine now"})
        with self.assertRaises(AccessError):
            self.draft_kam.line_ids.with_user(self.user_kam).write({"target": 1e9})
        with self.assertRaises(AccessError):
            self.statement_kam.with_user(self.user_kam).action_compute()
        self.statement_kam.action_compute()
        with self.assertRaises(AccessError):
            self.statement_kam.with_user(self.user_kam).action_approve()
        with self.assertRaises(AccessError):
            self.env["kam.variable.pay.adjustment"].with_user(self.user_kam).create(
                {
                    "statement_id": self.statement_kam.id,
                    "amount": 1000,
                    "reason": "I deserve it",
                }
            )

    def test_kam_reads_department_plan_of_their_plan(self):
        self.draft_kam.parent_id = self.department
        self.department.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            self.department.with_user(self.user_kam2).read(["name"])

    def test_manager_works_team_drafts(self):
        self.draft_kam.with_user(self.user_manager).line_ids.target = 20
        self.department.with_user(self.user_manager).write({"name": "Q1 North"})
        self.statement_kam.with_user(self.user_manager).action_compute()
        self.assertEqual(self.statement_kam.state, "computed")
        outsider = self.env["res.users"].create(
            {
                "name": "Outsider KAM",
                "login": "kam_outsider",
                "groups_id": [
                    Command.set(self.env.ref("kam_management.group_kam_user").ids)
                ],
            }
        )
        plan = self._kam_plan(outsider, 10, 1)
        with self.assertRaises(AccessError):
            plan.with_user(self.user_manager).read(["name"])

    def test_director_sees_all_of_their_companies(self):
        Plan = self.env["kam.sales.plan"].with_user(self.user_director)
        self.assertIn(self.plan_kam2, Plan.search([]))
        other = self.env["kam.sales.plan"].create(
            {
                "name": "Other company plan",
                "user_id": self.user_kam_other_company.id,
                "company_id": self.company_2.id,
                "date_from": self.date_from,
                "date_to": self.date_to,
            }
        )
        self.assertNotIn(
            other, Plan.with_context(allowed_company_ids=self.company.ids).search([])
        )
        self.assertIn(
            other,
            Plan.with_context(
                allowed_company_ids=(self.company | self.company_2).ids
            ).search([]),
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user_kam_other_company).with_context(
                allowed_company_ids=self.company_2.ids
            ).write({"name": "x"})
        other.with_user(self.user_kam_other_company).with_context(
            allowed_company_ids=self.company_2.ids
        ).read(["name"])
        with self.assertRaises(AccessError):
            self.plan_kam.with_user(self.user_kam_other_company).read(["name"])

    def test_non_kam_users_see_nothing(self):
        for model in (
            "kam.sales.plan",
            "kam.variable.pay.statement",
            "kam.variable.pay.policy",
        ):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.user_employee).search([])
