# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamDiscount(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Widget", "list_price": 100.0}
        )

    def _order_form(self, user, partner, discount):
        form = Form(self.env["sale.order"].with_user(user))
        form.partner_id = partner
        with form.order_line.new() as line:
            line.product_id = self.product
            line.product_uom_qty = 10
            line.discount = discount
        return form

    def test_discount_within_authority(self):
        order = self._order_form(self.user_kam, self.account_a, 10).save()
        self.assertEqual(order.kam_max_discount, 10)
        self.assertEqual(order.kam_approval_state, "not_required")
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_discount_flow_end_to_end(self):
        form = self._order_form(self.user_kam, self.account_a, 15)
        self.assertEqual(form.kam_approval_state, "to_approve")
        order = form.save()
        self.assertEqual(order.user_id, self.user_kam)
        with self.assertRaisesRegex(
            UserError, r"Widget: discount 15.00% \(allowed 10.00%\)"
        ):
            order.with_user(self.user_kam).action_confirm()

        order.with_user(self.user_kam).action_kam_request_approval()
        activity = order.activity_ids
        self.assertEqual(
            activity.user_id, self.user_manager, "the KAM's head of sales approves"
        )
        self.assertEqual(order.kam_approver_id, self.user_manager)
        self.assertIn("Discount approval requested", order.message_ids[0].body)

        with self.assertRaises(AccessError):
            order.with_user(self.user_kam).action_kam_approve()
        order.with_user(self.user_manager).action_kam_approve()
        self.assertEqual(order.kam_approval_state, "approved")
        self.assertFalse(order.activity_ids, "the approval activity is done")
        self.assertIn("Discounts approved by", order.message_ids[0].body)

        # Lowering keeps the approval, raising above the approved discount voids it.
        with (
            Form(order.with_user(self.user_kam)) as edit,
            edit.order_line.edit(0) as line,
        ):
            line.discount = 12
        self.assertEqual(order.kam_approval_state, "approved")
        with (
            Form(order.with_user(self.user_kam)) as edit,
            edit.order_line.edit(0) as line,
        ):
            line.discount = 20
        self.assertEqual(order.kam_approval_state, "to_approve")
        with self.assertRaises(UserError):
            order.with_user(self.user_kam).action_confirm()

        order.with_user(self.user_kam).action_kam_request_approval()
        order.with_user(self.user_manager).action_kam_reject()
        self.assertEqual(order.kam_approval_state, "rejected")
        with self.assertRaisesRegex(UserError, "rejected the discounts"):
            order.with_user(self.user_kam).action_confirm()

        with (
            Form(order.with_user(self.user_kam)) as edit,
            edit.order_line.edit(0) as line,
        ):
            line.discount = 5
        self.assertEqual(order.kam_approval_state, "not_required")
        order.with_user(self.user_kam).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_head_of_sales_has_no_limit(self):
        order = self._order_form(self.user_manager, self.account_a, 40).save()
        self.assertEqual(
            order.user_id, self.user_kam, "a key account's order goes to its KAM"
        )
        order.user_id = self.user_manager
        self.assertEqual(order.kam_max_discount, -1)
        self.assertEqual(order.kam_approval_state, "not_required")

    def test_nobody_approves_own_order(self):
        order = self._order_form(self.user_manager, self.account_a, 30).save()
        self.assertEqual(order.kam_approval_state, "to_approve")
        with self.assertRaisesRegex(UserError, "your own order"):
            order.with_user(self.user_manager).action_kam_approve()
        order.with_user(self.user_director).action_kam_approve()
        self.assertEqual(order.kam_approval_state, "approved")

    def test_request_without_need(self):
        order = self._order_form(self.user_kam, self.account_a, 5).save()
        with self.assertRaisesRegex(UserError, "need no approval"):
            order.action_kam_request_approval()

    def test_approver_falls_back_to_any_head_of_sales(self):
        self.employee_kam2.parent_id = False
        order = self._order_form(self.user_kam2, self.account_b, 8).save()
        self.assertEqual(order.kam_approval_state, "to_approve")
        order.action_kam_request_approval()
        self.assertTrue(
            order.kam_approver_id._has_group("kam_management.group_kam_manager")
        )
        self.assertNotEqual(order.kam_approver_id, self.user_kam2)

    def test_order_without_tier_needs_no_approval(self):
        customer = self.env["res.partner"].create(
            {"name": "Walk-in", "is_company": True}
        )
        order = self._order_form(self.user_kam, customer, 50).save()
        self.assertEqual(order.kam_approval_state, "not_required")

    def test_approval_without_email_addresses(self):
        """A KAM and a head of sales without an e-mail address request and decide
        approvals; the request is an activity of its own type, found again by it
        (not by its summary, which users translate and edit)."""
        (self.user_kam | self.user_manager).email = False
        order = self._order_form(self.user_kam, self.account_a, 15).save()
        order = order.with_context(tracking_disable=False)
        order.with_user(self.user_kam).action_kam_request_approval()
        activity = order.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("kam_management.mail_activity_type_kam_discount_approval"),
        )
        self.assertEqual(activity.user_id, self.user_manager)
        request = order.message_ids.filtered(
            lambda m: "Discount approval requested" in (m.body or "")
        )
        self.assertEqual(request.author_id, self.user_kam.partner_id)
        activity.summary = "Rabatte freigeben"
        order.with_user(self.user_manager).action_kam_approve()
        self.assertEqual(order.kam_approval_state, "approved")
        self.assertFalse(order.activity_ids, "the approval activity is done")
        decision = order.message_ids.filtered(
            lambda m: "Discounts approved by" in (m.body or "")
        )
        self.assertEqual(decision.author_id, self.user_manager.partner_id)
        self.assertIn(self.user_kam.partner_id, decision.partner_ids)
