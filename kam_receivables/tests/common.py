# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from freezegun import freeze_time

from odoo import Command

from odoo.addons.kam_management.tests.common import KamCommon

# Two moments around midnight UTC and two business time zones either side of it
LATE_EVENING = "2026-11-30 23:30:00"
JUST_AFTER_MIDNIGHT = "2026-12-01 00:30:00"
ZONES = ("Asia/Baku", "Pacific/Honolulu")


class KamReceivablesCommon(KamCommon):
    """KamCommon plus a credit manager, an accountant, a customer and a product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_credit_manager = cls._new_user(
            "kam_credit_manager", "kam_receivables.group_credit_manager"
        )
        cls.user_accountant = cls._new_user(
            "kam_accountant", "account.group_account_invoice"
        )
        # the company checks credit limits and blocks the orders that fail the check
        cls.company.write(
            {
                "kam_credit_manager_id": cls.user_credit_manager.id,
                "account_use_credit_limit": True,
                "kam_credit_block": True,
            }
        )
        cls.currency = cls.company.currency_id
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Credit Customer",
                "is_company": True,
                "user_id": cls.user_kam.id,
                "kam_user_id": cls.user_kam.id,
            }
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {"name": "Credit Customer Buyer", "parent_id": cls.customer.id}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Credit Widget",
                "type": "consu",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
                "invoice_policy": "order",
            }
        )
        cls.today = cls.env.company._kam_today()

    @classmethod
    def _set_limit(cls, partner, limit, company=None):
        partner.with_company(company or cls.company).credit_limit = limit

    @classmethod
    def _order(cls, partner=None, amount=100.0, user=None, **values):
        order = (
            cls.env["sale.order"]
            .with_user(user or cls.env.user)
            .create(
                {
                    "partner_id": (partner or cls.customer).id,
                    "user_id": cls.user_kam.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                    **values,
                }
            )
        )
        return order.with_user(cls.env.user)

    @classmethod
    def _invoice_vals(cls, partner, amount, due, date=None, move_type="out_invoice"):
        return {
            "move_type": move_type,
            "partner_id": partner.id,
            "invoice_date": date or cls.today,
            "invoice_date_due": due,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": cls.product.id,
                        "price_unit": amount,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    @classmethod
    def _invoice(
        cls, partner, amount, due, date=None, move_type="out_invoice", post=True
    ):
        move = cls.env["account.move"].create(
            cls._invoice_vals(partner, amount, due, date, move_type)
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _pay(cls, invoice, amount=None, date=None):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "amount": amount or invoice.amount_residual,
                    "payment_date": date or cls.today,
                }
            )
            ._create_payments()
        )

    def _moments(self):
        """Yield the company's today at 23:30 and 00:30 UTC (frozen), the company in
        Baku, then in Honolulu, each in a sub-test."""
        for company_tz in ZONES:
            for moment in (LATE_EVENING, JUST_AFTER_MIDNIGHT):
                with (
                    self.subTest(company=company_tz, moment=moment),
                    freeze_time(moment),
                ):
                    self.company.kam_tz = company_tz
                    yield self.company._kam_today()

    @contextmanager
    def assertRaisesMessage(self, exception, text):
        """``assertRaises`` (which rolls the savepoint back) plus a check of the
        message."""
        with self.assertRaises(exception) as context:
            yield context
        self.assertIn(text, str(context.exception))
