# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamKpiBuiltin(KamKpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._own(cls.account_1, cls.user_kam)
        cls._own(cls.account_2, cls.user_kam)
        cls._own(cls.account_3, cls.user_kam2)

    def _invoice(self, partner, day, amount, move_type="out_invoice"):
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": day,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product_a.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _payment(self, partner, day, amount, payment_type="inbound"):
        payment = self.env["account.payment"].create(
            {
                "payment_type": payment_type,
                "partner_type": "customer",
                "partner_id": partner.id,
                "amount": amount,
                "date": day,
            }
        )
        payment.action_post()
        return payment

    def test_revenue_follows_ownership_change(self):
        """Orders before the hand-over are credited to the old KAM, after to the new."""
        self._own(self.account_1, self.user_kam2, date(2025, 2, 15))
        self._order(self.account_1, date(2025, 2, 14), [(self.product_a, 10, 10.0)])
        self._order(self.account_1, date(2025, 2, 15), [(self.product_a, 20, 10.0)])
        values = self._compute(self.kpi_revenue)
        self.assertAlmostEqual(values[self.user_kam.id], 100.0)
        self.assertAlmostEqual(values[self.user_kam2.id], 200.0)
        # The account is an active client of its owner at period end only.
        self.assertEqual(self._compute(self.kpi_active)[self.user_kam2.id], 1.0)
        self.assertEqual(self._compute(self.kpi_active)[self.user_kam.id], 0.0)

    def test_contact_orders_count_for_the_company(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.account_1.id}
        )
        self._order(contact, date(2025, 1, 20), [(self.product_a, 4, 10.0)])
        self.assertAlmostEqual(self._compute(self.kpi_revenue)[self.user_kam.id], 40.0)

    def test_revenue_multi_currency(self):
        eur = self.env.ref("base.EUR")
        eur.active = True
        if eur == self.company.currency_id:
            eur = self.env.ref("base.USD")
            eur.active = True
        self.env["res.currency.rate"].create(
            {
                "name": "2024-12-01",
                "rate": 2.0,
                "currency_id": eur.id,
                "company_id": self.company.id,
            }
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "KAM foreign", "currency_id": eur.id}
        )
        self._order(
            self.account_1,
            date(2025, 1, 20),
            [(self.product_a, 1, 300.0)],
            pricelist=pricelist,
        )
        self.assertAlmostEqual(self._compute(self.kpi_revenue)[self.user_kam.id], 150.0)

    def test_revenue_invoiced_with_refund(self):
        self.company.kam_revenue_basis = "invoiced"
        # An order alone does not count on the invoiced basis.
        self._order(self.account_1, date(2025, 1, 20), [(self.product_a, 1, 999.0)])
        self._invoice(self.account_1, date(2025, 1, 20), 500.0)
        self._invoice(self.account_1, date(2025, 2, 20), 120.0, "out_refund")
        self._invoice(self.account_3, date(2025, 2, 20), 70.0)
        self._invoice(self.account_3, date(2025, 4, 2), 70.0)
        values = self._compute(self.kpi_revenue)
        self.assertAlmostEqual(values[self.user_kam.id], 380.0)
        self.assertAlmostEqual(values[self.user_kam2.id], 70.0)

    def test_revenue_collected(self):
        self.company.kam_revenue_basis = "collected"
        self._payment(self.account_1, date(2025, 3, 1), 400.0)
        self._payment(self.account_1, date(2025, 3, 2), 50.0, "outbound")
        self._payment(self.account_2, date(2024, 12, 31), 1000.0)
        values = self._compute(self.kpi_revenue)
        self.assertAlmostEqual(values[self.user_kam.id], 350.0)
        self.assertAlmostEqual(values[self.user_kam2.id], 0.0)

    def test_active_clients_window(self):
        self.company.kam_active_window_days = 30
        # Inside the 30 days before period end.
        self._order(self.account_1, date(2025, 3, 15), [(self.product_a, 1, 10.0)])
        # Earlier in the period, but outside the window: not active at period end.
        self._order(self.account_2, date(2025, 2, 1), [(self.product_a, 1, 10.0)])
        self._order(self.account_3, date(2025, 3, 2), [(self.product_a, 1, 10.0)])
        values = self._compute(self.kpi_active)
        self.assertEqual(values[self.user_kam.id], 1.0)
        self.assertEqual(values[self.user_kam2.id], 1.0)
        # A quotation does not make a client active.
        self.company.kam_active_window_days = 90
        self._order(
            self.account_2,
            date(2025, 3, 20),
            [(self.product_a, 1, 10.0)],
            confirm=False,
        )
        self.assertEqual(
            self._compute(self.kpi_active, self.user_kam2)[self.user_kam2.id], 1.0
        )
        self.assertEqual(self._compute(self.kpi_active)[self.user_kam.id], 2.0)

    def test_new_clients_dormant_and_minimum(self):
        self.company.kam_new_client_min_amount = 100.0
        # account_1: first ever order in the period, big enough -> new.
        self._order(self.account_1, date(2025, 2, 1), [(self.product_a, 20, 10.0)])
        # account_2: dormant for years, back in the period -> not new.
        self._order(self.account_2, date(2021, 5, 1), [(self.product_a, 1, 10.0)])
        self._order(self.account_2, date(2025, 2, 1), [(self.product_a, 50, 10.0)])
        # account_3: first order in the period but below the minimum -> not new.
        self._order(self.account_3, date(2025, 2, 1), [(self.product_a, 5, 10.0)])
        values = self._compute(self.kpi_new)
        self.assertEqual(values[self.user_kam.id], 1.0)
        self.assertEqual(values[self.user_kam2.id], 0.0)
        self.company.kam_new_client_min_amount = 0.0
        self.assertEqual(self._compute(self.kpi_new)[self.user_kam2.id], 1.0)

    def test_assortment(self):
        self._order(
            self.account_1,
            date(2025, 1, 5),
            [(self.product_a, 1, 10.0), (self.product_b, 1, 5.0)],
        )
        self._order(self.account_1, date(2025, 2, 5), [(self.product_a, 3, 10.0)])
        self._order(self.account_2, date(2025, 2, 5), [(self.product_b, 1, 5.0)])
        self._order(self.account_3, date(2025, 2, 5), [(self.product_b, 1, 5.0)])
        values = self._compute(self.kpi_assortment)
        # account_1 bought 2 categories, account_2 one: 1.5 on average.
        self.assertAlmostEqual(values[self.user_kam.id], 1.5)
        self.assertAlmostEqual(values[self.user_kam2.id], 1.0)
