# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import datetime, timedelta

from pytz import utc

from odoo.tests import BaseCase, tagged

from ..models.kam_visit_planner_tools import first_free_slot


@tagged("post_install", "-at_install")
class TestVisitPlannerTools(BaseCase):
    def test_first_free_slot_of_a_free_day(self):
        """A day without busy slots (the planner's question for every day of every
        contact) gives the slot the general search gives."""
        rng = random.Random(13)
        day = utc.localize(datetime(2030, 1, 7))
        # a busy slot the day after: the general search, the same free day
        elsewhere = [(day + timedelta(days=1), day + timedelta(days=1, hours=1))]
        for _ in range(500):
            intervals = []
            for _ in range(rng.randint(0, 4)):
                start = day + timedelta(minutes=15 * rng.randint(0, 80))
                intervals.append(
                    (start, start + timedelta(minutes=15 * rng.randint(1, 16)))
                )
            rng.shuffle(intervals)
            hours = rng.choice((0.25, 0.5, 1.0, 2.5))
            self.assertEqual(
                first_free_slot(intervals, [], hours),
                first_free_slot(intervals, elsewhere, hours),
                (intervals, hours),
            )
