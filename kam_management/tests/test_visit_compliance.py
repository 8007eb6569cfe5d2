# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_visit import KamVisitCommon

JAN_FROM, JAN_TO = date(2030, 1, 1), date(2030, 1, 31)


@tagged("post_install", "-at_install")
class TestVisitCompliance(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls._account("Ganja Trade")
        Visit = cls.env["kam.visit"]

        def visit(day, **values):
            return Visit.create(
                dict(
                    {
                        "partner_id": cls.account.id,
                        "user_id": cls.user_kam.id,
                        "planned_start": datetime(2030, 1, day, 10),
                    },
                    **values,
                )
            )

        cls.on_time = visit(8, outcome="Order for 2 pallets")
        with cls._on_planned_day(cls.on_time):
            cls.on_time.action_done()
        cls.late = visit(9, outcome="Reached them a week later")
        with cls._on_planned_day(cls.late):
            cls.late.action_done()
        cls.late.date_done = datetime(2030, 1, 16, 10)
        cls.missed = visit(10)
        cls.missed.state = "missed"
        cls.open = visit(30)
        cls.cancelled = visit(11)
        cls.cancelled.action_cancel()
        cls.outside = visit(
            1, planned_start=datetime(2030, 2, 1, 10), outcome="February"
        )
        with cls._on_planned_day(cls.outside):
            cls.outside.action_done()
        today = cls.env.company._kam_today()
        cls.overdue = cls._account(
            "Sumqayit Steel", kam_last_visit_date=today - timedelta(days=60)
        )

    def test_figures_per_kam(self):
        figures = self.env["kam.visit"]._kam_compliance(
            self.user_kam | self.user_kam2, JAN_FROM, JAN_TO
        )
        self.assertEqual(
            figures[self.user_kam.id],
            {
                "planned": 4,
                "done": 2,
                "missed": 1,
                "open": 1,
                "done_on_time": 1,
                "on_time_rate": 33.33,
                "overdue_accounts": 1,
            },
        )
        self.assertEqual(figures[self.user_kam2.id]["planned"], 0)
        self.assertEqual(figures[self.user_kam2.id]["on_time_rate"], 0.0)

    def test_figures_in_two_queries(self):
        users = self.user_kam | self.user_kam2 | self.user_manager
        self.env["kam.visit"]._kam_compliance(
            self.user_kam, JAN_FROM, JAN_TO
        )  # warm the caches
        self.env.flush_all()
        with self.assertQueryCount(2):
            self.env["kam.visit"]._kam_compliance(users, JAN_FROM, JAN_TO)

    def test_visit_compliance_kpi(self):
        kpi = self.env.ref("kam_management.kam_kpi_visit_compliance")
        self.assertEqual(kpi.unit, "percent")
        values = kpi._kam_compute(self.user_kam | self.user_kam2, JAN_FROM, JAN_TO)
        self.assertEqual(values, {self.user_kam.id: 33.33, self.user_kam2.id: 0.0})

    def test_report_wizard(self):
        form = Form(
            self.env["kam.visit.compliance.wizard"].with_user(self.user_manager)
        )
        form.date_from = JAN_FROM
        form.date_to = JAN_TO
        wizard = form.save()
        self.assertIn(self.user_kam, wizard.user_ids)
        wizard.action_compute()
        line = wizard.line_ids.filtered(lambda line: line.user_id == self.user_kam)
        self.assertEqual(
            (line.planned, line.done, line.missed, line.on_time_rate), (4, 2, 1, 33.33)
        )
        # A KAM reports on themselves.
        own = Form(
            self.env["kam.visit.compliance.wizard"].with_user(self.user_kam)
        ).save()
        self.assertEqual(own.user_ids, self.user_kam)

    def test_report_bad_inputs(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.env["kam.visit.compliance.wizard"].create(
                {"date_from": JAN_TO, "date_to": JAN_FROM}
            )
        wizard = self.env["kam.visit.compliance.wizard"].create(
            {
                "date_from": JAN_FROM,
                "date_to": JAN_TO,
                "user_ids": [fields.Command.clear()],
            }
        )
        with self.assertRaisesRegex(UserError, "Choose the KAMs"):
            wizard.action_compute()

    def test_sales_plan_line_uses_visit_compliance(self):
        plan = self.env["kam.sales.plan"].create(
            {
                "name": "January visits",
                "user_id": self.user_kam.id,
                "date_from": JAN_FROM,
                "date_to": JAN_TO,
                "line_ids": [
                    fields.Command.create(
                        {
                            "kpi_id": self.env.ref(
                                "kam_management.kam_kpi_visit_compliance"
                            ).id,
                            "target": 90,
                        }
                    )
                ],
            }
        )
        plan.action_refresh()
        self.assertEqual(plan.line_ids.achieved, 33.33)

    def test_other_company_visits_do_not_count(self):
        foreign = self.env["res.partner"].create(
            {"name": "Elsewhere", "is_company": True, "company_id": self.company_2.id}
        )
        self.env["kam.visit"].with_company(self.company_2).create(
            {
                "partner_id": foreign.id,
                "user_id": self.user_kam.id,
                "company_id": self.company_2.id,
                "planned_start": datetime(2030, 1, 15, 10),
            }
        )
        figures = (
            self.env["kam.visit"]
            .with_company(self.company)
            ._kam_compliance(self.user_kam, JAN_FROM, JAN_TO)
        )
        self.assertEqual(figures[self.user_kam.id]["planned"], 4)
