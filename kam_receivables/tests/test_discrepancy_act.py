# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestDiscrepancyAct(KamReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice(cls.customer, 1000, cls.today + timedelta(days=30))
        cls.invoice.invoice_user_id = cls.user_kam

    def _act(self, amount, user=None, **values):
        form = Form(self.env["kam.discrepancy.act"].with_user(user or self.user_kam))
        form.invoice_id = self.invoice
        form.discrepancy_type = values.get("discrepancy_type", "shortage")
        with form.line_ids.new() as line:
            line.product_id = self.product
            line.quantity = values.get("quantity", 2)
            line.amount = amount
            line.description = "Two boxes missing"
        return form.save()

    def test_act_to_credit_note(self):
        act = self._act(300)
        self.assertEqual(act.partner_id, self.customer)
        self.assertTrue(act.name.startswith("DA/"))
        act.action_confirm()
        with self.assertRaises(AccessError):
            act.with_user(self.user_kam).action_approve()
        act.with_user(self.user_accountant).action_approve()
        self.assertEqual(act.state, "approved")
        refund = act.credit_note_id
        self.assertRecordValues(
            refund,
            [
                {
                    "move_type": "out_refund",
                    "state": "draft",
                    "partner_id": self.customer.id,
                    "reversed_entry_id": self.invoice.id,
                    "amount_untaxed": 300,
                    "invoice_origin": act.name,
                }
            ],
        )
        self.assertEqual(refund.invoice_line_ids.quantity, 2)
        with self.assertRaisesMessage(UserError, "Post the credit note"):
            act.action_done()
        refund.with_user(self.user_accountant).action_post()
        act.action_done()
        self.assertEqual(act.state, "done")
        self.assertEqual(
            self.invoice.amount_residual, 700
        )  # the credit note settles the claim

    def test_credit_manager_approves_uneven_amount(self):
        act = self._act(100, quantity=3)
        act.action_confirm()
        act.with_user(self.user_credit_manager).action_approve()
        self.assertEqual(act.credit_note_id.amount_untaxed, 100)

    def test_cannot_claim_more_than_invoice(self):
        with self.assertRaisesMessage(ValidationError, "more than the invoice"):
            self._act(1000.01)
        self._act(700)
        with self.assertRaisesMessage(ValidationError, "more than the invoice"):
            self._act(301)
        self._act(300)

    def test_bad_inputs_and_states(self):
        with self.assertRaisesMessage(ValidationError, "must be positive"):
            self._act(-5)
        other = self.env["res.partner"].create({"name": "Other customer"})
        act = self._act(10)
        with self.assertRaisesMessage(ValidationError, "is not an invoice of"):
            act.partner_id = other
        draft_invoice = self._invoice(self.customer, 50, self.today, post=False)
        with self.assertRaisesMessage(ValidationError, "posted customer invoice"):
            act.invoice_id = draft_invoice
        with self.assertRaisesMessage(UserError, "not possible now"):
            act.action_done()
        empty = self.env["kam.discrepancy.act"].create(
            {"partner_id": self.customer.id, "invoice_id": self.invoice.id}
        )
        with self.assertRaisesMessage(UserError, "Add the lines"):
            empty.action_confirm()
        empty.action_cancel()
        self.assertEqual(empty.state, "cancel")

    def test_access_per_role(self):
        act = self._act(10)
        self.assertFalse(act.with_user(self.user_kam2).has_access("read"))
        self.assertTrue(act.with_user(self.user_accountant).has_access("read"))
        self.assertFalse(act.with_user(self.user_employee).has_access("read"))
        self.assertFalse(act.with_user(self.user_kam_other_company).has_access("read"))
        with self.assertRaises(AccessError):
            act.with_user(self.user_kam).unlink()
        act.write(
            {"line_ids": [Command.create({"product_id": self.product.id, "amount": 5})]}
        )
        self.assertEqual(act.amount_total, 15)
