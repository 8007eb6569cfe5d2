# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import Form, tagged

from .contract_common import KamContractCommon


@tagged("post_install", "-at_install")
class TestKamContractCompliance(KamContractCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._contract(
            cls.account_a,
            payment_term_id=cls.term_30.id,
            pricelist_id=cls.pricelist_contract.id,
            discount_max=5.0,
        )

    def _quotation(self, **values):
        return self.env["sale.order"].create(
            {
                "partner_id": self.account_a.id,
                "payment_term_id": self.term_30.id,
                "pricelist_id": self.pricelist_contract.id,
                "order_line": [
                    Command.create({"product_id": self.product_a.id, "discount": 5.0})
                ],
                **values,
            }
        )

    def test_compliant_quotation(self):
        order = self._quotation()
        self.assertEqual(order.kam_contract_id, self.contract)
        self.assertTrue(order.kam_contract_compliant)
        self.assertFalse(order.kam_contract_warning)

    def test_deviations_are_shown_before_confirmation_without_blocking(self):
        form = Form(self._quotation().with_user(self.user_kam))
        form.payment_term_id = self.term_15
        with form.order_line.edit(0) as line:
            line.discount = 7.5
        self.assertTrue(form.kam_contract_payment_term_differs)
        self.assertTrue(form.kam_contract_discount_exceeded)
        self.assertFalse(form.kam_contract_pricelist_differs)
        self.assertIn("Payment terms", form.kam_contract_warning)
        self.assertIn("5.00%", form.kam_contract_warning)
        order = form.save()
        self.assertFalse(order.kam_contract_compliant)
        order.pricelist_id = self.env["product.pricelist"].create({"name": "Other"})
        self.assertTrue(order.kam_contract_pricelist_differs)
        self.assertIn("Price list", order.kam_contract_warning)
        order.action_confirm()
        self.assertEqual(order.state, "sale", "a deviation never blocks")
        self.assertFalse(order.kam_contract_compliant)

    def test_no_contract_no_check(self):
        order = self._quotation(partner_id=self.account_b.id)
        self.assertFalse(order.kam_contract_id)
        self.assertFalse(order.kam_contract_compliant)
        self.assertFalse(order.kam_contract_warning)
        # an order dated before the contract starts is not checked against it
        order = self._quotation(payment_term_id=self.term_15.id)
        order.date_order = datetime.combine(
            self.contract.date_start - timedelta(days=1), datetime.min.time()
        )
        self.assertFalse(order.kam_contract_id)

    def test_contract_changes_recheck_orders_and_invoices(self):
        order = self._quotation(payment_term_id=self.term_15.id)
        self.assertTrue(order.kam_contract_payment_term_differs)
        self.contract.payment_term_id = self.term_15
        self.assertFalse(order.kam_contract_payment_term_differs)
        self.assertTrue(order.kam_contract_compliant)
        self.contract.action_terminate()
        later = self._quotation()
        later.date_order = datetime.combine(
            self.today + timedelta(days=2), datetime.min.time()
        )
        self.assertFalse(later.kam_contract_id)
        self.assertEqual(order.kam_contract_id, self.contract, "ended today")

    def test_invoice_checked_against_contract(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.account_a.id,
                "invoice_date": self.today,
                "invoice_payment_term_id": self.term_15.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product_a.id,
                            "price_unit": 100,
                            "discount": 10,
                        }
                    )
                ],
            }
        )
        self.assertEqual(invoice.kam_contract_id, self.contract)
        self.assertTrue(invoice.kam_contract_payment_term_differs)
        self.assertTrue(invoice.kam_contract_discount_exceeded)
        invoice.action_post()
        self.env.flush_all()
        rows = self.env["kam.contract.deviation"].search([("move_id", "=", invoice.id)])
        self.assertEqual(sorted(rows.mapped("deviation")), ["discount", "payment_term"])
        self.assertEqual(rows.partner_id, self.account_a)
        self.assertEqual(rows.user_id, self.user_kam)
        self.assertEqual(rows.mapped("amount"), [90.0, 90.0])
        action = rows[0].action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("account.move", invoice.id)
        )
        # a vendor bill is no sale: not checked
        bill = self.env["account.move"].create(
            {"move_type": "in_invoice", "partner_id": self.account_a.id}
        )
        self.assertFalse(bill.kam_contract_id)

    def test_deviation_report_per_account_and_kam(self):
        self._quotation(payment_term_id=self.term_15.id).action_confirm()
        self._quotation().action_confirm()
        self._quotation(
            order_line=[
                Command.create({"product_id": self.product_b.id, "discount": 9})
            ]
        )
        self.env.flush_all()
        Report = self.env["kam.contract.deviation"]
        groups = Report._read_group(
            [("partner_id", "=", self.account_a.id)],
            ["user_id", "deviation", "is_quotation"],
            ["count:sum"],
        )
        self.assertEqual(
            sorted((u.id, d, q, c) for u, d, q, c in groups),
            [
                (self.user_kam.id, "discount", True, 1),
                (self.user_kam.id, "payment_term", False, 1),
            ],
        )

    def test_volume_progress(self):
        self.contract.write({"volume_amount": 1000.0, "volume_period": "year"})
        self._order(self.account_a, self.today, [(self.product_a, 30, 10.0)])
        self.assertEqual(self.contract.volume_ordered, 300.0)
        self.assertAlmostEqual(self.contract.volume_progress, 30.0)
        quotation = self._quotation(
            order_line=[
                Command.create(
                    {
                        "product_id": self.product_a.id,
                        "product_uom_qty": 20,
                        "price_unit": 10,
                    }
                )
            ]
        )
        self.assertEqual(quotation.kam_contract_volume_amount, 1000.0)
        self.assertEqual(quotation.kam_contract_volume_ordered, 300.0)
        self.assertAlmostEqual(quotation.kam_contract_volume_progress, 30.0)
        self.assertAlmostEqual(quotation.kam_contract_volume_progress_after, 50.0)
        self.assertEqual(
            quotation.kam_contract_volume_date_from, self.today.replace(month=1, day=1)
        )
        expected_share = self.contract.volume_expected / 100
        self.assertEqual(self.contract.volume_behind, 300.0 < 1000.0 * expected_share)
        self.assertEqual(
            quotation.kam_contract_volume_behind, 500.0 < 1000.0 * expected_share
        )
        behind = self.Contract.search([("volume_behind", "=", True)])
        self.assertEqual(self.contract in behind, self.contract.volume_behind)

    def test_volume_behind_shown_on_quotation(self):
        self.contract.write({"volume_amount": 10**9, "volume_period": "month"})
        quotation = self._quotation()
        self.assertTrue(quotation.kam_contract_volume_behind)
        self.assertIn("Volume commitment behind", quotation.kam_contract_warning)
        self.assertTrue(self.contract.volume_behind)
        self.assertIn(
            self.contract, self.Contract.search([("volume_behind", "=", True)])
        )
