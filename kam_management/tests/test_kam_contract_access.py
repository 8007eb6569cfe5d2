# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .contract_common import KamContractCommon


@tagged("post_install", "-at_install")
class TestKamContractAccess(KamContractCommon):
    """A KAM sees their accounts' contracts (also as backup), a head of sales their
    team's, the director all of their companies; nobody else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls._contract(cls.account_a)  # kam_user, backup kam_user2
        cls.contract_b = cls._contract(cls.account_b)  # kam_user2
        cls.contract_c = cls._contract(cls.account_c)  # director, outside the team
        cls.account_c2 = cls.env["res.partner"].create(
            {
                "name": "Account of the second company",
                "is_company": True,
                "company_id": cls.company_2.id,
                "kam_user_id": cls.user_kam_other_company.id,
            }
        )
        cls.contract_c2 = cls.Contract.create(
            {
                "partner_id": cls.account_c2.id,
                "company_id": cls.company_2.id,
                "date_start": cls.today,
            }
        )
        cls.all_contracts = (
            cls.contract_a | cls.contract_b | cls.contract_c | cls.contract_c2
        )

    def _visible(self, user, companies=None):
        Contract = self.Contract.with_user(user)
        if companies:
            Contract = Contract.with_context(allowed_company_ids=companies.ids)
        return Contract.search([("id", "in", self.all_contracts.ids)])

    def test_kam_sees_own_and_backed_up_accounts(self):
        self.assertEqual(self._visible(self.user_kam), self.contract_a)
        self.assertEqual(
            self._visible(self.user_kam2), self.contract_a | self.contract_b
        )

    def test_kam_cannot_read_or_write_another_kams_contract(self):
        contract = self.contract_b.with_user(self.user_kam)
        with self.assertRaises(AccessError):
            contract.read(["name"])
        with self.assertRaises(AccessError):
            contract.write({"discount_max": 3})
        with self.assertRaises(AccessError):
            self.Contract.with_user(self.user_kam).create(
                {"partner_id": self.account_b.id, "date_start": self.today}
            )

    def test_kam_works_own_contract_but_cannot_delete(self):
        contract = self.contract_a.with_user(self.user_kam)
        contract.write({"delivery_lead_days": 3})
        contract.action_terminate()
        self.assertEqual(contract.state, "terminated")
        with self.assertRaises(AccessError):
            contract.unlink()

    def test_head_of_sales_sees_the_team(self):
        visible = self._visible(self.user_manager)
        self.assertEqual(visible, self.contract_a | self.contract_b)
        with self.assertRaises(AccessError):
            self.contract_c.with_user(self.user_manager).read(["name"])

    def test_director_sees_all_of_their_companies(self):
        self.assertEqual(
            self._visible(self.user_director, self.company | self.company_2),
            self.all_contracts,
        )
        self.assertEqual(
            self._visible(self.user_director, self.company),
            self.all_contracts - self.contract_c2,
        )

    def test_other_company(self):
        self.assertEqual(self._visible(self.user_kam_other_company), self.contract_c2)
        with self.assertRaises(AccessError):
            self.contract_a.with_user(self.user_kam_other_company).read(["name"])

    def test_employee_and_portal_have_no_access(self):
        for user in (self.user_employee, self.user_portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Contract.with_user(user).search([])

    def test_deviation_report_follows_the_accounts(self):
        order = self._order(self.account_b, self.today, [(self.product_a, 1, 10)])
        self.contract_b.payment_term_id = self.term_30
        self.assertTrue(order.kam_contract_payment_term_differs)
        self.env.flush_all()
        Report = self.env["kam.contract.deviation"]
        rows = Report.with_user(self.user_kam2).search([("order_id", "=", order.id)])
        self.assertEqual(rows.user_id, self.user_kam2)
        self.assertFalse(
            Report.with_user(self.user_kam).search([("order_id", "=", order.id)])
        )
        self.assertTrue(
            Report.with_user(self.user_manager).search([("order_id", "=", order.id)])
        )
        with self.assertRaises(AccessError):
            Report.with_user(self.user_employee).search([])

    def test_sales_support_sees_the_check_not_the_contract(self):
        support = self.env["res.users"].create(
            {
                "name": "Sales support",
                "login": "kam_contract_support",
                "groups_id": [
                    Command.set(
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("sales_team.group_sale_salesman_all_leads").id,
                        ]
                    )
                ],
            }
        )
        self.contract_a.payment_term_id = self.term_30
        order = (
            self.env["sale.order"]
            .with_user(support)
            .create(
                {"partner_id": self.account_a.id, "payment_term_id": self.term_15.id}
            )
        )
        self.assertTrue(order.kam_contract_warning)
        self.assertIn("Payment terms", order.kam_contract_warning)
        with self.assertRaises(AccessError):
            order.kam_contract_id.read(["name"])
