# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamAccess(KamCommon):
    def _visible_accounts(self, user):
        accounts = self.account_a | self.account_b | self.account_c
        return self.env["res.partner"].search(
            [("id", "in", accounts.ids), ("kam_access_user_ids", "in", [user.id])]
        )

    def test_access_user_ids_search(self):
        self.assertEqual(self._visible_accounts(self.user_kam), self.account_a)
        self.assertEqual(
            self._visible_accounts(self.user_kam2), self.account_a | self.account_b
        )
        # The head of sales sees the team's accounts, not the director's.
        self.assertEqual(
            self._visible_accounts(self.user_manager), self.account_a | self.account_b
        )
        self.account_c.kam_user_id = self.user_manager
        self.assertEqual(
            self._visible_accounts(self.user_manager),
            self.account_a | self.account_b | self.account_c,
        )
        self.assertFalse(self._visible_accounts(self.user_employee))

    def test_access_user_ids_compute(self):
        self.assertEqual(
            self.account_a.kam_access_user_ids,
            self.user_kam | self.user_kam2 | self.user_manager,
        )
        self.assertEqual(self.account_c.kam_access_user_ids, self.user_director)

    def test_a_kam_without_manager_group_leads_no_team(self):
        self.employee_kam2.parent_id = self.employee_kam
        self.assertEqual(self._visible_accounts(self.user_kam), self.account_a)

    def test_assignment_rules(self):
        Assignment = self.env["kam.assignment"]
        all_history = Assignment.search(
            [
                (
                    "partner_id",
                    "in",
                    (self.account_a | self.account_b | self.account_c).ids,
                )
            ]
        )
        self.assertEqual(len(all_history), 3)
        self.assertEqual(
            Assignment.with_user(self.user_kam).search([]),
            self.account_a.kam_assignment_ids,
        )
        self.assertEqual(
            Assignment.with_user(self.user_manager).search([]),
            (self.account_a | self.account_b).kam_assignment_ids,
        )
        self.assertEqual(
            Assignment.with_user(self.user_director).search(
                [("id", "in", all_history.ids)]
            ),
            all_history,
        )
        with self.assertRaises(AccessError):
            self.account_b.kam_assignment_ids.with_user(self.user_kam).read(["user_id"])
        with self.assertRaises(AccessError):
            self.account_a.kam_assignment_ids.with_user(self.user_employee).read(
                ["user_id"]
            )
        with self.assertRaises(AccessError):
            self.account_a.kam_assignment_ids.with_user(self.user_kam).write(
                {"date_to": False}
            )
        # A former KAM keeps seeing their own ownership periods.
        self.account_b.kam_assignment_ids.date_from = "2025-01-01"
        self.account_b.kam_user_id = self.user_director
        self.assertIn(
            self.account_b.kam_assignment_ids.filtered(
                lambda a: a.user_id == self.user_kam2
            ),
            Assignment.with_user(self.user_kam2).search([]),
        )

    def test_assignment_multi_company(self):
        account = self.env["res.partner"].create(
            {
                "name": "Second company account",
                "is_company": True,
                "company_id": self.company_2.id,
                "kam_user_id": self.user_kam.id,
            }
        )
        self.assertEqual(account.kam_assignment_ids.company_id, self.company_2)
        with self.assertRaises(AccessError):
            account.kam_assignment_ids.with_user(self.user_kam).read(["user_id"])
        self.assertTrue(
            account.kam_assignment_ids.with_user(self.user_director).read(["user_id"])
        )
