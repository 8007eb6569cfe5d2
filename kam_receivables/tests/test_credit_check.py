# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestCreditCheck(KamReceivablesCommon):
    def _hold_activities(self, order):
        activity_type = self.env.ref("kam_receivables.mail_activity_type_credit_hold")
        return order.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def test_passes_under_limit(self):
        self._set_limit(self.customer, 1000)
        order = self._order(amount=400)
        self.assertEqual(order.kam_available_credit, 1000)
        result = order.with_user(self.user_kam).action_confirm()
        self.assertIs(result, True)
        self.assertEqual(order.state, "sale")
        check = order.kam_credit_check_ids
        self.assertRecordValues(
            check,
            [
                {
                    "result": "passed",
                    "credit_limit": 1000,
                    "exposure": 0,
                    "order_amount": 400,
                    "user_id": self.user_kam.id,
                }
            ],
        )
        self.assertEqual(self.customer.kam_available_credit, 600)

    def test_limit_exceeded_is_held_not_raised(self):
        self._set_limit(self.customer, 1000)
        self._invoice(self.customer, 700, self.today + timedelta(days=30))
        order = self._order(partner=self.customer_contact, amount=400)
        result = order.with_user(self.user_kam).action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertTrue(order.kam_credit_hold)
        self.assertEqual(result["res_model"], "kam.credit.check")
        self.assertEqual(result["target"], "new")
        check = self.env["kam.credit.check"].browse(result["res_id"])
        self.assertRecordValues(
            check,
            [
                {
                    "order_id": order.id,
                    "partner_id": self.customer.id,
                    "result": "blocked",
                    "mode": "approval",
                    "credit_limit": 1000,
                    "exposure": 700,
                    "order_amount": 400,
                    "available_credit": -100,
                }
            ],
        )
        self.assertIn("exceeds the credit limit", check.reason)
        activities = self._hold_activities(order)
        self.assertEqual(activities.user_id, self.user_credit_manager)
        # the KAM reads the dialog
        self.assertEqual(check.with_user(self.user_kam).exposure, 700)
        self.assertFalse(check.with_user(self.user_kam).can_override)
        self.assertTrue(check.with_user(self.user_credit_manager).can_override)
        # confirming again logs again but does not schedule a second activity
        order.with_user(self.user_kam).action_confirm()
        self.assertEqual(len(order.kam_credit_check_ids), 2)
        self.assertEqual(len(self._hold_activities(order)), 1)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_receivables.sale_order_action_kam_credit_hold"
        )
        held = (
            self.env["sale.order"]
            .with_user(self.user_credit_manager)
            .search(safe_eval(action["domain"]))
        )
        self.assertIn(order, held)

    def test_order_form_shows_available_credit(self):
        self._set_limit(self.customer, 1000)
        self._invoice(self.customer, 700, self.today + timedelta(days=30))
        self._invoice(self.customer, 50, self.today - timedelta(days=30))
        order_form = Form(self.env["sale.order"].with_user(self.user_kam))
        order_form.partner_id = self.customer_contact
        self.assertEqual(order_form.kam_credit_limit, 1000)
        self.assertEqual(order_form.kam_available_credit, 250)
        self.assertEqual(order_form.kam_overdue_amount, 50)

    def test_several_orders_confirmed_together(self):
        self._set_limit(self.customer, 1000)
        orders = self._order(amount=600) | self._order(
            partner=self.customer_contact, amount=600
        )
        action = orders.action_confirm()
        self.assertEqual(orders.mapped("state"), ["sale", "draft"])
        self.assertEqual(action["res_id"], orders[1].kam_credit_check_ids.id)
        self.assertEqual(orders[1].kam_credit_check_ids.exposure, 600)

    def test_overdue_blocks(self):
        self.company.kam_payment_grace_days = 3
        self._invoice(self.customer, 50, self.today - timedelta(days=2))
        order = self._order(amount=10)
        order.action_confirm()
        self.assertEqual(
            order.state, "sale", "overdue within the grace period does not block"
        )
        self._invoice(self.customer, 80, self.today - timedelta(days=10))
        order = self._order(amount=10)
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.kam_credit_check_ids.overdue_amount, 80)
        self.assertIn("overdue", order.kam_credit_check_ids.reason)

    def test_credit_hold_blocks_even_in_warn_mode(self):
        self.customer.write({"kam_credit_hold": True, "kam_credit_risk_class": "low"})
        order = self._order(amount=10)
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertRecordValues(
            order.kam_credit_check_ids,
            [{"result": "blocked", "mode": "approval", "credit_hold": True}],
        )
        self.assertIn("credit hold", order.kam_credit_check_ids.reason)

    def test_warn_mode_confirms(self):
        self.customer.kam_credit_risk_class = "low"
        self._set_limit(self.customer, 100)
        order = self._order(amount=400)
        self.assertIs(order.action_confirm(), True)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.kam_credit_hold)
        self.assertEqual(order.kam_credit_check_ids.result, "warned")
        self.assertTrue(
            any(
                "Credit check: Warned" in body
                for body in order.message_ids.mapped("body")
            )
        )

    def test_mode_configurable_per_risk_class(self):
        self.company.kam_credit_action_medium = "warn"
        self._set_limit(self.customer, 100)
        order = self._order(amount=400)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.company.kam_credit_action_medium = "block"
        order = self._order(amount=400)
        order.action_confirm()
        self.assertEqual(order.kam_credit_check_ids.mode, "block")
        self.assertEqual(order.state, "draft")

    def test_override_by_credit_manager(self):
        self._set_limit(self.customer, 100)
        order = self._order(amount=400)
        order.action_confirm()
        with self.assertRaises(AccessError):
            order.with_user(self.user_kam).action_kam_credit_override()
        with self.assertRaises(AccessError):
            self.env["sale.order.credit.override"].with_user(self.user_kam).create(
                {"order_id": order.id, "reason": "Please"}
            )
        action = order.with_user(self.user_credit_manager).action_kam_credit_override()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.user_credit_manager)
            .with_context(**action["context"])
        )
        wizard_form.reason = "Bank guarantee received"
        wizard_form.save().action_override()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.kam_credit_hold)
        self.assertFalse(self._hold_activities(order))
        last = order.kam_credit_check_ids[0]
        self.assertEqual(last.result, "overridden")
        self.assertEqual(last.user_id, self.user_credit_manager)
        self.assertIn("Bank guarantee received", last.reason)

    def test_block_mode_cannot_be_overridden(self):
        self.customer.kam_credit_risk_class = "high"
        self._set_limit(self.customer, 100)
        order = self._order(amount=400)
        order.action_confirm()
        self.assertEqual(order.kam_credit_check_ids.mode, "block")
        self.assertFalse(
            order.kam_credit_check_ids.with_user(self.user_credit_manager).can_override
        )
        wizard = (
            self.env["sale.order.credit.override"]
            .with_user(self.user_credit_manager)
            .create({"order_id": order.id, "reason": "Trust them"})
        )
        with self.assertRaisesMessage(UserError, "cannot be approved"):
            wizard.action_override()
        self.assertEqual(order.state, "draft")

    def test_kam_cannot_set_order_hold(self):
        order = self._order(amount=10)
        with self.assertRaises(AccessError):
            order.with_user(self.user_kam).kam_credit_hold = True

    def test_multi_currency_converted_at_order_date(self):
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "=", "EUR")])
        )
        if currency == self.currency:
            currency = (
                self.env["res.currency"]
                .with_context(active_test=False)
                .search([("name", "=", "CHF")])
            )
        currency.active = True
        pricelist = self.env["product.pricelist"].create(
            {"name": "Foreign", "currency_id": currency.id}
        )
        # on the company's day, whatever the hour and the company's time zone
        for today in self._moments():
            customer = self.env["res.partner"].create(
                {"name": f"Foreign Customer {today}", "is_company": True}
            )
            order_date = today - timedelta(days=10)
            # the confirmation's rate is dated the company's yesterday, so that it
            # applies whichever UTC day Odoo reads rates for
            rates = self.env["res.currency.rate"].create(
                [
                    {
                        "currency_id": currency.id,
                        "name": order_date,
                        "rate": 2.0,
                        "company_id": self.company.id,
                    },
                    {
                        "currency_id": currency.id,
                        "name": today - timedelta(days=1),
                        "rate": 4.0,
                        "company_id": self.company.id,
                    },
                ]
            )
            self._set_limit(customer, 600)
            order = self._order(
                partner=customer,
                amount=1000,
                pricelist_id=pricelist.id,
                date_order=order_date,
            )
            self.assertEqual(order.currency_id, currency)
            order.action_confirm()
            # 1000 at 2.0 is 500 of company currency (today's rate would give 250)
            self.assertEqual(order.kam_credit_check_ids.order_amount, 500)
            self.assertEqual(order.state, "sale")
            # once confirmed, the order date (and its rate) is the confirmation's:
            # 1000 / 4.0
            order2 = self._order(
                partner=customer,
                amount=800,
                pricelist_id=pricelist.id,
                date_order=order_date,
            )
            order2.action_confirm()
            self.assertEqual(order2.state, "draft")
            self.assertRecordValues(
                order2.kam_credit_check_ids, [{"exposure": 250, "order_amount": 400}]
            )
            rates.unlink()

    def test_raising_quantity_on_confirmed_order(self):
        self._set_limit(self.customer, 500)
        order = self._order(amount=100)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        order.order_line.product_uom_qty = 4  # 400, still within the limit
        with self.assertRaisesMessage(UserError, "does not pass the credit check"):
            order.order_line.product_uom_qty = 6
        self.assertEqual(order.order_line.product_uom_qty, 4)
        with self.assertRaisesMessage(UserError, "does not pass the credit check"):
            order.order_line = [
                Command.create({"product_id": self.product.id, "price_unit": 300})
            ]
        order.order_line.product_uom_qty = 2  # lowering is always fine

    def test_portal_and_payment_paths_check(self):
        self._set_limit(self.customer, 100)
        order = self._order(amount=400, require_signature=False, require_payment=False)
        order.sudo()._validate_order()  # what portal signature and online payment call
        self.assertEqual(order.state, "draft")
        self.assertTrue(order.kam_credit_hold)
        self.assertEqual(order.kam_credit_check_ids.result, "blocked")

    def _online_payment(self, order, amount):
        return self.env["payment.transaction"].create(
            {
                "provider_id": self.env.ref("payment.payment_provider_adyen").id,
                "payment_method_id": self.env.ref("payment.payment_method_card").id,
                "amount": amount,
                "currency_id": order.currency_id.id,
                "partner_id": order.partner_id.id,
                "reference": f"KAM-{order.name}-{amount}",
                "operation": "online_redirect",
                "sale_order_ids": [Command.set(order.ids)],
                "state": "done",
            }
        )

    def test_online_payment_path(self):
        """Paying a quotation online confirms it through the check; the money paid
        counts."""
        self._set_limit(self.customer, 100)
        order = self._order(amount=400, require_payment=True, prepayment_percent=0.25)
        tx = self._online_payment(order, 100)
        tx._check_amount_and_confirm_order()
        self.assertEqual(
            order.state, "draft", "300 left unpaid exceeds the limit of 100"
        )
        self.assertRecordValues(
            order.kam_credit_check_ids, [{"result": "blocked", "order_amount": 300}]
        )
        order = self._order(amount=400, require_payment=True, prepayment_percent=0.25)
        tx = self._online_payment(order, 400)
        tx._check_amount_and_confirm_order()
        self.assertEqual(order.state, "sale")
        self.assertRecordValues(
            order.kam_credit_check_ids, [{"result": "passed", "order_amount": 0}]
        )

    def test_recheck_cron_confirms_after_payment(self):
        invoice = self._invoice(self.customer, 300, self.today - timedelta(days=30))
        order = self._order(amount=50)
        order.action_confirm()
        self.assertTrue(order.kam_credit_hold)
        self.env["sale.order"]._cron_kam_credit_recheck()
        self.assertEqual(order.state, "draft", "still overdue")
        self._pay(invoice)
        self.env["sale.order"]._cron_kam_credit_recheck()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.kam_credit_hold)
        self.assertEqual(
            order.kam_credit_check_ids.mapped("result"),
            ["passed", "blocked", "blocked"],
        )
        self.assertIn(self.user_kam.partner_id, order.message_ids[0].partner_ids)

    def test_check_records_follow_roles_and_companies(self):
        self._set_limit(self.customer, 10)
        order = self._order(amount=400)
        order.action_confirm()
        check = order.kam_credit_check_ids
        self.assertTrue(check.with_user(self.user_kam).has_access("read"))
        self.assertFalse(check.with_user(self.user_kam2).has_access("read"))
        self.assertTrue(
            check.with_user(self.user_manager).has_access("read"),
            "the KAM's head of sales",
        )
        self.assertTrue(check.with_user(self.user_director).has_access("read"))
        self.assertFalse(check.with_user(self.user_employee).has_access("read"))
        self.assertTrue(check.with_user(self.user_accountant).has_access("read"))
        with self.assertRaises(AccessError):
            check.with_user(self.user_credit_manager).write({"result": "passed"})
        other_customer = self.env["res.partner"].create(
            {"name": "C2 Customer", "is_company": True}
        )
        order_c2 = (
            self.env["sale.order"]
            .with_company(self.company_2)
            .create(
                {
                    "partner_id": other_customer.id,
                    "user_id": self.user_kam_other_company.id,
                    "company_id": self.company_2.id,
                    "order_line": [
                        Command.create({"product_id": self.product.id, "price_unit": 5})
                    ],
                }
            )
        )
        order_c2.with_company(self.company_2).action_confirm()
        check_c2 = self.env["kam.credit.check"].browse(
            order_c2.kam_credit_check_ids.ids
        )
        self.assertEqual(check_c2.company_id, self.company_2)
        self.assertTrue(
            check_c2.with_user(self.user_kam_other_company).has_access("read")
        )
        self.assertFalse(check_c2.with_user(self.user_accountant).has_access("read"))
