# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command

from .common import KamCommon

# A Monday far enough ahead that "today" never falls inside the planned week.
WEEK_START = date(2030, 1, 7)


class KamVisitCommon(KamCommon):
    """Key accounts with a visit/call cadence and KAMs working a 5-day week in UTC."""

    @staticmethod
    @contextmanager
    def _on_planned_day(visit):
        """The clock at ``visit``'s planned start: a visit is marked done from its
        planned day on (business calendar), and the visits here are planned ahead."""
        with freeze_time(visit.planned_start):
            yield

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "KAM week 9-17 UTC",
                "tz": "UTC",
                "company_id": cls.company.id,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day} {period}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for period, hour_from, hour_to in (
                        ("morning", 9, 13),
                        ("afternoon", 14, 17),
                    )
                ],
            }
        )
        for employee in (
            cls.employee_kam,
            cls.employee_kam2,
            cls.employee_manager,
            cls.employee_director,
        ):
            employee.write({"resource_calendar_id": cls.calendar.id, "tz": "UTC"})
        (cls.user_kam | cls.user_kam2 | cls.user_manager | cls.user_director).write(
            {"tz": "UTC"}
        )
        cls.tier = cls.env["kam.tier"].create(cls._tier_values())
        # The shared accounts of KamCommon are contacted until after the planned weeks.
        (cls.account_a | cls.account_b | cls.account_c).write(
            {
                "kam_last_visit_date": date(2031, 1, 1),
                "kam_last_call_date": date(2031, 1, 1),
            }
        )

    @classmethod
    def _tier_values(cls):
        return {
            "name": "Visit Test",
            "code": "VISIT_TEST",
            "visit_interval_days": 28,
            "call_interval_days": 7,
            "company_id": cls.company.id,
        }

    @classmethod
    def _account(cls, name, user=None, **values):
        vals = {
            "name": name,
            "is_company": True,
            "kam_tier_id": cls.tier.id,
            "kam_user_id": (user or cls.user_kam).id,
        }
        vals.update(values)
        return cls.env["res.partner"].create(vals)

    def _visit(self, partner=None, user=None, **values):
        vals = {
            "partner_id": (partner or self.account).id,
            "user_id": (user or self.user_kam).id,
            "planned_start": datetime(2030, 1, 8, 10, 0),
        }
        vals.update(values)
        return self.env["kam.visit"].create(vals)

    def _wizard(self, users=None, **values):
        vals = {
            "week_start": WEEK_START,
            "user_ids": [Command.set((users or self.user_kam).ids)],
            "max_visits_per_day": 4,
            "max_calls_per_day": 10,
        }
        vals.update(values)
        return self.env["kam.visit.plan.wizard"].create(vals)

    @staticmethod
    def _days_before(day, days):
        return day - timedelta(days=days)
