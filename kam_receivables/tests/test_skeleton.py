# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import datetime, safe_eval


@tagged("post_install", "-at_install")
class TestReceivablesSkeleton(TransactionCase):
    def test_credit_manager_group(self):
        user = new_test_user(
            self.env, login="credit_mgr", groups="kam_receivables.group_credit_manager"
        )
        self.assertTrue(user.has_group("kam_management.group_kam_user"))
        self.assertTrue(user.has_group("account.group_account_invoice"))

    def test_grace_setting(self):
        settings = Form(self.env["res.config.settings"])
        settings.kam_payment_grace_days = 5
        settings.save().execute()
        self.assertEqual(self.env.company.kam_payment_grace_days, 5)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env.company.kam_payment_grace_days = -1

    def test_overdue_action_lists_overdue_invoices_only(self):
        partner = self.env["res.partner"].create({"name": "Overdue Customer"})
        product = self.env["product.product"].create(
            {"name": "Widget", "list_price": 100}
        )

        def invoice(due):
            move = self.env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": "2026-01-01",
                    "invoice_date_due": due,
                    "invoice_line_ids": [
                        (0, 0, {"product_id": product.id, "price_unit": 100})
                    ],
                }
            )
            move.action_post()
            return move

        overdue = invoice("2026-01-15")
        not_due = invoice("2999-01-01")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_receivables.account_move_action_kam_overdue"
        )
        domain = safe_eval(action["domain"], {"context_today": datetime.date.today})
        found = self.env["account.move"].search(domain)
        self.assertIn(overdue, found)
        self.assertNotIn(not_due, found)
