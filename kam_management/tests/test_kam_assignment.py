# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamAssignment(KamCommon):
    def test_backup_must_differ_from_kam(self):
        with self.assertRaisesRegex(
            ValidationError, "must be someone else than the KAM"
        ):
            self.account_b.kam_backup_user_id = self.user_kam2

    def test_contacts_follow_their_company(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.account_a.id}
        )
        self.assertEqual(contact.kam_user_id, self.user_kam)
        self.assertEqual(contact.kam_tier_id, self.tier_gold)
        self.account_a.kam_user_id = self.user_manager
        self.assertEqual(contact.kam_user_id, self.user_manager)
        # Only the commercial partner keeps an ownership history.
        self.assertFalse(contact.kam_assignment_ids)

    def test_history_written_when_kam_changes(self):
        # the days below are UTC days (the demo company works on Baku time)
        self.company.partner_id.tz = "UTC"
        with freeze_time("2026-01-10"):
            account = self.env["res.partner"].create(
                {
                    "name": "History Ltd",
                    "is_company": True,
                    "kam_user_id": self.user_kam.id,
                }
            )
        self.assertRecordValues(
            account.kam_assignment_ids,
            [
                {
                    "user_id": self.user_kam.id,
                    "date_from": date(2026, 1, 10),
                    "date_to": False,
                }
            ],
        )
        with freeze_time("2026-03-01"):
            account.kam_user_id = self.user_kam2
        with freeze_time("2026-03-15"):
            account.kam_backup_user_id = self.user_kam
            # A second change the same day replaces that day's period.
            account.kam_backup_user_id = self.user_manager
        self.assertRecordValues(
            account.kam_assignment_ids,
            [
                {
                    "user_id": self.user_kam2.id,
                    "backup_user_id": self.user_manager.id,
                    "date_from": date(2026, 3, 15),
                    "date_to": False,
                },
                {
                    "user_id": self.user_kam2.id,
                    "backup_user_id": False,
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 14),
                },
                {
                    "user_id": self.user_kam.id,
                    "backup_user_id": False,
                    "date_from": date(2026, 1, 10),
                    "date_to": date(2026, 2, 28),
                },
            ],
        )
        with freeze_time("2026-04-01"):
            account.kam_user_id = False
        self.assertEqual(account.kam_assignment_ids[0].date_to, date(2026, 3, 31))

        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": account.id}
        )
        pairs = [
            (account.id, date(2026, 1, 9)),
            (account.id, date(2026, 1, 10)),
            (contact.id, datetime(2026, 2, 28, 23, 0)),
            (account.id, "2026-03-01"),
            (account.id, date(2026, 3, 31)),
            (account.id, date(2026, 4, 1)),
        ]
        with self.assertQueryCount(2):
            owners = self.env["kam.assignment"]._kam_owner_map(pairs)
        self.assertEqual(
            [owners[pair] for pair in pairs],
            [
                self.env["res.users"],
                self.user_kam,
                self.user_kam,
                self.user_kam2,
                self.user_kam2,
                self.env["res.users"],
            ],
        )
        self.assertEqual(self.env["kam.assignment"]._kam_owner_map([]), {})

    def test_dates_in_order(self):
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            self.account_a.kam_assignment_ids.date_to = date(2000, 1, 1)

    def test_only_head_of_sales_changes_owner(self):
        with self.assertRaisesRegex(AccessError, "Only a Head of Sales"):
            self.account_a.with_user(self.user_kam).write(
                {"kam_user_id": self.user_kam2.id}
            )
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.user_kam).create(
                {
                    "name": "Own pick",
                    "is_company": True,
                    "kam_user_id": self.user_kam.id,
                }
            )
        # A KAM can still edit the rest of the account and add contacts to it.
        self.account_a.with_user(self.user_kam).write({"phone": "+994 12 000 00 00"})
        contact = (
            self.env["res.partner"]
            .with_user(self.user_kam)
            .create({"name": "New buyer", "parent_id": self.account_a.id})
        )
        self.assertEqual(contact.kam_user_id, self.user_kam)
        form = Form(self.account_b.with_user(self.user_manager))
        form.kam_user_id = self.user_kam
        form.save()
        self.assertEqual(self.account_b.kam_assignment_ids[:1].user_id, self.user_kam)
