# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestSettlementStatement(KamReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        d = cls.today
        cls.old = cls._invoice(
            cls.customer, 1000, d - timedelta(days=50), d - timedelta(days=80)
        )
        cls._pay(cls.old, 400, d - timedelta(days=60))
        cls.inv1 = cls._invoice(
            cls.customer_contact, 500, d - timedelta(days=5), d - timedelta(days=20)
        )
        cls.refund = cls._invoice(
            cls.customer, 120, d, d - timedelta(days=10), move_type="out_refund"
        )
        cls._pay(cls.inv1, 200, d - timedelta(days=3))
        cls.future = cls._invoice(
            cls.customer, 999, d + timedelta(days=40), d + timedelta(days=10)
        )
        other = cls.env["res.partner"].create({"name": "Someone else"})
        cls._invoice(other, 333, d, d - timedelta(days=15))

    def _accounting_balance(self, date):
        [(balance,)] = self.env["account.move.line"]._read_group(
            [
                ("partner_id", "child_of", self.customer.id),
                ("account_id.account_type", "=", "asset_receivable"),
                ("parent_state", "=", "posted"),
                ("date", "<=", date),
                ("company_id", "=", self.company.id),
            ],
            [],
            ["balance:sum"],
        )
        return balance

    def test_statement_balances(self):
        d = self.today
        statement = self.customer._kam_settlement_statement(
            d - timedelta(days=30), d, self.company
        )
        # opening: 1000 invoiced, 400 paid before the period
        self.assertEqual(statement["opening"], 600)
        self.assertEqual(statement["total_debit"], 500)
        self.assertEqual(statement["total_credit"], 120 + 200)
        self.assertEqual(statement["closing"], 600 + 500 - 320)
        self.assertEqual(statement["closing"], self._accounting_balance(d))
        self.assertEqual(statement["lines"][0]["name"], self.inv1.name)
        self.assertEqual(statement["lines"][-1]["balance"], statement["closing"])
        later = self.customer._kam_settlement_statement(
            d, d + timedelta(days=30), self.company
        )
        self.assertEqual(later["opening"], statement["closing"])
        self.assertEqual(
            later["closing"], self._accounting_balance(d + timedelta(days=30))
        )
        self.assertEqual(later["closing"], statement["closing"] + 999)
        # with every document in the period, it is the customer's receivable balance in
        # accounting
        self.customer.invalidate_recordset()
        self.assertEqual(later["closing"], self.customer.credit)

    def test_wizard_prints_and_sends(self):
        wizard_form = Form(
            self.env["res.partner.settlement.statement"]
            .with_user(self.user_kam)
            .with_context(active_model="res.partner", active_id=self.customer.id)
        )
        self.assertEqual(wizard_form.partner_id, self.customer)
        wizard = wizard_form.save()
        action = wizard.action_print()
        self.assertEqual(
            action["report_name"], "kam_receivables.report_settlement_statement"
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_kam)
            ._render_qweb_html(
                "kam_receivables.report_settlement_statement",
                self.customer.ids,
                data=action["data"],
            )[0]
            .decode()
        )
        self.assertIn("Statement of Mutual Settlements", html)
        self.assertIn(self.inv1.name, html)
        self.assertIn("Closing balance", html)
        send = wizard.action_send()
        self.assertEqual(send["res_model"], "mail.compose.message")
        attachment = self.env["ir.attachment"].browse(
            send["context"]["default_attachment_ids"]
        )
        self.assertEqual(attachment.mimetype, "application/pdf")
        wizard.date_from = self.today + timedelta(days=1)
        with self.assertRaisesMessage(UserError, "start before it ends"):
            wizard.action_print()
