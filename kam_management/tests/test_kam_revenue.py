# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamRevenue(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Widget", "list_price": 100.0}
        )
        cls.accounts = cls.env["res.partner"].create(
            [
                {
                    "name": f"Account {i}",
                    "is_company": True,
                    "kam_tier_id": cls.tier_silver.id,
                }
                for i in range(50)
            ]
        )
        contact = cls.env["res.partner"].create(
            {"name": "Buyer", "parent_id": cls.accounts[0].id}
        )
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": qty,
                                "price_unit": 100,
                            }
                        )
                    ],
                }
                for partner, qty in [(a, 1) for a in cls.accounts]
                + [(contact, 2), (cls.accounts[0], 3)]
            ]
        )
        orders.action_confirm()
        now = fields.Datetime.now()
        cls.old_order = orders[-1]
        cls.old_order.date_order = now - timedelta(days=400)
        cls.contact_order = orders[-2]
        cls.contact_order.date_order = now - timedelta(days=100)
        # An unconfirmed quotation counts for nothing.
        cls.env["sale.order"].create(
            {
                "partner_id": cls.accounts[1].id,
                "order_line": [
                    fields.Command.create(
                        {"product_id": cls.product.id, "price_unit": 999}
                    )
                ],
            }
        )

    def test_revenue_and_dates(self):
        first = self.accounts[0]
        self.assertEqual(
            first.kam_revenue_12m, 300.0, "own order and the contact's, not the old one"
        )
        self.assertEqual(first.kam_first_order_date, self.old_order.date_order)
        self.assertEqual(self.accounts[1].kam_revenue_12m, 100.0)
        self.assertTrue(first.kam_is_active_client)
        no_orders = self.env["res.partner"].create(
            {"name": "Silent", "is_company": True}
        )
        self.assertEqual(no_orders.kam_revenue_12m, 0.0)
        self.assertFalse(no_orders.kam_first_order_date)
        self.assertFalse(no_orders.kam_is_active_client)

    def test_active_client_window(self):
        account = self.accounts[2]
        account.sale_order_ids.date_order = fields.Datetime.now() - timedelta(days=120)
        self.env.invalidate_all()
        self.assertFalse(account.kam_is_active_client)
        self.company.kam_active_window_days = 150
        self.env.invalidate_all()
        self.assertTrue(account.kam_is_active_client)
        self.company.kam_active_window_days = 90
        Partner = self.env["res.partner"]
        inactive = Partner.search(
            [("id", "in", self.accounts.ids), ("kam_is_active_client", "=", False)]
        )
        self.assertEqual(inactive, account)
        active = Partner.search(
            [("id", "in", self.accounts.ids), ("kam_is_active_client", "=", True)]
        )
        self.assertEqual(active, self.accounts - account)

    def test_revenue_queries_do_not_grow_with_partners(self):
        def read_revenue(partners):
            self.env.invalidate_all()
            partners = partners.browse(partners.ids)
            start = self.cr.sql_log_count
            partners.mapped("kam_revenue_12m")
            return self.cr.sql_log_count - start

        self.env.flush_all()
        read_revenue(self.accounts[:1])  # warm the caches that outlive invalidation
        few = read_revenue(self.accounts[:3])
        many = read_revenue(self.accounts)
        self.assertEqual(few, many)
        self.env.invalidate_all()
        accounts = self.accounts.browse(self.accounts.ids)
        with self.assertQueryCount(many):
            revenues = accounts.mapped("kam_revenue_12m")
        self.assertEqual(sum(revenues), 5200.0)
