# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestWeeklyReportReceivables(KamReceivablesCommon):
    """The weekly report (2.20) shows each KAM's overdue receivables and orders on
    credit hold, from the receivables figures."""

    def test_overdue_and_held_orders_per_kam(self):
        self.env["kam.assignment"].search(
            [("partner_id", "=", self.customer.id)]
        ).date_from = date(2020, 1, 1)
        self._invoice(
            self.customer,
            700.0,
            due=self.today - timedelta(days=60),
            date=self.today - timedelta(days=90),
        )
        self._invoice(self.customer, 300.0, due=self.today + timedelta(days=30))
        held = self._order(amount=50.0)
        held.kam_credit_hold = True
        Report = self.env["kam.weekly.report"]
        date_from, date_to = Report._kam_last_week(self.company)
        reports = Report._kam_generate(self.company, date_from, date_to)
        own = reports.filtered(lambda r: r.user_id == self.user_kam)
        self.assertRecordValues(
            own.line_ids, [{"overdue_amount": 700.0, "held_order_count": 1}]
        )
        team = reports.filtered(lambda r: r.user_id == self.user_manager)
        line = team.line_ids.filtered(lambda ln: ln.user_id == self.user_kam)
        self.assertEqual(line.overdue_amount, 700.0)
        action = self.env.ref("kam_management.kam_weekly_report_action_report")
        html = str(action._render_qweb_html(action, team.ids)[0])
        self.assertIn("Overdue receivables", html)
        self.assertIn("Orders on credit hold", html)
