# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.kam_management.tests.readonly_common import KamReadonlyCase

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestReadonlyButtons(JobDescriptionCommon, KamReadonlyCase):
    """The job description buttons that only open a screen (issue 13, item 4) run
    on a read-only cursor: a position's job descriptions, printing one, and the
    rejection dialog of a signer."""

    def test_job_descriptions_of_a_position(self):
        action = self.assertReadonlyButton(
            self.user_hr, self.job_kam, "action_open_kam_job_descriptions"
        )
        self.assertEqual(action["res_model"], "kam.job.description")
        self.assertEqual(action["domain"], [["job_id", "=", self.job_kam.id]])

    def test_print(self):
        description = self._approved_description()
        action = self.assertReadonlyButton(self.user_kam, description, "action_print")
        self.assertEqual(
            action["report_name"], "kam_job_description.report_kam_job_description"
        )

    def test_rejection_dialog(self):
        description = self._new_description()
        description.with_user(self.user_hr).action_submit()
        planning = description.agreement_line_ids.filtered(
            lambda line: line.role == "planning"
        )
        action = self.assertReadonlyButton(
            self.user_planning, planning, "action_open_reject_wizard"
        )
        self.assertEqual(action["res_model"], "kam.job.description.reject")
        self.assertEqual(action["context"]["default_agreement_id"], planning.id)
