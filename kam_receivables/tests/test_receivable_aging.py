# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivableAging(KamReceivablesCommon):
    def test_buckets(self):
        """Buckets on the company's day, whatever the hour (frozen at 23:30 and 00:30
        UTC, the company in UTC+4 and UTC-10)."""
        for today in self._moments():
            customer = self.env["res.partner"].create(
                {
                    "name": f"Aging Customer {today}",
                    "is_company": True,
                    "user_id": self.user_kam.id,
                    "kam_user_id": self.user_kam.id,
                }
            )
            contact = self.env["res.partner"].create(
                {"name": "Aging Buyer", "parent_id": customer.id}
            )
            start = today - timedelta(days=300)
            for days, amount in ((-5, 1), (10, 2), (45, 4), (75, 8), (120, 16)):
                self._invoice(contact, amount, today - timedelta(days=days), start)
            self._pay(
                self._invoice(customer, 1000, today - timedelta(days=200), start),
                date=today,
            )
            self.env.flush_all()
            Aging = self.env["kam.receivable.aging"]
            [totals] = Aging._read_group(
                [("partner_id", "=", customer.id)],
                [],
                [
                    "amount_not_due:sum",
                    "amount_1_30:sum",
                    "amount_31_60:sum",
                    "amount_61_90:sum",
                    "amount_90_plus:sum",
                    "amount_overdue:sum",
                    "amount_total:sum",
                    "days_overdue:max",
                ],
            )
            self.assertEqual(totals, (1, 2, 4, 8, 16, 30, 31, 120))
            self.assertEqual(
                set(Aging.search([("partner_id", "=", customer.id)]).kam_user_id.ids),
                {self.user_kam.id},
            )

    def test_access_per_role(self):
        self._invoice(self.customer, 10, self.today - timedelta(days=3))
        other = self.env["res.partner"].create(
            {"name": "Not mine", "user_id": self.user_kam2.id}
        )
        self._invoice(other, 20, self.today - timedelta(days=3))
        self.env.flush_all()
        Aging = self.env["kam.receivable.aging"]
        domain = [("partner_id", "in", (self.customer | other).ids)]
        self.assertEqual(
            Aging.with_user(self.user_kam).search(domain).partner_id, self.customer
        )
        self.assertEqual(
            Aging.with_user(self.user_kam2).search(domain).partner_id, other
        )
        self.assertEqual(len(Aging.with_user(self.user_accountant).search(domain)), 2)
        self.assertFalse(Aging.with_user(self.user_employee).has_access("read"))
        self.assertFalse(Aging.with_user(self.user_kam_other_company).search(domain))

    def test_roles_read_the_same_figures(self):
        """KAM, credit manager, billing user and salesperson read the figures of the
        customers they may see, the same figures; only the credit manager changes
        the grace period."""
        salesperson = self._new_user(
            "kam_salesperson", "sales_team.group_sale_salesman"
        )
        own = self.env["res.partner"].create(
            {
                "name": "Salesperson's customer",
                "is_company": True,
                "user_id": salesperson.id,
            }
        )
        past = self.today - timedelta(days=10)
        invoices = self._invoice(self.customer, 50, past) | self._invoice(
            own, 100, past
        )
        self.env.flush_all()
        domain = [("partner_id", "in", (self.customer | own).ids)]
        Aging = self.env["kam.receivable.aging"]
        for user, customers in (
            (self.user_kam, self.customer),
            (salesperson, own),
            (self.user_credit_manager, self.customer | own),
            (self.user_accountant, self.customer | own),
        ):
            with self.subTest(user=user.login):
                rows = Aging.with_user(user).search(domain)
                self.assertEqual(rows.partner_id, customers)
                for customer in customers:
                    self.assertEqual(
                        customer.with_user(user).kam_overdue_amount,
                        sum(
                            rows.filtered(
                                lambda r, c=customer: r.partner_id == c
                            ).mapped("amount_overdue")
                        ),
                    )
                # the overdue invoices menu lists the overdue invoices the user reads
                Move = self.env["account.move"].with_user(user)
                self.assertEqual(
                    Move.search(
                        [("id", "in", invoices.ids), ("kam_overdue", "=", True)]
                    ),
                    Move.search([("id", "in", invoices.ids)]),
                )
                if user != self.user_credit_manager:
                    with self.assertRaises(AccessError):
                        self.customer.with_user(user).kam_own_payment_grace = True

        self.assertEqual(
            self.env["account.move"]
            .with_user(self.user_accountant)
            .search([("id", "in", invoices.ids), ("kam_overdue", "=", True)]),
            invoices,
        )

    def test_demo_credits_are_unapplied_not_negative_not_due(self):
        """In the demo (Deco Addict's unreconciled payment), credits are their own
        column, debts never negative."""
        Aging = self.env["kam.receivable.aging"]
        self.assertFalse(Aging.search([("amount_not_due", "<", 0)]))
        self.assertFalse(Aging.search([("amount_unapplied", ">", 0)]))
        credits = Aging.search([("amount_unapplied", "<", 0)])
        self.assertTrue(credits)
        self.assertEqual(
            credits.mapped("amount_total"), credits.mapped("amount_unapplied")
        )
