# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, tagged

from .common_visit import KamVisitCommon


@tagged("post_install", "-at_install")
class TestVisitViews(KamVisitCommon):
    def test_views_load_for_a_kam(self):
        Visit = self.env["kam.visit"].with_user(self.user_kam)
        views = Visit.get_views(
            [
                (False, view)
                for view in (
                    "calendar",
                    "list",
                    "kanban",
                    "form",
                    "pivot",
                    "graph",
                    "search",
                )
            ]
        )
        self.assertEqual(
            set(views["views"]),
            {"calendar", "list", "kanban", "form", "pivot", "graph", "search"},
        )
        self.assertIn('color="type_color"', views["views"]["calendar"]["arch"])
        self.assertIn('default_group_by="state"', views["views"]["kanban"]["arch"])

    def test_my_week_menu_and_action(self):
        menu = self.env.ref("kam_management.kam_visit_my_week_menu")
        self.assertIn(
            menu.id, self.env["ir.ui.menu"].with_user(self.user_kam)._visible_menu_ids()
        )
        action = self.env.ref("kam_management.kam_visit_action_my_week")
        self.assertTrue(action.view_mode.startswith("calendar"))

    def test_partner_smart_button_and_new_visit(self):
        account = self._account("Smart Button Ltd")
        arch = (
            self.env["res.partner"]
            .with_user(self.user_kam)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("action_kam_view_visits", arch)
        action = account.with_user(self.user_kam).action_kam_new_visit()
        with Form(
            self.env["kam.visit"]
            .with_user(self.user_kam)
            .with_context(**action["context"])
        ) as form:
            form.objective = "Off-schedule: complaint about a late delivery"
        visit = form.record
        self.assertEqual(visit.partner_id, account)
        self.assertFalse(visit.is_generated)
        self.assertEqual(account.kam_visit_count, 1)
        listing = account.action_kam_view_visits()
        self.assertEqual(self.env["kam.visit"].search(listing["domain"]), visit)

    def test_settings_form(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.kam_visit_plan_weekday, "4")
        settings.kam_visit_plan_weekday = "0"
        settings.kam_call_max_per_day = 6
        settings.save().execute()
        self.assertEqual(self.company.kam_visit_plan_weekday, "0")
        self.assertEqual(self.company.kam_call_max_per_day, 6)
