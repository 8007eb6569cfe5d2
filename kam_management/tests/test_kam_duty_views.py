# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import KamCommon

ACTIONS = (
    "kam_management.kam_corrective_action_action",
    "kam_management.kam_account_plan_action",
    "kam_management.kam_account_plan_objective_action",
    "kam_management.kam_account_plan_stakeholder_action",
    "kam_management.kam_proposal_action",
    "kam_management.kam_weekly_report_action",
    "kam_management.kam_refusal_report_action",
)


@tagged("post_install", "-at_install")
class TestKamDutyViews(KamCommon):
    """The screens of issue 14 open for each role that has the menu."""

    def test_views_load_for_each_role(self):
        for user in (self.user_kam, self.user_manager, self.user_director):
            for xmlid in ACTIONS:
                action = self.env.ref(xmlid)
                modes = action.view_mode.split(",")
                with self.subTest(user=user.login, action=xmlid):
                    views = (
                        self.env[action.res_model]
                        .with_user(user)
                        .get_views([(False, mode) for mode in modes + ["search"]])
                    )
                    self.assertEqual(set(views["views"]), {*modes, "search"})
                    # the role may list the records (no AccessError)
                    records = self.env[action.res_model].with_user(user)
                    self.assertGreaterEqual(records.search_count([]), 0)
        form = self.env["kam.proposal.decision"].with_user(self.user_director)
        self.assertIn("form", form.get_views([(False, "form")])["views"])
