# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io

from odoo.exceptions import UserError
from odoo.tests import tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamVariablePayOutputs(KamPayCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sell(cls.account_1, 900.0)
        cls._sell(cls.account_2, 100.0)
        cls.statement = cls._statement(cls.plan_kam)
        cls.statement.action_compute()

    def _approve(self):
        self.statement.with_user(self.user_director).action_approve()

    def test_pdf_statement(self):
        report = self.env.ref("kam_management.kam_variable_pay_statement_report")
        html = str(report._render_qweb_html(report, self.statement.ids)[0])
        self.assertIn(self.user_kam.name, html)
        self.assertIn("Total variable pay", html)
        self.assertIn("Revenue", html)
        # The KAM prints their own statement.
        report.with_user(self.user_kam)._render_qweb_html(report, self.statement.ids)

    def test_payroll_csv(self):
        with self.assertRaisesRegex(UserError, "Only approved or paid"):
            self.statement.action_export_payroll()
        self._approve()
        action = self.statement.action_export_payroll()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        raw = self.env["ir.attachment"].browse(attachment_id).raw.decode()
        header, row = list(csv.reader(io.StringIO(raw)))
        record = dict(zip(header, row, strict=True))
        self.assertEqual(record["login"], self.user_kam.login)
        self.assertEqual(record["total"], f"{self.statement.total_amount:.2f}")
        self.assertEqual(record["period_from"], "2025-01-01")
        self.assertEqual(record["status"], "approved")

    def test_no_accrual_without_settings(self):
        self._approve()
        self.assertFalse(self.statement.accrual_move_id)

    def test_accrual_entry(self):
        Account = self.env["account.account"]
        expense = Account.create(
            {"name": "Variable pay", "code": "KAM641", "account_type": "expense"}
        )
        accrued = Account.create(
            {
                "name": "Accrued pay",
                "code": "KAM2380",
                "account_type": "liability_current",
            }
        )
        journal = self.env["account.journal"].create(
            {
                "name": "Pay accruals",
                "code": "KAMPA",
                "type": "general",
                "default_account_id": accrued.id,
            }
        )
        self.company.write(
            {
                "kam_accrual_journal_id": journal.id,
                "kam_accrual_expense_account_id": expense.id,
            }
        )
        self._approve()
        move = self.statement.accrual_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.date, self.statement.date_to)
        debit = move.line_ids.filtered(lambda ln: ln.account_id == expense)
        self.assertAlmostEqual(debit.debit, self.statement.total_amount)
        self.assertAlmostEqual(
            move.line_ids.filtered(lambda ln: ln.account_id == accrued).credit,
            self.statement.total_amount,
        )
