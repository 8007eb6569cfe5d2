# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Representation budget (III.2): representation expenses consume a KAM's budget;
spending past it needs the head of sales' approval; spend per account."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestRepresentationBudget(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = cls.company._kam_today()
        cls.product = cls.env.ref("kam_management.product_product_representation")
        cls.meal = cls.env["product.product"].create(
            {"name": "Own Meal", "can_be_expensed": True, "type": "service"}
        )
        cls.budget = cls._budget(cls.user_kam, 500.0)

    @classmethod
    def _budget(cls, user, amount, days_before=10, days_after=10):
        return cls.env["kam.representation.budget"].create(
            {
                "user_id": user.id,
                "date_from": cls.today - timedelta(days=days_before),
                "date_to": cls.today + timedelta(days=days_after),
                "amount": amount,
            }
        )

    def _expense(self, amount, employee=None, partner=None, **values):
        employee = employee or self.employee_kam
        vals = {
            "name": f"Client dinner {amount}",
            "employee_id": employee.id,
            "product_id": self.product.id,
            "total_amount_currency": amount,
            "date": self.today,
            "kam_partner_id": (partner or self.account_a).id,
        }
        vals.update(values)
        return (
            self.env["hr.expense"]
            .with_user(employee.user_id)
            .create(vals)
            .with_user(self.env.user)
        )

    def _report(self, expenses, employee=None):
        return self.env["hr.expense.sheet"].create(
            {
                "name": "Representation report",
                "employee_id": (employee or self.employee_kam).id,
                "expense_line_ids": [Command.set(expenses.ids)],
            }
        )

    def _approved(self, amount, **values):
        expense = self._expense(amount, **values)
        report = self._report(expense, employee=expense.employee_id)
        report.action_submit_sheet()
        report.action_approve_expense_sheets()
        self.assertEqual(expense.state, "approved")
        return expense

    # ------------------------------------------------------------------
    # Consuming the budget
    # ------------------------------------------------------------------
    def test_approved_representation_consumes_the_budget(self):
        expense = self._approved(300.0)
        self.assertTrue(expense.kam_is_representation, "from the product")
        self.assertEqual(expense.kam_budget_id, self.budget)
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.spent_amount, 300.0)
        self.assertEqual(self.budget.remaining_amount, 200.0)
        self.assertEqual(self.budget.spent_rate, 60.0)
        pending = self._expense(50.0)
        self._report(pending).action_submit_sheet()
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.pending_amount, 50.0)
        self.assertEqual(self.budget.spent_amount, 300.0)
        # Other expenses, and other periods, do not count.
        self._approved(80.0, product_id=self.meal.id, kam_partner_id=False)
        self._budget(self.user_kam, 1000.0, days_before=40, days_after=-11)
        self._approved(70.0, date=self.today - timedelta(days=11))
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.spent_amount, 300.0)

    def test_past_the_budget_needs_the_head_of_sales(self):
        self._approved(300.0)
        kam_email = self.user_kam.partner_id.email
        (self.user_kam | self.user_manager).partner_id.email = False
        expense = self._expense(250.0)
        report = self._report(expense)
        with self.assertRaisesRegex(UserError, "head of sales' approval"):
            report.action_submit_sheet()
        self.assertEqual(report.state, "draft")
        expense.with_user(self.user_kam).action_kam_request_over_budget_approval()
        self.assertEqual(expense.activity_ids.user_id, self.user_manager)
        with self.assertRaises(AccessError):
            expense.with_user(self.user_kam).action_kam_approve_over_budget()
        with self.assertRaises(AccessError):
            expense.with_user(self.user_kam2).action_kam_approve_over_budget()
        with self.assertRaises(AccessError):
            expense.with_user(self.user_kam).write(
                {"kam_over_budget_user_id": self.user_kam.id}
            )
        expense.with_user(self.user_manager).action_kam_approve_over_budget()
        self.assertEqual(expense.kam_over_budget_user_id, self.user_manager)
        self.assertFalse(expense.activity_ids)
        # Odoo's own expense approval needs the employee's work e-mail address.
        self.user_kam.partner_id.email = kam_email
        report.action_submit_sheet()
        report.action_approve_expense_sheets()
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.spent_amount, 550.0)
        self.assertEqual(self.budget.remaining_amount, -50.0)

    def test_changing_an_approved_expense_asks_again(self):
        self._approved(450.0)
        expense = self._expense(100.0)
        expense.with_user(self.user_director).action_kam_approve_over_budget()
        self.assertEqual(expense.kam_over_budget_user_id, self.user_director)
        expense.with_user(self.user_kam).total_amount_currency = 120.0
        self.assertFalse(expense.kam_over_budget_user_id)
        with self.assertRaisesRegex(UserError, "head of sales' approval"):
            self._report(expense).action_submit_sheet()

    def test_approval_checks_the_budget_again(self):
        first, second = self._expense(300.0), self._expense(250.0)
        first_report, second_report = self._report(first), self._report(second)
        first_report.action_submit_sheet()
        second_report.action_submit_sheet()
        first_report.action_approve_expense_sheets()
        with self.assertRaisesRegex(UserError, "left of the budget"):
            second_report.action_approve_expense_sheets()
        self.assertEqual(second.state, "submitted")

    def test_bad_expenses(self):
        no_account = self._expense(10.0, kam_partner_id=False)
        with self.assertRaisesRegex(UserError, "Name the account entertained"):
            self._report(no_account).action_submit_sheet()
        self.budget.unlink()
        uncovered = self._expense(10.0)
        with self.assertRaisesRegex(UserError, "no representation budget"):
            self._report(uncovered).action_submit_sheet()
        # An employee's ordinary expenses are not concerned.
        meal = self._expense(10.0, product_id=self.meal.id, kam_partner_id=False)
        self.assertFalse(meal.kam_is_representation)
        self._report(meal).action_submit_sheet()
        self.assertEqual(meal.state, "submitted")
        with self.assertRaisesRegex(UserError, "no head of sales"):
            meal.with_user(self.user_kam).action_kam_request_over_budget_approval()

    def test_kam_records_a_representation_expense(self):
        with Form(self.env["hr.expense"].with_user(self.user_kam)) as form:
            form.name = "Lunch with the buyer"
            form.product_id = self.product
            form.total_amount_currency = 90.0
            form.kam_partner_id = self.account_a
            expense = form.save()
        self.assertTrue(expense.kam_is_representation)
        self.assertEqual(expense.employee_id, self.employee_kam)
        self.assertEqual(expense.kam_budget_remaining, 500.0)

    # ------------------------------------------------------------------
    # Budgets: input and roles
    # ------------------------------------------------------------------
    def test_budget_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "already has"):
            self._budget(self.user_kam, 100.0, days_before=-5, days_after=40)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._budget(self.user_kam2, -1.0)
        with self.assertRaisesRegex(ValidationError, "cannot end before"):
            self._budget(self.user_kam2, 10.0, days_before=-5, days_after=-10)

    def test_budget_roles(self):
        Budget = self.env["kam.representation.budget"]
        other = self._budget(self.user_kam2, 300.0)
        self.assertEqual(
            Budget.with_user(self.user_kam).search(
                [("id", "in", (self.budget | other).ids)]
            ),
            self.budget,
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user_kam).read(["amount"])
        with self.assertRaises(AccessError):
            self.budget.with_user(self.user_kam).write({"amount": 9999.0})
        manager_budgets = Budget.with_user(self.user_manager)
        team = manager_budgets.search([("id", "in", (self.budget | other).ids)])
        self.assertEqual(team, self.budget | other)
        manager_budgets.create(
            {
                "user_id": self.user_manager.id,
                "date_from": self.today,
                "date_to": self.today,
                "amount": 100.0,
            }
        )
        with self.assertRaises(AccessError):
            manager_budgets.create(
                {
                    "user_id": self.user_director.id,
                    "date_from": self.today,
                    "date_to": self.today,
                    "amount": 100.0,
                }
            )
        with self.assertRaises(AccessError):
            Budget.with_user(self.user_employee).search([])
        self.assertFalse(
            Budget.with_user(self.user_kam_other_company).search(
                [("id", "=", other.id)]
            )
        )

    def test_head_of_sales_reads_the_teams_representation_only(self):
        expense = self._expense(20.0)
        meal = self._expense(20.0, product_id=self.meal.id, kam_partner_id=False)
        self.assertEqual(expense.with_user(self.user_manager).name, expense.name)
        with self.assertRaises(AccessError):
            meal.with_user(self.user_manager).read(["name"])
        with self.assertRaises(AccessError):
            expense.with_user(self.user_manager).write({"name": "Changed"})

    # ------------------------------------------------------------------
    # Spend per account next to its revenue
    # ------------------------------------------------------------------
    def test_spend_per_account(self):
        self._budget(self.user_kam2, 100.0)
        self._approved(120.0)
        self._approved(30.0, partner=self.account_b, employee=self.employee_kam2)
        self._expense(40.0)  # not approved yet
        account = self.account_a.with_user(self.user_kam)
        self.assertEqual(account.kam_representation_12m, 120.0)
        self.assertEqual(self.account_b.kam_representation_12m, 30.0)
        contact = self.env["res.partner"].create(
            {"name": "Buyer at A", "parent_id": self.account_a.id}
        )
        self.assertEqual(contact.kam_representation_12m, 120.0)
        action = account.action_kam_view_representation()
        self.assertIn(("kam_is_representation", "=", True), action["domain"])
        view = self.env.ref("kam_management.res_partner_view_list_key_account")
        arch = self.env["res.partner"].get_view(view.id, "list")["arch"]
        self.assertIn("kam_representation_12m", arch)

    def test_spend_of_a_list_of_accounts_is_one_query(self):
        self._approved(120.0)
        accounts = self.env["res.partner"].create(
            [{"name": f"Listed {n}", "is_company": True} for n in range(8)]
        )

        def count(partners):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            partners.mapped("kam_representation_12m")
            return self.env.cr.sql_log_count - before

        count(self.account_a)  # warms the ORM caches (rules, records by XML id)
        few = count(self.account_a | accounts[:1])
        self.assertEqual(count(self.account_a | accounts), few)
