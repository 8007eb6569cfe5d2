# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .contract_common import KamContractCommon
from .readonly_common import KamReadonlyCase


@tagged("post_install", "-at_install")
class TestReadonlyButtons(KamContractCommon, KamReadonlyCase):
    """The buttons that only open a screen (issue 13, item 4) run on a read-only
    cursor, so on the database replica when there is one: the account's sales
    history, feedback, contracts, visits and representation expenses, a visit's
    orders and new quotation, a lead's visits, a promotion's enrolments, a budget's
    expenses, the document of a contract deviation and a corrective action from
    refusals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Readonly lead",
                "partner_id": cls.account_a.id,
                "user_id": cls.user_kam.id,
            }
        )
        cls.promotion = cls.env["kam.promotion"].create(
            {
                "name": "Readonly promotion",
                "date_from": cls.today,
                "date_to": cls.today + timedelta(days=30),
                "product_ids": [Command.set(cls.product_a.ids)],
            }
        )
        cls.budget = cls.env["kam.representation.budget"].create(
            {
                "user_id": cls.user_kam.id,
                "date_from": cls.today - timedelta(days=10),
                "date_to": cls.today + timedelta(days=20),
                "amount": 500.0,
            }
        )
        # a quotation off the contract's payment terms: one deviation row
        cls._contract(cls.account_a, payment_term_id=cls.term_30.id)
        cls.deviating_order = cls.env["sale.order"].create(
            {
                "partner_id": cls.account_a.id,
                "payment_term_id": cls.term_15.id,
                "order_line": [Command.create({"product_id": cls.product_a.id})],
            }
        )
        # a quotation refused for a reason: one refusal row
        cls.reason = cls.env.ref("kam_management.kam_refusal_reason_delivery")
        refused = cls.env["sale.order"].create(
            {
                "partner_id": cls.account_a.id,
                "order_line": [Command.create({"product_id": cls.product_b.id})],
            }
        )
        refused = refused.with_context(kam_refusal_reason_given=True)
        refused.write({"kam_refusal_reason_id": cls.reason.id})
        refused.action_cancel()
        cls.env.flush_all()

    def test_account_buttons(self):
        account = self.account_a
        for method, res_model in (
            ("action_kam_sales_history", "sale.report"),
            ("action_kam_feedback", "kam.feedback"),
            ("action_kam_contracts", "kam.contract"),
            ("action_kam_view_visits", "kam.visit"),
            ("action_kam_new_visit", "kam.visit"),
            ("action_kam_view_representation", "hr.expense"),
        ):
            with self.subTest(method=method):
                action = self.assertReadonlyButton(self.user_kam, account, method)
                self.assertEqual(action["res_model"], res_model)
        action = self.assertReadonlyButton(
            self.user_kam, account, "action_kam_sales_history"
        )
        self.assertIn(["commercial_partner_id", "=", account.id], action["domain"])
        self.assertIn(account.name, action["display_name"])

    def test_lead_promotion_and_budget_buttons(self):
        action = self.assertReadonlyButton(
            self.user_kam, self.lead, "action_kam_view_visits"
        )
        self.assertEqual(action["domain"], [["lead_id", "=", self.lead.id]])
        action = self.assertReadonlyButton(
            self.user_kam, self.promotion, "action_view_enrolments"
        )
        self.assertEqual(action["domain"], [["promotion_id", "=", self.promotion.id]])
        action = self.assertReadonlyButton(
            self.user_kam, self.budget, "action_view_expenses"
        )
        self.assertEqual(action["res_model"], "hr.expense")
        self.assertIn(["employee_id.user_id", "=", self.user_kam.id], action["domain"])

    def test_visit_buttons(self):
        visit = self.env["kam.visit"].create(
            {
                "partner_id": self.account_a.id,
                "user_id": self.user_kam.id,
                "visit_type": "visit",
                "planned_start": f"{self.today} 09:00:00",
            }
        )
        action = self.assertReadonlyButton(
            self.user_kam, visit, "action_view_sale_orders"
        )
        self.assertEqual(action["domain"], [["kam_visit_id", "=", visit.id]])
        action = self.assertReadonlyButton(self.user_kam, visit, "action_new_quotation")
        self.assertEqual(action["context"]["default_kam_visit_id"], visit.id)

    def test_analysis_buttons(self):
        deviation = self.env["kam.contract.deviation"].search(
            [("order_id", "=", self.deviating_order.id)]
        )
        self.assertEqual(deviation.deviation, "payment_term")
        action = self.assertReadonlyButton(
            self.user_kam, deviation, "action_open_document"
        )
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("sale.order", self.deviating_order.id),
        )
        refusals = self.env["kam.refusal.report"].search(
            [("partner_id", "=", self.account_a.id)]
        )
        self.assertEqual(len(refusals), 1)
        action = self.assertReadonlyButton(
            self.user_kam, refusals, "action_kam_corrective_action"
        )
        self.assertEqual(action["res_model"], "kam.corrective.action")
        self.assertEqual(action["context"]["default_reason_id"], self.reason.id)

    def test_a_button_that_writes_is_run_again_read_write(self):
        """The harness itself: a write on the read-only cursor fails in
        PostgreSQL, and Odoo runs the request again read/write (two runs)."""

        def write(records):
            records.sudo().write({"ref": "written read-only"})

        with self.assertLogs("odoo.http", "WARNING") as logs:
            action, runs = self.call_button(
                self.user_kam, self.account_a, "action_kam_sales_history", spy=write
            )
        self.assertEqual(runs, [True, False])
        self.assertIn("read-only transaction", logs.output[0])
        self.assertIn("retrying with a read/write cursor", logs.output[0])
        self.assertEqual(action["res_model"], "sale.report")
        self.account_a.invalidate_recordset(["ref"])
        self.assertEqual(self.account_a.ref, "written read-only")
