# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamTier(KamCommon):
    def _tier_vals(self, **vals):
        return {"name": "Bronze", "code": "BRONZE", **vals}

    def test_duplicate_code_in_company(self):
        with self.assertRaisesRegex(
            ValidationError, "tier code t-gold is already used"
        ):
            self.env["kam.tier"].create(self._tier_vals(code="t-gold"))

    def test_same_code_in_other_company(self):
        tier = self.env["kam.tier"].create(
            self._tier_vals(code="T-GOLD", company_id=self.company_2.id)
        )
        self.assertEqual(tier.company_id, self.company_2)

    def test_intervals_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "at least one day"):
            self.env["kam.tier"].create(self._tier_vals(visit_interval_days=-7))
        with self.assertRaisesRegex(ValidationError, "at least one day"):
            self.tier_gold.call_interval_days = 0

    def test_discount_between_0_and_100(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 100%"):
            self.env["kam.tier"].create(self._tier_vals(max_discount=120))
        with self.assertRaisesRegex(ValidationError, "between 0 and 100%"):
            self.tier_gold.max_discount = -1
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.tier_silver.min_annual_revenue = -5

    def test_is_key_account_follows_tier(self):
        self.assertTrue(self.account_a.is_key_account)
        self.account_a.kam_tier_id = False
        self.assertFalse(self.account_a.is_key_account)
        self.assertEqual(self.tier_gold.partner_count, 1)

    def test_tier_access(self):
        self.assertTrue(self.tier_gold.with_user(self.user_employee).name)
        with self.assertRaises(AccessError):
            self.tier_gold.with_user(self.user_kam).write({"max_discount": 50})
        self.tier_gold.with_user(self.user_manager).write({"max_discount": 12})
        self.assertEqual(self.tier_gold.max_discount, 12)
        other = self.env["kam.tier"].create(
            self._tier_vals(company_id=self.company_2.id)
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user_manager).read(["name"])
