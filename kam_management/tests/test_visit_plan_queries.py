# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common_visit import WEEK_START, KamVisitCommon

KAMS = 20


@tagged("post_install", "-at_install")
class TestVisitPlanQueries(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kams = cls.env["res.users"].concat(
            *(
                new_test_user(
                    cls.env,
                    login=f"kam_bulk_{index}",
                    groups="base.group_user,kam_management.group_kam_user",
                    tz="UTC",
                )
                for index in range(KAMS)
            )
        )
        cls.env["hr.employee"].create(
            [
                {
                    "name": kam.name,
                    "user_id": kam.id,
                    "company_id": cls.company.id,
                    "resource_calendar_id": cls.calendar.id,
                    "tz": "UTC",
                }
                for kam in cls.kams
            ]
        )

    def _add_accounts(self, per_kam, offset):
        last_visit = WEEK_START - timedelta(days=60)
        last_call = WEEK_START - timedelta(days=30)
        self.env["res.partner"].create(
            [
                {
                    "name": f"Bulk {kam.id}-{offset + index}",
                    "is_company": True,
                    "kam_tier_id": self.tier.id,
                    "kam_user_id": kam.id,
                    "kam_last_visit_date": last_visit - timedelta(days=index),
                    "kam_last_call_date": last_call - timedelta(days=index),
                    "partner_latitude": 40.0 + index / 100,
                    "partner_longitude": 49.0 + index / 100,
                }
                for kam in self.kams
                for index in range(per_kam)
            ]
        )

    def _wizard_for(self, week_start, per_day=1):
        # chatter on, as in production (the common classes disable tracking): the
        # contacts' followers are subscribed too
        return (
            self.env["kam.visit.plan.wizard"]
            .create(
                {
                    "week_start": week_start,
                    "user_ids": [Command.set(self.kams.ids)],
                    "max_visits_per_day": per_day,
                    "max_calls_per_day": per_day,
                }
            )
            .with_context(tracking_disable=False)
        )

    def _count_queries(self, wizard):
        # As assertQueryCount does: flushed before and after, no random garbage
        # collection.
        with patch("random.random", lambda: 1):
            self.env.flush_all()
            self.env.cr.flush()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard.action_generate()
            self.env.flush_all()
            self.env.cr.flush()
            return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_accounts(self):
        self._add_accounts(20, 0)
        # Warm-up: the registry caches (models, views, templates) are filled once.
        self._count_queries(self._wizard_for(WEEK_START - timedelta(days=7)))
        wizard_20 = self._wizard_for(WEEK_START)
        queries_20 = self._count_queries(wizard_20)
        self._add_accounts(80, 20)
        wizard_100 = self._wizard_for(WEEK_START + timedelta(days=7))
        self.env.invalidate_all()
        # 5x more accounts, the same work (20 KAMs x 5 days x one visit and one call),
        # the same number of queries.
        with self.assertQueryCount(queries_20):
            wizard_100.action_generate()
        self.assertEqual(len(wizard_20.visit_ids), KAMS * 10)
        self.assertEqual(len(wizard_100.visit_ids), KAMS * 10)
        self.assertEqual(wizard_20.leftover_count, KAMS * (40 - 10))
        self.assertEqual(wizard_100.leftover_count, KAMS * (200 - 10))
        # 200 contacts, their calendar events and followers are created in batches
        # too.
        self.assertLess(queries_20, KAMS * 10, "fewer queries than contacts created")
        # inserted in SQL with their events, attendees and followers: a few queries
        # whatever the number of contacts (31 when written)
        self.assertLessEqual(queries_20, 35)
        self.assertTrue(
            all(
                visit.user_id.partner_id in visit.message_partner_ids
                and visit.user_id.partner_id
                in visit.calendar_event_id.message_partner_ids
                for visit in wizard_100.visit_ids
            ),
            "the KAM follows each contact and its calendar event",
        )

    def test_queries_do_not_grow_with_contacts(self):
        """Three times the contacts (three visits and calls a day instead of one),
        the same queries: the contacts, their events, attendees and followers are
        inserted in a few queries whatever their number."""
        self._add_accounts(40, 0)
        self._count_queries(self._wizard_for(WEEK_START - timedelta(days=7)))
        wizard_1 = self._wizard_for(WEEK_START)
        queries_1 = self._count_queries(wizard_1)
        wizard_3 = self._wizard_for(WEEK_START + timedelta(days=7), per_day=3)
        self.env.invalidate_all()
        with self.assertQueryCount(queries_1):
            wizard_3.action_generate()
        self.assertEqual(len(wizard_1.visit_ids), KAMS * 10)
        self.assertEqual(len(wizard_3.visit_ids), KAMS * 30)
