# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util

from odoo import Command
from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, new_test_user


def load_migration(module, version, step="post-migration"):
    """The migration script ``migrations/<version>/<step>.py`` of ``module``, loaded
    as a Python module so that a test can call its ``migrate``."""
    path = f"{get_module_path(module)}/migrations/{version}/{step}.py"
    spec = importlib.util.spec_from_file_location(f"{module}_{step}", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


class KamCommon(TransactionCase):
    """Users per role and a second company, built once for every KAM test.

    Roles: two KAMs (``kam``, ``kam2``), their head of sales (``manager``), the
    commercial director (``director``), a plain employee, a portal user, and a
    KAM of a second company (``kam_other_company``).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company_2 = cls.env["res.company"].create({"name": "KAM Second Company"})
        cls.user_director = cls._new_user(
            "kam_director", "kam_management.group_kam_director"
        )
        cls.user_manager = cls._new_user(
            "kam_manager", "kam_management.group_kam_manager"
        )
        cls.user_kam = cls._new_user("kam_user", "kam_management.group_kam_user")
        cls.user_kam2 = cls._new_user("kam_user2", "kam_management.group_kam_user")
        cls.user_employee = cls._new_user("kam_employee", "base.group_user")
        cls.user_portal = new_test_user(
            cls.env, login="kam_portal", groups="base.group_portal"
        )
        cls.user_kam_other_company = new_test_user(
            cls.env,
            login="kam_user_c2",
            groups="base.group_user,kam_management.group_kam_user",
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
        )
        # The KAMs report to the head of sales, who reports to the director.
        employees = cls.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id, "company_id": cls.company.id}
                for user in (
                    cls.user_director,
                    cls.user_manager,
                    cls.user_kam,
                    cls.user_kam2,
                )
            ]
        )
        (
            cls.employee_director,
            cls.employee_manager,
            cls.employee_kam,
            cls.employee_kam2,
        ) = employees
        cls.employee_manager.parent_id = cls.employee_director
        (cls.employee_kam | cls.employee_kam2).parent_id = cls.employee_manager
        cls._setup_key_accounts()

    @classmethod
    def _setup_key_accounts(cls):
        """Two tiers and three key accounts.

        ``account_a``: KAM ``user_kam``, backup ``user_kam2`` (tier Gold);
        ``account_b``: KAM ``user_kam2``, no backup (tier Silver);
        ``account_c``: KAM ``user_director``, outside the manager's team (tier Gold).
        """
        cls.tier_gold, cls.tier_silver = cls.env["kam.tier"].create(
            [
                {
                    "name": "Gold",
                    "code": "T-GOLD",
                    "sequence": 1,
                    "visit_interval_days": 14,
                    "call_interval_days": 7,
                    "max_discount": 10.0,
                    "min_annual_revenue": 100000.0,
                },
                {
                    "name": "Silver",
                    "code": "T-SILVER",
                    "sequence": 2,
                    "visit_interval_days": 30,
                    "call_interval_days": 14,
                    "max_discount": 5.0,
                    "min_annual_revenue": 20000.0,
                },
            ]
        )
        cls.account_a, cls.account_b, cls.account_c = cls.env["res.partner"].create(
            [
                {
                    "name": "Account A (KAM kam_user)",
                    "is_company": True,
                    "kam_tier_id": cls.tier_gold.id,
                    "kam_user_id": cls.user_kam.id,
                    "kam_backup_user_id": cls.user_kam2.id,
                },
                {
                    "name": "Account B (KAM kam_user2)",
                    "is_company": True,
                    "kam_tier_id": cls.tier_silver.id,
                    "kam_user_id": cls.user_kam2.id,
                },
                {
                    "name": "Account C (KAM director)",
                    "is_company": True,
                    "kam_tier_id": cls.tier_gold.id,
                    "kam_user_id": cls.user_director.id,
                },
            ]
        )

    @classmethod
    def _new_user(cls, login, groups):
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,{groups}",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.company_2).ids)]
            if groups.endswith("director")
            else [Command.set(cls.company.ids)],
        )
