# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.tests import Form, tagged

from .common_visit import KamVisitCommon


@tagged("post_install", "-at_install")
class TestVisitCalendar(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls._account("Caspian Retail")

    def test_create_makes_event_with_kam_attending(self):
        visit = self._visit(objective="Present the spring range")
        event = visit.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start, datetime(2030, 1, 8, 10, 0))
        self.assertEqual(event.stop, datetime(2030, 1, 8, 11, 0))
        self.assertEqual(event.user_id, self.user_kam)
        self.assertEqual(event.partner_ids, self.user_kam.partner_id)
        self.assertEqual((event.res_model, event.res_id), ("kam.visit", visit.id))
        self.assertEqual(event.name, "Visit: Caspian Retail")
        self.assertFalse(
            visit.activity_ids, "the event adds no meeting activity to the visit"
        )

    def test_form_created_call_is_short(self):
        with Form(self.env["kam.visit"].with_user(self.user_kam)) as form:
            form.partner_id = self.account
            form.visit_type = "call"
            form.planned_start = datetime(2030, 1, 9, 9, 0)
        visit = form.record
        self.assertEqual(visit.duration, 0.25)
        self.assertEqual(visit.user_id, self.user_kam)
        self.assertEqual(visit.calendar_event_id.stop, datetime(2030, 1, 9, 9, 15))

    def test_moving_visit_moves_event(self):
        visit = self._visit()
        visit.write({"planned_start": datetime(2030, 1, 10, 14, 0), "duration": 2.0})
        self.assertEqual(visit.calendar_event_id.start, datetime(2030, 1, 10, 14, 0))
        self.assertEqual(visit.calendar_event_id.stop, datetime(2030, 1, 10, 16, 0))
        visit.user_id = self.user_kam2
        self.assertEqual(visit.calendar_event_id.user_id, self.user_kam2)
        self.assertEqual(visit.calendar_event_id.partner_ids, self.user_kam2.partner_id)

    def test_moving_event_moves_visit(self):
        visit = self._visit()
        event = visit.calendar_event_id
        event.with_user(self.user_kam).write(
            {
                "start": datetime(2030, 1, 11, 15, 0),
                "stop": datetime(2030, 1, 11, 15, 30),
            }
        )
        self.assertEqual(visit.planned_start, datetime(2030, 1, 11, 15, 0))
        self.assertAlmostEqual(visit.duration, 0.5)

    def test_cancel_visit_removes_event_and_replanning_restores_it(self):
        visit = self._visit()
        event = visit.calendar_event_id
        visit.action_cancel()
        self.assertFalse(event.exists())
        self.assertFalse(visit.calendar_event_id)
        visit.action_reset_to_planned()
        self.assertEqual(visit.state, "planned")
        self.assertEqual(visit.calendar_event_id.start, visit.planned_start)

    def test_deleting_event_cancels_visit(self):
        visit = self._visit()
        visit.calendar_event_id.with_user(self.user_kam).unlink()
        self.assertEqual(visit.state, "cancelled")
        self.assertFalse(visit.calendar_event_id)

    def test_archiving_event_cancels_visit(self):
        visit = self._visit()
        visit.calendar_event_id.action_archive()
        self.assertEqual(visit.state, "cancelled")

    def test_deleting_visit_deletes_event(self):
        visit = self._visit()
        event = visit.calendar_event_id
        visit.unlink()
        self.assertFalse(event.exists())

    def test_moving_missed_visit_to_future_plans_it_again(self):
        visit = self._visit(planned_start=datetime.now() - timedelta(days=5))
        visit.state = "missed"
        visit.calendar_event_id.write(
            {"start": datetime(2030, 2, 1, 9, 0), "stop": datetime(2030, 2, 1, 10, 0)}
        )
        self.assertEqual(visit.state, "planned")
        self.assertEqual(visit.planned_start, datetime(2030, 2, 1, 9, 0))
