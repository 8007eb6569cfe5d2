# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Base of the tests that read the demo data (the template database has it).

The demo is built relative to the day it is installed, and the template may be
older than today: these tests run at the moment the demo was built (frozen), so
"this week", "not due yet" and "this quarter" mean what they meant then.
"""

import freezegun
from lxml import etree

from odoo import fields
from odoo.osv import expression
from odoo.tests import TransactionCase
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

# a record every demo creates at the end of kam_management's story
DEMO_MOMENT_RECORD = "kam_management.sale_order_demo_discount_to_approve"


class KamDemoCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_moment = cls.env.ref(DEMO_MOMENT_RECORD).create_date
        cls.startClassPatcher(freezegun.freeze_time(cls.demo_moment))
        cls.company = cls.env.ref("base.main_company")
        cls.today = cls.company._kam_today()

    @classmethod
    def demo_user(cls, login):
        user = cls.env["res.users"].search([("login", "=", login)])
        assert user, f"no demo user {login}"
        return user

    # ------------------------------------------------------------------
    # Menus as the web client opens them
    # ------------------------------------------------------------------
    def demo_menus(self, module):
        """The menus of ``module`` that open a list of records (window actions in
        the main area; wizards and settings are left out)."""
        data = self.env["ir.model.data"].search(
            [("module", "=", module), ("model", "=", "ir.ui.menu")]
        )
        menus = self.env["ir.ui.menu"].browse(data.mapped("res_id"))
        return menus.filtered(
            lambda m: (
                m.action
                and m.action._name == "ir.actions.act_window"
                and m.action.target not in ("new", "inline")
                and not self.env[m.action.res_model]._transient
            )
        )

    def _eval_context(self, user):
        """What the web client evaluates domains and contexts with."""
        as_user = self.env["res.users"].with_user(user)
        return {
            "uid": user.id,
            "user": user,
            "allowed_company_ids": user.company_ids.ids,
            "current_company_id": user.company_id.id,
            # the user's day in their time zone, as the browser's
            "context_today": lambda: fields.Date.context_today(as_user),
            "datetime": datetime,
            "dateutil": dateutil,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "time": time,
        }

    def _default_filter_domain(self, action, user, eval_context, context):
        """The domain of the filters the action's context switches on: filters of
        one group are OR-ed, the groups AND-ed, as in the web client."""
        active = {
            key[len("search_default_") :]
            for key, value in context.items()
            if key.startswith("search_default_") and value
        }
        if not active:
            return []
        model = self.env[action.res_model].with_user(user)
        arch = model.get_views([(action.search_view_id.id, "search")])["views"][
            "search"
        ]["arch"]
        groups, current = [], []
        for node in etree.fromstring(arch):
            if node.tag == "filter":
                current.append(node)
                continue
            if current:
                groups.append(current)
                current = []
        if current:
            groups.append(current)
        domains = []
        for group in groups:
            ors = [
                safe_eval(node.get("domain"), eval_context)
                for node in group
                if node.get("name") in active and node.get("domain")
            ]
            if ors:
                domains.append(expression.OR(ors))
        return expression.AND(domains) if domains else []

    def demo_menu_count(self, menu, user):
        """How many records ``menu`` shows ``user`` when it opens."""
        action = menu.action.sudo()
        eval_context = self._eval_context(user)
        context = safe_eval(action.context or "{}", eval_context)
        domain = safe_eval(action.domain or "[]", eval_context)
        domain = expression.AND(
            [domain, self._default_filter_domain(action, user, eval_context, context)]
        )
        model = (
            self.env[action.res_model]
            .with_user(user)
            .with_context(allowed_company_ids=user.company_ids.ids)
        )
        return model.search_count(domain)

    def assertMenusHaveData(self, module, roles, default_login="admin"):
        """Every menu of ``module`` opens on records for the role that uses it:
        ``roles`` maps menu XML ids (without the module) to a demo login; other
        menus are opened by ``default_login``."""
        for menu in self.demo_menus(module):
            xmlid = menu.get_external_id()[menu.id].split(".", 1)[1]
            user = self.demo_user(roles.get(xmlid, default_login))
            with self.subTest(menu=xmlid, login=user.login):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertIn(menu.id, visible, f"{user.login} does not see {xmlid}")
                self.assertTrue(
                    self.demo_menu_count(menu, user),
                    f"{xmlid} opens empty for {user.login}",
                )
