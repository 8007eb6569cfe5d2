# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamAccountPlan(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account_b.kam_account_plan = "<p>Grow B by 20%</p>"

    def test_kam_writes_and_team_reads_plan(self):
        form = Form(self.account_a.with_user(self.user_kam))
        form.kam_account_plan = "<p>Become sole supplier</p>"
        form.save()
        plan = self.env["kam.account.plan"].search(
            [("partner_id", "=", self.account_a.id)]
        )
        self.assertIn("sole supplier", plan.plan)
        for user in (self.user_kam2, self.user_manager, self.user_director):
            self.env.invalidate_all()
            self.assertIn(
                "sole supplier", self.account_a.with_user(user).kam_account_plan
            )
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.account_a.id}
        )
        self.assertIn(
            "sole supplier", contact.with_user(self.user_kam).kam_account_plan
        )

    def test_other_kam_cannot_read_plan(self):
        plan_b = self.env["kam.account.plan"].search(
            [("partner_id", "=", self.account_b.id)]
        )
        with self.assertRaises(AccessError):
            plan_b.with_user(self.user_kam).read(["plan"])
        self.assertFalse(self.account_b.with_user(self.user_kam).kam_account_plan)
        with self.assertRaises(AccessError):
            self.account_b.with_user(self.user_kam).write(
                {"kam_account_plan": "<p>Mine now</p>"}
            )
        self.assertIn("20%", plan_b.plan)

    def test_non_kam_cannot_read_plans(self):
        with self.assertRaises(AccessError):
            self.account_b.with_user(self.user_employee).read(["kam_account_plan"])
        with self.assertRaises(AccessError):
            self.env["kam.account.plan"].with_user(self.user_employee).search([])
