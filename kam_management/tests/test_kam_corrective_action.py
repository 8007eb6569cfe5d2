# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamCorrectiveAction(KamCommon):
    """Corrective actions on refusal and return reasons (2.11) and their effect."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Widget", "list_price": 100.0}
        )
        cls.reason = cls.env.ref("kam_management.kam_refusal_reason_delivery")
        cls.other_reason = cls.env.ref("kam_management.kam_refusal_reason_price")
        cls.today = cls.company._kam_today()
        cls.Action = cls.env["kam.corrective.action"]

    def _order_on(self, partner, day, reason=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "price_unit": 10})
                ],
            }
        )
        if reason:
            order.with_context(kam_refusal_reason_given=True).write(
                {"kam_refusal_reason_id": reason.id}
            )
            order.with_context(kam_refusal_reason_given=True).action_cancel()
        else:
            order.action_confirm()
        order.date_order = datetime.combine(day, datetime.min.time().replace(hour=12))
        return order

    def _action(self, user=None, **values):
        vals = {
            "name": "Book delivery slots",
            "reason_id": self.reason.id,
            "partner_ids": [Command.set(self.account_a.ids)],
            "description": "<p>Slots agreed with the warehouse</p>",
        }
        vals.update(values)
        return self.Action.with_user(user or self.user_kam).create(vals)

    def test_created_from_the_refusal_analysis(self):
        day = self.today - timedelta(days=3)
        self._order_on(self.account_a, day, self.reason)
        self._order_on(self.account_a, day, self.reason)
        self._order_on(self.account_a, day, self.other_reason)
        rows = (
            self.env["kam.refusal.report"]
            .with_user(self.user_kam)
            .search([("partner_id", "=", self.account_a.id)])
        )
        self.assertEqual(len(rows), 3)
        action = rows.action_kam_corrective_action()
        self.assertEqual(action["res_model"], "kam.corrective.action")
        form = Form(
            self.Action.with_user(self.user_kam).with_context(**action["context"])
        )
        self.assertEqual(form.reason_id, self.reason, "the most frequent reason")
        form.date_deadline = self.today + timedelta(days=7)
        corrective = form.save()
        self.assertEqual(corrective.partner_ids, self.account_a)
        self.assertEqual(corrective.user_id, self.user_kam)
        self.assertEqual(corrective.state, "draft")
        self.assertEqual(corrective.effect, "pending")
        # three placed orders in the window before today, two with the reason
        self.assertEqual(corrective.before_count, 2)
        self.assertAlmostEqual(corrective.before_rate, 66.67)
        with self.assertRaises(UserError):
            self.env["kam.refusal.report"].action_kam_corrective_action()

    def test_effect_compares_same_length_windows(self):
        corrective = self._action(window_days=30)
        corrective.action_start()
        corrective.action_done()
        self.assertEqual(corrective.date_done, self.today)
        # pretend it was done ten days ago: windows of ten days on each side
        corrective.date_done = self.today - timedelta(days=9)
        done = corrective.date_done
        for offset in (1, 2, 5):  # before: 3 refusals, 1 other order
            self._order_on(self.account_a, done - timedelta(days=offset), self.reason)
        self._order_on(self.account_a, done - timedelta(days=4))
        self._order_on(self.account_a, done - timedelta(days=20), self.reason)  # out
        self._order_on(self.account_a, done + timedelta(days=2), self.reason)
        for offset in (3, 4, 5):
            self._order_on(self.account_a, done + timedelta(days=offset))
        self._order_on(self.account_a, done + timedelta(days=6), self.other_reason)
        self._order_on(self.account_b, done + timedelta(days=6), self.reason)  # other
        corrective.invalidate_recordset()
        self.assertEqual(corrective.before_date_from, done - timedelta(days=10))
        self.assertEqual(corrective.after_date_to, self.today)
        self.assertEqual((corrective.before_count, corrective.after_count), (3, 1))
        self.assertEqual(corrective.before_rate, 75.0)
        self.assertEqual(corrective.after_rate, 20.0, "1 of 5 placed")
        self.assertEqual(corrective.effect, "better")
        # the list computes many actions in one go
        other = self._action(partner_ids=[Command.set(self.account_b.ids)])
        both = (corrective | other).with_user(self.user_manager)
        self.assertEqual(both.mapped("effect"), ["better", "pending"])

    def test_effect_of_a_list_in_constant_queries(self):
        for offset in range(1, 6):
            self._order_on(self.account_a, self.today - timedelta(days=offset))
            self._order_on(
                self.account_b, self.today - timedelta(days=offset), self.reason
            )
        actions = self.Action
        for index in range(10):
            account = self.account_a if index % 2 else self.account_b
            actions |= self._action(
                name=f"Action {index}",
                partner_ids=[Command.set(account.ids)],
                window_days=10 + index,
            )
        actions[:5].action_done()

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Action.with_user(self.user_kam).browse(records.ids).mapped("effect")
            return self.env.cr.sql_log_count - before

        queries(actions)
        self.assertEqual(queries(actions[:2] | actions[-1:]), queries(actions))

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "Choose the accounts"):
            self._action(partner_ids=[])
        with self.assertRaisesRegex(ValidationError, "at least one day"):
            self._action(window_days=0)
        corrective = self._action(description=False)
        with self.assertRaisesRegex(UserError, "Describe what was done"):
            corrective.action_done()
        corrective.description = "<p>Done</p>"
        corrective.action_done()
        with self.assertRaisesRegex(UserError, "already closed"):
            corrective.action_done()
        with self.assertRaisesRegex(UserError, "stays done"):
            corrective.action_cancel()
        with self.assertRaisesRegex(UserError, "Only a draft"):
            corrective.action_start()

    def test_owner_activity_and_user_without_email(self):
        self.user_kam.partner_id.email = False
        corrective = self._action(
            user=self.user_manager,
            user_id=self.user_kam.id,
            date_deadline=self.today + timedelta(days=5),
        )
        activity = corrective.activity_ids
        self.assertEqual(activity.user_id, self.user_kam)
        self.assertEqual(activity.date_deadline, self.today + timedelta(days=5))
        corrective.with_user(self.user_manager).user_id = self.user_kam2
        self.assertEqual(corrective.activity_ids.user_id, self.user_kam2)
        corrective.with_user(self.user_kam).action_done()
        self.assertFalse(corrective.activity_ids)
        self.assertEqual(corrective.state, "done")

    def test_access_per_role(self):
        mine = self._action()
        of_b = self._action(
            user=self.user_kam2, partner_ids=[Command.set(self.account_b.ids)]
        )
        of_c = self._action(
            user=self.user_director, partner_ids=[Command.set(self.account_c.ids)]
        )
        every = mine | of_b | of_c
        domain = [("id", "in", every.ids)]

        def visible(user):
            return self.Action.with_user(user).search(domain)

        # the backup KAM of account A sees its actions too
        self.assertEqual(visible(self.user_kam), mine)
        self.assertEqual(visible(self.user_kam2), mine | of_b)
        self.assertEqual(visible(self.user_manager), mine | of_b)
        self.assertEqual(visible(self.user_director), every)
        with self.assertRaises(AccessError):
            of_b.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            of_c.with_user(self.user_kam).write({"name": "Mine now"})
        with self.assertRaises(AccessError):
            self.Action.with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            mine.with_user(self.user_kam).unlink()
        self.assertFalse(
            self.Action.with_user(self.user_kam_other_company).search(domain)
        )
