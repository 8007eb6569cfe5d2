# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One payout route: the policy turns attainments into pay, the statement stores
what it returns, and today's figures of an approved statement take the same
route without touching the frozen plan."""

from unittest.mock import patch

from odoo.tests import tagged

from ..models.kam_variable_pay_policy import kam_attainment
from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamPayoutRoute(KamPayCommon):
    def _attainments(self, plan):
        return {
            line.kpi_id: kam_attainment(
                line.target, line.achieved, line.kpi_id.higher_is_better
            )
            for line in plan.line_ids
        }

    def test_statement_stores_what_the_policy_returns(self):
        self._sell(self.account_1, 1100.0)
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        payout = self.policy._kam_payout(
            statement.target_amount, self._attainments(self.plan_kam)
        )
        self.assertAlmostEqual(statement.computed_amount, payout.amount)
        self.assertEqual(statement.gate_passed, payout.gate_passed)
        self.assertEqual(len(statement.line_ids), len(payout.lines))
        for line, expected in zip(statement.line_ids, payout.lines, strict=True):
            self.assertEqual(line.kpi_id.id, expected["kpi_id"])
            for name in ("attainment", "weight", "threshold", "payout_factor"):
                self.assertAlmostEqual(line[name], expected[name])
            self.assertAlmostEqual(line.amount, expected["amount"])
        self.assertAlmostEqual(
            sum(statement.line_ids.mapped("amount")), statement.computed_amount
        )
        # the cap on the total is the policy's too
        self.env["kam.variable.pay.adjustment"].create(
            {"statement_id": statement.id, "amount": 9000.0, "reason": "Deal"}
        )
        self.assertEqual(
            statement.total_amount,
            self.policy._kam_total(1000.0, statement.computed_amount + 9000.0),
        )
        self.assertEqual(statement.total_amount, 1500.0)

    def test_today_figures_take_the_same_route(self):
        self._sell(self.account_1, 1000.0)
        self._sell(self.account_2, 100.0)
        statement = self._statement(self.plan_kam)
        statement.action_compute()
        statement.with_user(self.user_director).action_approve()
        stored = self.plan_kam.line_ids.mapped("achieved")
        self._sell(self.account_1, 500.0)
        statement.invalidate_recordset(["current_amount", "difference_amount"])
        today = self.plan_kam._kam_achieved_figures()
        revenue = self.plan_kam.line_ids.filtered(
            lambda ln: ln.kpi_id == self.kpi_revenue
        )
        self.assertEqual(today[revenue.id], 1600.0)
        attainments = {
            line.kpi_id: kam_attainment(
                line.target, today[line.id], line.kpi_id.higher_is_better
            )
            for line in self.plan_kam.line_ids
        }
        expected = self.policy._kam_payout(1000.0, attainments).amount
        self.assertAlmostEqual(statement.current_amount, expected)
        self.assertAlmostEqual(
            statement.difference_amount, expected - statement.computed_amount
        )
        self.assertEqual(
            self.plan_kam.line_ids.mapped("achieved"), stored, "the plan stays frozen"
        )

    def test_today_figures_are_batched(self):
        """Today's figures of approved statements: one KPI computation per KPI for
        all of them and their periods, not one per statement and KPI."""
        self._sell(self.account_1, 1000.0)
        self._sell(self.account_3, 1000.0)
        statements = self._statement(self.plan_kam) | self._statement(self.plan_kam2)
        statements.action_compute()
        statements.with_user(self.user_director).action_approve()
        Kpi = type(self.env["kam.kpi"])
        original = Kpi._kam_compute_periods
        calls = []

        def counted(kpi, users, periods):
            calls.append((kpi.id, users.ids))
            return original(kpi, users, periods)

        with patch.object(Kpi, "_kam_compute_periods", counted):
            statements.invalidate_recordset(["current_amount"])
            statements.mapped("current_amount")
        self.assertEqual(len(calls), len(self.plan_kam.line_ids))
        self.assertTrue(
            all(
                set(users) == {self.user_kam.id, self.user_kam2.id}
                for _k, users in calls
            )
        )
