# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_visit_report import KamVisitReportCommon


@tagged("post_install", "-at_install")
class TestVisitProof(KamVisitReportCommon):
    """Check-in and check-out: times, the browser's position when shared, and the
    rules of who and when."""

    def _kam_visit(self, **values):
        return self._visit(**values).with_user(self.user_kam)

    def test_check_in_and_out_with_location(self):
        visit = self._kam_visit()
        with freeze_time("2030-01-08 10:02:00"):
            visit.action_check_in(latitude=40.4093, longitude=49.8671, accuracy=15.4)
        with freeze_time("2030-01-08 11:10:00"):
            visit.action_check_out(latitude="40.41", longitude="49.87", accuracy=None)
        self.assertEqual(visit.check_in, datetime(2030, 1, 8, 10, 2))
        self.assertEqual(visit.check_out, datetime(2030, 1, 8, 11, 10))
        self.assertTrue(visit.check_in_located)
        self.assertAlmostEqual(visit.check_in_latitude, 40.4093)
        self.assertAlmostEqual(visit.check_in_longitude, 49.8671)
        self.assertAlmostEqual(visit.check_in_accuracy, 15.4)
        self.assertEqual(visit.check_in_location, "40.409300, 49.867100 (within 15 m)")
        self.assertEqual(visit.check_in_geo_uri, "geo:40.409300,49.867100;u=15")
        self.assertEqual(visit.check_out_geo_uri, "geo:40.410000,49.870000;u=0")

    def test_check_in_without_location(self):
        """A browser that denies or lacks a position still checks in, without
        coordinates (not at 0, 0)."""
        visit = self._kam_visit()
        visit.action_check_in()
        self.assertTrue(visit.check_in)
        self.assertFalse(visit.check_in_located)
        self.assertFalse(visit.check_in_location)
        self.assertFalse(visit.check_in_geo_uri)
        visit.action_check_out(latitude=None, longitude=None, accuracy=None)
        self.assertTrue(visit.check_out)
        self.assertFalse(visit.check_out_located)

    def test_visit_day_is_the_local_day_of_the_check_in(self):
        self.company.partner_id.tz = "Asia/Baku"
        visit = self._kam_visit(planned_start=datetime(2030, 1, 8, 10, 0))
        self.assertEqual(visit.visit_day, date(2030, 1, 8))
        # 21:30 UTC on 9 January is 01:30 on 10 January in Baku.
        with freeze_time("2030-01-09 21:30:00"):
            visit.action_check_in()
        self.assertEqual(visit.visit_day, date(2030, 1, 10))

    def test_no_check_out_before_check_in(self):
        visit = self._kam_visit()
        with self.assertRaisesRegex(UserError, "Check in to .* before checking out"):
            visit.action_check_out()
        self.assertFalse(visit.check_out)

    def test_no_check_in_of_cancelled_or_done_visit(self):
        cancelled = self._kam_visit()
        cancelled.action_cancel()
        with self.assertRaisesRegex(UserError, "is Cancelled"):
            cancelled.action_check_in()
        done = self._kam_visit(outcome="Order taken")
        with self._on_planned_day(done):
            done.action_done()
        with self.assertRaisesRegex(UserError, "is Done"):
            done.action_check_in()
        self.assertFalse(any((cancelled | done).mapped("check_in")))

    def test_missed_visit_can_still_be_proven(self):
        visit = self._kam_visit()
        visit.sudo().state = "missed"
        visit.action_check_in()
        visit.action_check_out()
        self.assertTrue(visit.check_out)

    def test_check_out_once_after_done(self):
        """Closing the report before leaving is fine; the check-out comes after."""
        visit = self._kam_visit(outcome="Order taken")
        visit.action_check_in()
        visit.action_done()
        visit.action_check_out()
        with self.assertRaisesRegex(UserError, "already checked out"):
            visit.action_check_out()
        with self.assertRaisesRegex(UserError, "already checked into"):
            visit.action_check_in()

    def test_no_check_out_of_cancelled_visit(self):
        visit = self._kam_visit()
        visit.action_check_in()
        visit.action_cancel()
        with self.assertRaisesRegex(UserError, "cancelled: it cannot be checked out"):
            visit.action_check_out()

    def test_only_the_visit_kam_proves_presence(self):
        visit = self._visit()
        for user in (self.user_manager, self.user_kam2, self.user_director):
            with self.assertRaisesRegex(UserError, "Only .* the KAM of"):
                visit.with_user(user).action_check_in()
        self.assertFalse(visit.check_in)

    def test_calls_have_no_check_in(self):
        call = self._kam_visit(visit_type="call")
        self.assertFalse(call.is_on_site)
        with self.assertRaisesRegex(UserError, "Only a visit at the client's"):
            call.action_check_in()

    def test_position_must_be_on_earth(self):
        visit = self._kam_visit()
        for latitude, longitude, accuracy in (
            (91, 10, 5),
            (-91, 10, 5),
            (10, 181, 5),
            (10, -180.5, 5),
            (10, 10, -1),
            ("north", 10, 5),
            (float("nan"), 10, 5),
            (10, None, 5),
            (10, 10, float("inf")),
        ):
            with self.assertRaisesRegex(ValidationError, "not a place on Earth"):
                visit.action_check_in(
                    latitude=latitude, longitude=longitude, accuracy=accuracy
                )
        self.assertFalse(visit.check_in)

    def test_proof_is_written_by_the_buttons_only(self):
        visit = self._kam_visit()
        for vals in (
            {"check_in": "2030-01-08 10:00:00"},
            {"check_out_latitude": 1.0},
            {"check_in_located": True},
        ):
            with self.assertRaisesRegex(UserError, "recorded with their buttons"):
                visit.write(vals)
        visit.action_check_in()
        with self.assertRaisesRegex(UserError, "recorded with their buttons"):
            visit.write({"check_in": False})

    def test_times_are_consistent(self):
        visit = self._visit().with_context(kam_visit_proof=True)
        with self.assertRaisesRegex(ValidationError, "without a check-in"):
            visit.write({"check_out": "2030-01-08 11:00:00"})
        with self.assertRaisesRegex(ValidationError, "before it was checked in"):
            visit.write(
                {"check_in": "2030-01-08 11:00:00", "check_out": "2030-01-08 10:00:00"}
            )

    def test_copy_drops_the_proof(self):
        visit = self._kam_visit()
        visit.action_check_in(latitude=1, longitude=2, accuracy=3)
        copy = visit.sudo().copy()
        self.assertFalse(copy.check_in)
        self.assertFalse(copy.check_in_located)
