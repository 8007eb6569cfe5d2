# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestCollection(KamReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Level = cls.env["kam.collection.level"]
        Level.search([]).active = False
        template = cls.env.ref("kam_receivables.mail_template_collection_reminder")
        cls.level_email = Level.create(
            {
                "name": "Reminder",
                "days_overdue": 5,
                "send_email": True,
                "mail_template_id": template.id,
            }
        )
        cls.level_call = Level.create(
            {"name": "Call", "days_overdue": 30, "schedule_call": True}
        )
        cls.level_hold = Level.create(
            {"name": "Hold", "days_overdue": 60, "set_credit_hold": True}
        )

    def _calls(self):
        call = self.env.ref("mail.mail_activity_data_call")
        return self.customer.activity_ids.filtered(lambda a: a.activity_type_id == call)

    def _escalations(self):
        return self.customer.message_ids.filtered(
            lambda m: "Collection level" in (m.body or "")
        )

    def test_escalation_once_per_level(self):
        Level = self.env["kam.collection.level"]
        invoice = self._invoice(self.customer, 100, self.today - timedelta(days=40))
        Level._cron_kam_collection()
        # 40 days: the e-mail and the call levels, each once
        self.assertEqual(self.customer.kam_collection_level_id, self.level_call)
        self.assertEqual(len(self._escalations()), 2)
        self.assertEqual(self._calls().user_id, self.user_kam)
        self.assertTrue(
            self.customer.message_ids.filtered(
                lambda m: "overdue invoices" in (m.subject or "")
            )
        )
        Level._cron_kam_collection()
        self.assertEqual(len(self._escalations()), 2, "no level runs twice")
        self.assertEqual(len(self._calls()), 1)
        self.assertFalse(self.customer.kam_credit_hold)
        # 70 days: only the hold level is new
        receivable = invoice.line_ids.filtered(
            lambda l: l.account_id.account_type == "asset_receivable"
        )
        receivable.date_maturity = self.today - timedelta(days=70)
        Level._cron_kam_collection()
        self.assertEqual(len(self._escalations()), 3)
        self.assertTrue(self.customer.kam_credit_hold)
        self.assertEqual(self.customer.kam_collection_level_id, self.level_hold)
        # paid up: the level is reset, a new overdue debt escalates again
        self._pay(invoice)
        Level._cron_kam_collection()
        self.assertFalse(self.customer.kam_collection_level_id)

    def test_level_validation_and_access(self):
        Level = self.env["kam.collection.level"]
        with self.assertRaisesMessage(ValidationError, "at least one day"):
            Level.create({"name": "Bad", "days_overdue": 0})
        with self.assertRaisesMessage(ValidationError, "choose its template"):
            Level.create({"name": "Bad", "days_overdue": 4, "send_email": True})
        with self.assertRaises(AccessError):
            Level.with_user(self.user_kam).create({"name": "Mine", "days_overdue": 3})
        Level.with_user(self.user_credit_manager).create(
            {"name": "Early", "days_overdue": 3}
        )
        self.assertTrue(self.level_call.with_user(self.user_kam).name)
        self.assertFalse(
            self.level_call.with_user(self.user_kam_other_company).has_access("read")
        )
