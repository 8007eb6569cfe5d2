# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestGroups(KamCommon):
    def test_group_hierarchy(self):
        """A director is a head of sales, who is a KAM, who is a salesperson."""
        director = self.user_director
        self.assertTrue(director.has_group("kam_management.group_kam_manager"))
        self.assertTrue(director.has_group("kam_management.group_kam_user"))
        self.assertTrue(self.user_manager.has_group("kam_management.group_kam_user"))
        self.assertFalse(
            self.user_manager.has_group("kam_management.group_kam_director")
        )
        self.assertTrue(self.user_kam.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(self.user_kam.has_group("kam_management.group_kam_manager"))

    def test_menu_visible_to_kam_groups_only(self):
        root = self.env.ref("kam_management.kam_root_menu")
        settings = self.env.ref("kam_management.kam_config_settings_menu")
        menus = self.env["ir.ui.menu"]
        for user in (self.user_kam, self.user_manager, self.user_director):
            visible = menus.with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
        # Settings are for administrators only.
        self.assertNotIn(
            settings.id, menus.with_user(self.user_director)._visible_menu_ids()
        )
        self.assertIn(
            settings.id,
            menus.with_user(self.env.ref("base.user_admin"))._visible_menu_ids(),
        )
        self.assertNotIn(
            root.id, menus.with_user(self.user_employee)._visible_menu_ids()
        )

    def test_active_window_setting(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.kam_active_window_days, 90)
        settings.kam_active_window_days = 60
        settings.save().execute()
        self.assertEqual(self.company.kam_active_window_days, 60)

    def test_active_window_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "at least one day"):
            self.company.kam_active_window_days = 0
