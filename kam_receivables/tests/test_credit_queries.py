# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hot paths cost a number of queries that does not grow with the data."""

from datetime import timedelta

from odoo.tests import tagged

from .common import KamReceivablesCommon

# queries the credit check may add to the confirmation of an order
CHECK_QUERY_BUDGET = 4


@tagged("post_install", "-at_install")
class TestCreditQueries(KamReceivablesCommon):
    def _customers(self, count, invoices=1):
        partners = self.env["res.partner"].create(
            [
                {"name": f"Query Customer {count}-{n}", "is_company": True}
                for n in range(count)
            ]
        )
        for partner in partners:
            self._set_limit(partner, 10**6)
        due = self.today + timedelta(days=30)
        self.env["account.move"].create(
            [
                self._invoice_vals(partner, 10, due)
                for partner in partners
                for _n in range(invoices)
            ]
        ).action_post()
        return partners

    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def _confirm_count(self, partner, check):
        order = self._order(partner)
        if not check:
            order = order.with_context(kam_credit_skip_check=True)
        count = self._count(order.action_confirm)
        self.assertEqual(order.state, "sale")
        return count

    def test_check_adds_few_queries_whatever_the_open_invoices(self):
        added = {}
        for size in (5, 50):
            partner = self._customers(1, invoices=size)
            # the first order of a customer subscribes it, the first check warms the
            # caches: leave them out
            self._order(partner).action_confirm()
            without = self._confirm_count(partner, check=False)
            with_check = self._confirm_count(partner, check=True)
            added[size] = with_check - without
            self.assertLessEqual(
                added[size],
                CHECK_QUERY_BUDGET,
                f"the credit check adds {added[size]} queries ({size} open invoices)",
            )
        self.assertEqual(added[5], added[50])

    def test_exposure_queries_independent_of_customers(self):
        counts = {}
        for size in (5, 50):
            partners = self._customers(size)

            def read(partners=partners):
                values = partners.mapped(
                    lambda p: (
                        p.kam_credit_exposure,
                        p.kam_overdue_amount,
                        p.kam_available_credit,
                        p.kam_credit_limit,
                    )
                )
                self.assertEqual(values[0], (10, 0, 10**6 - 10, 10**6))

            counts[size] = self._count(read)
            # DSO and payment behaviour are not computed with the exposure
            self.assertFalse(
                any(
                    self.env.cache.contains(partner, partner._fields[fname])
                    for partner in partners
                    for fname in ("kam_dso", "kam_avg_days_late")
                )
            )
        self.assertEqual(counts[5], counts[50])

    def test_aging_and_dso_queries_independent_of_customers(self):
        counts = {}
        for size in (5, 50):
            partners = self._customers(size)

            def read(partners=partners):
                partners.mapped("kam_dso")
                partners.mapped("kam_paid_on_time_rate")
                self.env["kam.receivable.aging"]._read_group(
                    [("partner_id", "in", partners.ids)],
                    ["partner_id"],
                    ["amount_total:sum"],
                )

            counts[size] = self._count(read)
        self.assertEqual(counts[5], counts[50])
