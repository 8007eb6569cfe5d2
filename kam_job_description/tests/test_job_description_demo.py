# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.kam_management.tests.common_demo import KamDemoCase

# menu (XML id in kam_job_description) -> the demo login who uses it
MENU_ROLES = {
    "hr_job_job_descriptions_menu": "gunel",
    "kam_job_description_all_menu": "gunel",
    "kam_job_description_ack_report_menu": "gunel",
    "kam_job_description_template_menu": "gunel",
    "kam_job_description_evidence_record_menu": "gunel",
    "kam_job_description_hr_all_menu": "gunel",
    "kam_job_description_hr_ack_report_menu": "gunel",
    "kam_job_description_hr_positions_menu": "gunel",
    "kam_job_description_hr_template_menu": "gunel",
    "kam_job_description_my_menu": "kamala",
    "kam_job_description_my_evidence_record_menu": "kamala",
    "kam_job_description_to_sign_menu": "ramin",
}


@tagged("post_install", "-at_install")
class TestJobDescriptionDemo(KamDemoCase):
    """The demo's job descriptions are approved, acknowledged and being revised."""

    def test_roles(self):
        self.assertTrue(
            self.demo_user("gunel").has_group(
                "kam_job_description.group_job_description_manager"
            )
        )
        ceo = self.demo_user("anar")
        self.assertTrue(
            ceo.has_group("kam_job_description.group_job_description_approver")
        )
        self.assertEqual(self.company.kam_jd_approver_id, ceo)

    def test_approved_and_acknowledged(self):
        kam = self.env.ref("kam_job_description.kam_job_description_demo_kam")
        csm = self.env.ref("kam_job_description.kam_job_description_demo_csm")
        for description in kam | csm:
            self.assertEqual(description.state, "approved")
            self.assertEqual(description.approved_by_id, self.demo_user("anar"))
            self.assertEqual(
                set(description.agreement_line_ids.mapped("state")), {"agreed"}
            )
            self.assertTrue(description.holder_count)
        self.assertEqual(csm.acknowledged_count, csm.holder_count)
        self.assertEqual(kam.holder_count, 4)
        self.assertEqual(
            set(kam.acknowledgement_ids.user_id.mapped("login")),
            {"kamala", "tural", "nigar"},
            "Farid has not read his yet",
        )
        self.assertTrue(all(kam.acknowledgement_ids.mapped("is_current")))

    def test_new_version_in_agreement(self):
        kam = self.env.ref("kam_job_description.kam_job_description_demo_kam")
        draft = self.env.ref("kam_job_description.kam_job_description_demo_kam_v2")
        self.assertEqual(draft.state, "agreement")
        self.assertEqual(draft.previous_version_id, kam)
        self.assertEqual(draft.version, kam.version + 1)
        agreed = draft.agreement_line_ids.filtered(lambda ln: ln.state == "agreed")
        self.assertEqual(set(agreed.mapped("role")), {"hr", "legal"})
        self.assertGreater(len(draft.item_ids), len(kam.item_ids))

    def test_menus_open_on_data(self):
        self.assertMenusHaveData("kam_job_description", MENU_ROLES)
