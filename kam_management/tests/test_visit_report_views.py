# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, tagged

from .common_visit_report import KamVisitReportCommon


@tagged("post_install", "-at_install")
class TestVisitReportViews(KamVisitReportCommon):
    """The visit report screens open for each role that has their menu, and the
    demo data holds done visits with answered checklists."""

    def _check_action(self, user, xmlid):
        action = self.env.ref(xmlid)
        modes = action.view_mode.split(",")
        views = (
            self.env[action.res_model]
            .with_user(user)
            .get_views([(False, mode) for mode in modes + ["search"]])
        )
        self.assertEqual(set(views["views"]), {*modes, "search"})
        self.assertGreaterEqual(
            self.env[action.res_model].with_user(user).search_count([]), 0
        )

    def test_views_load_for_each_role(self):
        for user in (self.user_kam, self.user_manager, self.user_director):
            with self.subTest(user=user.login):
                self._check_action(user, "kam_management.kam_visit_answer_action")
                self._check_action(user, "kam_management.kam_visit_action")
        for user in (self.user_manager, self.user_director):
            with self.subTest(user=user.login):
                self._check_action(user, "kam_management.kam_visit_purpose_action")

    def test_menus(self):
        reports = self.env.ref("kam_management.kam_visit_answer_menu")
        config = self.env.ref("kam_management.kam_visit_purpose_menu")
        for user, visible in (
            (self.user_kam, {reports}),
            (self.user_manager, {reports, config}),
        ):
            with self.subTest(user=user.login):
                menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
                self.assertEqual(
                    {m for m in (reports, config) if m.id in menus}, visible
                )

    def test_head_of_sales_builds_a_checklist_in_the_form(self):
        with Form(
            self.env["kam.visit.purpose"].with_user(self.user_manager)
        ) as purpose:
            purpose.name = "Shelf Reset"
            with purpose.item_ids.new() as item:
                item.name = "Planogram applied"
                item.answer_type = "selection"
                item.required = True
                with item.option_ids.new() as option:
                    option.name = "Fully"
                with item.option_ids.new() as option:
                    option.name = "Partly"
        self.assertEqual(
            purpose.record.item_ids.option_ids.mapped("name"), ["Fully", "Partly"]
        )

    def test_demo_visit_reports(self):
        ref = self.env.ref
        audit = ref("kam_management.kam_visit_demo_report_01", raise_if_not_found=False)
        if not audit:
            self.skipTest("demo data not installed")
        training = ref("kam_management.kam_visit_demo_report_02")
        planned = ref("kam_management.kam_visit_demo_report_03")
        self.assertEqual((audit | training).mapped("state"), ["done", "done"])
        self.assertEqual(audit.checklist_answered_count, 5)
        self.assertEqual(audit.checklist_count, 6)
        self.assertTrue(audit.check_in_geo_uri.startswith("geo:40.409264,49.867092"))
        self.assertFalse(training.check_in_located)
        self.assertEqual(
            training.purpose_ids,
            ref("kam_management.kam_visit_purpose_training")
            | ref("kam_management.kam_visit_purpose_sales_talk"),
        )
        self.assertEqual(planned.state, "planned")
        self.assertEqual(planned.checklist_count, 8)
        self.assertEqual(planned.checklist_missing_count, 5)
