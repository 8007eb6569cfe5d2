# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestCreditProfile(KamReceivablesCommon):
    def test_exposure_overdue_available(self):
        self._set_limit(self.customer, 10000)
        self.company.kam_payment_grace_days = 5
        # overdue beyond grace, overdue within grace, not due, via the contact
        self._invoice(self.customer, 300, self.today - timedelta(days=10))
        self._invoice(self.customer, 200, self.today - timedelta(days=2))
        self._invoice(self.customer_contact, 100, self.today + timedelta(days=30))
        draft = self._invoice(
            self.customer, 50, self.today + timedelta(days=30), post=False
        )
        order = self._order(amount=1000)
        order.with_context(kam_credit_skip_check=True).action_confirm()
        self._order(amount=7777)  # a quotation is no exposure
        partner = self.customer
        self.assertEqual(partner.kam_credit_exposure, 300 + 200 + 100 + 50 + 1000)
        self.assertEqual(partner.kam_overdue_amount, 300)
        self.assertEqual(partner.kam_available_credit, 10000 - 1650)
        self.assertEqual(self.customer_contact.kam_credit_exposure, 1650)
        # DSO: 600 open of 600 invoiced over the year
        self.assertAlmostEqual(partner.kam_dso, 365.0)
        # the partner's own grace period wins over the company default
        partner.write({"kam_own_payment_grace": True, "kam_payment_grace_days": 1})
        partner.invalidate_recordset()
        self.assertEqual(partner.kam_overdue_amount, 500)
        # invoicing the order moves its amount from "to invoice" to receivables
        draft.button_cancel()
        invoice = order._create_invoices()
        invoice.action_post()
        partner.invalidate_recordset()
        self.assertEqual(partner.kam_credit_exposure, 1600)

    def test_payment_behaviour(self):
        late = self._invoice(
            self.customer,
            100,
            self.today - timedelta(days=20),
            self.today - timedelta(days=50),
        )
        on_time = self._invoice(self.customer, 100, self.today + timedelta(days=5))
        self._pay(late, date=self.today)  # 20 days late
        self._pay(on_time, date=self.today)  # before the due date
        self.assertAlmostEqual(self.customer.kam_avg_days_late, 10.0)
        self.assertAlmostEqual(self.customer.kam_paid_on_time_rate, 50.0)
        self.assertEqual(self.customer.kam_credit_exposure, 0)

    def test_exposure_ignores_company_switcher_and_rules(self):
        """A KAM who cannot read the invoices still gets the full exposure."""
        self._invoice(self.customer, 400, self.today + timedelta(days=30))
        other = self.env["res.partner"].create({"name": "Other"})
        self._invoice(other, 999, self.today + timedelta(days=30))
        as_kam = self.customer.with_user(self.user_kam)
        self.assertEqual(as_kam.kam_credit_exposure, 400)
        as_director = self.customer.with_user(self.user_director).with_context(
            allowed_company_ids=[self.company.id, self.company_2.id]
        )
        self.assertEqual(as_director.kam_credit_exposure, 400)
        # the second company has its own scope
        self.assertEqual(
            as_director.with_company(self.company_2).kam_credit_exposure, 0
        )

    def test_only_credit_manager_changes_credit_data(self):
        # a KAM allowed to edit contacts still cannot touch the credit data
        editor = new_test_user(
            self.env,
            login="kam_partner_editor",
            groups="base.group_user,kam_management.group_kam_user,base.group_partner_manager",
        )
        as_kam = self.customer.with_user(editor)
        self.assertEqual(self.customer.with_user(self.user_kam).kam_credit_limit, 0)
        for vals in (
            {"kam_credit_hold": True},
            {"kam_credit_risk_class": "high"},
            {"kam_payment_grace_days": 3},
            {"kam_own_payment_grace": True},
        ):
            with self.assertRaisesMessage(AccessError, "Only a credit manager"):
                as_kam.write(vals)
        with self.assertRaises(AccessError):
            as_kam.credit_limit = 500
        # Odoo's billing users who may edit contacts keep setting credit limits (as in
        # standard Odoo), not the KAM's credit data
        billing = new_test_user(
            self.env,
            login="kam_billing_editor",
            groups="base.group_user,account.group_account_invoice,"
            "base.group_partner_manager",
        )
        as_accountant = self.customer.with_user(billing)
        as_accountant.credit_limit = 300
        self.assertEqual(self.customer.credit_limit, 300)
        for vals in ({"kam_credit_hold": True}, {"kam_own_payment_grace": True}):
            with self.assertRaisesMessage(AccessError, "Only a credit manager"):
                as_accountant.write(vals)
        as_kam.phone = "+1 555 0100"  # the rest of the customer stays editable
        as_kam.kam_credit_risk_class = "medium"  # unchanged value: allowed
        as_manager = self.customer.with_user(self.user_credit_manager)
        as_manager.write(
            {
                "credit_limit": 500,
                "kam_credit_hold": True,
                "kam_credit_risk_class": "high",
            }
        )
        self.assertEqual(self.customer.with_user(self.user_kam).kam_credit_limit, 500)
        self.assertTrue(self.customer.with_user(self.user_kam).kam_credit_hold)
        self.assertEqual(
            self.customer.with_user(self.user_accountant).credit_limit, 500
        )
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            as_manager.kam_payment_grace_days = -2

    def test_credit_review_cron(self):
        self.customer.kam_credit_review_date = self.today
        self.env["res.partner"]._cron_kam_credit_review()
        self.env["res.partner"]._cron_kam_credit_review()  # once only
        activities = self.customer.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("kam_receivables.mail_activity_type_credit_review")
            )
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_credit_manager)


@tagged("post_install", "-at_install")
class TestCreditCheckQueryCount(KamReceivablesCommon):
    def _confirm_query_count(self, partner):
        self._order(
            partner
        ).action_confirm()  # the first order of a customer subscribes it
        order = self._order(partner)
        self.env.invalidate_all()
        self.cr.flush()
        start = self.cr.sql_log_count
        order.action_confirm()
        self.env.flush_all()
        self.cr.flush()
        self.assertEqual(order.state, "sale")
        return self.cr.sql_log_count - start, order

    def _customer_with_invoices(self, size):
        partner = self.env["res.partner"].create(
            {"name": f"Customer {size}", "is_company": True}
        )
        self._set_limit(partner, 10**9)
        due = self.today + timedelta(days=30)
        self.env["account.move"].create(
            [self._invoice_vals(partner, 10, due)] * size
        ).action_post()
        return partner

    def test_query_count_independent_of_open_invoices(self):
        """Confirming costs as many queries for 5 open invoices as for 500."""
        counts = {}
        for size in (5, 500):
            counts[size], order = self._confirm_query_count(
                self._customer_with_invoices(size)
            )
            self.assertEqual(order.kam_credit_check_ids.exposure, 10 * size + 100)
        self.assertEqual(counts[5], counts[500])
        partner = self._customer_with_invoices(50)
        self._order(partner).action_confirm()
        order = self._order(partner)
        self.env.invalidate_all()
        with self.assertQueryCount(counts[5]):
            order.action_confirm()
