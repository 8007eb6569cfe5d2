# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A down payment is exposure once: in the receivables (or the draft invoices) while
it is invoiced, no longer in what the order still has to invoice."""

from odoo.tests import tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestCreditDownPayment(KamReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_limit(cls.customer, 10**6)
        cls.order = cls._order(cls.customer, 1000.0)
        cls.order.action_confirm()

    def _invoice_order(self, method, **values):
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=self.order.ids)
            .create({"advance_payment_method": method, **values})
        )
        wizard.create_invoices()
        return self.order.invoice_ids.sorted("id")[-1:]

    def _exposure(self):
        self.env.invalidate_all()
        return self.customer.kam_credit_exposure

    def _order_exposure(self):
        return self.order._kam_credit_order_amount()

    def test_down_payment_counted_once(self):
        self.assertEqual(self._exposure(), 1000)
        down = self._invoice_order("percentage", amount=30)
        # draft: the down payment is a draft invoice, the rest still to invoice
        self.assertEqual(down.state, "draft")
        self.assertEqual(self._order_exposure(), 700)
        self.assertEqual(self._exposure(), 1000)
        down.action_post()
        self.assertEqual(self._order_exposure(), 700)
        self.assertEqual(self._exposure(), 1000)
        # paid: the customer owes the rest of the order only
        self._pay(down)
        self.assertEqual(self._exposure(), 700)
        # the final invoice deducts the down payment: 700 owed, nothing to invoice
        final = self._invoice_order("delivered")
        self.assertNotEqual(final, down)
        self.assertEqual(final.amount_total, 700)
        final.action_post()
        self.assertEqual(self._order_exposure(), 0)
        self.assertEqual(self._exposure(), 700)

    def test_cancelled_or_refunded_down_payment_is_to_invoice_again(self):
        down = self._invoice_order("fixed", fixed_amount=200)
        down.action_post()
        self.assertEqual(self._order_exposure(), 800)
        refund = down._reverse_moves()
        refund.action_post()
        # refunded: nothing open, the whole order to invoice again
        self.assertEqual(self._order_exposure(), 1000)
        self.assertEqual(self._exposure(), 1000)
        other = self._invoice_order("fixed", fixed_amount=100)
        self.assertEqual(self._order_exposure(), 900)
        other.button_cancel()
        self.assertEqual(self._order_exposure(), 1000)
        self.assertEqual(self._exposure(), 1000)
