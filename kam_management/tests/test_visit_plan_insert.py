# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The weekly plan inserts its contacts and their calendar events in SQL
(kam_visit_insert.py, calendar_event_mirror.py): the same plan made through the ORM
stores the same rows, column by column, for the contacts, their events, attendees
and followers."""

from contextlib import ExitStack
from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from ..models import kam_visit_insert
from .common_visit import WEEK_START, KamVisitCommon


@tagged("post_install", "-at_install")
class TestVisitPlanInsert(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as in production: chatter on (the common classes disable tracking)
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.accounts = cls.env["res.partner"].concat(
            *(
                cls._account(
                    f"Insert {user.login} {index}",
                    user=user,
                    street=f"{index} Nizami Street",
                    city="Baku",
                    kam_last_visit_date=WEEK_START - timedelta(days=30 + index),
                    kam_last_call_date=WEEK_START - timedelta(days=10 + index),
                    kam_contact_tue=bool(index % 2),
                )
                for user in (cls.user_kam, cls.user_kam2)
                for index in range(4)
            )
        )
        prospect = cls.env["res.partner"].create(
            {"name": "Insert Prospect", "is_company": True}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Insert opportunity",
                "type": "opportunity",
                "partner_id": prospect.id,
                "user_id": cls.user_kam.id,
                "kam_next_contact_date": WEEK_START + timedelta(days=1),
            }
        )

    def _query(self, query, *args):
        return self.env.execute_query_dict(SQL(query, *args))

    def _plan_rows(self, user, kams):
        """The rows a plan of ``kams`` by ``user`` stores, the ids replaced by what
        they stand for (the contact's account and type)."""
        wizard = self._wizard(users=kams, include_prospects=True).with_user(user)
        wizard.action_generate()
        # the ORM writes its computed columns at the flush, as whoever flushes
        wizard.env.flush_all()
        visits = wizard.visit_ids
        key = {visit.id: (visit.partner_id.id, visit.visit_type) for visit in visits}
        event_key = {visit.calendar_event_id.id: key[visit.id] for visit in visits}
        self.assertEqual(len(event_key), len(visits), "an event per contact")
        rows = {}
        for row in self._query("SELECT * FROM kam_visit WHERE id IN %s", visits._ids):
            row["calendar_event_id"] = event_key[row["calendar_event_id"]]
            rows["visit", key[row.pop("id")]] = row
        events = tuple(event_key)
        for row in self._query("SELECT * FROM calendar_event WHERE id IN %s", events):
            row["res_id"] = key[row["res_id"]]
            rows["event", event_key[row.pop("id")]] = row
        for row in self._query(
            "SELECT * FROM calendar_attendee WHERE event_id IN %s", events
        ):
            row.pop("id")
            self.assertRegex(row.pop("access_token"), "^[0-9a-f]{32}$")
            rows["attendee", event_key[row.pop("event_id")], row["partner_id"]] = row
        for row in self._query(
            "SELECT * FROM calendar_event_res_partner_rel"
            " WHERE calendar_event_id IN %s",
            events,
        ):
            rows["partner", event_key[row["calendar_event_id"]]] = row["res_partner_id"]
        for model, keys in (("kam.visit", key), ("calendar.event", event_key)):
            for row in self._query(
                "SELECT f.res_id, f.partner_id, ARRAY_AGG("
                "r.mail_message_subtype_id ORDER BY r.mail_message_subtype_id) AS s"
                " FROM mail_followers f"
                " LEFT JOIN mail_followers_mail_message_subtype_rel r"
                " ON r.mail_followers_id = f.id"
                " WHERE f.res_model = %s AND f.res_id IN %s GROUP BY f.id",
                model,
                tuple(keys),
            ):
                rows["follower", model, keys[row["res_id"]], row["partner_id"]] = row[
                    "s"
                ]
        return rows

    def _both_ways(self, user, kams):
        """The rows of the same plan inserted and created through the ORM (each
        rolled back)."""
        visit_class = type(self.env["kam.visit"])
        inserted = []
        insert = visit_class._kam_insert_planned

        def spy(model, vals_list, defaults_list):
            inserted.append(len(vals_list))
            return insert(model, vals_list, defaults_list)

        through_orm = (
            patch.object(visit_class, "_kam_planned_defaults", lambda *args: None),
            patch.object(
                type(self.env["calendar.event"]),
                "_kam_mirror_defaults",
                lambda *args: None,
            ),
        )
        rows = []
        for patches in (
            [patch.object(visit_class, "_kam_insert_planned", spy)],
            through_orm,
        ):
            savepoint = self.env.cr.savepoint()
            with ExitStack() as stack:
                for context in patches:
                    stack.enter_context(context)
                rows.append(self._plan_rows(user, kams))
            savepoint.close(rollback=True)
            self.env.invalidate_all(flush=False)
        self.assertTrue(inserted, "the contacts are inserted in SQL")
        return rows

    def test_inserted_as_the_orm_creates_them(self):
        # a head of sales plans the team, a KAM their own week
        for user, kams in (
            (self.user_manager, self.user_kam | self.user_kam2),
            (self.user_kam, self.user_kam),
        ):
            with self.subTest(user=user.login):
                new, old = self._both_ways(user, kams)
                accounts = self.accounts.filtered(lambda a, k=kams: a.kam_user_id in k)
                self.assertEqual(
                    len([key for key in new if key[0] == "visit"]),
                    2 * len(accounts) + 1,
                    "a visit and a call per account, the prospect's visit",
                )
                self.assertEqual(new.keys(), old.keys())
                for key, row in new.items():
                    self.assertEqual(row, old[key], key)

    def test_read_back_through_the_orm(self):
        """What other records hold of the new contacts is read again."""
        account = self.accounts[0]
        self.assertFalse(account.kam_visit_ids)
        self.assertFalse(self.lead.kam_visit_ids)
        meetings = self.user_kam.partner_id.meeting_ids
        wizard = self._wizard(
            users=self.user_kam | self.user_kam2, include_prospects=True
        )
        wizard.action_generate()
        self.assertEqual(len(account.kam_visit_ids), 2)
        self.assertEqual(len(self.lead.kam_visit_ids), 1)
        mine = wizard.visit_ids.filtered(lambda v: v.user_id == self.user_kam)
        self.assertEqual(
            self.user_kam.partner_id.meeting_ids, meetings | mine.calendar_event_id
        )
        for visit in wizard.visit_ids:
            self.assertEqual(visit.calendar_event_id.kam_visit_ids, visit)
            self.assertEqual(visit.calendar_event_id.res_id, visit.id)
            self.assertIn(visit.user_id.partner_id, visit.message_partner_ids)

    def _planned_vals(self, partner, company=None):
        vals = {
            "partner_id": partner.id,
            "user_id": self.user_kam.id,
            "company_id": (company or self.company).id,
            "visit_type": "visit",
            "planned_start": WEEK_START + timedelta(hours=9),
            "duration": 1.0,
            "name": "Visit",
        }
        return self.env["kam.visit"]._kam_planned_computed_values([vals])[0]

    def test_company_checked_as_create_checks_it(self):
        """An account of another company: the ORM's error; of no company or of
        the parent company: planned."""
        visit_model = self.env["kam.visit"].with_context(tracking_disable=True)
        other = self.env["res.partner"].create(
            {"name": "Other Company Account", "company_id": self.company_2.id}
        )
        shared = self.env["res.partner"].create({"name": "Shared Account"})
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            visit_model._kam_create_planned(
                [self._planned_vals(shared), self._planned_vals(other)]
            )
        child = self.env["res.company"].create(
            {"name": "KAM Child Company", "parent_id": self.company.id}
        )
        parents = self.env["res.partner"].create(
            {"name": "Parent Company Account", "company_id": self.company.id}
        )
        visits = visit_model._kam_create_planned(
            [self._planned_vals(partner, child) for partner in (shared, parents)]
        )
        self.assertEqual(visits.company_id, child)
        self.assertEqual(visits.partner_id, shared | parents)

    def test_orm_when_the_insert_does_not_know_create(self):
        """Another module's create of visits, a contact done: through the ORM."""
        visit_model = self.env["kam.visit"].with_context(tracking_disable=True)
        vals = self._planned_vals(self.accounts[0])
        self.assertTrue(visit_model._kam_planned_defaults([vals]))
        with patch.object(kam_visit_insert, "KNOWN_CREATES", {"odoo.models"}):
            self.assertIsNone(visit_model._kam_planned_defaults([vals]))
        self.assertIsNone(visit_model._kam_planned_defaults([dict(vals, state="done")]))
        self.assertIsNone(
            visit_model._kam_planned_defaults(
                [{k: v for k, v in vals.items() if k != "visit_day"}]
            ),
            "a stored computed field not given",
        )
        self.assertIsNone(
            visit_model.with_context(tracking_disable=False)._kam_planned_defaults(
                [vals]
            )
        )
