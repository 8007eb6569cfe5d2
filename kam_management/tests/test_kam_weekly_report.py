# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamWeeklyReport(KamCommon):
    """The weekly report (2.20): heads get their team, KAMs their own figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["kam.weekly.report"]
        cls.week_from, cls.week_to = cls.Report._kam_last_week(cls.company)
        accounts = cls.account_a | cls.account_b | cls.account_c
        cls.env["kam.assignment"].search(
            [("partner_id", "in", accounts.ids)]
        ).date_from = date(2020, 1, 1)
        cls.product = cls.env["product.product"].create(
            {"name": "Weekly Widget", "list_price": 10.0}
        )
        monday = datetime.combine(cls.week_from, datetime.min.time())
        # Kamala: two orders, a visit done, a visit missed and a complaint
        for amount in (100.0, 50.0):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": cls.account_a.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.product.id, "price_unit": amount}
                        )
                    ],
                }
            )
            order.action_confirm()
            order.date_order = monday + timedelta(days=1, hours=10)
        Visit = cls.env["kam.visit"]
        done = Visit.create(
            {
                "partner_id": cls.account_a.id,
                "user_id": cls.user_kam.id,
                "planned_start": monday + timedelta(days=2, hours=9),
                "outcome": "Listed two products",
            }
        )
        done.action_done()
        done.date_done = monday + timedelta(days=2, hours=10)
        missed = Visit.create(
            {
                "partner_id": cls.account_a.id,
                "user_id": cls.user_kam.id,
                "planned_start": monday + timedelta(days=3, hours=9),
            }
        )
        missed.state = "missed"
        complaint = cls.env["kam.feedback"].create(
            {"name": "Late truck", "partner_id": cls.account_a.id}
        )
        cls.env.cr.execute(
            "UPDATE kam_feedback SET create_date = %s WHERE id = %s",
            (monday + timedelta(days=4, hours=9), complaint.id),
        )
        complaint.invalidate_recordset(["create_date"])
        # Kamala's plan runs through the week: revenue target 300
        cls.plan = cls.env["kam.sales.plan"].create(
            {
                "name": "Kamala's plan",
                "user_id": cls.user_kam.id,
                "date_from": cls.week_from - timedelta(days=7),
                "date_to": cls.week_to + timedelta(days=30),
                "line_ids": [
                    Command.create(
                        {
                            "kpi_id": cls.env.ref("kam_management.kam_kpi_revenue").id,
                            "target": 300.0,
                        }
                    )
                ],
            }
        )
        cls.plan.action_confirm()
        cls.reports = cls.Report._kam_generate(cls.company, cls.week_from, cls.week_to)

    def _report_of(self, user):
        return self.reports.filtered(lambda r: r.user_id == user)

    def test_kam_gets_only_their_own_figures(self):
        report = self._report_of(self.user_kam)
        self.assertFalse(report.is_team)
        self.assertEqual(report.line_ids.user_id, self.user_kam)
        self.assertRecordValues(
            report.line_ids,
            [
                {
                    "visits_done": 1,
                    "visits_missed": 1,
                    "visit_compliance": 50.0,
                    "order_count": 2,
                    "revenue": 150.0,
                    "has_plan": True,
                    "sales_attainment": 50.0,
                    "complaints_new": 1,
                    "complaints_open": 1,
                }
            ],
        )
        self.assertEqual(self._report_of(self.user_kam2).line_ids.order_count, 0)

    def test_head_gets_a_line_per_kam_of_the_team(self):
        report = self._report_of(self.user_manager)
        self.assertTrue(report.is_team)
        self.assertEqual(report.line_ids.user_id, self.user_kam | self.user_kam2)
        line = report.line_ids.filtered(lambda ln: ln.user_id == self.user_kam)
        self.assertEqual(line.revenue, 150.0)
        # the director leads the head of sales and owns account C
        director = self._report_of(self.user_director)
        self.assertEqual(
            director.line_ids.user_id, self.user_manager | self.user_director
        )

    def test_access_per_role(self):
        mine = self._report_of(self.user_kam)
        team = self._report_of(self.user_manager)
        Report = self.Report.with_user(self.user_kam)
        self.assertEqual(Report.search([("id", "in", self.reports.ids)]), mine)
        with self.assertRaises(AccessError):
            team.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            team.line_ids.with_user(self.user_kam).read(["revenue"])
        self.assertEqual(
            self.Report.with_user(self.user_manager).search(
                [("id", "in", self.reports.ids)]
            ),
            team,
        )
        with self.assertRaises(AccessError):
            mine.with_user(self.user_kam).write({"is_team": True})
        with self.assertRaises(AccessError):
            self.Report.with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            self.Report.with_user(self.user_manager).action_kam_generate_last_week()
        self.assertFalse(
            self.Report.with_user(self.user_kam_other_company).search(
                [("id", "in", self.reports.ids)]
            )
        )

    def test_pdf_and_mail(self):
        report = self._report_of(self.user_manager)
        action = self.env.ref("kam_management.kam_weekly_report_action_report")
        html = str(action._render_qweb_html(action, report.ids)[0])
        for name in (self.user_kam.name, self.user_kam2.name, "Visits and calls done"):
            self.assertIn(name, html)
        self.user_kam2.partner_id.email = False
        (report | self._report_of(self.user_kam2))._kam_send()
        mails = self.env["mail.mail"].search(
            [("model", "=", "kam.weekly.report"), ("res_id", "=", report.id)]
        )
        self.assertEqual(len(mails), 1)
        self.assertIn(self.user_manager.partner_id, mails.recipient_ids)
        self.assertIn(self.user_kam2.name, str(mails.body_html))
        self.assertTrue(mails.attachment_ids)
        self.assertTrue(report.sent_date)
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("model", "=", "kam.weekly.report"),
                    ("res_id", "=", self._report_of(self.user_kam2).id),
                ]
            ),
            "no e-mail address, the report stays in Odoo",
        )

    def test_cron_once_a_week_and_settings_toggle(self):
        Report = self.Report
        self.company.kam_weekly_report = False
        mine = [("company_id", "=", self.company.id)]
        before = Report.search_count(mine)
        self.reports.line_ids.unlink()
        self.reports.unlink()
        Report._cron_kam_weekly_report()
        self.assertEqual(Report.search_count(mine), before - len(self.reports), "off")
        self.company.kam_weekly_report = True
        Report._cron_kam_weekly_report()
        Report._cron_kam_weekly_report()
        week = Report.search(
            [("company_id", "=", self.company.id), ("date_from", "=", self.week_from)]
        )
        self.assertEqual(len(week.filtered(lambda r: r.user_id == self.user_kam)), 1)
        self.assertTrue(week.filtered(lambda r: r.user_id == self.user_kam).sent_date)

    def test_last_week_on_the_business_calendar(self):
        # Sunday 29 Nov 2026 23:30 UTC: Monday 03:30 in Baku, Sunday 13:30 in Honolulu
        with freeze_time("2026-11-29 23:30:00"):
            self.company.kam_tz = "Asia/Baku"
            self.assertEqual(
                self.Report._kam_last_week(self.company),
                (date(2026, 11, 23), date(2026, 11, 29)),
            )
            self.company.kam_tz = "Pacific/Honolulu"
            self.assertEqual(
                self.Report._kam_last_week(self.company),
                (date(2026, 11, 16), date(2026, 11, 22)),
            )


@tagged("post_install", "-at_install")
class TestKamWeeklyReportDemo(KamCommon):
    """The weekly report renders for every demo head of sales."""

    def test_renders_for_every_demo_head_of_sales(self):
        Report = self.env["kam.weekly.report"]
        company = self.env.ref("base.main_company")
        date_from, date_to = Report._kam_last_week(company)
        # the demo made last week's reports at install: make them again here
        Report.search(
            [("company_id", "=", company.id), ("date_from", "=", date_from)]
        ).unlink()
        reports = Report._kam_generate(company, date_from, date_to)
        action = self.env.ref("kam_management.kam_weekly_report_action_report")
        template = self.env.ref("kam_management.kam_weekly_report_mail_template")
        for xmlid in ("user_demo_manager_north", "user_demo_manager_south"):
            head = self.env.ref(f"kam_management.{xmlid}")
            report = reports.filtered(lambda r, h=head: r.user_id == h)
            self.assertTrue(report.is_team, xmlid)
            team = head.kam_team_user_ids
            self.assertEqual(report.line_ids.user_id, team)
            html = str(action._render_qweb_html(action, report.ids)[0])
            body = template._render_field("body_html", report.ids)[report.id]
            for kam in team:
                self.assertIn(kam.name, html)
                self.assertIn(kam.name, str(body))
        kam = self.env.ref("kam_management.user_demo_kam")
        own = reports.filtered(lambda r: r.user_id == kam)
        self.assertEqual(own.line_ids.user_id, kam)
