# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .contract_common import KamContractCommon

QUOTATION_FIELDS = [
    "kam_contract_id",
    "kam_contract_compliant",
    "kam_contract_warning",
    "kam_contract_volume_progress_after",
    "kam_advice_count",
]


@tagged("post_install", "-at_install")
class TestKamContractQueries(KamContractCommon):
    """The contract check and the order advice cost a quotation as many queries
    for an account with 5 past orders as for one with 50."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        segment = cls.env["kam.segment"].create({"name": "Query segment"})
        cls.accounts = {}
        for size in (5, 50, 7):
            account = cls.env["res.partner"].create(
                {
                    "name": f"History {size}",
                    "is_company": True,
                    "kam_tier_id": cls.tier_gold.id,
                    "kam_segment_id": segment.id,
                    "kam_user_id": cls.user_kam.id,
                }
            )
            cls._contract(
                account,
                payment_term_id=cls.term_30.id,
                discount_max=5.0,
                volume_amount=10000.0,
                volume_period="quarter",
            )
            for index in range(size):
                product = cls.product_a if index % 2 else cls.product_b
                cls._order(
                    account,
                    cls.today - timedelta(days=7 * (index + 1)),
                    [(product, 1 + index, 10.0)],
                )
            cls.accounts[size] = account

    def _quotation_queries(self, account):
        """Queries to create a quotation and show its contract check and advice."""
        Order = self.env["sale.order"].with_user(self.user_kam)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        order = Order.create(
            {
                "partner_id": account.id,
                "payment_term_id": self.term_15.id,
                "order_line": [
                    Command.create({"product_id": self.product_b.id, "discount": 8})
                ],
            }
        )
        self.env.flush_all()
        order.read(QUOTATION_FIELDS)
        count = self.cr.sql_log_count - start
        self.assertFalse(order.kam_contract_compliant)
        self.assertTrue(order.kam_contract_warning)
        self.assertTrue(order.kam_advice_count)
        return count

    def test_constant_queries_whatever_the_history(self):
        self._quotation_queries(self.accounts[7])  # warm the caches
        small = self._quotation_queries(self.accounts[5])
        large = self._quotation_queries(self.accounts[50])
        self.assertEqual(small, large)

    def test_advice_alone_is_constant_whatever_the_history(self):
        def count(account):
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            advice = account._kam_order_advice()[account.id]
            self.assertTrue(advice)
            return self.cr.sql_log_count - start

        count(self.accounts[7])
        self.assertEqual(count(self.accounts[5]), count(self.accounts[50]))
