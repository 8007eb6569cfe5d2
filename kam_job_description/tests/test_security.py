# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionSecurity(JobDescriptionCommon):
    def test_employee_reads_only_the_approved_version_of_their_job(self):
        draft = self._new_description()
        approved_other = self._approved_description(
            self.job_head,
            substitute_job_id=self.job_kam.id,
            reports_to_job_id=self.job_director.id,
        )
        Description = self.env["kam.job.description"].with_user(self.user_kam)
        self.assertFalse(Description.search([]))
        with self.assertRaises(AccessError):
            draft.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            approved_other.with_user(self.user_kam).read(["name"])
        approved = self._approved_description()
        self.assertEqual(Description.search([]), approved)
        self.assertEqual(Description.search([("is_my_job", "=", True)]), approved)
        self.assertEqual(len(approved.with_user(self.user_kam).item_ids), 4)
        with self.assertRaises(AccessError):
            approved.with_user(self.user_kam).write({"effective_date": "2030-01-01"})
        with self.assertRaises(AccessError):
            Description.create({"job_id": self.job_kam.id})
        with self.assertRaises(AccessError):
            approved.item_ids[0].with_user(self.user_kam).unlink()

    def test_signers_read_what_they_must_agree(self):
        description = self._new_description()
        # signers are named on the draft, so they already see it; nobody else does
        self.assertTrue(description.with_user(self.user_legal).read(["name"]))
        with self.assertRaises(AccessError):
            description.with_user(self.user_kam).read(["name"])
        description.with_user(self.user_hr).action_submit()
        self.assertTrue(description.with_user(self.user_legal).item_ids.read(["text"]))
        with self.assertRaises(AccessError):
            description.with_user(self.user_legal).write({"experience_years": 9})

    def test_hr_manages_and_approver_approves(self):
        description = self._new_description()
        description.with_user(self.user_hr).write({"experience_years": 4})
        self.assertEqual(description.experience_years, 4)
        template = self.env.ref("kam_job_description.kam_job_description_template_kam")
        self.assertTrue(template.with_user(self.user_hr).item_ids)
        with self.assertRaises(AccessError):
            template.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            self.env["kam.job.description.template"].with_user(self.user_portal).search(
                []
            )

    def test_employee_sees_only_their_own_acknowledgements(self):
        Ack = self.env["kam.job.description.acknowledgement"]
        # the demo's acknowledgements are not part of this test
        Ack.search([]).unlink()
        description = self._approved_description()
        description.with_user(self.user_kam).action_acknowledge()
        description.with_user(self.user_kam2).action_acknowledge()
        self.assertEqual(
            Ack.with_user(self.user_kam).search([]).employee_id, self.employee_kam
        )
        self.assertEqual(len(Ack.with_user(self.user_hr).search([])), 2)

    def test_portal_users_see_nothing(self):
        description = self._approved_description()
        with self.assertRaises(AccessError):
            description.with_user(self.user_portal).read(["name"])

    def test_multi_company(self):
        here = self._approved_description()
        hr_other = new_test_user(
            self.env,
            login="jd_hr_c2",
            groups="base.group_user,kam_job_description.group_job_description_manager",
            company_id=self.company_2.id,
            company_ids=[Command.set(self.company_2.ids)],
        )
        Description = self.env["kam.job.description"].with_user(hr_other)
        self.assertFalse(Description.search([("id", "=", here.id)]))
        with self.assertRaises(AccessError):
            here.with_user(hr_other).read(["name"])
        with self.assertRaises(AccessError):
            here.item_ids.with_user(hr_other).read(["text"])
        with self.assertRaises(AccessError):
            here.agreement_line_ids.with_user(hr_other).read(["role"])
        job_c2 = self.env["hr.job"].create(
            {"name": "KAM C2", "company_id": self.company_2.id}
        )
        there = Description.create(
            {"job_id": job_c2.id, "company_id": self.company_2.id}
        )
        self.assertEqual(there.company_id, self.company_2)
        self.assertFalse(
            self.env["kam.job.description"]
            .with_user(self.user_hr)
            .search([("id", "=", there.id)])
        )
