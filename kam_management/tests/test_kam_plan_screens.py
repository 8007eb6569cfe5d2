# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import Command, fields
from odoo.tests import Form, tagged
from odoo.tools.misc import format_amount

from .pay_common import KamPayCommon
from .view_common import action_domain, open_menu


@tagged("post_install", "-at_install")
class TestKamPlanScreens(KamPayCommon):
    """The plan screens as the web client shows them (issue 12, item 3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.env.company._kam_today()
        cls.month_start = today.replace(day=1)
        cls.month_end = cls.month_start + relativedelta(months=1, days=-1)
        cls.department = cls.env["kam.sales.plan"].create(
            {
                "name": "Sales department - this month",
                "date_from": cls.month_start,
                "date_to": cls.month_end,
                "line_ids": [
                    Command.create({"kpi_id": cls.kpi_revenue.id, "target": 60000.0})
                ],
            }
        )
        cls.current_kam = cls._current_plan(cls.user_kam, 30000.0)
        cls.current_kam2 = cls._current_plan(cls.user_kam2, 20000.0)
        cls.department.action_confirm()

    @classmethod
    def _current_plan(cls, user, revenue, confirm=True):
        plan = cls.env["kam.sales.plan"].create(
            {
                "name": f"{user.name} - this month",
                "parent_id": cls.department.id,
                "user_id": user.id,
                "date_from": cls.month_start,
                "date_to": cls.month_end,
                "line_ids": [
                    Command.create({"kpi_id": cls.kpi_revenue.id, "target": revenue}),
                    Command.create({"kpi_id": cls.kpi_active.id, "target": 2}),
                ],
            }
        )
        if confirm:
            plan.action_confirm()
        return plan

    # ------------------------------------------------------------------
    # Team Attainment
    # ------------------------------------------------------------------
    def test_team_attainment_shows_current_kam_plans_only(self):
        domain = action_domain(
            self.env,
            "kam_management.kam_sales_plan_line_action_dashboard",
            self.user_manager,
        )
        lines = (
            self.env["kam.sales.plan.line"].with_user(self.user_manager).search(domain)
        )
        self.assertEqual(
            lines.plan_id, self.current_kam | self.current_kam2, "no KAM called None"
        )
        self.assertNotIn(self.department, lines.plan_id)
        self.assertNotIn(
            self.plan_kam, lines.plan_id, "last year's plan is not current"
        )

    def test_team_attainment_is_never_added_up(self):
        Line = self.env["kam.sales.plan.line"].with_user(self.user_manager)
        self.assertNotEqual(Line._fields["attainment"].aggregator, "sum")
        views = Line.get_views([(False, "graph"), (False, "pivot")])["views"]
        graph = etree.fromstring(views["graph"]["arch"])
        self.assertIn(graph.get("stacked"), ("False", "0"), "KPIs side by side")
        for arch in (graph, etree.fromstring(views["pivot"]["arch"])):
            measures = [
                f.get("name") for f in arch.iter("field") if f.get("type") == "measure"
            ]
            self.assertEqual(measures, ["attainment"])
        self.current_kam.line_ids.filtered(
            lambda ln: ln.kpi_id == self.kpi_revenue
        ).sudo().achieved = 15000.0  # 50 %
        self.current_kam.line_ids.filtered(
            lambda ln: ln.kpi_id == self.kpi_active
        ).sudo().achieved = 0.4  # 20 %
        [(attainment,)] = Line._read_group(
            [("plan_id", "=", self.current_kam.id)], [], ["attainment:avg"]
        )
        groups = Line.read_group(
            [("plan_id", "=", self.current_kam.id)], ["attainment"], ["user_id"]
        )
        self.assertAlmostEqual(groups[0]["attainment"], attainment)
        self.assertAlmostEqual(groups[0]["attainment"], 35.0, msg="not 50 + 20 = 70")

    def test_current_period_is_the_company_business_day(self):
        Line = self.env["kam.sales.plan.line"]
        november = self.env["kam.sales.plan"].create(
            {
                "name": "November",
                "user_id": self.user_kam.id,
                "date_from": "2026-11-01",
                "date_to": "2026-11-30",
                "line_ids": [
                    Command.create({"kpi_id": self.kpi_revenue.id, "target": 1.0})
                ],
            }
        )
        self.env.user.tz = "Pacific/Honolulu"
        for tz, current in (("Asia/Baku", False), ("Pacific/Honolulu", True)):
            self.env.company.partner_id.tz = tz
            november.line_ids.invalidate_recordset(["is_current"])
            with freeze_time("2026-11-30 23:30:00"):
                found = Line.search([("is_current", "=", True)])
                self.assertEqual(november.line_ids <= found, current, tz)
                self.assertEqual(november.line_ids.is_current, current, tz)
                self.assertEqual(
                    not (november.line_ids & Line.search([("is_current", "=", False)])),
                    current,
                )

    # ------------------------------------------------------------------
    # Sales Plans list
    # ------------------------------------------------------------------
    def test_sales_plans_list_adds_no_levels_together(self):
        Plan = self.env["kam.sales.plan"].with_user(self.user_manager)
        arch = Plan.get_views([(False, "list")])["views"]["list"]["arch"]
        for field in etree.fromstring(arch).iter("field"):
            self.assertFalse(
                field.get("sum") or field.get("avg"),
                f"{field.get('name')}: a department plan and its KAM plans are one "
                "target, their sum is not",
            )
        self.assertIn("achieved_date", arch, "the figures' date is shown")

    # ------------------------------------------------------------------
    # Figures current when a plan screen opens
    # ------------------------------------------------------------------
    def _sell_today(self, partner, amount):
        return self._order(
            partner, self.env.company._kam_today(), [(self.product_a, 1, amount)]
        )

    def _revenue_line(self, plan):
        return plan.line_ids.filtered(lambda ln: ln.kpi_id == self.kpi_revenue)

    def _open_later(self, menu, user, minutes):
        """Open ``menu`` as ``user`` ``minutes`` after the test's start."""
        with freeze_time(self.start + timedelta(minutes=minutes)):
            return open_menu(self.env, menu, user)

    def setUp(self):
        super().setUp()
        self.start = fields.Datetime.now()

    def test_my_plan_opens_on_current_figures(self):
        menu = "kam_management.kam_sales_plan_menu_my"
        self.assertEqual(self._revenue_line(self.current_kam).achieved, 0.0)
        self._sell_today(self.account_1, 1200.0)
        action = self._open_later(menu, self.user_kam, 10)
        self.assertEqual(action["res_model"], "kam.sales.plan")
        self.assertEqual(self._revenue_line(self.current_kam).achieved, 1200.0)
        as_of = self.current_kam.achieved_date
        self.assertEqual(as_of, self.start + timedelta(minutes=10), "shown as of")
        # opened again a minute later: the figures are fresh, nothing is recomputed
        self._sell_today(self.account_1, 300.0)
        self._open_later(menu, self.user_kam, 11)
        self.assertEqual(self.current_kam.achieved_date, as_of)
        self.assertEqual(self._revenue_line(self.current_kam).achieved, 1200.0)
        # ... and half an hour later they are
        self._open_later(menu, self.user_kam, 40)
        self.assertEqual(self._revenue_line(self.current_kam).achieved, 1500.0)
        # the KAM's department plan and colleagues' plans are not theirs to refresh
        self.assertLess(self.current_kam2.achieved_date, as_of)

    def test_manager_screens_open_on_current_figures(self):
        self._sell_today(self.account_3, 700.0)
        for minutes, menu in (
            (10, "kam_management.kam_sales_plan_menu"),
            (20, "kam_management.kam_sales_plan_line_menu_dashboard"),
            (30, "kam_management.kam_team_dashboard_menu"),
        ):
            action = self._open_later(menu, self.user_manager, minutes)
            self.assertTrue(action["res_model"], menu)
            self.assertEqual(
                self.current_kam2.achieved_date,
                self.start + timedelta(minutes=minutes),
                menu,
            )
            self.assertEqual(self._revenue_line(self.current_kam2).achieved, 700.0)
            self.assertEqual(
                self._revenue_line(self.department).achieved, 700.0, "KAM plans' sum"
            )

    # ------------------------------------------------------------------
    # Splitting a department plan
    # ------------------------------------------------------------------
    def _split(self, plan):
        return Form(
            self.env["kam.sales.plan.split"]
            .with_user(self.user_manager)
            .with_context(active_model="kam.sales.plan", active_id=plan.id)
        )

    def _draft_department(self, target=60000.0):
        return self.env["kam.sales.plan"].create(
            {
                "name": "Sales department - next quarter",
                "date_from": self.month_start + relativedelta(months=3),
                "date_to": self.month_start + relativedelta(months=6, days=-1),
                "line_ids": [
                    Command.create({"kpi_id": self.kpi_revenue.id, "target": target})
                ],
            }
        )

    def _kam_plan_of(self, department, user, target, confirm):
        plan = self.env["kam.sales.plan"].create(
            {
                "name": f"{user.name} - next quarter",
                "parent_id": department.id,
                "user_id": user.id,
                "date_from": department.date_from,
                "date_to": department.date_to,
                "line_ids": [
                    Command.create({"kpi_id": self.kpi_revenue.id, "target": target})
                ],
            }
        )
        if confirm:
            plan.action_confirm()
        return plan

    def test_split_keeps_confirmed_kam_plan_and_shares_the_rest(self):
        department = self._draft_department()
        kamala = self._kam_plan_of(department, self.user_kam, 30000.0, confirm=True)
        wizard = self._split(department)
        self.assertEqual(len(wizard.line_ids), 1)
        with wizard.line_ids.edit(0) as line:
            self.assertTrue(line.locked)
            self.assertEqual(line.target, 30000.0)
        with wizard.line_ids.new() as line:
            line.user_id = self.user_kam2
        with wizard.line_ids.edit(1) as line:
            self.assertEqual(
                line.target, 30000.0, "the KAM without a plan gets a share"
            )
            self.assertEqual(line.share, 50.0)
        wizard.save().action_apply()
        self.assertEqual(kamala.revenue_target, 30000.0)
        self.assertEqual(kamala.state, "confirmed")
        new_plan = department.child_ids - kamala
        self.assertEqual(new_plan.user_id, self.user_kam2)
        self.assertEqual(new_plan.revenue_target, 30000.0)
        self.assertFalse(department.split_warning)

    def test_split_added_kam_gets_a_share_at_once(self):
        department = self._draft_department(900.0)
        self._kam_plan_of(department, self.user_kam, 0.0, confirm=False)
        wizard = self._split(department)
        with wizard.line_ids.new() as line:
            line.user_id = self.user_kam2
        with wizard.line_ids.new() as line:
            line.user_id = self.user_director
        self.assertEqual(wizard.save().line_ids.mapped("target"), [300.0] * 3)

    def test_every_offered_split_method_works(self):
        department = self._draft_department(1000.0)
        for user in (self.user_kam, self.user_kam2):
            self._kam_plan_of(department, user, 0.0, confirm=False)
        # sales in the 12 months before the plan and in the same period last year
        for months in (2, 12):
            day = department.date_from - relativedelta(months=months)
            self._order(self.account_1, day, [(self.product_a, 3, 100.0)])
            self._order(self.account_3, day, [(self.product_a, 1, 100.0)])
        methods = dict(
            self.env["kam.sales.plan.split"]
            ._fields["method"]
            ._description_selection(self.env)
        )
        for method in methods:
            if method == "manual":
                continue
            wizard = self._split(department)
            wizard.method = method
            wizard.save().action_apply()
            targets = {c.user_id: c.revenue_target for c in department.child_ids}
            self.assertAlmostEqual(sum(targets.values()), 1000.0, msg=method)
            if method != "equal":
                self.assertEqual(targets[self.user_kam], 750.0, method)
        kam_plan = department.child_ids.filtered(lambda p: p.user_id == self.user_kam)
        kam_plan.line_ids.target = 600.0
        kam_plan.account_line_ids = [
            Command.create({"partner_id": self.account_1.id, "target": 0.0}),
            Command.create({"partner_id": self.account_2.id, "target": 0.0}),
        ]
        self._order(
            self.account_2,
            department.date_from - relativedelta(years=1),
            [(self.product_a, 1, 100.0)],
        )
        for method in methods:
            if method == "manual":
                continue
            wizard = self._split(kam_plan)
            wizard.method = method
            wizard.save().action_apply()
            self.assertAlmostEqual(
                sum(kam_plan.account_line_ids.mapped("target")), 600.0, msg=method
            )

    def test_split_warning_reads_like_money(self):
        department = self._draft_department(60000.0)
        self._kam_plan_of(department, self.user_kam, 30000.0, confirm=False)
        currency = department.currency_id
        warning = department.split_warning
        self.assertIn(format_amount(self.env, 30000.0, currency), warning)
        self.assertIn(format_amount(self.env, 60000.0, currency), warning)
        self.assertNotIn("30000.0", warning)
        plan = self._kam_plan_of(department, self.user_kam2, 100.0, confirm=False)
        plan.account_line_ids = [
            Command.create({"partner_id": self.account_3.id, "target": 40.5})
        ]
        self.assertIn(format_amount(self.env, 40.5, currency), plan.split_warning)

    # ------------------------------------------------------------------
    # Pay statements
    # ------------------------------------------------------------------
    def test_pay_statement_names_the_kam_once(self):
        statement = self._statement(self.current_kam)
        self.assertEqual(statement.name.count(self.user_kam.name), 1, statement.name)
        self.assertIn(self.current_kam.name, statement.name)
        self.plan_kam2.name = "Q1 North"
        statement = self._statement(self.plan_kam2)
        self.assertIn(self.user_kam2.name, statement.name)
        self.assertIn("Q1 North", statement.name)
