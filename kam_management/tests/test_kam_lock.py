# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One lock mixin: every record locked by an approved or confirmed parent refuses
create, write and unlink with a message naming it, and allows them otherwise."""

from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamLock(KamPayCommon):
    def _draft_plan(self):
        return self.env["kam.sales.plan"].create(
            {
                "name": "Q2 Lock",
                "user_id": self.user_kam.id,
                "date_from": date(2025, 4, 1),
                "date_to": date(2025, 6, 30),
                "line_ids": [
                    Command.create({"kpi_id": self.kpi_revenue.id, "target": 100.0})
                ],
                "account_line_ids": [
                    Command.create({"partner_id": self.account_1.id, "target": 100.0})
                ],
            }
        )

    def test_every_user_of_the_mixin_declares_its_lock(self):
        expected = {
            "kam.sales.plan.line": ("plan_id", ("confirmed", "closed")),
            "kam.sales.plan.account": ("plan_id", ("confirmed", "closed")),
            "kam.variable.pay.statement.line": ("statement_id", ("approved", "paid")),
            "kam.variable.pay.adjustment": ("statement_id", ("approved", "paid")),
            "kam.variable.pay.statement": (None, ("approved", "paid")),
        }
        for model, (parent, states) in expected.items():
            Model = self.env[model]
            with self.subTest(model=model):
                self.assertIsInstance(Model, type(self.env["kam.lock.mixin"]))
                self.assertEqual(Model._kam_lock_parent, parent)
                self.assertEqual(tuple(Model._kam_lock_states), states)

    def test_plan_targets(self):
        plan = self._draft_plan()
        line, account = plan.line_ids, plan.account_line_ids
        # draft: create, write and unlink are allowed
        line.target = 120.0
        account.target = 120.0
        extra = self.env["kam.sales.plan.line"].create(
            {"plan_id": plan.id, "kpi_id": self.kpi_active.id, "target": 1.0}
        )
        extra.unlink()
        extra_account = self.env["kam.sales.plan.account"].create(
            {"plan_id": plan.id, "partner_id": self.account_2.id, "target": 0.0}
        )
        extra_account.unlink()
        plan.action_confirm()
        for record, values in (
            (line, {"target": 1.0}),
            (line, {"kpi_id": self.kpi_new.id}),
            (account, {"target": 1.0}),
            (account, {"partner_id": self.account_2.id}),
        ):
            with self.subTest(record=record._name, values=values):
                with self.assertRaisesRegex(UserError, "cannot be changed") as caught:
                    record.write(values)
                self.assertIn(record.display_name, str(caught.exception))
                self.assertIn("Q2 Lock", str(caught.exception))
        with self.assertRaisesRegex(UserError, "reset it to draft"):
            line.unlink()
        with self.assertRaisesRegex(UserError, "reset it to draft"):
            account.unlink()
        with self.assertRaisesRegex(UserError, "Q2 Lock: Active Clients"):
            self.env["kam.sales.plan.line"].create(
                {"plan_id": plan.id, "kpi_id": self.kpi_active.id, "target": 1.0}
            )
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.env["kam.sales.plan.account"].create(
                {"plan_id": plan.id, "partner_id": self.account_2.id, "target": 1.0}
            )
        # the figures are not part of the target: the refresh writes them
        line.achieved = 5.0
        self.assertEqual(line.target, 120.0)

    def _approved_statement(self):
        self._sell(self.account_1, 1000.0)
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        adjustment = self.env["kam.variable.pay.adjustment"].create(
            {"statement_id": statement.id, "amount": 10.0, "reason": "Fair share"}
        )
        return statement, adjustment

    def test_statement_lines_and_adjustments(self):
        statement, adjustment = self._approved_statement()
        line = statement.line_ids[0]
        # computed, not approved: the adjustment and the lines may change
        adjustment.amount = 20.0
        line.amount = line.amount
        other = self.env["kam.variable.pay.adjustment"].create(
            {"statement_id": statement.id, "amount": 5.0, "reason": "Removed later"}
        )
        other.unlink()
        extra_line = self.env["kam.variable.pay.statement.line"].create(
            {"statement_id": statement.id, "kpi_id": self.kpi_new.id}
        )
        extra_line.unlink()
        statement.with_user(self.user_director).action_approve()
        with self.assertRaisesRegex(UserError, "frozen") as caught:
            line.amount = 1.0
        self.assertIn(line.display_name, str(caught.exception))
        self.assertIn(statement.name, str(caught.exception))
        with self.assertRaisesRegex(UserError, "frozen"):
            line.unlink()
        with self.assertRaisesRegex(UserError, "frozen"):
            self.env["kam.variable.pay.statement.line"].create(
                {"statement_id": statement.id, "kpi_id": self.kpi_new.id}
            )
        with self.assertRaisesRegex(UserError, "Fair share.*next period"):
            adjustment.amount = 1.0
        with self.assertRaisesRegex(UserError, "next period"):
            adjustment.unlink()
        with self.assertRaises(UserError) as caught:
            self.env["kam.variable.pay.adjustment"].create(
                {"statement_id": statement.id, "amount": 1.0, "reason": "Too late"}
            )
        self.assertIn("Too late", str(caught.exception))
        self.assertIn("next period", str(caught.exception))
        self.assertEqual(statement.adjustment_amount, 20.0)

    def test_statement_itself(self):
        statement, _adjustment = self._approved_statement()
        statement.target_amount = 900.0  # computed: still open
        statement.target_amount = 1000.0
        statement.with_user(self.user_director).action_approve()
        with self.assertRaisesRegex(UserError, "frozen") as caught:
            statement.policy_id = False
        self.assertIn(statement.name, str(caught.exception))
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            statement.unlink()
        # the workflow and the chatter go on: paid, and a note
        statement.with_user(self.user_director).action_mark_paid()
        statement.message_post(body="Paid with the March payroll.")
        self.assertEqual(statement.state, "paid")
        with self.assertRaisesRegex(UserError, "frozen"):
            statement.line_ids = [Command.clear()]

    def test_draft_statement_is_deleted(self):
        statement = self._statement(self.plan_kam2)
        statement.unlink()
        self.assertFalse(statement.exists())
