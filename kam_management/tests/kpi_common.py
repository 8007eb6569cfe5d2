# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import fields

from .common import KamCommon


class KamKpiCommon(KamCommon):
    """Key accounts, products in two categories and helpers to book sales."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Kpi = cls.env["kam.kpi"]
        cls.kpi_revenue = cls.env.ref("kam_management.kam_kpi_revenue")
        cls.kpi_active = cls.env.ref("kam_management.kam_kpi_active_clients")
        cls.kpi_new = cls.env.ref("kam_management.kam_kpi_new_clients")
        cls.kpi_assortment = cls.env.ref("kam_management.kam_kpi_assortment")
        cls.categ_a, cls.categ_b = cls.env["product.category"].create(
            [{"name": "KAM Drinks"}, {"name": "KAM Snacks"}]
        )
        cls.product_a, cls.product_b = cls.env["product.product"].create(
            [
                {"name": "KAM Juice", "categ_id": cls.categ_a.id, "list_price": 10.0},
                {"name": "KAM Chips", "categ_id": cls.categ_b.id, "list_price": 5.0},
            ]
        )
        cls.account_1, cls.account_2, cls.account_3 = cls.env["res.partner"].create(
            [{"name": f"KAM Account {n}", "is_company": True} for n in (1, 2, 3)]
        )
        cls.date_from = date(2025, 1, 1)
        cls.date_to = date(2025, 3, 31)

    @classmethod
    def _own(cls, partner, user, date_from=date(2000, 1, 1)):
        """Make ``user`` the KAM of ``partner`` from ``date_from`` on: the
        ownership history is written as of today, then back-dated."""
        partner.kam_user_id = user
        history = (
            cls.env["kam.assignment"]
            .sudo()
            .search([("partner_id", "=", partner.id)], order="date_from desc, id desc")
        )
        current = history.filtered(lambda a: not a.date_to)
        previous = (history - current)[:1]
        if previous:
            previous.date_to = date_from - timedelta(days=1)
        current.date_from = date_from

    @classmethod
    def _order(cls, partner, day, lines, confirm=True, pricelist=None):
        """A sales order on ``day``; ``lines`` are (product, qty, unit price)."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "pricelist_id": pricelist.id if pricelist else False,
                "order_line": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                        }
                    )
                    for product, qty, price in lines
                ],
            }
        )
        if confirm:
            order.action_confirm()
        # Confirmation stamps the order with "now"; book it on the wanted day.
        order.date_order = datetime.combine(day, datetime.min.time().replace(hour=10))
        return order

    def _compute(self, kpi, users=None, date_from=None, date_to=None):
        users = users if users is not None else self.user_kam | self.user_kam2
        return kpi._kam_compute(
            users, date_from or self.date_from, date_to or self.date_to
        )
