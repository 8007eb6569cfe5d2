# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The weekly planner on the business calendar: its week, its plan day and its
days are the company's local ones, at any hour and for any viewer."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, tagged

from .common_visit import KamVisitCommon

LATE_EVENING = "2026-11-30 23:30:00"  # Monday in UTC; Baku: Tuesday 1 Dec 03:30
JUST_AFTER_MIDNIGHT = "2026-12-01 00:30:00"  # Honolulu: still Monday 30 Nov
NEXT_MONDAY = date(2026, 12, 7)


@tagged("post_install", "-at_install")
class TestVisitPlanCalendar(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_kam.tz = "Pacific/Honolulu"
        cls.user_kam2.tz = "Asia/Baku"

    def _moments(self):
        for tz in ("Asia/Baku", "Pacific/Honolulu"):
            for moment in (LATE_EVENING, JUST_AFTER_MIDNIGHT):
                with self.subTest(tz=tz, moment=moment), freeze_time(moment):
                    self.company.kam_tz = tz
                    yield tz

    def test_wizard_week_is_the_company_next_week(self):
        for _tz in self._moments():
            for viewer in self.user_kam | self.user_kam2:
                form = Form(
                    self.env["kam.visit.plan.wizard"]
                    .with_user(viewer)
                    .with_context(tz=viewer.tz)
                )
                self.assertEqual(form.week_start, NEXT_MONDAY)
                self.assertEqual(form.week_end, NEXT_MONDAY + timedelta(days=6))

    def test_cron_runs_on_the_company_plan_day(self):
        """Plan day Tuesday: it is Tuesday in Baku at both moments, and Monday in
        Honolulu at both; a UTC clock would say Monday, then Tuesday."""
        account = self._account(
            "Cron Calendar Account",
            kam_last_visit_date=NEXT_MONDAY - timedelta(days=28),
            kam_last_call_date=NEXT_MONDAY,
        )
        self.company.kam_visit_plan_weekday = "1"
        for tz in self._moments():
            savepoint = self.env.cr.savepoint()
            self.env["kam.visit.planner"]._cron_generate_weekly_plan()
            visits = account.kam_visit_ids
            if tz == "Asia/Baku":
                self.assertEqual(len(visits), 1)
                self.assertEqual(
                    self.company._kam_local_day(visits.planned_start), NEXT_MONDAY
                )
            else:
                self.assertFalse(visits)
            self.env.flush_all()
            savepoint.close(rollback=True)
            self.env.invalidate_all(flush=False)

    def test_days_are_local_days(self):
        """A KAM working 9-17 in Honolulu works 19:00-03:00 UTC: the plan keeps each
        contact on the local working day, and a contact planned on Monday evening
        (Tuesday in UTC) fills Monday."""
        self.company.kam_tz = "Pacific/Honolulu"
        self.calendar.tz = "Pacific/Honolulu"
        self.employee_kam.tz = "Pacific/Honolulu"
        week_start = date(2030, 1, 7)
        accounts = self.env["res.partner"].concat(
            *(
                self._account(
                    f"Honolulu {index}",
                    kam_last_visit_date=week_start - timedelta(days=28 + index),
                    kam_last_call_date=week_start,
                )
                for index in range(3)
            )
        )
        # Monday 7 January 16:00 in Honolulu is Tuesday 02:00 in UTC.
        self._visit(
            partner=self._account("Booked", kam_last_call_date=week_start),
            planned_start=datetime(2030, 1, 8, 2, 0),
        )
        wizard = self._wizard(max_visits_per_day=1)
        wizard.write({"user_ids": [Command.set(self.user_kam.ids)]})
        wizard.action_generate()
        visits = wizard.visit_ids.sorted("planned_start")
        self.assertEqual(visits.partner_id, accounts[::-1])
        local_days = [self.company._kam_local_day(v.planned_start) for v in visits]
        self.assertEqual(
            local_days,
            [date(2030, 1, 8), date(2030, 1, 9), date(2030, 1, 10)],
            "Monday is full with the booked visit",
        )
        # the first contact of each day starts at 09:00 in Honolulu (19:00 UTC)
        self.assertEqual(visits[0].planned_start, datetime(2030, 1, 8, 19, 0))
