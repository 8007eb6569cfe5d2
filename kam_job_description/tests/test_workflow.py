# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionWorkflow(JobDescriptionCommon):
    def test_full_workflow_through_forms(self):
        form = Form(self.env["kam.job.description"].with_user(self.user_hr))
        form.job_id = self.job_kam
        form.reports_to_job_id = self.job_head
        form.substitute_job_id = self.job_head
        form.experience_years = 2
        with form.duty_item_ids.new() as duty:
            duty.text = "Plans individual sales volumes from the department's plan."
        with form.duty_item_ids.new() as duty:
            duty.text = "Collects receivables on time."
        with form.right_item_ids.new() as right:
            right.text = "Represents the company towards clients."
        with form.responsibility_item_ids.new() as clause:
            clause.text = "Within the limits of the labour code."
            clause.labour_code_limit = True
        for index, role in enumerate(("legal", "hr", "planning", "department")):
            with form.agreement_line_ids.edit(index) as line:
                self.assertEqual(line.role, role)
                line.user_id = self.signers[role]
        description = form.save()
        self.assertEqual(description.state, "draft")
        self.assertEqual(description.version, 1)
        self.assertEqual(description.approver_id, self.user_ceo)
        self.assertEqual(description.duty_item_ids.mapped("number"), ["2.1", "2.2"])
        self.assertEqual(description.right_item_ids.number, "3.1")

        description.with_user(self.user_hr).action_submit()
        self.assertEqual(description.state, "agreement")
        self.assertEqual(
            description.activity_ids.user_id,
            self.user_legal | self.user_hr | self.user_planning | self.user_manager,
        )
        self._agree_all(description)
        self.assertTrue(
            all(line.state == "agreed" for line in description.agreement_line_ids)
        )
        self.assertTrue(all(line.date for line in description.agreement_line_ids))
        approval = description.activity_ids
        self.assertEqual(
            approval.user_id, self.user_ceo, "the approver is asked once all agreed"
        )

        description.with_user(self.user_ceo).action_approve()
        self.assertEqual(description.state, "approved")
        self.assertEqual(description.approved_by_id, self.user_ceo)
        self.assertTrue(description.approval_date)
        self.assertEqual(description.effective_date, description.approval_date)
        self.assertEqual(description.approver_title, "Chief Executive Officer")
        self.assertEqual(len(description.checksum), 64)
        self.assertEqual(description.checksum, description._kam_compute_checksum())

    def test_submit_refuses_incomplete_drafts(self):
        Description = self.env["kam.job.description"].with_user(self.user_hr)
        empty = Description.create({"job_id": self.job_kam.id})
        with self.assertRaises(UserError) as caught:
            empty.action_submit()
        message = str(caught.exception)
        self.assertIn("list at least one duty", message)
        self.assertIn("list at least one right", message)
        self.assertIn("labour code", message)
        self.assertIn("choose who agrees on behalf of Head of Legal", message)
        self.assertEqual(empty.state, "draft")

        no_limit = self._new_description(
            item_ids=[
                Command.create({"section": "duty", "text": "Sells."}),
                Command.create({"section": "right", "text": "Asks."}),
                Command.create(
                    {"section": "responsibility", "text": "Answers for all losses."}
                ),
            ]
        )
        with self.assertRaisesRegex(
            UserError, "limits liability to what the labour code"
        ):
            no_limit.with_user(self.user_hr).action_submit()

    def test_consistency_constraints(self):
        with self.assertRaisesRegex(ValidationError, "cannot stand in for itself"):
            self._new_description(substitute_job_id=self.job_kam.id)
        with self.assertRaisesRegex(ValidationError, "cannot report to itself"):
            self._new_description(reports_to_job_id=self.job_kam.id)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._new_description(experience_years=-1)

    def test_each_signer_signs_only_their_own_line(self):
        description = self._new_description()
        description.with_user(self.user_hr).action_submit()
        legal = description.agreement_line_ids.filtered(
            lambda line: line.role == "legal"
        )
        with self.assertRaisesRegex(
            UserError, "Only .* can sign the line of Head of Legal"
        ):
            legal.with_user(self.user_planning).action_agree()
        with self.assertRaisesRegex(UserError, "Only .* can sign"):
            legal.with_user(self.user_hr).action_reject("No.")
        legal.with_user(self.user_legal).action_agree()
        self.assertEqual(legal.state, "agreed")
        with self.assertRaisesRegex(UserError, "already answered"):
            legal.with_user(self.user_legal).action_agree()

    def test_rejection_sends_the_draft_back_with_the_comment(self):
        description = self._new_description()
        description.with_user(self.user_hr).action_submit()
        planning = description.agreement_line_ids.filtered(
            lambda line: line.role == "planning"
        )
        with self.assertRaisesRegex(UserError, "Say why"):
            planning.with_user(self.user_planning).action_reject("  ")
        wizard = Form(
            self.env["kam.job.description.reject"]
            .with_user(self.user_planning)
            .with_context(default_agreement_id=planning.id)
        )
        wizard.comment = "The sales plan clause needs the department's figures."
        wizard.save().action_reject()
        self.assertEqual(description.state, "draft")
        self.assertEqual(planning.state, "rejected")
        self.assertEqual(
            planning.comment, "The sales plan clause needs the department's figures."
        )
        self.assertIn("department's figures", description.message_ids[0].body)
        self.assertFalse(
            description.activity_ids, "pending agreement activities are closed"
        )
        # fixed and resubmitted: every line waits again
        description.duty_item_ids[0].with_user(
            self.user_hr
        ).text = "Plans sales by figures."
        description.with_user(self.user_hr).action_submit()
        self.assertEqual(
            set(description.agreement_line_ids.mapped("state")), {"pending"}
        )
        self.assertFalse(planning.comment)

    def test_approval_refusals(self):
        description = self._new_description()
        with self.assertRaisesRegex(UserError, "must go through agreement"):
            description.with_user(self.user_ceo).action_approve()
        description.with_user(self.user_hr).action_submit()
        description.agreement_line_ids[0].with_user(self.user_legal).action_agree()
        with self.assertRaisesRegex(UserError, "cannot be approved yet: Head of HR"):
            description.with_user(self.user_ceo).action_approve()
        self._agree_all(
            description.agreement_line_ids.filtered(lambda ln: ln.state == "pending")
        )
        with self.assertRaisesRegex(UserError, "Only a job description approver"):
            description.with_user(self.user_hr).action_approve()
        other_ceo = self._new_user(
            "jd_ceo2", "kam_job_description.group_job_description_approver"
        )
        with self.assertRaisesRegex(UserError, "is to be approved by"):
            description.with_user(other_ceo).action_approve()
        description.with_user(self.user_ceo).action_approve()
        self.assertEqual(description.state, "approved")

    def _agree_all(self, records):
        lines = (
            records
            if records._name == "kam.job.description.agreement"
            else (records.agreement_line_ids)
        )
        for line in lines:
            line.with_user(line.user_id).action_agree()

    def test_approved_version_is_frozen(self):
        description = self._approved_description()
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            description.with_user(self.user_hr).experience_years = 5
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            description.with_user(self.user_ceo).reports_to_job_id = self.job_director
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            description.item_ids[0].with_user(self.user_hr).text = "Something else."
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            self.env["kam.job.description.item"].with_user(self.user_hr).create(
                {
                    "description_id": description.id,
                    "section": "duty",
                    "text": "New duty.",
                }
            )
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            description.item_ids[0].with_user(self.user_hr).unlink()
        with self.assertRaisesRegex(UserError, "approved and frozen"):
            description.agreement_line_ids[0].with_user(
                self.user_hr
            ).user_id = self.user_hr
        with self.assertRaisesRegex(UserError, "kept as a record"):
            description.with_user(self.user_hr).unlink()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            description.with_user(self.user_hr).state = "draft"
        self.assertEqual(description.experience_years, 2)
        self.assertEqual(description.state, "approved")
        # the chatter stays open
        description.with_user(self.user_hr).message_post(body="Printed and filed.")

    def test_only_an_approver_amends_a_version_in_agreement(self):
        description = self._new_description()
        description.with_user(self.user_hr).action_submit()
        with self.assertRaisesRegex(UserError, "only an approver may amend it"):
            description.with_user(self.user_hr).experience_years = 3
        with self.assertRaisesRegex(UserError, "settled once it is in agreement"):
            description.agreement_line_ids[0].with_user(
                self.user_ceo
            ).user_id = self.user_ceo
        description.with_user(self.user_ceo).experience_years = 3
        description.item_ids[0].with_user(self.user_ceo).text = "Plans sales, amended."
        self.assertEqual(description.experience_years, 3)

    def test_new_version_supersedes_the_old_one(self):
        first = self._approved_description()
        action = first.with_user(self.user_hr).action_new_version()
        second = self.env["kam.job.description"].browse(action["res_id"])
        self.assertEqual(second.state, "draft")
        self.assertEqual(second.version, 2)
        self.assertEqual(second.previous_version_id, first)
        self.assertEqual(
            second.item_ids.mapped("text"),
            first.item_ids.mapped("text"),
            "items are copied",
        )
        self.assertEqual(
            second.agreement_line_ids.user_id, first.agreement_line_ids.user_id
        )
        self.assertEqual(set(second.agreement_line_ids.mapped("state")), {"pending"})
        self.assertFalse(second.checksum)
        with self.assertRaisesRegex(UserError, "already being prepared"):
            first.with_user(self.user_hr).action_new_version()

        with (
            Form(second.with_user(self.user_hr)) as form,
            form.duty_item_ids.new() as duty,
        ):
            duty.text = "Trains the client's staff."
        self.assertEqual(second.duty_item_ids[-1].number, "2.3")
        self.assertEqual(
            first.state, "approved", "the old version stays in force until then"
        )
        second.with_user(self.user_hr).action_submit()
        self._agree_all(second)
        second.with_user(self.user_ceo).action_approve()
        self.assertEqual(first.state, "superseded")
        self.assertEqual(first.next_version_id, second)
        self.assertTrue(first.superseded_date)
        self.assertEqual(second.state, "approved")
        self.assertNotEqual(first.checksum, second.checksum)
        with self.assertRaisesRegex(UserError, "starts from the approved one"):
            first.with_user(self.user_hr).action_new_version()

    def test_one_approved_version_per_job_and_company(self):
        first = self._approved_description()
        second = self._new_description()
        self.assertEqual(second.version, 2, "numbered after the approved one")
        second.with_user(self.user_hr).action_submit()
        with self.assertRaisesRegex(
            ValidationError, "already has an approved job description"
        ):
            second.with_context(kam_jd_workflow=True).write({"state": "approved"})
        self.assertEqual(first.state, "approved")
        # the same job in another company is another document
        other = self.env["kam.job.description"].create(
            {
                "job_id": self.job_kam.id,
                "company_id": self.company_2.id,
                "item_ids": self._item_commands(),
            }
        )
        other.with_context(kam_jd_workflow=True).write({"state": "approved"})
        self.assertEqual(other.state, "approved")

    def test_cancel_and_reset(self):
        description = self._new_description()
        description.with_user(self.user_hr).action_submit()
        description.with_user(self.user_hr).action_cancel()
        self.assertEqual(description.state, "cancelled")
        self.assertFalse(description.activity_ids)
        description.with_user(self.user_hr).action_reset_draft()
        self.assertEqual(description.state, "draft")
        description.with_user(self.user_hr).unlink()
        approved = self._approved_description()
        with self.assertRaisesRegex(
            UserError, "Only a draft or a version in agreement"
        ):
            approved.with_user(self.user_hr).action_cancel()

    def test_job_position_shows_its_descriptions(self):
        approved = self._approved_description()
        draft = self.env["kam.job.description"].browse(
            approved.with_user(self.user_hr).action_new_version()["res_id"]
        )
        job = self.job_kam.with_user(self.user_hr)
        self.assertEqual(job.kam_job_description_count, 2)
        self.assertEqual(job.kam_job_description_id, approved)
        action = job.action_open_kam_job_descriptions()
        self.assertEqual(
            self.env["kam.job.description"].search(action["domain"]), approved | draft
        )
