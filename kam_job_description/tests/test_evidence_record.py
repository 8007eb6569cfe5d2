# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestDutyEvidenceRecord(JobDescriptionCommon):
    """The duty evidence is kept per employee and period, recomputed on demand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi_revenue = cls.env.ref("kam_management.kam_kpi_revenue")
        cls.account = cls.env["res.partner"].create(
            {
                "name": "History Account",
                "is_company": True,
                "kam_user_id": cls.user_kam.id,
            }
        )
        cls.env["kam.assignment"].search(
            [("partner_id", "=", cls.account.id)]
        ).date_from = date(2000, 1, 1)
        cls.product = cls.env["product.product"].create({"name": "History Juice"})
        cls.Record = cls.env["kam.job.description.evidence.record"]

    def _sell(self, amount, day):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.account.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "price_unit": amount}
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = datetime.combine(day, datetime.min.time().replace(hour=10))

    def _description(self):
        return self._approved_description(
            item_ids=[
                Command.create(
                    {
                        "section": "duty",
                        "text": "Plans sales.",
                        "kpi_id": self.kpi_revenue.id,
                    }
                ),
                Command.create({"section": "duty", "text": "Keeps secrets."}),
                Command.create({"section": "right", "text": "Represents."}),
                Command.create(
                    {
                        "section": "responsibility",
                        "text": "Within the labour code.",
                        "labour_code_limit": True,
                    }
                ),
            ]
        )

    def _keep(
        self, user, employee, date_from=date(2025, 1, 1), date_to=date(2025, 1, 31)
    ):
        form = Form(self.env["kam.job.description.evidence"].with_user(user))
        form.employee_id = employee
        form.date_from = date_from
        form.date_to = date_to
        action = form.save().action_kam_save_record()
        return self.Record.with_user(user).browse(action["res_id"])

    def test_kept_and_recomputed(self):
        description = self._description()
        self._sell(1500.0, date(2025, 1, 10))
        record = self._keep(self.user_kam, self.employee_kam)
        self.assertEqual(record.description_id, description)
        self.assertEqual((record.evidenced_count, record.duty_count), (1, 2))
        self.assertEqual(record.line_ids[0].value, 1500.0)
        self.assertEqual(record.line_ids[0].kpi_name, self.kpi_revenue.name)
        self._sell(500.0, date(2025, 1, 20))
        self.assertEqual(record.line_ids[0].value, 1500.0, "kept, not live")
        record.action_recompute()
        self.assertEqual(record.line_ids[0].value, 2000.0)
        again = self._keep(self.user_manager, self.employee_kam)
        self.assertEqual(again, record, "one record per employee and period")
        february = self._keep(
            self.user_kam, self.employee_kam, date(2025, 2, 1), date(2025, 2, 28)
        )
        self.assertNotEqual(february, record)
        self.assertFalse(february.evidenced_count)

    def test_monthly_cron_keeps_last_month(self):
        # the demo's job descriptions and records are not part of this test
        self.Record.search([]).unlink()
        self.env["kam.job.description"].search(
            [("state", "=", "approved")]
        ).with_context(kam_jd_workflow=True).write({"state": "superseded"})
        self._description()
        self.Record._cron_kam_record_last_month()
        first = self.company._kam_today().replace(day=1)
        kept = self.Record.search([("date_from", "=", first - relativedelta(months=1))])
        self.assertEqual(kept.employee_id, self.employee_kam | self.employee_kam2)
        self.Record._cron_kam_record_last_month()
        self.assertEqual(
            self.Record.search_count(
                [("date_from", "=", first - relativedelta(months=1))]
            ),
            2,
            "once per month",
        )

    def test_access_per_role(self):
        self._description()
        mine = self._keep(self.user_kam, self.employee_kam)
        peer = self._keep(self.user_kam2, self.employee_kam2)
        both = mine | peer
        domain = [("id", "in", both.ids)]
        self.assertEqual(self.Record.with_user(self.user_kam).search(domain), mine)
        self.assertEqual(self.Record.with_user(self.user_manager).search(domain), both)
        self.assertEqual(self.Record.with_user(self.user_director).search(domain), both)
        self.assertEqual(self.Record.with_user(self.user_hr).search(domain), both)
        with self.assertRaises(AccessError):
            peer.with_user(self.user_kam).read(["evidenced_count"])
        with self.assertRaises(AccessError):
            peer.line_ids.with_user(self.user_kam).read(["value"])
        with self.assertRaises(AccessError):
            mine.with_user(self.user_kam).write({"date_to": date(2025, 3, 1)})
        with self.assertRaises(AccessError):
            mine.line_ids.with_user(self.user_kam).write({"value": 1e9})
        with self.assertRaises(AccessError):
            self._keep(self.user_kam2, self.employee_kam)
        with self.assertRaises(AccessError):
            peer.with_user(self.user_kam).action_recompute()
