# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import KamCommon
from .view_common import board_blocks, open_menu, visible_buttons

PRIMARY = ("btn-primary", "oe_highlight")


@tagged("post_install", "-at_install")
class TestKamDailyScreens(KamCommon):
    """The screens a KAM and a head of sales open every day (issue 12, items 3
    and 4): visits, quotations awaiting approval, the accounts list and form, the
    dashboards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Widget", "list_price": 100.0}
        )
        cls.today = cls.env.company._kam_today()

    def _visit(self, partner, user, planned_start, **values):
        return (
            self.env["kam.visit"]
            .with_context(kam_visit_no_event=True)
            .create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "planned_start": planned_start,
                    **values,
                }
            )
        )

    # ------------------------------------------------------------------
    # Visits are done on or after their planned day
    # ------------------------------------------------------------------
    def test_visit_cannot_be_done_before_its_day(self):
        start = self.env.company._kam_day_start(self.today + timedelta(days=7))
        visit = self._visit(
            self.account_a,
            self.user_kam,
            start + timedelta(hours=10),
            outcome="Agreed the spring order",
        )
        with self.assertRaisesRegex(UserError, "can be marked done from that day"):
            visit.with_user(self.user_kam).action_done()
        self.assertEqual(visit.state, "planned")
        visit.planned_start = self.env.company._kam_day_start(self.today) + timedelta(
            hours=23
        )
        visit.with_user(self.user_kam).action_done()
        self.assertEqual(visit.state, "done")

    def test_visit_day_is_the_company_business_day(self):
        # 2026-12-01 06:00 UTC is Dec 1 in Baku and Nov 30 in Honolulu; 12:00 UTC is
        # Dec 1 in both.
        for tz, planned, allowed in (
            ("Asia/Baku", datetime(2026, 12, 1, 6), True),
            ("Pacific/Honolulu", datetime(2026, 12, 1, 6), True),
            ("Pacific/Honolulu", datetime(2026, 12, 1, 12), False),
        ):
            self.env.company.partner_id.tz = tz
            self.user_kam.tz = "Asia/Baku" if tz != "Asia/Baku" else "Pacific/Honolulu"
            visit = self._visit(
                self.account_a, self.user_kam, planned, outcome="Done on the day"
            )
            with freeze_time("2026-11-30 23:30:00"):
                if allowed:
                    visit.with_user(self.user_kam).action_done()
                    self.assertEqual(visit.state, "done", (tz, planned))
                else:
                    with self.assertRaises(UserError, msg=(tz, planned)):
                        visit.with_user(self.user_kam).action_done()

    # ------------------------------------------------------------------
    # A quotation waiting for discount approval
    # ------------------------------------------------------------------
    def _quotation(self, discount):
        form = Form(self.env["sale.order"].with_user(self.user_kam))
        form.partner_id = self.account_a
        with form.order_line.new() as line:
            line.product_id = self.product
            line.product_uom_qty = 10
            line.discount = discount
        return form.save()

    def test_request_approval_is_the_main_button_while_discounts_wait(self):
        order = self._quotation(15).with_user(self.user_kam)
        self.assertEqual(order.kam_approval_state, "to_approve")
        for state in ("draft", "sent"):
            primary = visible_buttons(order, {"state": state}, css_classes=PRIMARY)
            self.assertEqual(primary, ["action_kam_request_approval"], state)
            shown = visible_buttons(order, {"state": state})
            self.assertIn("send_by_email", shown, "sending stays possible")
            self.assertIn("action_confirm", shown)
        order.action_kam_request_approval()
        order.with_user(self.user_manager).action_kam_approve()
        primary = visible_buttons(order, {"state": "draft"}, css_classes=PRIMARY)
        self.assertEqual(primary, ["send_by_email_primary"], "back to Odoo's flow")
        primary = visible_buttons(order, {"state": "sent"}, css_classes=PRIMARY)
        self.assertEqual(primary, ["action_confirm"])
        within = self._quotation(5).with_user(self.user_kam)
        primary = visible_buttons(within, css_classes=PRIMARY)
        self.assertEqual(primary, ["send_by_email_primary"])

    # ------------------------------------------------------------------
    # Accounts list and form
    # ------------------------------------------------------------------
    def test_accounts_list_reads_like_a_customer_list(self):
        action = open_menu(
            self.env, "kam_management.res_partner_key_accounts_menu", self.user_kam
        )
        self.assertEqual(action["views"][0][1], "list", "the list comes first")
        context = safe_eval(action["context"])
        self.assertEqual(context.get("search_default_kam_group_tier"), 1, "by tier")
        Partner = self.env["res.partner"].with_user(self.user_kam)
        arch = Partner.get_views([(action["views"][0][0], "list")])["views"]["list"][
            "arch"
        ]
        columns = [
            f.get("name")
            for f in etree.fromstring(arch).iter("field")
            if f.get("column_invisible") not in ("True", "1")
        ]
        for name in ("kam_tier_id", "kam_user_id", "kam_revenue_12m"):
            self.assertIn(name, columns)
        self.assertIn("kam_next_contact_date", columns)

    def test_next_contact_is_the_next_planned_contact(self):
        company = self.env.company
        tomorrow = company._kam_day_start(self.today + timedelta(days=1))
        self._visit(self.account_a, self.user_kam, tomorrow + timedelta(hours=14))
        self._visit(
            self.account_a,
            self.user_kam,
            tomorrow + timedelta(days=5),
            visit_type="call",
        )
        self._visit(
            self.account_a, self.user_kam, tomorrow - timedelta(days=3), state="missed"
        )
        self.assertEqual(
            (self.account_a | self.account_b).mapped("kam_next_contact_date"),
            [self.today + timedelta(days=1), False],
        )
        self.assertEqual(
            self.account_a.with_user(self.user_kam).kam_next_contact_date,
            self.today + timedelta(days=1),
        )

    def test_account_form_shows_needs_and_competitor_intel(self):
        competitor = self.env["kam.competitor"].create({"name": "Rival Trading"})
        account = self.account_a.with_user(self.user_kam)
        with Form(account) as form:
            with form.kam_need_ids.new() as need:
                need.name = "Weekly delivery slots"
            with form.kam_competitor_intel_ids.new() as intel:
                intel.competitor_id = competitor
                intel.price_position = "lower"
        need = account.kam_need_ids
        self.assertEqual(need.feedback_type, "need")
        self.assertEqual(need.kam_user_id, self.user_kam)
        self.assertEqual(account.kam_competitor_intel_ids.competitor_id, competitor)
        self.env["kam.feedback"].create(
            {"name": "Late delivery", "partner_id": self.account_a.id}
        )
        self.assertEqual(account.kam_need_ids, need, "complaints are not needs")
        # another KAM's account: its needs and intelligence stay hidden
        other = self.account_b.with_user(self.user_kam)
        self.env["kam.feedback"].create(
            {
                "name": "Pallet labels",
                "partner_id": self.account_b.id,
                "feedback_type": "need",
            }
        )
        self.assertFalse(other.kam_need_ids)

    # ------------------------------------------------------------------
    # Dashboards
    # ------------------------------------------------------------------
    def _records(self, block, user):
        return block["model"].with_user(user).search(block["domain"])

    def _plan(self, user, target=100.0):
        month_start = self.today.replace(day=1)
        plan = self.env["kam.sales.plan"].create(
            {
                "name": f"{user.name} this month",
                "user_id": user.id,
                "date_from": month_start,
                "date_to": month_start + relativedelta(months=1, days=-1),
                "line_ids": [
                    Command.create(
                        {
                            "kpi_id": self.env.ref("kam_management.kam_kpi_revenue").id,
                            "target": target,
                        }
                    )
                ],
            }
        )
        plan.action_confirm()
        return plan

    def test_kam_dashboard_shows_the_kams_own_day(self):
        company = self.env.company
        monday = self.today - timedelta(days=self.today.weekday())
        this_week = self._visit(
            self.account_a,
            self.user_kam,
            company._kam_day_start(monday) + timedelta(hours=9),
        )
        self._visit(
            self.account_a,
            self.user_kam,
            company._kam_day_start(monday + timedelta(days=7)) + timedelta(hours=9),
        )
        self._visit(
            self.account_b,
            self.user_kam2,
            company._kam_day_start(monday) + timedelta(hours=9),
        )
        plan = self._plan(self.user_kam)
        self._plan(self.user_kam2)
        complaint = self.env["kam.feedback"].create(
            {"name": "Broken pallets", "partner_id": self.account_a.id}
        )
        self.env["kam.feedback"].create(
            {"name": "Wrong invoice", "partner_id": self.account_b.id}
        )
        action = open_menu(self.env, "kam_management.kam_dashboard_menu", self.user_kam)
        self.assertEqual(action["res_model"], "board.board")
        blocks = {b["title"]: b for b in board_blocks(self.env, action, self.user_kam)}
        self.assertEqual(
            self._records(blocks["This Week's Contacts"], self.user_kam), this_week
        )
        attainment = blocks["My Plan: Attainment per KPI"]
        self.assertEqual(attainment["view_mode"], "graph")
        self.assertEqual(attainment["group_by"], ["kpi_id"])
        self.assertEqual(
            self._records(attainment, self.user_kam), plan.line_ids, "own plan only"
        )
        self.assertEqual(
            self._records(blocks["Open Complaints"], self.user_kam), complaint
        )

    def test_team_dashboard_for_heads_of_sales_only(self):
        plans = self._plan(self.user_kam) | self._plan(self.user_kam2)
        other_team = self._plan(self.user_director)
        month = self.today.replace(day=1)
        visit = self._visit(
            self.account_b,
            self.user_kam2,
            self.env.company._kam_day_start(month) + timedelta(hours=9),
        )
        action = open_menu(
            self.env, "kam_management.kam_team_dashboard_menu", self.user_manager
        )
        blocks = {
            b["title"]: b for b in board_blocks(self.env, action, self.user_manager)
        }
        side_by_side = blocks["Attainment per KAM and KPI"]
        self.assertEqual(side_by_side["group_by"], ["user_id", "kpi_id"])
        lines = self._records(side_by_side, self.user_manager)
        self.assertEqual(lines.plan_id, plans, "the team's plans, not the director's")
        self.assertNotIn(other_team, lines.plan_id)
        compliance = blocks["Visit Plan This Month: Done, Missed and Open per KAM"]
        self.assertEqual(compliance["group_by"], ["user_id", "state"])
        self.assertIn(visit, self._records(compliance, self.user_manager))
        for user in (self.user_kam, self.user_employee):
            with self.assertRaises(AccessError):
                open_menu(self.env, "kam_management.kam_team_dashboard_menu", user)
        for user in (self.user_employee, self.user_portal):
            with self.assertRaises(AccessError):
                open_menu(self.env, "kam_management.kam_dashboard_menu", user)
