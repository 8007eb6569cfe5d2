# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The weekly plan subscribes the followers of its contacts and their calendar
events in bulk: the same followers, with the same subtypes, as the ORM subscribes
one record at a time."""

from datetime import datetime, timedelta

from odoo.tests import tagged

from .common_visit import WEEK_START, KamVisitCommon


@tagged("post_install", "-at_install")
class TestVisitPlanFollowers(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as in production: chatter on (the common classes disable tracking)
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.accounts = cls.env["res.partner"].concat(
            *(
                cls._account(
                    f"Follow {user.login} {index}",
                    user=user,
                    kam_last_visit_date=WEEK_START - timedelta(days=30 + index),
                    kam_last_call_date=WEEK_START - timedelta(days=10 + index),
                )
                for user in (cls.user_kam, cls.user_kam2)
                for index in range(3)
            )
        )

    @staticmethod
    def _followers(record):
        return {
            follower.partner_id: follower.subtype_ids
            for follower in record.message_follower_ids
        }

    def test_followers_as_the_orm_subscribes_them(self):
        manager = self.user_manager
        wizard = self._wizard(users=self.user_kam | self.user_kam2).with_user(manager)
        wizard.action_generate()
        visits = wizard.visit_ids
        self.assertEqual(len(visits), 12, "a visit and a call per account")
        for kam in self.user_kam | self.user_kam2:
            # one contact created the ORM's way by the same user: mail.thread
            # subscribes the creator and the KAM, the event's attendee follows it
            reference = (
                self.env["kam.visit"]
                .with_user(manager)
                .create(
                    {
                        "partner_id": self.accounts[0].id,
                        "user_id": kam.id,
                        "planned_start": datetime(2030, 2, 4, 10, 0),
                    }
                )
            )
            event_reference = (
                self.env["calendar.event"]
                .with_user(manager)
                .create(
                    {
                        "name": "Reference",
                        "start": datetime(2030, 2, 4, 10, 0),
                        "stop": datetime(2030, 2, 4, 11, 0),
                        "partner_ids": kam.partner_id.ids,
                    }
                )
            )
            kam_subtypes = self._followers(event_reference)[kam.partner_id]
            planned = visits.filtered(lambda v, kam=kam: v.user_id == kam)
            self.assertEqual(len(planned), 6)
            for visit in planned:
                self.assertEqual(self._followers(visit), self._followers(reference))
                self.assertEqual(
                    self._followers(visit.calendar_event_id),
                    {kam.partner_id: kam_subtypes},
                )
                self.assertFalse(
                    visit.message_ids, "no creation message nor notification"
                )

    def test_planning_keeps_the_done_contact_dates(self):
        """The accounts' last and next contact dates and overdue flags are not
        recomputed when contacts are planned: they are what a recomputation gives."""
        partner_fields = self.accounts._kam_done_contact_fields()
        before = self.accounts.read([field.name for field in partner_fields])
        self._wizard(users=self.user_kam | self.user_kam2).action_generate()
        self.env.flush_all()
        self.env.invalidate_all()
        for field in partner_fields:
            self.env.add_to_compute(field, self.accounts)
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(
            self.accounts.read([field.name for field in partner_fields]), before
        )
