# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionAcknowledgement(JobDescriptionCommon):
    def _ack_activities(self, description):
        ack_type = self.env.ref("kam_job_description.mail_activity_data_jd_acknowledge")
        return description.activity_ids.filtered(
            lambda a: a.activity_type_id == ack_type
        )

    def test_approval_asks_every_holder_to_acknowledge(self):
        description = self._approved_description()
        activities = self._ack_activities(description)
        self.assertEqual(activities.user_id, self.user_kam | self.user_kam2)
        self.assertEqual(description.holder_count, 2)
        self.assertEqual(description.acknowledged_count, 0)

    def test_employee_acknowledges_for_themself(self):
        description = self._approved_description()
        self.assertTrue(description.with_user(self.user_kam).can_acknowledge)
        self.assertFalse(description.with_user(self.user_manager).can_acknowledge)
        description.with_user(self.user_kam).action_acknowledge()
        ack = description.acknowledgement_ids
        self.assertEqual(ack.employee_id, self.employee_kam)
        self.assertEqual(ack.checksum, description.checksum)
        self.assertTrue(ack.is_current)
        self.assertTrue(ack.date)
        self.assertEqual(self._ack_activities(description).user_id, self.user_kam2)
        self.assertEqual(description.acknowledged_count, 1)
        self.assertFalse(description.with_user(self.user_kam).can_acknowledge)
        with self.assertRaisesRegex(UserError, "already acknowledged"):
            description.with_user(self.user_kam).action_acknowledge()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            ack.with_user(self.user_hr).write({"checksum": "forged"})

    def test_acknowledging_for_someone_else_is_refused(self):
        description = self._approved_description()
        Ack = self.env["kam.job.description.acknowledgement"]
        with self.assertRaisesRegex(UserError, "only for yourself"):
            Ack.with_user(self.user_kam).create(
                {"description_id": description.id, "employee_id": self.employee_kam2.id}
            )
        with self.assertRaisesRegex(UserError, "only for yourself"):
            Ack.with_user(self.user_hr).create(
                {"description_id": description.id, "employee_id": self.employee_kam.id}
            )
        with self.assertRaisesRegex(UserError, "do not hold the position"):
            description.with_user(self.user_manager).action_acknowledge()
        self.assertFalse(description.acknowledgement_ids)

    def test_only_the_approved_version_is_acknowledged(self):
        draft = self._new_description()
        with self.assertRaisesRegex(UserError, "Only the approved version"):
            self.env["kam.job.description.acknowledgement"].with_user(
                self.user_kam
            ).create({"description_id": draft.id, "employee_id": self.employee_kam.id})

    def test_employees_moved_into_the_job_are_asked(self):
        description = self._approved_description()
        newcomer_user = self._new_user("jd_newcomer", "base.group_user")
        newcomer = self.env["hr.employee"].create(
            {"name": "Newcomer", "user_id": newcomer_user.id, "job_id": self.job_kam.id}
        )
        self.assertIn(newcomer_user, self._ack_activities(description).user_id)
        # moved from another job
        self.employee_manager.job_id = self.job_kam
        self.assertIn(self.user_manager, self._ack_activities(description).user_id)
        # no duplicate activity when saved again
        self.employee_manager.job_id = self.job_kam
        self.assertEqual(
            len(
                self._ack_activities(description).filtered(
                    lambda a: a.user_id == self.user_manager
                )
            ),
            1,
        )
        description.with_user(newcomer_user).action_acknowledge()
        self.assertIn(newcomer, description.acknowledgement_ids.employee_id)

    def test_supersession_closes_pending_acknowledgements(self):
        first = self._approved_description()
        first.with_user(self.user_kam).action_acknowledge()
        second = self.env["kam.job.description"].browse(
            first.with_user(self.user_hr).action_new_version()["res_id"]
        )
        second.with_user(self.user_hr).action_submit()
        for line in second.agreement_line_ids:
            line.with_user(line.user_id).action_agree()
        second.with_user(self.user_ceo).action_approve()
        self.assertFalse(self._ack_activities(first))
        self.assertEqual(
            self._ack_activities(second).user_id, self.user_kam | self.user_kam2
        )
        self.assertEqual(first.acknowledgement_ids.employee_id, self.employee_kam)
        self.assertFalse(second.with_user(self.user_kam).acknowledgement_ids)

    def test_not_yet_acknowledged_report(self):
        description = self._approved_description()
        description.with_user(self.user_kam).action_acknowledge()
        Report = self.env["kam.job.description.ack.report"].with_user(self.user_hr)
        self.env.flush_all()
        pending = Report.search(
            [("acknowledged", "=", False), ("description_id", "=", description.id)]
        )
        self.assertEqual(pending.employee_id, self.employee_kam2)
        done = Report.search(
            [("acknowledged", "=", True), ("description_id", "=", description.id)]
        )
        self.assertEqual(done.employee_id, self.employee_kam)
        self.assertTrue(done.acknowledgement_date)
        with self.assertRaises(AccessError):
            self.env["kam.job.description.ack.report"].with_user(self.user_kam).search(
                []
            )

    def test_holder_counts_are_batched(self):
        descriptions = self._approved_description() | self._approved_description(
            self.job_head,
            substitute_job_id=self.job_kam.id,
            reports_to_job_id=self.job_director.id,
        )
        descriptions.invalidate_recordset(["holder_count", "acknowledged_count"])
        # the reader's own user record is loaded, as in any request of theirs
        self.assertEqual(descriptions.env.user.company_id, self.company)
        with self.assertQueryCount(8):
            counts = [(d.holder_count, d.acknowledged_count) for d in descriptions]
        self.assertEqual(counts, [(2, 0), (1, 0)])
