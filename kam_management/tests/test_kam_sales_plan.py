# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamSalesPlan(KamKpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["kam.sales.plan"]
        cls.department = cls._plan(
            "Q1 Sales", None, [(cls.kpi_revenue, 1000.0), (cls.kpi_active, 4)]
        )

    @classmethod
    def _plan(cls, name, user, lines, parent=None, date_from=None, date_to=None):
        return cls.Plan.create(
            {
                "name": name,
                "user_id": user.id if user else False,
                "parent_id": parent.id if parent else False,
                "date_from": date_from or cls.date_from,
                "date_to": date_to or cls.date_to,
                "line_ids": [
                    Command.create({"kpi_id": kpi.id, "target": target})
                    for kpi, target in lines
                ],
            }
        )

    def test_plan_form_and_attainment(self):
        self._own(self.account_1, self.user_kam)
        self._order(self.account_1, date(2025, 2, 10), [(self.product_a, 30, 10.0)])
        with Form(self.Plan) as form:
            form.name = "Q1 Kamala"
            form.user_id = self.user_kam
            form.parent_id = self.department
            form.date_from = self.date_from
            form.date_to = self.date_to
            with form.line_ids.new() as line:
                line.kpi_id = self.kpi_revenue
                line.target = 400.0
        plan = form.record
        plan.action_confirm()
        self.assertEqual(plan.state, "confirmed")
        self.assertAlmostEqual(plan.revenue_achieved, 300.0)
        self.assertAlmostEqual(plan.revenue_attainment, 75.0)
        self.assertTrue(plan.achieved_date)

    def test_lower_is_better_attainment(self):
        kpi = self.Kpi.create(
            {
                "name": "Overdue share",
                "code": "overdue_share",
                "unit": "percent",
                "higher_is_better": False,
            }
        )
        plan = self._plan("Q1", self.user_kam, [(kpi, 10.0)])
        plan.line_ids.achieved = 5.0
        self.assertAlmostEqual(plan.line_ids.attainment, 150.0)
        plan.line_ids.achieved = 20.0
        self.assertAlmostEqual(plan.line_ids.attainment, 0.0)

    def test_department_aggregates_kams(self):
        self._own(self.account_1, self.user_kam)
        self._own(self.account_2, self.user_kam2)
        self._order(self.account_1, date(2025, 1, 10), [(self.product_a, 10, 10.0)])
        self._order(
            self.account_2,
            date(2025, 1, 10),
            [(self.product_a, 20, 10.0), (self.product_b, 2, 5.0)],
        )
        self._plan(
            "Q1 Kamala",
            self.user_kam,
            [(self.kpi_revenue, 500.0)],
            parent=self.department,
        )
        self._plan(
            "Q1 Kamran",
            self.user_kam2,
            [(self.kpi_revenue, 500.0)],
            parent=self.department,
        )
        self.department.line_ids.filtered(
            lambda ln: ln.kpi_id == self.kpi_active
        ).unlink()
        assortment = self.env["kam.sales.plan.line"].create(
            {
                "plan_id": self.department.id,
                "kpi_id": self.kpi_assortment.id,
                "target": 2,
            }
        )
        self.department.action_refresh()
        self.assertAlmostEqual(self.department.revenue_achieved, 310.0)
        # Assortment is averaged over the KAMs: (1 + 2) / 2.
        self.assertAlmostEqual(assortment.achieved, 1.5)
        self.assertAlmostEqual(
            self.department.child_ids[0].revenue_attainment
            + self.department.child_ids[1].revenue_attainment,
            62.0,
        )

    def test_children_that_do_not_add_up_are_flagged(self):
        self._plan(
            "Q1 Kamala",
            self.user_kam,
            [(self.kpi_revenue, 500.0)],
            parent=self.department,
        )
        child = self._plan(
            "Q1 Kamran",
            self.user_kam2,
            [(self.kpi_revenue, 400.0)],
            parent=self.department,
        )
        revenue_line = self.department.line_ids.filtered(
            lambda ln: ln.kpi_id == self.kpi_revenue
        )
        self.assertTrue(revenue_line.split_mismatch)
        self.assertAlmostEqual(revenue_line.children_target, 900.0)
        self.assertIn(
            "add up to $\xa0900.00, not $\xa01,000.00", self.department.split_warning
        )
        child.line_ids.target = 500.0
        self.assertFalse(revenue_line.split_mismatch)
        self.assertFalse(self.department.split_warning)

    def test_account_targets_flagged_and_achieved(self):
        self._own(self.account_1, self.user_kam)
        self._order(self.account_1, date(2025, 3, 1), [(self.product_a, 5, 10.0)])
        plan = self._plan("Q1 Kamala", self.user_kam, [(self.kpi_revenue, 500.0)])
        plan.account_line_ids = [
            Command.create({"partner_id": self.account_1.id, "target": 200.0}),
            Command.create({"partner_id": self.account_2.id, "target": 200.0}),
        ]
        self.assertIn(
            "account targets add up to $\xa0400.00, not the revenue target $\xa0500.00",
            plan.split_warning,
        )
        plan.action_confirm()
        line_1 = plan.account_line_ids.filtered(
            lambda ln: ln.partner_id == self.account_1
        )
        self.assertAlmostEqual(line_1.achieved, 50.0)
        self.assertAlmostEqual(line_1.attainment, 25.0)

    def test_bad_inputs(self):
        with self.assertRaisesRegex(ValidationError, "ends .* before it starts"):
            self._plan(
                "Backwards",
                self.user_kam,
                [],
                date_from=date(2025, 3, 1),
                date_to=date(2025, 2, 1),
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._plan("Negative", self.user_kam, [(self.kpi_revenue, -1.0)])
        with self.assertRaisesRegex(ValidationError, "has the KPI Revenue twice"):
            self._plan(
                "Twice",
                self.user_kam,
                [(self.kpi_revenue, 1.0), (self.kpi_revenue, 2.0)],
            )
        kam_plan = self._plan("Q1 Kamala", self.user_kam, [(self.kpi_revenue, 1.0)])
        with self.assertRaisesRegex(
            ValidationError, "only be split from a department plan"
        ):
            self._plan("Grandchild", self.user_kam2, [], parent=kam_plan)
        with self.assertRaisesRegex(
            ValidationError, "within the period of its department plan"
        ):
            self._plan(
                "Too long",
                self.user_kam2,
                [],
                parent=self.department,
                date_to=date(2025, 4, 30),
            )
        with self.assertRaisesRegex(UserError, "no KPI targets"):
            self._plan("Empty", self.user_kam2, []).action_confirm()

    def test_overlapping_confirmed_plans(self):
        self._plan(
            "Q1 Kamala", self.user_kam, [(self.kpi_revenue, 1.0)]
        ).action_confirm()
        march = self._plan(
            "March Kamala",
            self.user_kam,
            [(self.kpi_revenue, 1.0)],
            date_from=date(2025, 3, 1),
            date_to=date(2025, 3, 31),
        )
        with self.assertRaisesRegex(
            ValidationError, "already has the confirmed plan Q1 Kamala"
        ):
            march.action_confirm()
        # Another KAM, or the next quarter, is fine.
        self._plan(
            "Q1 Kamran", self.user_kam2, [(self.kpi_revenue, 1.0)]
        ).action_confirm()
        self._plan(
            "Q2 Kamala",
            self.user_kam,
            [(self.kpi_revenue, 1.0)],
            date_from=date(2025, 4, 1),
            date_to=date(2025, 6, 30),
        ).action_confirm()

    def test_confirmed_targets_are_read_only(self):
        plan = self._plan("Q1 Kamala", self.user_kam, [(self.kpi_revenue, 100.0)])
        plan.action_confirm()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            plan.line_ids.target = 50.0
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            plan.line_ids = [Command.create({"kpi_id": self.kpi_new.id, "target": 1})]
        with self.assertRaisesRegex(UserError, "Only draft plans can be deleted"):
            plan.unlink()
        plan.action_draft()
        plan.line_ids.target = 50.0
        self.assertEqual(plan.revenue_target, 50.0)

    def test_close_freezes_figures(self):
        self._own(self.account_1, self.user_kam)
        plan = self._plan("Q1 Kamala", self.user_kam, [(self.kpi_revenue, 100.0)])
        plan.action_confirm()
        plan.action_close()
        self._order(self.account_1, date(2025, 3, 1), [(self.product_a, 5, 10.0)])
        plan.action_refresh()
        self.assertEqual(plan.revenue_achieved, 0.0)
        with self.assertRaisesRegex(UserError, "Only a confirmed plan can be closed"):
            plan.action_close()
