# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.kam_management.tests.view_common import (
    board_blocks,
    list_specification,
    open_menu,
)

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivableScreens(KamReceivablesCommon):
    """The receivables on the screens of every day (issue 12, item 4): the accounts
    list, the credit-hold list and the dashboards show the receivables figures of
    the customer itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write({"kam_tier_id": cls.tier_gold.id})
        cls._set_limit(cls.customer, 1000.0)
        # 300 overdue (due 40 days ago), 200 not due yet
        cls.overdue_invoice = cls._invoice(
            cls.customer,
            300.0,
            cls.today - timedelta(days=40),
            cls.today - timedelta(days=70),
        )
        cls._invoice(cls.customer, 200.0, cls.today + timedelta(days=20))
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "Other KAM's Customer",
                "is_company": True,
                "kam_tier_id": cls.tier_silver.id,
                "kam_user_id": cls.user_kam2.id,
                "user_id": cls.user_kam2.id,
            }
        )
        cls._invoice(
            cls.other_customer,
            500.0,
            cls.today - timedelta(days=35),
            cls.today - timedelta(days=65),
        )

    def _hold(self, order, *checks):
        """Put ``order`` on hold with credit checks ``(days ago, result)``."""
        order.sudo().kam_credit_hold = True
        now = datetime.now().replace(microsecond=0)
        self.env["kam.credit.check"].create(
            [
                {
                    "order_id": order.id,
                    "partner_id": order.partner_id.commercial_partner_id.id,
                    "company_id": order.company_id.id,
                    "date": now - timedelta(days=days),
                    "result": result,
                }
                for days, result in checks
            ]
        )
        return order

    # ------------------------------------------------------------------
    # Accounts list
    # ------------------------------------------------------------------
    def test_accounts_list_shows_credit_position(self):
        action = open_menu(
            self.env, "kam_management.res_partner_key_accounts_menu", self.user_kam
        )
        Partner = self.env["res.partner"].with_user(self.user_kam)
        spec = list_specification(Partner, action["views"][0][0])
        for name in ("kam_available_credit", "kam_overdue_amount"):
            self.assertIn(name, spec)
        [row] = Partner.web_search_read([("id", "=", self.customer.id)], spec)[
            "records"
        ]
        customer = self.customer.with_user(self.user_kam)
        self.assertEqual(row["kam_overdue_amount"], customer.kam_overdue_amount)
        self.assertEqual(row["kam_overdue_amount"], 300.0)
        self.assertEqual(row["kam_available_credit"], customer.kam_available_credit)
        self.assertEqual(row["kam_available_credit"], 500.0)

    def _key_accounts(self, count):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"List Account {n}",
                    "is_company": True,
                    "kam_tier_id": (self.tier_gold | self.tier_silver)[n % 2].id,
                    "kam_user_id": self.user_kam.id,
                    "kam_backup_user_id": self.user_kam2.id,
                    "kam_segment_id": self.segment.id,
                    "city": "Baku",
                }
                for n in range(count)
            ]
        )
        for partner in partners[:10]:
            self._set_limit(partner, 10000.0)
            self._invoice(partner, 100.0, self.today - timedelta(days=5))
            self._order(partner, 50.0).action_confirm()
        self.env["kam.visit"].with_context(kam_visit_no_event=True).create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": self.user_kam.id,
                    "planned_start": self.env.company._kam_day_start(
                        self.today + timedelta(days=2)
                    ),
                }
                for partner in partners[:10]
            ]
        )
        return partners

    def test_accounts_list_reads_in_a_few_queries(self):
        self.segment = self.env["kam.segment"].create({"name": "Retail"})
        action = open_menu(
            self.env, "kam_management.res_partner_key_accounts_menu", self.user_kam
        )
        Partner = self.env["res.partner"].with_user(self.user_kam)
        spec = list_specification(Partner, action["views"][0][0])
        # warm the process-wide caches (access rules, xmlids) as a running server has
        Partner.web_search_read([("id", "in", self.customer.ids)], spec, limit=80)
        counts = []
        for size in (10, 80):
            accounts = self._key_accounts(size)
            domain = [("id", "in", accounts.ids)]
            self.env.invalidate_all()
            # a full page each time (a full page also counts the records)
            with self.assertQueryCount(15):
                rows = Partner.web_search_read(domain, spec, limit=size)["records"]
            self.assertEqual(len(rows), size)
            queries = self.cr.sql_log_count
            self.env.invalidate_all()
            Partner.web_search_read(domain, spec, limit=size)
            counts.append(self.cr.sql_log_count - queries)
        self.assertEqual(counts[0], counts[1], "the count does not grow with the rows")

    # ------------------------------------------------------------------
    # Credit-hold list
    # ------------------------------------------------------------------
    def test_credit_hold_list(self):
        order = self._hold(
            self._order(amount=800.0),
            (10, "blocked"),
            (8, "overridden"),
            (3, "blocked"),
            (1, "blocked"),
        )
        action = open_menu(
            self.env, "kam_receivables.sale_order_kam_credit_hold_menu", self.user_kam
        )
        Order = self.env["sale.order"].with_user(self.user_kam)
        view_id = {mode: view for view, mode in action["views"]}["list"]
        arch = Order.get_views([(view_id, "list")])["views"]["list"]["arch"]
        columns = [f.get("name") for f in etree.fromstring(arch).iter("field")]
        for name in (
            "partner_id",
            "kam_available_credit",
            "kam_overdue_amount",
            "kam_credit_hold_days",
        ):
            self.assertIn(name, columns)
        [row] = Order.web_search_read(
            [("id", "=", order.id)], list_specification(Order, view_id)
        )["records"]
        self.assertEqual(
            row["kam_credit_hold_days"], 3, "since the hold after approval"
        )
        self.assertEqual(row["kam_overdue_amount"], self.customer.kam_overdue_amount)
        self.assertEqual(
            row["kam_available_credit"], self.customer.kam_available_credit
        )
        order.sudo().kam_credit_hold = False
        self.assertEqual(order.kam_credit_hold_days, 0)
        self.assertFalse(order.kam_credit_hold_date)

    # ------------------------------------------------------------------
    # Dashboards
    # ------------------------------------------------------------------
    def _blocks(self, menu, user):
        action = open_menu(self.env, menu, user)
        return {b["title"]: b for b in board_blocks(self.env, action, user)}

    def test_kam_dashboard_receivables(self):
        held = self._hold(self._order(amount=900.0, user=self.user_kam), (2, "blocked"))
        other_held = self._hold(
            self._order(
                self.other_customer,
                900.0,
                user=self.user_kam2,
                user_id=self.user_kam2.id,
            ),
            (2, "blocked"),
        )
        blocks = self._blocks("kam_management.kam_dashboard_menu", self.user_kam)
        overdue = blocks["Overdue Receivables"]
        rows = overdue["model"].with_user(self.user_kam).search(overdue["domain"])
        self.assertEqual(rows.partner_id.commercial_partner_id, self.customer)
        self.assertEqual(overdue["group_by"], ["partner_id"])
        self.assertEqual(
            sum(rows.mapped("amount_overdue")),
            self.customer.kam_overdue_amount,
            "the customer's own overdue figure",
        )
        holds = blocks["Orders on Credit Hold"]
        orders = holds["model"].with_user(self.user_kam).search(holds["domain"])
        self.assertEqual(orders, held)
        self.assertNotIn(other_held, orders)

    def test_team_dashboard_overdue_by_kam(self):
        blocks = self._blocks(
            "kam_management.kam_team_dashboard_menu", self.user_manager
        )
        overdue = blocks["Overdue Receivables per KAM"]
        self.assertEqual(overdue["group_by"], ["kam_user_id"])
        Aging = overdue["model"].with_user(self.user_manager)
        figures = {
            user: amount
            for user, amount in Aging._read_group(
                overdue["domain"], ["kam_user_id"], ["amount_overdue:sum"]
            )
        }
        self.assertEqual(figures[self.user_kam], self.customer.kam_overdue_amount)
        self.assertEqual(
            figures[self.user_kam2], self.other_customer.kam_overdue_amount
        )
        with self.assertRaises(AccessError):
            self._blocks("kam_management.kam_team_dashboard_menu", self.user_kam)
        with self.assertRaises(AccessError):
            self._blocks("kam_management.kam_dashboard_menu", self.user_accountant)

    def test_credit_hold_list_roles(self):
        order = self._hold(self._order(amount=900.0), (2, "blocked"))
        for user in (self.user_kam, self.user_credit_manager, self.user_accountant):
            Order = self.env["sale.order"].with_user(user)
            self.assertEqual(Order.browse(order.id).kam_credit_hold_days, 2, user.login)
        # the held orders of the dashboard: nothing for KAMs without any
        holds = self._blocks("kam_management.kam_dashboard_menu", self.user_kam2)[
            "Orders on Credit Hold"
        ]
        self.assertFalse(
            holds["model"].with_user(self.user_kam2).search(holds["domain"])
        )
