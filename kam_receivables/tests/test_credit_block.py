# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installed into a running Odoo, the credit check changes nothing until configured."""

from datetime import timedelta

from odoo.tests import Form, tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestCreditBlockSwitch(KamReceivablesCommon):
    def _hold_activities(self, order):
        activity_type = self.env.ref("kam_receivables.mail_activity_type_credit_hold")
        return order.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def test_new_company_does_not_block(self):
        company = self.env["res.company"].create({"name": "Fresh Install Company"})
        self.assertFalse(company.kam_credit_block)
        self.assertEqual(company._kam_credit_action("high"), "warn")
        settings = Form(self.env["res.config.settings"])
        settings.kam_credit_block = False
        settings.save().execute()
        self.assertFalse(self.company.kam_credit_block)
        settings = Form(self.env["res.config.settings"])
        settings.kam_credit_block = True
        settings.save().execute()
        self.assertTrue(self.company.kam_credit_block)

    def test_switched_off_checks_logs_and_confirms(self):
        """Off: the check runs and is logged as warned; the order confirms as in
        standard Odoo, whatever the risk class, hold or overdue debt."""
        self.company.kam_credit_block = False
        self._set_limit(self.customer, 100)
        self._invoice(self.customer, 50, self.today - timedelta(days=30))
        self.customer.with_user(self.user_credit_manager).write(
            {"kam_credit_risk_class": "high", "kam_credit_hold": True}
        )
        order = self._order(amount=400)
        self.assertIs(order.with_user(self.user_kam).action_confirm(), True)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.kam_credit_hold)
        self.assertFalse(self._hold_activities(order))
        check = order.kam_credit_check_ids
        self.assertRecordValues(
            check,
            [
                {
                    "result": "warned",
                    "mode": "warn",
                    "credit_hold": True,
                    "overdue_amount": 50,
                    "exposure": 50,
                    "order_amount": 400,
                    "credit_limit": 100,
                }
            ],
        )
        for text in ("credit hold", "overdue", "exceeds the credit limit"):
            self.assertIn(text, check.reason)
        self.assertTrue(
            any(
                "Credit check: Warned" in body
                for body in order.message_ids.mapped("body")
            )
        )
        # raising a confirmed order warns too, it is not refused
        order.order_line.product_uom_qty = 3
        self.assertEqual(order.kam_credit_check_ids[0].result, "warned")
        # switched on, the same customer's next order is held
        self.company.kam_credit_block = True
        order = self._order(amount=10)
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertRecordValues(
            order.kam_credit_check_ids, [{"result": "blocked", "mode": "block"}]
        )

    def test_limit_follows_use_credit_limit(self):
        """The limit counts only when the company uses credit limits (Odoo's own
        Sales Credit Limit setting)."""
        self._set_limit(self.customer, 100)
        self.company.account_use_credit_limit = False
        self.assertEqual(self.customer.kam_credit_limit, 0)
        self.assertEqual(self.customer.kam_available_credit, 0)
        order = self._order(amount=400)
        self.assertEqual(order.kam_credit_limit, 0)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertRecordValues(
            order.kam_credit_check_ids, [{"result": "passed", "credit_limit": 0}]
        )
        self.company.account_use_credit_limit = True
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.kam_credit_limit, 100)
        self.assertEqual(self.customer.kam_available_credit, 100 - 400)
        order = self._order(amount=10)
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertIn("exceeds the credit limit", order.kam_credit_check_ids.reason)

    def test_company_default_credit_limit(self):
        """Odoo's company default limit applies to customers without their own."""
        self.env["ir.default"].set(
            "res.partner", "credit_limit", 300, company_id=self.company.id
        )
        self.assertEqual(self.customer.kam_credit_limit, 300)
        order = self._order(amount=400)
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.kam_credit_check_ids.credit_limit, 300)
