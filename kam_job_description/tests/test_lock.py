# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Job descriptions, their clauses and agreement lines use the one lock mixin of
kam_management; the workflow never needs the acting user's e-mail address."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionLock(JobDescriptionCommon):
    def test_users_of_the_lock_mixin(self):
        mixin = type(self.env["kam.lock.mixin"])
        for model, parent in (
            ("kam.job.description", None),
            ("kam.job.description.item", "description_id"),
            ("kam.job.description.agreement", "description_id"),
        ):
            with self.subTest(model=model):
                Model = self.env[model]
                self.assertIsInstance(Model, mixin)
                self.assertEqual(Model._kam_lock_parent, parent)
                self.assertEqual(
                    tuple(Model._kam_lock_states), ("approved", "superseded")
                )

    def test_draft_content_is_open(self):
        description = self._new_description().with_user(self.user_hr)
        item = self.env["kam.job.description.item"].with_user(self.user_hr)
        duty = item.create(
            {"description_id": description.id, "section": "duty", "text": "Trains."}
        )
        duty.text = "Trains the client's staff."
        duty.unlink()
        line = self.env["kam.job.description.agreement"].with_user(self.user_hr)
        other = line.create({"description_id": description.id, "role": "other"})
        other.role_title = "Chief Accountant"
        other.unlink()
        description.experience_years = 3
        self.assertEqual(description.experience_years, 3)

    def test_clauses_and_lines_name_themselves_when_locked(self):
        description = self._approved_description()
        item = description.item_ids.sorted("number")[0].with_user(self.user_hr)
        with self.assertRaises(UserError) as caught:
            item.text = "Changed."
        message = str(caught.exception)
        self.assertIn(f"{description.name}, clause {item.number}", message)
        self.assertIn("approved and frozen", message)
        line = description.agreement_line_ids[0].with_user(self.user_hr)
        with self.assertRaisesRegex(UserError, "agreed by Head of Legal"):
            line.unlink()
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            line.create({"description_id": description.id, "role": "other"})
        # superseded versions stay locked
        new = self.env["kam.job.description"].browse(
            description.with_user(self.user_hr).action_new_version()["res_id"]
        )
        new.with_user(self.user_hr).action_submit()
        self._agree_all(new)
        new.with_user(self.user_ceo).action_approve()
        self.assertEqual(description.state, "superseded")
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            item.unlink()
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            description.with_user(self.user_hr).write(
                {"item_ids": [Command.create({"section": "duty", "text": "More."})]}
            )

    def test_agreement_stage(self):
        description = self._new_description()
        description.with_user(self.user_hr).action_submit()
        with self.assertRaisesRegex(UserError, "only an approver may amend it"):
            description.item_ids[0].with_user(self.user_hr).unlink()
        with self.assertRaisesRegex(UserError, "settled once it is in agreement"):
            self.env["kam.job.description.agreement"].with_user(self.user_ceo).create(
                {"description_id": description.id, "role": "other"}
            )
        # the approver amends the clauses; the order of the lines may change
        description.item_ids[0].with_user(self.user_ceo).unlink()
        description.agreement_line_ids[0].with_user(self.user_ceo).sequence = 99


@tagged("post_install", "-at_install")
class TestJobDescriptionWithoutEmail(JobDescriptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = (
            cls.user_hr
            | cls.user_ceo
            | cls.user_legal
            | cls.user_planning
            | cls.user_manager
            | cls.user_kam
        )
        users.partner_id.email = False

    def test_workflow_without_email(self):
        description = self._new_description()
        description.with_user(self.user_hr).action_submit()
        self.assertEqual(len(description.activity_ids), 4)
        planning = description.agreement_line_ids.filtered(
            lambda line: line.role == "planning"
        )
        planning.with_user(self.user_planning).action_reject("Figures missing.")
        self.assertIn("Figures missing.", description.message_ids[0].body)
        self.assertEqual(
            description.message_ids[0].author_id, self.user_planning.partner_id
        )
        description.with_user(self.user_hr).action_submit()
        self._agree_all(description)
        self.assertIn("agreed the document", description.message_ids[0].body)
        self.assertEqual(description.activity_ids.user_id, self.user_ceo)
        description.with_user(self.user_ceo).action_approve()
        self.assertEqual(description.state, "approved")
        self.assertEqual(
            description.activity_ids.user_id, self.user_kam | self.user_kam2
        )
        description.with_user(self.user_kam).action_acknowledge()
        self.assertEqual(description.acknowledged_count, 1)
        self.assertEqual(description.activity_ids.user_id, self.user_kam2)
