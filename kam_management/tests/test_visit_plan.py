# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter
from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_visit import WEEK_START, KamVisitCommon

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = (
    WEEK_START + timedelta(days=n) for n in range(5)
)


@tagged("post_install", "-at_install")
class TestVisitPlan(KamVisitCommon):
    def _due_accounts(self, count, due_on=MONDAY, user=None, prefix="Account"):
        """``count`` accounts whose visit fell due ``due_on`` minus 0..count-1 days.

        Account 0 is the least overdue, the last one the most. Calls are not due in the
        week.
        """
        return self.env["res.partner"].concat(
            *(
                self._account(
                    f"{prefix} {index:02d}",
                    user=user,
                    kam_last_visit_date=due_on - timedelta(days=28 + index),
                    kam_last_call_date=MONDAY,
                )
                for index in range(count)
            )
        )

    def _per_day(self, visits):
        return Counter(
            self.company._kam_local_day(visit.planned_start) for visit in visits
        )

    def test_caps_and_leftovers_most_overdue_first(self):
        accounts = self._due_accounts(12)
        wizard = self._wizard(max_visits_per_day=2)
        wizard.action_generate()
        visits = wizard.visit_ids
        self.assertEqual(len(visits), 10)
        self.assertEqual(wizard.state, "done")
        self.assertTrue(all(count <= 2 for count in self._per_day(visits).values()))
        self.assertEqual(
            set(self._per_day(visits)), {MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY}
        )
        # The two least overdue did not fit: reported, not dropped.
        self.assertEqual(wizard.leftover_count, 2)
        self.assertEqual(
            {item["partner_id"] for item in wizard.leftovers}, set(accounts[:2].ids)
        )
        self.assertIn("daily limit", wizard.leftovers[0]["reason"])
        self.assertIn(accounts[0].name, wizard.leftover_html)
        # The most overdue account is visited first thing on Monday.
        first = visits.sorted("planned_start")[0]
        self.assertEqual(first.partner_id, accounts[-1])
        self.assertEqual(first.planned_start, datetime(2030, 1, 7, 9, 0))
        self.assertEqual(
            first.plan_reason, "39 days since the last visit; visit every 28 days."
        )
        self.assertTrue(
            all(visit.is_generated and visit.calendar_event_id for visit in visits)
        )

    def test_call_cap_is_separate(self):
        for index in range(8):
            self._account(
                f"Caller {index}",
                kam_last_visit_date=MONDAY,
                kam_last_call_date=MONDAY - timedelta(days=7),
            )
        wizard = self._wizard(max_calls_per_day=1, max_visits_per_day=0)
        wizard.action_generate()
        self.assertEqual(len(wizard.visit_ids), 5)
        self.assertEqual(set(wizard.visit_ids.mapped("visit_type")), {"call"})
        self.assertEqual(wizard.leftover_count, 3)
        self.assertEqual(wizard.visit_ids.mapped("duration"), [0.25] * 5)

    def test_leave_days_and_public_holidays_are_skipped(self):
        self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "Annual leave",
                    "resource_id": self.employee_kam.resource_id.id,
                    "calendar_id": self.calendar.id,
                    "date_from": datetime(2030, 1, 8, 0, 0),
                    "date_to": datetime(2030, 1, 8, 23, 59, 59),
                },
                {
                    "name": "Public holiday",
                    "calendar_id": self.calendar.id,
                    "company_id": self.company.id,
                    "date_from": datetime(2030, 1, 10, 0, 0),
                    "date_to": datetime(2030, 1, 10, 23, 59, 59),
                },
            ]
        )
        self._due_accounts(12)
        wizard = self._wizard(max_visits_per_day=2)
        wizard.action_generate()
        days = self._per_day(wizard.visit_ids)
        self.assertEqual(set(days), {MONDAY, WEDNESDAY, FRIDAY})
        self.assertEqual(len(wizard.visit_ids), 6)
        self.assertEqual(wizard.leftover_count, 6)

    def test_whole_week_on_leave_reports_everything(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "resource_id": self.employee_kam.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": datetime(2030, 1, 5, 0, 0),
                "date_to": datetime(2030, 1, 14, 0, 0),
            }
        )
        self._due_accounts(3)
        wizard = self._wizard()
        wizard.action_generate()
        self.assertFalse(wizard.visit_ids)
        self.assertEqual(wizard.leftover_count, 3)
        self.assertIn("No working day", wizard.leftovers[0]["reason"])

    def test_running_twice_creates_nothing_new(self):
        self._due_accounts(12)
        first = self._wizard(max_visits_per_day=2)
        first.action_generate()
        count = self.env["kam.visit"].search_count([])
        second = self._wizard(max_visits_per_day=2)
        second.action_generate()
        self.assertFalse(second.visit_ids)
        self.assertEqual(self.env["kam.visit"].search_count([]), count)
        # The days are full: what did not fit the first time is reported again.
        self.assertEqual(second.leftover_count, 2)

    def test_account_with_contact_in_week_is_skipped_and_uses_the_slot(self):
        accounts = self._due_accounts(3)
        # An off-schedule visit already planned on Monday for the most overdue account.
        self._visit(partner=accounts[-1], planned_start=datetime(2030, 1, 7, 15, 0))
        wizard = self._wizard(max_visits_per_day=1)
        wizard.action_generate()
        self.assertEqual(wizard.visit_ids.partner_id, accounts[:2])
        self.assertNotIn(MONDAY, self._per_day(wizard.visit_ids), "Monday is full")

    def test_not_due_and_prospects(self):
        self._account(
            "Visited yesterday",
            kam_last_visit_date=MONDAY - timedelta(days=1),
            kam_last_call_date=MONDAY,
        )
        prospect = self._account(
            "Prospect",
            kam_tier_id=False,
            kam_visit_interval_days=30,
            kam_last_visit_date=MONDAY - timedelta(days=60),
            kam_last_call_date=MONDAY,
        )
        wizard = self._wizard()
        wizard.action_generate()
        self.assertFalse(wizard.visit_ids)
        with_prospects = self._wizard(include_prospects=True)
        with_prospects.action_generate()
        self.assertEqual(with_prospects.visit_ids.partner_id, prospect)

    def test_other_kams_accounts_are_not_planned(self):
        self._due_accounts(2, user=self.user_kam2, prefix="Other")
        mine = self._due_accounts(1)
        wizard = self._wizard()
        wizard.action_generate()
        self.assertEqual(wizard.visit_ids.partner_id, mine)
        both = self._wizard(users=self.user_kam | self.user_kam2)
        both.action_generate()
        self.assertEqual(both.visit_ids.user_id, self.user_kam2)

    def test_nearest_neighbour_route_and_lunch_break(self):
        # All due on Friday: the five visits share that day.
        coordinates = [
            (40.40, 49.80),
            (40.40, 50.30),
            (40.40, 49.85),
            None,
            (40.40, 50.00),
        ]
        accounts = self.env["res.partner"]
        for index, point in enumerate(coordinates):
            accounts |= self._account(
                f"Stop {index}",
                kam_last_visit_date=FRIDAY - timedelta(days=28),
                kam_last_call_date=MONDAY,
                partner_latitude=point[0] if point else 0.0,
                partner_longitude=point[1] if point else 0.0,
            )
        wizard = self._wizard(max_visits_per_day=5)
        wizard.action_generate()
        route = wizard.visit_ids.sorted("planned_start")
        self.assertEqual(
            route.partner_id.mapped("name"),
            ["Stop 0", "Stop 2", "Stop 4", "Stop 1", "Stop 3"],
            "nearest neighbour from the first stop, the stop without coordinates last",
        )
        self.assertEqual(
            route.mapped("planned_start"),
            [
                datetime(2030, 1, 11, 9, 0),
                datetime(2030, 1, 11, 10, 0),
                datetime(2030, 1, 11, 11, 0),
                datetime(2030, 1, 11, 12, 0),
                datetime(2030, 1, 11, 14, 0),
            ],
        )

    def test_never_contacted_reason(self):
        account = self._account("Brand New", kam_last_call_date=MONDAY)
        wizard = self._wizard()
        wizard.action_generate()
        self.assertEqual(wizard.visit_ids.partner_id, account)
        self.assertEqual(
            wizard.visit_ids.plan_reason, "No visit recorded yet; visit every 28 days."
        )

    def test_bad_inputs(self):
        with self.assertRaisesRegex(UserError, "Choose the KAMs"):
            self._wizard(user_ids=[fields.Command.clear()]).action_generate()
        with self.assertRaisesRegex(UserError, "at least one visit or one call"):
            self._wizard(max_visits_per_day=0, max_calls_per_day=0).action_generate()
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            self._wizard(max_visits_per_day=-1).action_generate()

    def test_wizard_form_as_kam(self):
        self._due_accounts(2)
        form = Form(self.env["kam.visit.plan.wizard"].with_user(self.user_kam))
        self.assertEqual(form.week_start.weekday(), 0)
        self.assertEqual(form.max_visits_per_day, 4)
        self.assertEqual(form.max_calls_per_day, 10)
        form.week_start = WEEK_START
        wizard = form.save()
        action = wizard.action_generate()
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(len(wizard.visit_ids), 2)
        self.assertEqual(wizard.visit_ids.create_uid, self.user_kam)

    def test_weekly_cron_on_plan_day(self):
        today = self.env.company._kam_today()
        next_monday = today + timedelta(days=7 - today.weekday())
        account = self._account("Cron Account", kam_last_call_date=next_monday)
        self.company.kam_visit_plan_weekday = str((today.weekday() + 1) % 7)
        self.env["kam.visit.planner"]._cron_generate_weekly_plan()
        self.assertFalse(account.kam_visit_ids)
        self.company.kam_visit_plan_weekday = str(today.weekday())
        self.env["kam.visit.planner"]._cron_generate_weekly_plan()
        visit = account.kam_visit_ids
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.user_id, self.user_kam)
        self.assertEqual(self.company._kam_local_day(visit.planned_start), next_monday)
        self.assertIsInstance(next_monday, date)

    def test_weekly_cron_reports_leftovers_to_the_kam(self):
        today = self.env.company._kam_today()
        next_monday = today + timedelta(days=7 - today.weekday())
        for index in range(7):
            self._account(f"Due {index}", kam_last_call_date=next_monday)
        self.company.write(
            {"kam_visit_plan_weekday": str(today.weekday()), "kam_visit_max_per_day": 1}
        )
        self.env["kam.visit.planner"]._cron_generate_weekly_plan()
        note = self.env["mail.message"].search(
            [
                ("partner_ids", "in", self.user_kam.partner_id.ids),
                ("subject", "like", "Weekly plan"),
            ]
        )
        self.assertEqual(len(note), 1)
        self.assertIn("2 contacts did not fit", note.subject)
        self.assertIn("Due ", note.body)

    def test_kam_plans_own_week_only_manager_plans_team(self):
        self._due_accounts(1)
        self._due_accounts(1, user=self.user_kam2, prefix="Team")
        wizard = self._wizard(users=self.user_kam | self.user_kam2).with_user(
            self.user_kam
        )
        with self.assertRaisesRegex(UserError, "your own week only"):
            wizard.action_generate()
        team = self._wizard(users=self.user_kam | self.user_kam2).with_user(
            self.user_manager
        )
        team.action_generate()
        self.assertEqual(team.visit_ids.user_id, self.user_kam | self.user_kam2)
