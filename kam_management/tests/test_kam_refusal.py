# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamRefusal(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Widget", "list_price": 100.0}
        )
        cls.reason = cls.env.ref("kam_management.kam_refusal_reason_price")

    def _order(self, partner):
        return self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    fields.Command.create(
                        {"product_id": self.product.id, "price_unit": 250}
                    )
                ],
            }
        )

    def test_cancel_key_account_order_asks_reason(self):
        order = self._order(self.account_a).with_user(self.user_kam)
        action = order.action_cancel()
        self.assertEqual(action["res_model"], "sale.order.refuse")
        self.assertEqual(order.state, "draft")
        wizard = Form(
            self.env["sale.order.refuse"]
            .with_user(self.user_kam)
            .with_context(**action["context"])
        )
        wizard.reason_id = self.reason
        wizard.note = "Competitor offered 8% less"
        wizard.save().action_cancel_orders()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.kam_refusal_reason_id, self.reason)
        self.assertIn("Price too high", order.message_ids[0].body)

        report = (
            self.env["kam.refusal.report"]
            .with_user(self.user_kam)
            .search([("partner_id", "=", self.account_a.id)])
        )
        self.assertRecordValues(
            report,
            [
                {
                    "kind": "refusal",
                    "reason_id": self.reason.id,
                    "category": "price",
                    "user_id": self.user_kam.id,
                    "amount": 250.0,
                }
            ],
        )
        self.assertFalse(
            self.env["kam.refusal.report"]
            .with_user(self.user_kam2.id)
            .search([("partner_id", "=", self.account_c.id)])
        )

    def test_other_orders_cancel_as_usual(self):
        customer = self.env["res.partner"].create(
            {"name": "Walk-in", "is_company": True}
        )
        order = self._order(customer)
        order.action_cancel()
        self.assertEqual(order.state, "cancel")

    def test_credit_note_return_reason_in_analysis(self):
        refund = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": self.account_a.id,
                "kam_return_reason_id": self.env.ref(
                    "kam_management.kam_refusal_reason_quality"
                ).id,
                "invoice_line_ids": [
                    fields.Command.create(
                        {"product_id": self.product.id, "price_unit": 80, "tax_ids": []}
                    )
                ],
            }
        )
        self.assertTrue(refund.kam_is_key_account)
        refund.action_post()
        row = self.env["kam.refusal.report"].search(
            [("kind", "=", "return"), ("partner_id", "=", self.account_a.id)]
        )
        self.assertRecordValues(
            row, [{"category": "quality", "amount": 80.0, "user_id": self.user_kam.id}]
        )

    def test_reversal_wizard_sets_return_reason(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.account_a.id,
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "product_id": self.product.id,
                            "price_unit": 120,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        reason = self.env.ref("kam_management.kam_refusal_reason_delivery")
        wizard = Form(
            self.env["account.move.reversal"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        )
        wizard.reason = "Goods damaged"
        wizard.kam_return_reason_id = reason
        action = wizard.save().refund_moves()
        refund = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.kam_return_reason_id, reason)

    def test_analysis_access_per_role(self):
        for account in (self.account_a, self.account_b, self.account_c):
            order = self._order(account)
            order.with_context(kam_refusal_reason_given=True).write(
                {"kam_refusal_reason_id": self.reason.id}
            )
            order.with_context(kam_refusal_reason_given=True).action_cancel()
        Report = self.env["kam.refusal.report"]
        accounts = self.account_a | self.account_b | self.account_c
        domain = [("partner_id", "in", accounts.ids)]
        self.assertEqual(
            Report.with_user(self.user_kam).search(domain).partner_id, self.account_a
        )
        self.assertEqual(
            Report.with_user(self.user_manager).search(domain).partner_id,
            self.account_a | self.account_b,
        )
        self.assertEqual(
            Report.with_user(self.user_director).search(domain).partner_id, accounts
        )
        with self.assertRaises(AccessError):
            Report.with_user(self.user_employee).search(domain)

    def test_sales_history_action(self):
        action = self.account_a.action_kam_sales_history()
        self.assertEqual(action["res_model"], "sale.report")
        self.assertIn(
            ("commercial_partner_id", "=", self.account_a.id), action["domain"]
        )
        action = self.account_a.action_kam_feedback()
        self.assertEqual(action["context"]["default_partner_id"], self.account_a.id)
