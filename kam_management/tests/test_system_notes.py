# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import KamCommon


class TestSystemNotes(KamCommon):
    """Notes and activities the system writes need no e-mail address of the user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_kam.email = False
        cls.accounts = (cls.account_a | cls.account_b).with_user(cls.user_kam)

    def test_plain_message_post_needs_an_email(self):
        # the reason for the helpers: mail refuses an author without e-mail
        with self.assertRaises(UserError):
            self.account_a.with_user(self.user_kam).message_post(
                body="hello", partner_ids=self.user_manager.partner_id.ids
            )

    def test_note_on_several_records_by_a_user_without_email(self):
        messages = self.accounts._kam_system_note(
            "Checked", partner_ids=self.user_manager.partner_id.ids
        )
        self.assertEqual(len(messages), 2)
        self.assertEqual(set(messages.mapped("res_id")), set(self.accounts.ids))
        self.assertEqual(messages.author_id, self.user_kam.partner_id)
        self.assertIn(self.user_manager.partner_id, messages.partner_ids)

    def test_activity_for_someone_else_by_a_user_without_email(self):
        activities = self.accounts._kam_system_activity(
            "mail.mail_activity_data_todo",
            summary="Follow up",
            user_id=self.user_manager.id,
        )
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.user_manager)
        self.assertEqual(activities.create_uid, self.user_kam)
