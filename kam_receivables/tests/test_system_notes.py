# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Notes and activities the credit check writes never need an e-mail address."""

from datetime import timedelta

from odoo.tests import tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestCreditSystemNotes(KamReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.user_kam | cls.user_credit_manager).partner_id.email = False

    def _notes(self, record, text):
        return record.message_ids.filtered(lambda m: text in (m.body or ""))

    def test_kam_without_email_gets_order_held(self):
        self.assertFalse(self.user_kam.email)
        self._set_limit(self.customer, 100)
        order = self._order(amount=400, user=self.user_kam)
        result = order.with_user(self.user_kam).action_confirm()
        # the refusal, its log, its note and the credit manager's activity are there
        self.assertEqual(result["res_model"], "kam.credit.check")
        self.assertTrue(order.kam_credit_hold)
        self.assertEqual(order.kam_credit_check_ids.result, "blocked")
        note = self._notes(order, "Credit check: Blocked")
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.user_kam.partner_id)
        activity_type = self.env.ref("kam_receivables.mail_activity_type_credit_hold")
        self.assertEqual(
            order.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).user_id,
            self.user_credit_manager,
        )
        # a credit manager without an e-mail address approves it
        self.env["sale.order.credit.override"].with_user(
            self.user_credit_manager
        ).create({"order_id": order.id, "reason": "Guarantee"}).action_override()
        self.assertEqual(order.state, "sale")
        self.assertTrue(self._notes(order, "Approved despite the credit check"))

    def test_warning_and_collection_without_email(self):
        self.company.kam_credit_block = False
        self._set_limit(self.customer, 100)
        order = self._order(amount=400, user=self.user_kam)
        order.with_user(self.user_kam).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(self._notes(order, "Credit check: Warned"))
        # a collection run started by a credit manager without an e-mail address
        Level = self.env["kam.collection.level"]
        Level.search([]).active = False
        Level.create({"name": "Call them", "days_overdue": 2, "schedule_call": True})
        self._invoice(self.customer, 10, self.today - timedelta(days=5))
        Level.with_user(self.user_credit_manager)._cron_kam_collection()
        self.assertTrue(self._notes(self.customer, "Call them reached"))
        call = self.env.ref("mail.mail_activity_data_call")
        self.assertEqual(
            self.customer.activity_ids.filtered(
                lambda a: a.activity_type_id == call
            ).user_id,
            self.user_kam,
        )
