# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .contract_common import KamContractCommon


@tagged("post_install", "-at_install")
class TestKamContractKpi(KamContractCommon):
    """Q1 2025; account_1 passes from kam_user to kam_user2 on 15 February."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi_signed = cls.env.ref("kam_management.kam_kpi_contracts_signed")
        cls.kpi_compliance = cls.env.ref("kam_management.kam_kpi_contract_compliance")
        cls._own(cls.account_1, cls.user_kam)
        cls._own(cls.account_1, cls.user_kam2, date(2025, 2, 15))
        cls._own(cls.account_2, cls.user_kam2)

    def _signed(self, account, signed, start, end, activate=True):
        contract = self.Contract.create(
            {
                "partner_id": account.id,
                "date_signed": signed,
                "date_start": start,
                "date_end": end,
                "payment_term_id": self.term_30.id,
            }
        )
        if activate:
            contract.action_activate()
        return contract

    def test_contracts_signed_credit_the_owner_of_the_signing_day(self):
        first = self._signed(
            self.account_1, date(2025, 1, 10), date(2025, 1, 10), date(2025, 2, 28)
        )
        renewal = self.Contract.browse(first.action_renew()["res_id"])
        renewal.date_signed = date(2025, 3, 1)
        renewal.action_activate()
        # signed before the period, and a draft: not counted
        self._signed(
            self.account_2, date(2024, 12, 31), date(2025, 1, 1), date(2025, 12, 31)
        )
        self._signed(
            self.account_3,
            date(2025, 2, 1),
            date(2026, 1, 1),
            date(2026, 12, 31),
            activate=False,
        )
        values = self._compute(self.kpi_signed)
        self.assertEqual(values[self.user_kam.id], 1.0)
        self.assertEqual(values[self.user_kam2.id], 1.0)
        self.assertTrue(self.kpi_signed._kam_is_evidenced(values[self.user_kam.id]))

    def test_contract_compliance_share_of_orders(self):
        self._signed(
            self.account_1, date(2024, 12, 1), date(2024, 12, 1), date(2025, 12, 31)
        )
        self._signed(
            self.account_2, date(2024, 12, 1), date(2024, 12, 1), date(2025, 12, 31)
        )
        lines = [(self.product_a, 1, 10.0)]
        # kam_user's period: one compliant order, one with other payment terms
        self._order(
            self.account_1, date(2025, 1, 20), lines
        ).payment_term_id = self.term_30
        self._order(
            self.account_1, date(2025, 2, 1), lines
        ).payment_term_id = self.term_15
        # kam_user2: three compliant orders of two accounts, one quotation ignored
        for day in (date(2025, 2, 20), date(2025, 3, 5)):
            self._order(self.account_1, day, lines).payment_term_id = self.term_30
        self._order(
            self.account_2, date(2025, 3, 10), lines
        ).payment_term_id = self.term_30
        self._order(self.account_2, date(2025, 3, 11), lines, confirm=False)
        # outside any contract: not counted
        self._order(self.account_3, date(2025, 3, 12), lines)
        values = self._compute(self.kpi_compliance)
        self.assertAlmostEqual(values[self.user_kam.id], 50.0)
        self.assertAlmostEqual(values[self.user_kam2.id], 100.0)

    def test_compliance_counts_discounts(self):
        self._signed(
            self.account_2, date(2024, 12, 1), date(2024, 12, 1), date(2025, 12, 31)
        ).discount_max = 5.0
        order = self._order(
            self.account_2, date(2025, 1, 5), [(self.product_a, 1, 10.0)], confirm=False
        )
        order.write(
            {
                "payment_term_id": self.term_30.id,
                "order_line": [Command.update(order.order_line.id, {"discount": 6.0})],
            }
        )
        order.action_confirm()
        order.date_order = datetime(2025, 1, 5, 10)
        values = self._compute(self.kpi_compliance)
        self.assertEqual(values[self.user_kam2.id], 0.0)
