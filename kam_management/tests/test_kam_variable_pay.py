# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamVariablePay(KamPayCommon):
    def test_compute_statement(self):
        self._sell(self.account_1, 700.0)
        self._sell(self.account_2, 400.0)
        statement = self._statement(self.plan_kam)
        self.assertEqual(statement.policy_id, self.policy)
        self.assertEqual(statement.target_amount, 1000.0)
        statement.action_compute()
        self.assertEqual(statement.state, "computed")
        revenue, active = statement.line_ids.sorted(lambda ln: ln.kpi_id.sequence)
        self.assertAlmostEqual(revenue.attainment, 110.0)
        # 110 % with accelerator 2 pays 120 % of the 600 weight.
        self.assertAlmostEqual(revenue.payout_factor, 120.0)
        self.assertAlmostEqual(revenue.amount, 720.0)
        self.assertAlmostEqual(active.attainment, 100.0)
        self.assertAlmostEqual(active.amount, 400.0)
        self.assertAlmostEqual(statement.total_amount, 1120.0)
        self.assertTrue(statement.gate_passed)
        with self.assertRaisesRegex(UserError, "not a draft"):
            statement.action_compute()

    def test_gate_and_threshold(self):
        self._sell(self.account_1, 790.0)
        self._sell(self.account_2, 1.0)
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        self.assertFalse(statement.gate_passed)
        self.assertEqual(statement.total_amount, 0.0)
        self.assertFalse(any(statement.line_ids.mapped("amount")))

    def test_payout_never_above_cap_or_below_zero(self):
        self._sell(self.account_1, 10000.0)
        self._sell(self.account_2, 1.0)
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        self.assertAlmostEqual(statement.total_amount, 1000.0 * 0.6 * 1.5 + 400.0)
        self.env["kam.variable.pay.adjustment"].create(
            {
                "statement_id": statement.id,
                "amount": 5000.0,
                "reason": "Exceptional deal",
            }
        )
        self.assertEqual(statement.total_amount, 1500.0)
        self.env["kam.variable.pay.adjustment"].create(
            {"statement_id": statement.id, "amount": -50000.0, "reason": "Claw-back"}
        )
        self.assertEqual(statement.total_amount, 0.0)

    def test_adjustment_needs_reason_and_is_logged(self):
        statement = self._statement(self.plan_kam)
        with self.assertRaises(ValidationError):
            self.env["kam.variable.pay.adjustment"].create(
                {"statement_id": statement.id, "amount": 10.0, "reason": "  "}
            )
        with self.assertRaisesRegex(ValidationError, "non-zero amount"):
            self.env["kam.variable.pay.adjustment"].create(
                {"statement_id": statement.id, "amount": 0.0, "reason": "x"}
            )
        with Form(statement) as form, form.adjustment_ids.new() as adjustment:
            adjustment.amount = 75.0
            adjustment.reason = "Carry-over from Q4: late credit note"
        self.assertEqual(statement.adjustment_amount, 75.0)
        self.assertIn("late credit note", statement.message_ids[0].body)

    def test_approval_rights(self):
        self._sell(self.account_1, 1000.0)
        statement = self._statement(self.plan_kam)
        with self.assertRaisesRegex(UserError, "Only a computed statement"):
            statement.with_user(self.user_director).action_approve()
        statement.action_compute()
        with self.assertRaises(AccessError):
            statement.with_user(self.user_manager).action_approve()
        with self.assertRaises(AccessError):
            statement.with_user(self.user_kam).action_approve()
        statement.with_user(self.user_director).action_approve()
        self.assertEqual(statement.state, "approved")
        self.assertEqual(statement.approved_by_id, self.user_director)
        with self.assertRaises(AccessError):
            statement.with_user(self.user_manager).action_mark_paid()
        statement.with_user(self.user_director).action_mark_paid()
        self.assertEqual(statement.state, "paid")

    def test_director_never_approves_own_pay(self):
        plan = self._kam_plan(self.user_director, 100.0, 1)
        statement = self._statement(plan)
        statement.action_compute()
        with self.assertRaisesRegex(AccessError, "your own variable pay"):
            statement.with_user(self.user_director).action_approve()

    def test_approved_figures_are_frozen(self):
        self._sell(self.account_1, 1000.0)
        self._sell(self.account_2, 100.0)
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        statement.with_user(self.user_director).action_approve()
        approved = statement.total_amount
        self.assertAlmostEqual(approved, 1000.0 * 0.6 * 1.2 + 400.0)
        self.assertEqual(statement.difference_amount, 0.0)
        # A late order cancellation lowers today's figures; the approved pay stays.
        self.account_1.sale_order_ids.filtered(
            lambda o: o.amount_untaxed == 1000.0
        )._action_cancel()
        statement.invalidate_recordset(["current_amount", "difference_amount"])
        self.assertEqual(statement.total_amount, approved)
        self.assertAlmostEqual(statement.difference_amount, -approved)
        with self.assertRaisesRegex(UserError, "frozen"):
            statement.target_amount = 2000.0
        with self.assertRaisesRegex(UserError, "frozen"):
            statement.line_ids[0].amount = 1.0
        with self.assertRaisesRegex(UserError, "next period"):
            self.env["kam.variable.pay.adjustment"].create(
                {"statement_id": statement.id, "amount": 10.0, "reason": "late"}
            )
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            statement.unlink()

    def test_reassignment_after_approval_shows_as_difference(self):
        self._sell(self.account_1, 1000.0)
        self._sell(self.account_2, 100.0)
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        statement.with_user(self.user_director).action_approve()
        approved = statement.total_amount
        # account_2 is handed to the other KAM back-dated to the period start.
        self._own(self.account_2, self.user_kam2, self.date_from)
        statement.invalidate_recordset(["current_amount", "difference_amount"])
        self.assertEqual(statement.total_amount, approved)
        self.assertEqual(
            statement.line_ids.filtered(
                lambda ln: ln.kpi_id == self.kpi_revenue
            ).achieved,
            1100.0,
        )
        # Revenue 1000 (100 %) pays 600, one active client of two (50 %) half of 400.
        self.assertAlmostEqual(statement.current_amount, 600.0 + 200.0)
        self.assertAlmostEqual(statement.difference_amount, 800.0 - approved)

    def test_reset_and_recompute(self):
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        self.assertEqual(statement.total_amount, 0.0)
        self._sell(self.account_1, 1000.0)
        statement.action_reset_draft()
        statement.action_compute()
        self.assertAlmostEqual(
            statement.line_ids.filtered(
                lambda ln: ln.kpi_id == self.kpi_revenue
            ).achieved,
            1000.0,
        )

    def test_bad_statement_inputs(self):
        with self.assertRaisesRegex(ValidationError, "not on a department plan"):
            department = self.env["kam.sales.plan"].create(
                {"name": "Dept", "date_from": self.date_from, "date_to": self.date_to}
            )
            self._statement(department)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["kam.variable.pay.statement"].create(
                {"plan_id": self.plan_kam2.id, "target_amount": -1.0}
            )

    def test_policy_bad_inputs(self):
        Policy = self.env["kam.variable.pay.policy"]
        with self.assertRaisesRegex(ValidationError, "add up to 90"):
            Policy.create(
                {
                    "name": "Short",
                    "line_ids": [(0, 0, {"kpi_id": self.kpi_revenue.id, "weight": 90})],
                }
            )
        with self.assertRaisesRegex(ValidationError, "at least 100"):
            Policy.create({"name": "Low cap", "cap": 90})
        with self.assertRaisesRegex(ValidationError, "weighs a KPI twice"):
            Policy.create(
                {
                    "name": "Twice",
                    "line_ids": [
                        (0, 0, {"kpi_id": self.kpi_revenue.id, "weight": 50}),
                        (0, 0, {"kpi_id": self.kpi_revenue.id, "weight": 50}),
                    ],
                }
            )
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self.policy.line_ids[0].weight = -10
        with self.assertRaisesRegex(
            ValidationError, "threshold of Active Clients cannot be negative"
        ):
            self.policy.line_ids[1].threshold = -1
