# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.kam_management.tests.common_demo import KamDemoCase

BUCKETS = (
    "amount_not_due",
    "amount_1_30",
    "amount_31_60",
    "amount_61_90",
    "amount_90_plus",
)
# menu (XML id in kam_receivables) -> the demo login who uses it
MENU_ROLES = {
    "kam_receivable_aging_menu": "kamala",
    "account_move_kam_overdue_menu": "sevinj",
    "sale_order_kam_credit_hold_menu": "sevinj",
    "kam_credit_check_menu": "sevinj",
    "kam_discrepancy_act_menu": "farid",
    "kam_collection_level_menu": "sevinj",
}


@tagged("post_install", "-at_install")
class TestReceivablesDemo(KamDemoCase):
    """The demo's 14 months of invoices and payments fill every receivables screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accounts = cls.env["res.partner"].search([("is_key_account", "=", True)])

    def account(self, number):
        return self.env.ref(f"kam_management.res_partner_demo_key_account_{number}")

    def test_credit_manager(self):
        manager = self.demo_user("sevinj")
        self.assertTrue(manager.has_group("kam_receivables.group_credit_manager"))
        self.assertEqual(manager.tz, "Asia/Baku")
        self.assertEqual(self.company.kam_credit_manager_id, manager)
        self.assertTrue(self.company.kam_credit_block)

    def test_aging_has_every_bucket(self):
        rows = self.env["kam.receivable.aging"].search(
            [("partner_id", "in", self.accounts.ids)]
        )
        for column in BUCKETS:
            self.assertGreater(sum(rows.mapped(column)), 0.0, column)
        self.assertLess(sum(rows.mapped("amount_unapplied")), 0.0)
        # Kamala sees her own accounts' debt, the oldest bucket included, and only
        # the accounts she has access to (her own, and those she backs up)
        kamala = self.demo_user("kamala")
        mine = self.env["kam.receivable.aging"].with_user(kamala).search([])
        own = mine.filtered(lambda row: row.partner_id.kam_user_id == kamala)
        self.assertGreater(sum(own.mapped("amount_90_plus")), 0.0)
        self.assertLess(len(mine), len(rows))
        for partner in mine.partner_id:
            self.assertIn(kamala, partner.kam_access_user_ids, partner.name)

    def test_fourteen_months_of_invoices_and_payments(self):
        invoices = self.env["account.move"].search(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("commercial_partner_id", "in", self.accounts.ids),
            ]
        )
        self.assertLess(
            min(invoices.mapped("invoice_date")), self.today - timedelta(days=395)
        )
        self.assertTrue(invoices.filtered(lambda i: i.payment_state != "not_paid"))
        orders = self.env["sale.order"].search(
            [("partner_id", "in", self.accounts.ids), ("state", "=", "sale")]
        )
        # every order is invoiced but the one the credit manager let through today
        self.assertEqual(
            orders.filtered(lambda o: o.invoice_status == "to invoice"),
            self.env.ref("kam_receivables.sale_order_demo_credit_overridden"),
        )
        sumgait = self.account("09")
        self.assertGreater(sumgait.kam_avg_days_late, 10.0)
        caspian = self.account("01")
        statement = caspian._kam_settlement_statement(
            self.today - timedelta(days=365), self.today, self.company
        )
        self.assertGreater(statement["total_debit"], 0.0)
        self.assertGreater(statement["total_credit"], 0.0)

    def test_credit_holds(self):
        over_limit = self.env.ref("kam_receivables.sale_order_demo_credit_hold_limit")
        overdue = self.env.ref("kam_receivables.sale_order_demo_credit_hold_overdue")
        overridden = self.env.ref("kam_receivables.sale_order_demo_credit_overridden")
        for order in over_limit | overdue:
            self.assertTrue(order.kam_credit_hold, order.name)
            self.assertIn(order.state, ("draft", "sent"))
            self.assertEqual(order.kam_credit_check_ids.mapped("result"), ["blocked"])
        shirvan = over_limit.partner_id
        self.assertGreater(shirvan.kam_credit_exposure, shirvan.kam_credit_limit)
        self.assertFalse(shirvan.kam_overdue_amount)
        sumgait = overdue.partner_id
        self.assertGreater(sumgait.kam_overdue_amount, 0.0)
        self.assertTrue(sumgait.kam_credit_hold)
        self.assertEqual(overridden.state, "sale")
        self.assertFalse(overridden.kam_credit_hold)
        self.assertIn("overridden", overridden.kam_credit_check_ids.mapped("result"))

    def test_collection_escalation(self):
        hold = self.env.ref("kam_receivables.kam_collection_level_demo_hold")
        call = self.env.ref("kam_receivables.kam_collection_level_demo_call")
        self.assertEqual(self.account("09").kam_collection_level_id, hold)
        self.assertEqual(self.account("07").kam_collection_level_id, call)
        calls = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", self.account("07").id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("mail.mail_activity_data_call").id,
                ),
            ]
        )
        self.assertEqual(calls.user_id, self.demo_user("nigar"))

    def test_discrepancy_acts(self):
        done = self.env.ref("kam_receivables.kam_discrepancy_act_demo_done")
        waiting = self.env.ref("kam_receivables.kam_discrepancy_act_demo_waiting")
        self.assertEqual(done.state, "done")
        self.assertEqual(done.credit_note_id.move_type, "out_refund")
        self.assertEqual(done.credit_note_id.state, "posted")
        self.assertEqual(waiting.state, "confirmed")

    def test_menus_open_on_data(self):
        self.assertMenusHaveData("kam_receivables", MENU_ROLES)
