# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The events mirroring visits are inserted in SQL (calendar_event_mirror.py): every
column of the events, their attendees, partners and followers holds what the ORM
stores when it creates the same events."""

import re
from datetime import datetime
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import SQL

from ..models import calendar_event_mirror
from .common_visit import KamVisitCommon

MIRROR_CONTEXT = {
    "kam_visit_sync": True,
    "no_mail_to_attendees": True,
    "dont_notify": True,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestVisitCalendarMirror(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as in production: chatter on (the common classes disable tracking)
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.account = cls._account(
            "Mirror Retail",
            street="12 Nizami Street",
            city="Baku",
            zip="AZ1000",
            country_id=cls.env.ref("base.az").id,
        )
        cls.account_2 = cls._account("Mirror Wholesale", user=cls.user_kam2)

    def _visits(self):
        """Visits and calls of both KAMs, without their events yet."""
        return (
            self.env["kam.visit"]
            .with_context(kam_visit_no_event=True)
            .create(
                [
                    {
                        "partner_id": account.id,
                        "user_id": account.kam_user_id.id,
                        "visit_type": visit_type,
                        "planned_start": datetime(2030, 1, 8, 9 + hour),
                        "objective": objective,
                    }
                    for hour, (account, visit_type, objective) in enumerate(
                        (
                            (self.account, "visit", "Present the <b>spring</b> range"),
                            (self.account, "call", False),
                            (self.account_2, "video", "Prices\nand terms"),
                            (self.account_2, "visit", False),
                        )
                    )
                ]
            )
        )

    def _rows(self, table, column, ids, drop=("id",)):
        rows = self.env.execute_query_dict(
            SQL(
                "SELECT * FROM %s WHERE %s IN %s ORDER BY %s, id",
                SQL.identifier(table),
                SQL.identifier(column),
                tuple(ids),
                SQL.identifier(column),
            )
        )
        return [{k: v for k, v in row.items() if k not in drop} for row in rows]

    def _followers(self, events):
        return self.env.execute_query_dict(
            SQL(
                "SELECT f.res_id, f.partner_id, ARRAY_AGG(r.mail_message_subtype_id"
                " ORDER BY r.mail_message_subtype_id) AS subtypes"
                " FROM mail_followers f"
                " LEFT JOIN mail_followers_mail_message_subtype_rel r"
                " ON r.mail_followers_id = f.id"
                " WHERE f.res_model = 'calendar.event' AND f.res_id IN %s"
                " GROUP BY f.id ORDER BY f.res_id, f.partner_id",
                tuple(events.ids),
            )
        )

    def _both_ways(self, user):
        """The events of the same visits created by ``user`` through the insert
        and through the ORM, flushed: (inserted, created)."""
        visits = self._visits()
        vals_list = visits._kam_event_create_values()
        event_model = self.env["calendar.event"].with_user(user)
        self.assertIsNotNone(
            event_model.sudo()
            .with_context(**MIRROR_CONTEXT)
            ._kam_mirror_defaults(vals_list),
            "the events are inserted in SQL",
        )
        inserted = event_model._kam_create_mirrors([dict(v) for v in vals_list])
        created = (
            event_model.sudo()
            .with_context(**MIRROR_CONTEXT)
            .create([dict(v) for v in vals_list])
        )
        # by the same user (the ORM's computed columns are written at the flush,
        # as whoever flushes)
        event_model.env.flush_all()
        return inserted, created

    def _assert_same_rows(self, inserted, created):
        # the events: every column
        self.assertEqual(
            self._rows("calendar_event", "id", inserted.ids),
            self._rows("calendar_event", "id", created.ids),
        )
        # the attendees: every column but the event and the invitation token, one
        # of its own per attendee
        new = self._rows("calendar_attendee", "event_id", inserted.ids)
        old = self._rows("calendar_attendee", "event_id", created.ids)
        self.assertEqual(len(new), len(old))
        self.assertEqual(
            [row["event_id"] for row in new],
            inserted.ids,
        )
        tokens = [row.pop("access_token") for row in new]
        self.assertEqual(len(set(tokens)), len(tokens))
        self.assertTrue(all(re.fullmatch("[0-9a-f]{32}", token) for token in tokens))
        for row in old:
            self.assertTrue(row.pop("access_token"))
        for rows in (new, old):
            for row in rows:
                row.pop("event_id")
        self.assertEqual(new, old)
        # the partners, the followers and their subtypes, event by event
        for event, reference in zip(inserted, created, strict=True):
            self.assertEqual(event.partner_ids, reference.partner_ids)
            self.assertEqual(
                [
                    {k: v for k, v in row.items() if k != "res_id"}
                    for row in self._followers(event)
                ],
                [
                    {k: v for k, v in row.items() if k != "res_id"}
                    for row in self._followers(reference)
                ],
            )
        # neither way posts a message, plans an activity or sets an alarm
        for events in (inserted, created):
            self.assertFalse(events.message_ids)
            self.assertFalse(events.activity_ids)
            self.assertFalse(events.alarm_ids)

    def test_inserted_as_the_orm_creates_them(self):
        for user in (self.user_manager, self.user_kam):
            with self.subTest(user=user.login):
                inserted, created = self._both_ways(user)
                self.assertEqual(len(inserted), 4)
                self._assert_same_rows(inserted, created)
                # the KAM planning their own contacts accepts their attendance
                states = inserted.attendee_ids.filtered(
                    lambda a, user=user: a.partner_id == user.partner_id
                ).mapped("state")
                self.assertEqual(set(states), {"accepted"} if states else set())

    def test_read_back_through_the_orm(self):
        """What the insert leaves in the cache is read again: the KAM's meetings,
        the events' attendees and followers."""
        kam_partner = self.user_kam.partner_id
        before = kam_partner.meeting_ids
        visits = self._visits()
        events = self.env["calendar.event"]._kam_create_mirrors(
            visits._kam_event_create_values()
        )
        mine = events.filtered(lambda e: e.user_id == self.user_kam)
        self.assertEqual(len(mine), 2)
        self.assertEqual(kam_partner.meeting_ids, before | mine)
        for event in events:
            self.assertEqual(event.attendee_ids.partner_id, event.user_id.partner_id)
            self.assertEqual(event.message_partner_ids, event.user_id.partner_id)
            self.assertEqual(event.res_model, "kam.visit")
            self.assertFalse(event.start_date)

    def test_orm_when_the_insert_does_not_know_every_field(self):
        """A stored field the insert does not fill (another module's), or values
        it does not handle: the events are created through the ORM."""
        visits = self._visits()
        vals_list = visits._kam_event_create_values()
        event_model = self.env["calendar.event"].sudo().with_context(**MIRROR_CONTEXT)
        fields = calendar_event_mirror.EVENT_FIELDS - {"privacy"}
        with patch.object(calendar_event_mirror, "EVENT_FIELDS", fields):
            self.assertIsNone(event_model._kam_mirror_defaults(vals_list))
        allday = [dict(vals, allday=True) for vals in vals_list]
        self.assertIsNone(event_model._kam_mirror_defaults(allday))
        with (
            patch.object(calendar_event_mirror, "ATTENDEE_FIELDS", {"id", "event_id"}),
            patch.object(
                type(event_model), "_kam_insert_mirrors", side_effect=AssertionError
            ),
        ):
            visits._kam_create_events()
        for visit in visits:
            self.assertEqual(visit.calendar_event_id.start, visit.planned_start)
            self.assertEqual(
                visit.calendar_event_id.attendee_ids.partner_id,
                visit.user_id.partner_id,
            )
