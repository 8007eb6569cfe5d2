# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common_visit import WEEK_START, KamVisitCommon

KAMS = 5


@tagged("post_install", "-at_install")
class TestVisitPlanProspectQueries(KamVisitCommon):
    """Prospects and opening hours do not make the weekly plan's queries grow with
    the number of opportunities and accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kams = cls.env["res.users"].concat(
            *(
                new_test_user(
                    cls.env,
                    login=f"kam_prospect_bulk_{index}",
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

    def _add_prospects(self, per_kam, offset):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Prospect {kam.id}-{offset + index}",
                    "is_company": True,
                    "tz": "UTC",
                    "kam_contact_tue": True,
                    "kam_contact_thu": True,
                    "kam_opening_hour_from": 10.0,
                    "kam_opening_hour_to": 16.0,
                    "partner_latitude": 40.0 + index / 100,
                    "partner_longitude": 49.0 + index / 100,
                }
                for kam in self.kams
                for index in range(per_kam)
            ]
        )
        self.env["crm.lead"].create(
            [
                {
                    "name": f"Deal {partner.name}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": kam.id,
                    "kam_next_contact_date": WEEK_START - timedelta(days=index),
                }
                for (kam, index), partner in zip(
                    [(kam, index) for kam in self.kams for index in range(per_kam)],
                    partners,
                    strict=True,
                )
            ]
        )

    def _wizard_for(self, week_start):
        return self.env["kam.visit.plan.wizard"].create(
            {
                "week_start": week_start,
                "user_ids": [Command.set(self.kams.ids)],
                "max_visits_per_day": 1,
                "max_calls_per_day": 1,
                "include_prospects": True,
            }
        )

    def _count_queries(self, wizard):
        with patch("random.random", lambda: 1):
            self.env.flush_all()
            self.env.cr.flush()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard.action_generate()
            self.env.flush_all()
            self.env.cr.flush()
            return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_prospects(self):
        self._add_prospects(6, 0)
        self._count_queries(self._wizard_for(WEEK_START - timedelta(days=7)))
        wizard_small = self._wizard_for(WEEK_START)
        queries = self._count_queries(wizard_small)
        self._add_prospects(18, 6)
        wizard_large = self._wizard_for(WEEK_START + timedelta(days=7))
        self.assertEqual(self._count_queries(wizard_large), queries)
        # Tuesdays and Thursdays only: two visits per KAM and week.
        self.assertEqual(len(wizard_small.visit_ids), KAMS * 2)
        self.assertEqual(len(wizard_large.visit_ids), KAMS * 2)
        self.assertTrue(
            all(visit.planned_start.hour >= 10 for visit in wizard_large.visit_ids)
        )
