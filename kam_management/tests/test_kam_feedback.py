# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamFeedback(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.feedback_a, cls.feedback_b = cls.env["kam.feedback"].create(
            [
                {"name": "Late deliveries", "partner_id": cls.account_a.id},
                {
                    "name": "Wants new packaging",
                    "partner_id": cls.account_b.id,
                    "feedback_type": "need",
                },
            ]
        )

    def test_kam_and_activity_from_account(self):
        self.assertEqual(self.feedback_a.kam_user_id, self.user_kam)
        self.assertEqual(self.feedback_a.activity_ids.user_id, self.user_kam)
        self.user_kam.kam_absent_until = self.env.company._kam_today()
        feedback = self.env["kam.feedback"].create(
            {"name": "Broken pallet", "partner_id": self.account_a.id}
        )
        self.assertEqual(
            feedback.kam_user_id, self.user_kam2, "the backup handles it meanwhile"
        )

    def test_resolve_requires_resolution(self):
        form = Form(self.feedback_a.with_user(self.user_kam))
        form.root_cause = "<p>Carrier changed</p>"
        feedback = form.save()
        feedback.action_start()
        self.assertEqual(feedback.state, "in_progress")
        with self.assertRaisesRegex(ValidationError, "Describe how"):
            feedback.action_resolve()
        feedback.resolution = "<p>New carrier contracted</p>"
        feedback.action_resolve()
        self.assertEqual(feedback.state, "resolved")
        self.assertEqual(feedback.date_resolved, self.env.company._kam_today())
        self.assertFalse(feedback.activity_ids)
        with self.assertRaisesRegex(UserError, "already closed"):
            feedback.action_resolve()
        with self.assertRaisesRegex(UserError, "Only new feedback"):
            feedback.action_start()
        feedback.action_reset()
        self.assertEqual(feedback.state, "new")

    def test_overdue(self):
        self.feedback_a.date_deadline = self.env.company._kam_today() - timedelta(
            days=1
        )
        self.feedback_b.date_deadline = self.env.company._kam_today() + timedelta(
            days=1
        )
        self.assertTrue(self.feedback_a.is_overdue)
        self.assertFalse(self.feedback_b.is_overdue)
        Feedback = self.env["kam.feedback"]
        mine = Feedback.search([("id", "in", (self.feedback_a | self.feedback_b).ids)])
        self.assertEqual(
            mine.filtered_domain([("is_overdue", "=", True)]), self.feedback_a
        )
        self.assertEqual(
            Feedback.search([("id", "in", mine.ids), ("is_overdue", "=", False)]),
            self.feedback_b,
        )
        self.feedback_a.action_cancel()
        self.assertFalse(self.feedback_a.is_overdue)

    def test_feedback_access(self):
        Feedback = self.env["kam.feedback"]
        self.assertEqual(Feedback.with_user(self.user_kam).search([]), self.feedback_a)
        with self.assertRaises(AccessError):
            self.feedback_b.with_user(self.user_kam).read(["name"])
        self.assertEqual(
            Feedback.with_user(self.user_kam2).search([]),
            self.feedback_a | self.feedback_b,
        )
        self.assertEqual(
            Feedback.with_user(self.user_manager).search([]),
            self.feedback_a | self.feedback_b,
        )
        with self.assertRaises(AccessError):
            self.feedback_a.with_user(self.user_employee).read(["name"])
        with self.assertRaises(AccessError):
            Feedback.with_user(self.user_kam).create(
                {"name": "Not mine", "partner_id": self.account_b.id}
            )
        with self.assertRaises(AccessError):
            self.feedback_a.with_user(self.user_kam).unlink()
        other = Feedback.create(
            {
                "name": "Other company",
                "partner_id": self.account_a.id,
                "company_id": self.company_2.id,
            }
        )
        self.assertNotIn(other, Feedback.with_user(self.user_kam).search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.user_kam).read(["name"])
        director = Feedback.with_user(self.user_director)
        self.assertNotIn(
            other,
            director.with_context(allowed_company_ids=[self.company.id]).search([]),
        )
        self.assertIn(
            other,
            director.with_context(allowed_company_ids=[self.company_2.id]).search([]),
        )
