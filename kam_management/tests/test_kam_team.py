# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .pay_common import KamPayCommon


@tagged("post_install", "-at_install")
class TestKamTeam(KamPayCommon):
    """One definition of a KAM's team and head of sales (res.users): record rules
    of accounts, plans and pay, and the discount approver agree, also after a
    reorganisation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager2 = cls._new_user(
            "kam_manager_south", "kam_management.group_kam_manager"
        )
        cls.employee_manager2 = cls.env["hr.employee"].create(
            {
                "name": cls.user_manager2.name,
                "user_id": cls.user_manager2.id,
                "company_id": cls.company.id,
                "parent_id": cls.employee_director.id,
            }
        )
        cls.statement_kam = cls._statement(cls.plan_kam)
        cls.statement_kam2 = cls._statement(cls.plan_kam2)
        cls.statement_kam2.action_compute()
        cls.adjustment_kam2 = cls.env["kam.variable.pay.adjustment"].create(
            {
                "statement_id": cls.statement_kam2.id,
                "amount": 10.0,
                "reason": "Team bonus",
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Team Widget", "list_price": 100.0}
        )
        cls.account_b.kam_account_plan = "<p>Grow B</p>"
        cls.account_plan_b = cls.env["kam.account.plan"].search(
            [("partner_id", "=", cls.account_b.id)]
        )

    def _sees(self, user):
        """What ``user`` may read of the records that belong to kam2."""
        records = {
            "account plan": self.account_plan_b,
            "plan": self.plan_kam2,
            "target": self.plan_kam2.line_ids[:1],
            "statement": self.statement_kam2,
            "statement line": self.statement_kam2.line_ids[:1],
            "adjustment": self.adjustment_kam2,
            "history": self.account_b.kam_assignment_ids,
        }
        seen = {}
        for name, record in records.items():
            self.assertTrue(record, name)
            visible = record.with_user(user).has_access("read")
            if not visible:
                with self.assertRaises(AccessError, msg=name):
                    record.with_user(user).read(["id"])
            seen[name] = visible
        return seen

    def _order(self, user, partner, discount):
        form = Form(self.env["sale.order"].with_user(user))
        form.partner_id = partner
        with form.order_line.new() as line:
            line.product_id = self.product
            line.product_uom_qty = 1
            line.discount = discount
        return form.save()

    def test_definition(self):
        self.assertEqual(self.user_kam2.kam_head_user_id, self.user_manager)
        self.assertEqual(self.user_manager.kam_head_user_id, self.user_director)
        self.assertFalse(self.user_director.kam_head_user_id)
        self.assertEqual(
            self.user_manager.kam_team_user_ids, self.user_kam | self.user_kam2
        )
        # Sub-teams are not included: the director's team is the heads reporting
        # to them; the director sees everything through their own rules.
        self.assertEqual(
            self.user_director.kam_team_user_ids,
            self.user_manager | self.user_manager2,
        )
        self.assertFalse(self.user_kam.kam_team_user_ids, "a KAM leads no team")
        Users = self.env["res.users"]
        self.assertEqual(
            Users.search([("kam_team_user_ids", "in", self.user_kam2.ids)]),
            self.user_manager,
        )
        self.assertEqual(
            self.account_b.kam_access_user_ids, self.user_kam2 | self.user_manager
        )

    def test_team_agrees_across_rules_and_approver_after_reorganisation(self):
        everything = dict.fromkeys(
            (
                "account plan",
                "plan",
                "target",
                "statement",
                "statement line",
                "adjustment",
                "history",
            ),
            True,
        )
        nothing = dict.fromkeys(everything, False)
        self.assertEqual(self._sees(self.user_manager), everything)
        self.assertEqual(self._sees(self.user_manager2), nothing)
        self.assertEqual(self._sees(self.user_director), everything)
        self.assertEqual(self._sees(self.user_kam), nothing)
        order = self._order(self.user_kam2, self.account_b, 8)
        order.action_kam_request_approval()
        self.assertEqual(order.kam_approver_id, self.user_manager)

        # kam2 moves to the southern head of sales: the cached rules follow
        self.employee_kam2.parent_id = self.employee_manager2
        self.assertEqual(self.user_kam2.kam_head_user_id, self.user_manager2)
        self.assertEqual(self.user_manager.kam_team_user_ids, self.user_kam)
        self.assertEqual(self.user_manager2.kam_team_user_ids, self.user_kam2)
        self.assertEqual(self._sees(self.user_manager), nothing)
        self.assertEqual(self._sees(self.user_manager2), everything)
        self.assertEqual(self._sees(self.user_director), everything)
        self.assertEqual(
            self.account_b.kam_access_user_ids, self.user_kam2 | self.user_manager2
        )
        # account_a: KAM kam (north), backup kam2 (south): both heads see it
        self.assertEqual(
            self.account_a.kam_access_user_ids,
            self.user_kam | self.user_kam2 | self.user_manager | self.user_manager2,
        )
        order = self._order(self.user_kam2, self.account_b, 8)
        order.action_kam_request_approval()
        self.assertEqual(order.kam_approver_id, self.user_manager2)
        self.assertEqual(order.activity_ids.user_id, self.user_manager2)
        with self.assertRaises(AccessError):
            order.with_user(self.user_kam).action_kam_approve()
        order.with_user(self.user_manager2).action_kam_approve()
        self.assertEqual(order.kam_approval_state, "approved")

    def test_team_leader_without_role_is_skipped(self):
        lead_user = self._new_user("kam_team_lead", "kam_management.group_kam_user")
        lead = self.env["hr.employee"].create(
            {
                "name": lead_user.name,
                "user_id": lead_user.id,
                "company_id": self.company.id,
                "parent_id": self.employee_manager2.id,
            }
        )
        self.employee_kam2.parent_id = lead
        self.assertEqual(self.user_kam2.kam_head_user_id, self.user_manager2)
        self.assertEqual(
            self.user_manager2.kam_team_user_ids, lead_user | self.user_kam2
        )
        self.assertTrue(self._sees(self.user_manager2)["plan"])
        self.assertFalse(self._sees(lead_user)["plan"])

    def test_losing_the_role_hands_the_team_up(self):
        self.assertTrue(self._sees(self.user_manager)["statement"])
        self.user_manager.groups_id = [
            Command.unlink(self.env.ref("kam_management.group_kam_manager").id)
        ]
        self.assertEqual(self.user_kam2.kam_head_user_id, self.user_director)
        self.assertFalse(self.user_manager.kam_team_user_ids)
        self.assertIn(self.user_kam2, self.user_director.kam_team_user_ids)
        self.assertFalse(self._sees(self.user_manager)["account plan"])
        order = self._order(self.user_kam2, self.account_b, 8)
        order.action_kam_request_approval()
        self.assertEqual(order.kam_approver_id, self.user_director)
