# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamIntel(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.competitor = cls.env["kam.competitor"].create({"name": "Rival LLC"})
        cls.segment = cls.env["kam.segment"].create({"name": "Retail chains"})
        cls.intel_a, cls.intel_b = cls.env["kam.competitor.intel"].create(
            [
                {
                    "partner_id": cls.account_a.id,
                    "competitor_id": cls.competitor.id,
                    "price_position": "lower",
                },
                {
                    "partner_id": cls.account_b.id,
                    "competitor_id": cls.competitor.id,
                    "price_position": "higher",
                },
            ]
        )

    def test_intel_visible_to_the_account_team_only(self):
        Intel = self.env["kam.competitor.intel"]
        self.assertEqual(Intel.with_user(self.user_kam).search([]), self.intel_a)
        with self.assertRaises(AccessError):
            self.intel_b.with_user(self.user_kam).read(["notes"])
        self.assertEqual(
            Intel.with_user(self.user_manager).search([]), self.intel_a | self.intel_b
        )
        with self.assertRaises(AccessError):
            Intel.with_user(self.user_employee).search([])
        own = Intel.with_user(self.user_kam).create(
            {"partner_id": self.account_a.id, "competitor_id": self.competitor.id}
        )
        self.assertEqual(own.user_id, self.user_kam)
        self.assertEqual(self.competitor.intel_count, 3)

    def test_segment_on_accounts(self):
        self.account_a.kam_segment_id = self.segment
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.account_a.id}
        )
        self.assertEqual(contact.kam_segment_id, self.segment)
        self.assertEqual(self.segment.partner_count, 1)
        self.assertEqual(
            self.segment.with_user(self.user_employee).name, "Retail chains"
        )
        with self.assertRaises(AccessError):
            self.segment.with_user(self.user_kam).write({"name": "Mine"})

    def test_competitors_per_company(self):
        other = self.env["kam.competitor"].create(
            {"name": "Far Rival", "company_id": self.company_2.id}
        )
        self.assertEqual(
            self.env["kam.competitor"]
            .with_user(self.user_kam)
            .search([("id", "in", (other | self.competitor).ids)]),
            self.competitor,
        )
