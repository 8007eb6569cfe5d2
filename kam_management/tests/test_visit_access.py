# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_visit import KamVisitCommon


@tagged("post_install", "-at_install")
class TestVisitAccess(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start = datetime(2030, 1, 8, 10, 0)
        Visit = cls.env["kam.visit"]
        cls.visit_a = Visit.create(
            {
                "partner_id": cls.account_a.id,
                "user_id": cls.user_kam.id,
                "planned_start": start,
            }
        )
        cls.visit_b = Visit.create(
            {
                "partner_id": cls.account_b.id,
                "user_id": cls.user_kam2.id,
                "planned_start": start,
            }
        )
        cls.visit_c = Visit.create(
            {
                "partner_id": cls.account_c.id,
                "user_id": cls.user_director.id,
                "planned_start": start,
            }
        )

    def _readable(self, user):
        return (
            self.env["kam.visit"]
            .with_user(user)
            .search([("id", "in", (self.visit_a | self.visit_b | self.visit_c).ids)])
        )

    def test_kam_sees_own_and_backed_up_accounts(self):
        self.assertEqual(self._readable(self.user_kam), self.visit_a)
        # kam2 is the backup KAM of account A.
        self.assertEqual(self._readable(self.user_kam2), self.visit_a | self.visit_b)
        with self.assertRaises(AccessError):
            self.visit_b.with_user(self.user_kam).read(["name"])

    def test_manager_sees_team_director_all(self):
        self.assertEqual(self._readable(self.user_manager), self.visit_a | self.visit_b)
        with self.assertRaises(AccessError):
            self.visit_c.with_user(self.user_manager).read(["name"])
        self.assertEqual(
            self._readable(self.user_director),
            self.visit_a | self.visit_b | self.visit_c,
        )

    def test_outsiders_see_nothing(self):
        for user in (self.user_employee, self.user_portal, self.user_kam_other_company):
            with self.assertRaises(AccessError, msg=user.login):
                self.visit_a.with_user(user).read(["name"])

    def test_kam_plans_and_closes_own_visits_but_not_others(self):
        visit = (
            self.env["kam.visit"]
            .with_user(self.user_kam)
            .create(
                {
                    "partner_id": self.account_a.id,
                    "planned_start": datetime(2030, 1, 9, 9, 0),
                }
            )
        )
        self.assertEqual(visit.user_id, self.user_kam)
        self.assertTrue(visit.calendar_event_id)
        visit.outcome = "Agreed payment terms of 30 days"
        with self._on_planned_day(visit):
            visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.done_on_time)
        with self.assertRaises(AccessError):
            self.env["kam.visit"].with_user(self.user_kam).create(
                {"partner_id": self.account_b.id, "user_id": self.user_kam2.id}
            )

    def test_only_managers_delete(self):
        with self.assertRaises(AccessError):
            self.visit_a.with_user(self.user_kam).unlink()
        self.visit_a.with_user(self.user_manager).unlink()
        self.assertFalse(self.visit_a.exists())

    def test_manager_moves_team_visit_event_follows(self):
        self.visit_a.with_user(self.user_manager).planned_start = datetime(
            2030, 1, 10, 11, 0
        )
        self.assertEqual(
            self.visit_a.calendar_event_id.start, datetime(2030, 1, 10, 11, 0)
        )

    def test_multi_company(self):
        other = self.env["res.partner"].create(
            {
                "name": "Second Company Account",
                "is_company": True,
                "company_id": self.company_2.id,
                "kam_user_id": self.user_kam_other_company.id,
            }
        )
        visit = (
            self.env["kam.visit"]
            .with_user(self.user_kam_other_company)
            .with_company(self.company_2)
            .create(
                {"partner_id": other.id, "planned_start": datetime(2030, 1, 9, 9, 0)}
            )
        )
        self.assertEqual(visit.company_id, self.company_2)
        # The director sees it only with the second company allowed.
        director = self.env["kam.visit"].with_user(self.user_director)
        self.assertNotIn(
            visit,
            director.with_context(allowed_company_ids=self.company.ids).search([]),
        )
        allowed = (self.company | self.company_2).ids
        self.assertIn(
            visit, director.with_context(allowed_company_ids=allowed).search([])
        )
        with self.assertRaises(AccessError):
            visit.with_user(self.user_manager).read(["name"])
