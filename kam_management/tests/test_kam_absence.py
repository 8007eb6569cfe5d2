# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamAbsence(KamCommon):
    @freeze_time("2026-06-10")
    def test_backup_takes_over_while_kam_absent(self):
        Partner = self.env["res.partner"]
        self.assertEqual(self.account_a.kam_effective_user_id, self.user_kam)
        self.user_kam.kam_absent_until = date(2026, 6, 10)
        self.env.invalidate_all()
        self.assertEqual(self.account_a.kam_effective_user_id, self.user_kam2)
        self.assertEqual(
            Partner.search([("kam_effective_user_id", "=", self.user_kam2.id)]),
            self.account_a | self.account_b,
        )
        self.assertFalse(
            Partner.search([("kam_effective_user_id", "=", self.user_kam.id)])
        )
        # Without a backup the absent KAM stays in charge.
        self.user_kam2.kam_absent_until = date(2026, 7, 1)
        self.env.invalidate_all()
        self.assertEqual(self.account_b.kam_effective_user_id, self.user_kam2)
        self.assertIn(
            self.account_b,
            Partner.search([("kam_effective_user_id", "in", [self.user_kam2.id])]),
        )

    @freeze_time("2026-06-11")
    def test_absence_over(self):
        self.user_kam.kam_absent_until = date(2026, 6, 10)
        self.assertEqual(self.account_a.kam_effective_user_id, self.user_kam)

    def test_user_sets_own_absence(self):
        self.user_kam.with_user(self.user_kam).write(
            {"kam_absent_until": date(2026, 6, 10)}
        )
        self.assertEqual(self.user_kam.kam_absent_until, date(2026, 6, 10))
