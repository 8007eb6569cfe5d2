# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestKamDemo(TransactionCase):
    """The demo data tells a coherent story (it is what users try first)."""

    def test_demo_key_accounts(self):
        accounts = self.env["res.partner"].browse(
            self.env.ref(f"kam_management.res_partner_demo_key_account_{i:02d}").id
            for i in range(1, 21)
        )
        self.assertEqual(len(accounts), 20)
        self.assertTrue(all(accounts.mapped("is_key_account")))
        self.assertEqual(len(accounts.kam_user_id), 4)
        self.assertEqual(len(accounts.kam_tier_id), 3)
        self.assertTrue(
            all(a.kam_revenue_12m > 0 or not a.kam_is_active_client for a in accounts)
        )
        self.assertTrue(accounts.filtered("kam_is_active_client"))
        self.assertTrue(accounts.filtered(lambda a: not a.kam_is_active_client))
        # Ownership history starts before the oldest order and credits the KAM of the
        # day.
        orders = self.env["sale.order"].search(
            [("partner_id", "in", accounts.ids), ("state", "=", "sale")]
        )
        self.assertGreaterEqual(len(orders), 40)
        owners = self.env["kam.assignment"]._kam_owner_map(
            [(order.partner_id.id, order.date_order) for order in orders]
        )
        self.assertTrue(all(owners.values()), "every demo order has an owning KAM")

    def test_demo_hierarchy(self):
        kam = self.env.ref("kam_management.user_demo_kam")
        manager = self.env.ref("kam_management.user_demo_manager_north")
        account = self.env.ref("kam_management.res_partner_demo_key_account_01")
        self.assertEqual(account.kam_user_id, kam)
        self.assertIn(manager, account.kam_access_user_ids)
        self.assertTrue(self.env["kam.feedback"].search_count([]))
        self.assertTrue(self.env["kam.competitor.intel"].search_count([]))
