# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The plan and variable-pay workflows never need the acting user's e-mail
address: their notes go through ``_kam_system_note``."""

from odoo.tests import tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamPaySystemNotes(KamPayCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.user_manager | cls.user_director).partner_id.email = False

    def test_plan_workflow_without_email(self):
        plan = self.plan_kam2.with_user(self.user_manager)
        plan.action_refresh()
        plan.action_draft()
        plan.action_confirm()
        plan.action_close()
        self.assertEqual(plan.state, "closed")

    def test_statement_workflow_without_email(self):
        self._sell(self.account_1, 1000.0)
        statement = self._statement(self.plan_kam).with_user(self.user_manager)
        statement.action_compute()
        adjustment = self.env["kam.variable.pay.adjustment"].with_user(
            self.user_manager
        )
        bonus, mistake = adjustment.create(
            [
                {"statement_id": statement.id, "amount": 50.0, "reason": "Bonus"},
                {"statement_id": statement.id, "amount": 5.0, "reason": "Typo"},
            ]
        )
        mistake.unlink()
        notes = statement.message_ids.filtered(
            lambda m: m.author_id == self.user_manager.partner_id
        ).mapped("body")
        self.assertTrue(any("Bonus" in body for body in notes))
        self.assertTrue(any("removed (Typo)" in body for body in notes))
        statement.action_reset_draft()
        statement.action_compute()
        statement.with_user(self.user_director).action_approve()
        statement.with_user(self.user_director).action_mark_paid()
        self.assertEqual(statement.state, "paid")
        self.assertEqual(statement.adjustment_amount, bonus.amount)
