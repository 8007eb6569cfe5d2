# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestKamReceivablesTour(HttpCase):
    def test_smoke_tour(self):
        """The receivables menus (overdue invoices, aging, credit hold) open in a real
        browser."""
        partner = self.env["res.partner"].create({"name": "Tour Overdue Customer"})
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": "2026-01-01",
                "invoice_date_due": "2026-01-15",
                "invoice_line_ids": [(0, 0, {"name": "Service", "price_unit": 100})],
            }
        )
        move.action_post()
        # the overdue debt holds the customer's next order
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.env["product.product"]
                            .create({"name": "Tour Widget"})
                            .id
                        },
                    )
                ],
            }
        )
        order.action_confirm()
        self.assertTrue(order.kam_credit_hold)
        self.start_tour("/odoo", "kam_receivables_smoke_tour", login="admin")
