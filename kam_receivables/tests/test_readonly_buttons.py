# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.kam_management.tests.readonly_common import KamReadonlyCase

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestReadonlyButtons(KamReceivablesCommon, KamReadonlyCase):
    """The receivables buttons that only open a screen (issue 13, item 4) run on a
    read-only cursor: the settlement statement of a customer, the credit note of a
    discrepancy act, the approval of an order on credit hold (from the order and
    from its credit check)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_limit(cls.customer, 1000)
        cls.invoice = cls._invoice(cls.customer, 700, cls.today + timedelta(days=30))
        cls.held_order = cls._order(amount=400)
        cls.check = cls.env["kam.credit.check"].browse(
            cls.held_order.with_user(cls.user_kam).action_confirm()["res_id"]
        )
        cls.refund = cls._invoice(
            cls.customer, 100, cls.today, move_type="out_refund", post=False
        )
        cls.act = cls.env["kam.discrepancy.act"].create(
            {
                "invoice_id": cls.invoice.id,
                "partner_id": cls.customer.id,
                "discrepancy_type": "shortage",
                "line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "quantity": 1,
                            "amount": 100,
                            "description": "One box missing",
                        }
                    )
                ],
            }
        )
        cls.act.credit_note_id = cls.refund

    def test_settlement_statement(self):
        action = self.assertReadonlyButton(
            self.user_kam, self.customer_contact, "action_kam_settlement_statement"
        )
        self.assertEqual(action["res_model"], "res.partner.settlement.statement")
        self.assertEqual(action["context"]["default_partner_id"], self.customer.id)

    def test_credit_note_of_discrepancy_act(self):
        action = self.assertReadonlyButton(
            self.user_accountant, self.act, "action_view_credit_note"
        )
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("account.move", self.refund.id)
        )

    def test_credit_hold_approval(self):
        self.assertTrue(self.held_order.kam_credit_hold)
        for records, method in (
            (self.held_order, "action_kam_credit_override"),
            (self.check, "action_open_override"),
        ):
            with self.subTest(method=method):
                action = self.assertReadonlyButton(
                    self.user_credit_manager, records, method
                )
                self.assertEqual(action["res_model"], "sale.order.credit.override")
                self.assertEqual(
                    action["context"]["default_order_id"], self.held_order.id
                )
