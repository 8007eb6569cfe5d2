# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The weekly planner places a contact only on the account's preferred contact
days and inside its opening hours, and says so in its reason."""

from datetime import datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common_visit import WEEK_START, KamVisitCommon

MONDAY, TUESDAY, WEDNESDAY = (WEEK_START + timedelta(days=n) for n in range(3))


@tagged("post_install", "-at_install")
class TestVisitPlanHours(KamVisitCommon):
    def _due(self, name, **values):
        """An account whose visit is due on Monday (calls not due in the week)."""
        vals = {
            "tz": "UTC",
            "kam_last_visit_date": MONDAY - timedelta(days=28),
            "kam_last_call_date": MONDAY,
        }
        vals.update(values)
        return self._account(name, **vals)

    def _plan(self, **values):
        wizard = self._wizard(**values)
        wizard.action_generate()
        return wizard

    def test_preferred_day_and_opening_hours(self):
        account = self._due(
            "Wednesday Afternoons",
            kam_contact_wed=True,
            kam_opening_hour_from=15.0,
            kam_opening_hour_to=17.0,
        )
        visit = self._plan().visit_ids
        self.assertEqual(visit.partner_id, account)
        self.assertEqual(visit.planned_start, datetime(2030, 1, 9, 15, 0))
        self.assertIn("Wednesday; 15:00-17:00", visit.plan_reason)
        self.assertIn("Contact days and hours", visit.plan_reason)
        self.assertEqual(account.kam_contact_hours_summary, "Wednesday; 15:00-17:00")

    def test_opening_hours_leave_the_morning_to_others(self):
        late = self._due(
            "Opens at Eleven",
            kam_contact_mon=True,
            kam_opening_hour_from=11.0,
            kam_opening_hour_to=12.5,
        )
        early = self._due("Any Time", kam_last_visit_date=MONDAY - timedelta(days=40))
        wizard = self._plan(max_visits_per_day=2)
        starts = {visit.partner_id: visit.planned_start for visit in wizard.visit_ids}
        self.assertEqual(starts[early], datetime(2030, 1, 7, 9, 0))
        self.assertEqual(starts[late], datetime(2030, 1, 7, 11, 0))
        reasons = {visit.partner_id: visit.plan_reason for visit in wizard.visit_ids}
        self.assertNotIn("Contact days", reasons[early])
        self.assertIn("Monday; 11:00-12:30", reasons[late])

    def test_opening_hours_in_the_account_time_zone(self):
        # 14:00-18:00 in Baku (UTC+4) is 10:00-14:00 UTC; the KAM works from 9 UTC.
        account = self._due(
            "Baku Shop", kam_opening_hour_from=14.0, kam_opening_hour_to=18.0
        )
        account.tz = "Asia/Baku"
        visit = self._plan().visit_ids
        self.assertEqual(visit.planned_start, datetime(2030, 1, 7, 10, 0))

    def test_no_working_time_on_preferred_days_is_a_leftover(self):
        account = self._due("Saturday Only", kam_contact_sat=True)
        closed_early = self._due(
            "Closes Before Work", kam_opening_hour_from=6.0, kam_opening_hour_to=8.5
        )
        wizard = self._plan()
        self.assertFalse(wizard.visit_ids)
        reasons = {item["partner_id"]: item["reason"] for item in wizard.leftovers}
        self.assertIn("Saturday", reasons[account.id])
        self.assertIn("works no time of the week", reasons[account.id])
        self.assertIn("06:00-08:30", reasons[closed_early.id])

    def test_full_preferred_day_moves_nothing_to_other_days(self):
        accounts = self._due("Tuesday A", kam_contact_tue=True) | self._due(
            "Tuesday B", kam_contact_tue=True
        )
        wizard = self._plan(max_visits_per_day=1)
        self.assertEqual(len(wizard.visit_ids), 1)
        self.assertEqual(
            self.company._kam_local_day(wizard.visit_ids.planned_start), TUESDAY
        )
        self.assertEqual(wizard.leftovers[0]["partner_id"], accounts[1].id)
        self.assertIn("daily limit", wizard.leftovers[0]["reason"])

    def test_bad_opening_hours(self):
        account = self._due("Bad Hours")
        for opens, closes in ((18.0, 9.0), (9.0, 25.0), (-1.0, 5.0), (10.0, 10.0)):
            with (
                self.subTest(opens=opens, closes=closes),
                self.assertRaisesRegex(ValidationError, "close after they open"),
            ):
                account.write(
                    {"kam_opening_hour_from": opens, "kam_opening_hour_to": closes}
                )

    def test_kam_sets_contact_hours_on_own_account(self):
        account = self._due("Form Account")
        with Form(account.with_user(self.user_kam)) as form:
            form.kam_contact_mon = True
            form.kam_opening_hour_from = 9.0
            form.kam_opening_hour_to = 13.0
        self.assertEqual(account.kam_contact_hours_summary, "Monday; 09:00-13:00")
