# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamPlanSplit(KamKpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["kam.sales.plan"]
        cls.department = cls.Plan.create(
            {
                "name": "2025 Q1",
                "date_from": cls.date_from,
                "date_to": cls.date_to,
                "line_ids": [
                    Command.create({"kpi_id": cls.kpi_revenue.id, "target": 1000.0})
                ],
            }
        )
        cls._own(cls.account_1, cls.user_kam)
        cls._own(cls.account_2, cls.user_kam)
        cls._own(cls.account_3, cls.user_kam2)

    def _wizard(self, plan):
        return Form(
            self.env["kam.sales.plan.split"].with_context(
                active_model="kam.sales.plan", active_id=plan.id
            )
        )

    def _kam_targets(self):
        return {
            child.user_id: child.revenue_target for child in self.department.child_ids
        }

    def test_equal_split_creates_kam_plans(self):
        wizard = self._wizard(self.department)
        self.assertEqual(wizard.total, 1000.0)
        for user in (self.user_kam, self.user_kam2, self.user_manager):
            with wizard.line_ids.new() as line:
                line.user_id = user
        wizard.method = "manual"
        wizard.method = "equal"
        wizard.save().action_apply()
        targets = self._kam_targets()
        self.assertEqual(len(targets), 3)
        self.assertAlmostEqual(sum(targets.values()), 1000.0)
        self.assertEqual(targets[self.user_kam], 333.33)
        self.assertEqual(targets[self.user_manager], 333.34)
        self.assertFalse(self.department.split_warning)

    def test_last_year_share(self):
        self._order(self.account_1, date(2024, 2, 1), [(self.product_a, 30, 10.0)])
        self._order(self.account_3, date(2024, 2, 1), [(self.product_a, 10, 10.0)])
        # This year's orders do not count for the share.
        self._order(self.account_3, date(2025, 2, 1), [(self.product_a, 1000, 10.0)])
        self.Plan.create(
            [
                {
                    "name": "Kamala",
                    "user_id": user.id,
                    "parent_id": self.department.id,
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                }
                for user in (self.user_kam, self.user_kam2)
            ]
        )
        wizard = self._wizard(self.department)
        wizard.method = "last_year"
        self.assertEqual(len(wizard.line_ids), 2)
        wizard.save().action_apply()
        targets = self._kam_targets()
        self.assertAlmostEqual(targets[self.user_kam], 750.0)
        self.assertAlmostEqual(targets[self.user_kam2], 250.0)

    def test_manual_split_flags_mismatch(self):
        wizard = self._wizard(self.department)
        wizard.method = "manual"
        with wizard.line_ids.new() as line:
            line.user_id = self.user_kam
            line.target = 300.0
        wizard.save().action_apply()
        self.assertIn(
            "add up to $\xa0300.00, not $\xa01,000.00", self.department.split_warning
        )

    def test_account_split_by_last_twelve_months(self):
        self._order(self.account_1, date(2024, 6, 1), [(self.product_a, 60, 10.0)])
        self._order(self.account_2, date(2024, 12, 1), [(self.product_a, 20, 10.0)])
        # Older than 12 months: ignored.
        self._order(self.account_2, date(2023, 12, 1), [(self.product_a, 500, 10.0)])
        plan = self.Plan.create(
            {
                "name": "Kamala Q1",
                "user_id": self.user_kam.id,
                "date_from": self.date_from,
                "date_to": self.date_to,
                "line_ids": [
                    Command.create({"kpi_id": self.kpi_revenue.id, "target": 400.0})
                ],
            }
        )
        wizard = self._wizard(plan)
        self.assertEqual(wizard.method, "last_12_months")
        self.assertEqual(len(wizard.line_ids), 2)
        wizard.save().action_apply()
        targets = {line.partner_id: line.target for line in plan.account_line_ids}
        self.assertAlmostEqual(targets[self.account_1], 300.0)
        self.assertAlmostEqual(targets[self.account_2], 100.0)
        self.assertFalse(plan.split_warning)

    def test_split_bad_inputs(self):
        wizard = self._wizard(self.department)
        wizard.method = "last_year"
        with wizard.line_ids.new() as line:
            line.user_id = self.user_kam
        with self.assertRaisesRegex(UserError, "no sales in the reference period"):
            wizard.save().action_apply()
        self.department.action_confirm()
        wizard = self._wizard(self.department)
        with wizard.line_ids.new() as line:
            line.user_id = self.user_kam
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            wizard.save().action_apply()

    def test_split_never_changes_a_confirmed_kam_plan(self):
        wizard = self._wizard(self.department)
        for user in (self.user_kam, self.user_kam2):
            with wizard.line_ids.new() as line:
                line.user_id = user
        wizard.save().action_apply()
        kam_plan = self.department.child_ids.filtered(
            lambda p: p.user_id == self.user_kam
        )
        kam_plan.action_confirm()
        wizard = self._wizard(self.department)
        self.assertEqual(len(wizard.line_ids), 2, "the KAM plans are proposed again")
        wizard.method = "manual"
        for index in range(2):
            with wizard.line_ids.edit(index) as line:
                line.target = 400.0 + 200.0 * index
        with self.assertRaises(UserError) as caught:
            wizard.save().action_apply()
        self.assertIn(kam_plan.line_ids.display_name, str(caught.exception))
        self.assertIn("reset it to draft", str(caught.exception))
        self.assertEqual(kam_plan.revenue_target, 500.0)
