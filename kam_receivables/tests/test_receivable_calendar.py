# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Receivable figures follow the company's business day, whoever reads them.

Every check runs at 23:30 and 00:30 UTC, for a company in Baku (UTC+4) and one in
Honolulu (UTC-10), read by users in both time zones. An invoice due on the company's
yesterday is overdue and one due on its today is not: a figure computed on the UTC
day or on the viewer's day gets one of them wrong in one of the four cases.
"""

from datetime import timedelta

from odoo.tests import tagged

from .common import ZONES, KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivablesBusinessDay(KamReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_kam.tz, cls.user_kam2.tz = ZONES
        cls.viewers = cls.user_kam | cls.user_kam2

    def _customer(self, today):
        customer = self.env["res.partner"].create(
            {
                "name": f"Day Customer {today}",
                "is_company": True,
                "kam_user_id": self.user_kam.id,
                "kam_backup_user_id": self.user_kam2.id,
            }
        )
        self._set_limit(customer, 1000)
        start = today - timedelta(days=40)
        self._invoice(customer, 100, today - timedelta(days=1), start)
        self._invoice(customer, 50, today, start)
        return customer

    def test_same_figures_for_every_viewer(self):
        ratio = self.env.ref("kam_receivables.kam_kpi_overdue_ratio")
        for today in self._moments():
            customer = self._customer(today)
            self.env.flush_all()
            for viewer in self.viewers:
                as_viewer = customer.with_user(viewer).with_context(tz=viewer.tz)
                self.assertEqual(
                    (
                        as_viewer.kam_credit_exposure,
                        as_viewer.kam_overdue_amount,
                        as_viewer.kam_available_credit,
                    ),
                    (150, 100, 850),
                )
                Aging = (
                    self.env["kam.receivable.aging"]
                    .with_user(viewer)
                    .with_context(tz=viewer.tz)
                )
                [aging] = Aging._read_group(
                    [("partner_id", "=", customer.id)],
                    [],
                    [
                        "amount_not_due:sum",
                        "amount_1_30:sum",
                        "amount_overdue:sum",
                        "days_overdue:max",
                    ],
                )
                self.assertEqual(aging, (50, 100, 100, 1))
                kpi = ratio.with_user(viewer).with_context(tz=viewer.tz)
                self.assertEqual(
                    kpi._kam_compute(self.user_kam, today, today)[self.user_kam.id],
                    66.67,
                )
            # and the credit check of the KAM's next order logs the same overdue
            order = self._order(partner=customer, amount=10, user=self.user_kam)
            order.with_user(self.user_kam).with_context(tz="Asia/Baku").action_confirm()
            self.assertRecordValues(
                order.kam_credit_check_ids,
                [{"result": "blocked", "overdue_amount": 100, "exposure": 150}],
            )

    def test_collection_days_on_the_company_day(self):
        Level = self.env["kam.collection.level"]
        Level.search([]).active = False
        level = Level.create({"name": "First day", "days_overdue": 1})
        for today in self._moments():
            customer = self._customer(today)
            self.env["kam.collection.level"]._cron_kam_collection()
            self.assertEqual(customer.kam_collection_level_id, level)
            self.assertTrue(
                customer.message_ids.filtered(
                    lambda m: "First day reached (1 days overdue)" in (m.body or "")
                )
            )
