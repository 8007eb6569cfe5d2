# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common_visit_report import KamVisitReportCommon

JANUARY = (date(2030, 1, 1), date(2030, 1, 31))


@tagged("post_install", "-at_install")
class TestKpiChecklistCompliance(KamVisitReportCommon):
    """Share of the checklist questions of the done visits answered, credited to
    the KAM who made the visit on the visit's local day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi = cls.env.ref("kam_management.kam_kpi_checklist_compliance")

    def _done_visit(self, purposes=None, user=None, extra=(), **values):
        visit = self._report_visit(purposes=purposes, user=user, **values)
        self._answer_mandatory(visit)
        for item in extra:
            answer = self._answer(visit, item)
            if item.answer_type == "text":
                answer.value_text = "Noted"
            else:
                answer.value_number = 1
        with self._on_planned_day(visit):
            visit.action_done()
        return visit

    def _compute(self, users, date_from=JANUARY[0], date_to=JANUARY[1]):
        return self.kpi._kam_compute(users, date_from, date_to)

    def test_answered_share_of_done_visits(self):
        # 3 of 7 questions answered, then 1 of 1: 4 of 8.
        self._done_visit(extra=[self.item_text])
        self._done_visit(purposes=self.purpose_2)
        # 2 + 2 of 7 by kam2.
        self._done_visit(user=self.user_kam2, extra=[self.item_text, self.item_signed])
        # Open, cancelled and other months' visits do not count.
        self._report_visit()
        cancelled = self._report_visit()
        cancelled.action_cancel()
        self._done_visit(planned_start=datetime(2030, 2, 1, 10, 0))
        values = self._compute(self.user_kam | self.user_kam2 | self.user_manager)
        self.assertEqual(values[self.user_kam.id], 50.0)
        self.assertEqual(values[self.user_kam2.id], round(100 * 4 / 7, 2))
        self.assertEqual(values[self.user_manager.id], 0.0)

    def test_credited_to_the_kam_who_made_the_visit(self):
        """The backup KAM visiting account A is credited, not its owner."""
        self._done_visit(
            partner=self.account_a, user=self.user_kam2, extra=[self.item_text]
        )
        values = self._compute(self.user_kam | self.user_kam2)
        self.assertEqual(values[self.user_kam.id], 0.0)
        self.assertEqual(values[self.user_kam2.id], round(100 * 3 / 7, 2))

    def test_local_day_of_the_visit(self):
        """A visit checked in at 23:30 UTC on 30 November is a 1 December visit in
        Baku and a 30 November one in Honolulu."""
        for tz, moment, counted_in in (
            ("Asia/Baku", "2026-11-30 23:30:00", "december"),
            ("Pacific/Honolulu", "2026-11-30 23:30:00", "november"),
            ("Asia/Baku", "2026-12-01 00:30:00", "december"),
            ("Pacific/Honolulu", "2026-12-01 00:30:00", "november"),
        ):
            with self.subTest(tz=tz, moment=moment), self.cr.savepoint() as sp:
                self.company.partner_id.tz = tz
                visit = self._report_visit(
                    planned_start=datetime(2026, 11, 30, 12, 0)
                ).with_user(self.user_kam)
                with freeze_time(moment):
                    visit.action_check_in()
                self._answer_mandatory(visit)
                visit.action_done()
                november = self._compute(
                    self.user_kam, date(2026, 11, 1), date(2026, 11, 30)
                )
                december = self._compute(
                    self.user_kam, date(2026, 12, 1), date(2026, 12, 31)
                )
                expected = round(100 * 2 / 7, 2)
                self.assertEqual(
                    (november[self.user_kam.id], december[self.user_kam.id]),
                    (expected, 0.0) if counted_in == "november" else (0.0, expected),
                )
                sp.rollback()

    def _count_queries(self, users):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        values = self._compute(users)
        return self.env.cr.sql_log_count - before, values

    def test_queries_do_not_grow_with_visits(self):
        kams = self.user_kam | self.user_kam2
        self._done_visit()
        self._done_visit(user=self.user_kam2)
        self._count_queries(kams)  # warm-up
        queries, _values = self._count_queries(kams)
        for _index in range(5):
            self._done_visit()
            self._done_visit(user=self.user_kam2, purposes=self.purpose_2)
        more_queries, values = self._count_queries(kams)
        self.assertEqual(more_queries, queries)
        self.assertLessEqual(queries, 2)
        self.assertEqual(values[self.user_kam.id], round(100 * 12 / 42, 2))
        self.assertEqual(values[self.user_kam2.id], round(100 * 7 / 12, 2))
