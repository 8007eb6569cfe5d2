# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivablesKpi(KamReceivablesCommon):
    def test_collected_revenue_and_overdue_ratio(self):
        users = self.user_kam | self.user_kam2
        collected = self.env.ref("kam_receivables.kam_kpi_collected_revenue")
        ratio = self.env.ref("kam_receivables.kam_kpi_overdue_ratio")
        self.assertFalse(ratio.higher_is_better)
        self.assertEqual(ratio.unit, "percent")
        current = self._invoice(self.customer, 1000, self.today + timedelta(days=30))
        self._invoice(
            self.customer_contact,
            500,
            self.today - timedelta(days=10),
            self.today - timedelta(days=40),
        )
        self.assertEqual(
            collected._kam_compute(users, self.today, self.today),
            {self.user_kam.id: 0.0, self.user_kam2.id: 0.0},
        )
        self.assertEqual(
            ratio._kam_compute(users, self.today, self.today)[self.user_kam.id], 33.33
        )
        self._pay(current, 300)
        values = collected._kam_compute(users, self.today, self.today)
        self.assertEqual(values, {self.user_kam.id: 300.0, self.user_kam2.id: 0.0})
        self.assertEqual(
            ratio._kam_compute(users, self.today, self.today)[self.user_kam.id], 41.67
        )
        # grace pushes the old invoice out of "overdue"
        self.company.kam_payment_grace_days = 15
        self.assertEqual(
            ratio._kam_compute(users, self.today, self.today)[self.user_kam.id], 0.0
        )
        # nothing is credited before the KAM owned the account
        yesterday = self.today - timedelta(days=1)
        self.assertEqual(
            collected._kam_compute(users, yesterday, yesterday)[self.user_kam.id], 0.0
        )

    def test_dso_is_the_accounts_dso(self):
        users = self.user_kam | self.user_kam2
        dso = self.env.ref("kam_receivables.kam_kpi_dso")
        self.assertFalse(dso.higher_is_better)
        self.assertEqual(dso.aggregation, "avg")
        self.assertEqual(
            dso._kam_compute(users, self.today, self.today),
            {self.user_kam.id: 0.0, self.user_kam2.id: 0.0},
        )
        invoice = self._invoice(self.customer, 1000, self.today + timedelta(days=30))
        self._invoice(self.customer_contact, 1000, self.today + timedelta(days=30))
        self._pay(invoice, 500)
        # receivable 1,500 against 2,000 of sales in the year: 273.75 days
        values = dso._kam_compute(users, self.today, self.today)
        self.assertAlmostEqual(values[self.user_kam.id], 273.8, places=1)
        self.assertEqual(values[self.user_kam2.id], 0.0)
        self.customer.invalidate_recordset(["kam_dso"])
        self.assertAlmostEqual(self.customer.kam_dso, 273.8, places=1)
        # nothing is credited before the KAM owned the account
        yesterday = self.today - timedelta(days=1)
        self.assertEqual(
            dso._kam_compute(users, yesterday, yesterday),
            {self.user_kam.id: 0.0, self.user_kam2.id: 0.0},
        )
