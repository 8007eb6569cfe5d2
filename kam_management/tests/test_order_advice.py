# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .contract_common import KamContractCommon


@tagged("post_install", "-at_install")
class TestOrderAdvice(KamContractCommon):
    """account_a (Gold, segment Retail) buys juice monthly (due again) and tea
    twice ten days apart (not due yet); its Gold Retail peers buy chips, which it
    never does (assortment gap)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product_tea = cls.env["product.product"].create(
            {"name": "KAM Tea", "categ_id": cls.categ_a.id, "list_price": 4.0}
        )
        cls.product_crisps = cls.env["product.product"].create(
            {"name": "KAM Crisps", "categ_id": cls.categ_b.id, "list_price": 3.0}
        )
        cls.segment = cls.env["kam.segment"].create({"name": "Retail"})
        cls.peer = cls.env["res.partner"].create(
            {
                "name": "Peer account",
                "is_company": True,
                "kam_tier_id": cls.tier_gold.id,
                "kam_user_id": cls.user_kam2.id,
            }
        )
        (cls.account_a | cls.account_c | cls.peer).kam_segment_id = cls.segment
        today = cls.today
        for days, qty in ((90, 10), (60, 20), (30, 30)):
            cls._order(
                cls.account_a,
                today - timedelta(days=days),
                [(cls.product_a, qty, 10.0)],
            )
        for days in (15, 5):
            cls._order(
                cls.account_a, today - timedelta(days=days), [(cls.product_tea, 1, 4.0)]
            )
        # peers: both buy chips (category B), one of them crisps too, long ago
        cls._order(cls.account_c, today - timedelta(days=40), [(cls.product_b, 6, 5.0)])
        cls._order(cls.peer, today - timedelta(days=50), [(cls.product_b, 2, 5.0)])
        cls._order(
            cls.peer, today - timedelta(days=500), [(cls.product_crisps, 9, 3.0)]
        )
        # another segment buys something else: no gap of account_a
        cls.account_b.kam_segment_id = cls.env["kam.segment"].create({"name": "Other"})

    def _advice(self, account=None):
        account = account or self.account_a
        return account._kam_order_advice()[account.id]

    def test_due_again_and_gap(self):
        advice = self._advice()
        due = [s for s in advice if s["kind"] == "due"]
        self.assertEqual([s["product_id"] for s in due], [self.product_a.id])
        self.assertEqual(due[0]["interval_days"], 30)
        self.assertEqual(due[0]["last_date"], self.today - timedelta(days=30))
        self.assertEqual(due[0]["due_date"], self.today)
        self.assertEqual(due[0]["quantity"], 20.0, "the average order")
        gaps = [s for s in advice if s["kind"] == "gap"]
        self.assertEqual(len(gaps), 1)
        self.assertEqual(gaps[0]["categ_id"], self.categ_b.id)
        self.assertEqual(gaps[0]["product_id"], self.product_b.id, "most peers buy it")
        self.assertEqual(gaps[0]["peer_share"], 100.0)
        # peers of another segment have no gap from account_a's categories
        self.assertFalse(
            [s for s in self._advice(self.account_b) if s["kind"] == "gap"]
        )

    def test_not_due_before_the_usual_interval(self):
        advice = self.account_a._kam_order_advice(day=self.today - timedelta(days=1))[
            self.account_a.id
        ]
        self.assertFalse([s for s in advice if s["kind"] == "due"])

    def test_due_on_the_business_calendar(self):
        # ordered on 2 Oct and 1 Nov (local days in Baku and Honolulu alike): due
        # on 1 Dec, which 30 Nov 23:30 UTC already is in Baku, not yet in Honolulu
        for day in (date(2026, 10, 2), date(2026, 11, 1)):  # booked at 10:00 UTC
            self._order(self.account_b, day, [(self.product_tea, 2, 4.0)])
        for tz, due in (("Asia/Baku", True), ("Pacific/Honolulu", False)):
            for moment in ("2026-11-30 23:30:00", "2026-12-01 00:30:00"):
                with self.subTest(tz=tz, moment=moment), freeze_time(moment):
                    self.company.kam_tz = tz
                    advice = self._advice(self.account_b)
                    self.assertEqual(
                        [s["product_id"] for s in advice if s["kind"] == "due"],
                        [self.product_tea.id] if due else [],
                    )

    def test_quotation_advice_adds_lines(self):
        order = (
            self.env["sale.order"]
            .with_user(self.user_kam)
            .create({"partner_id": self.account_a.id})
        )
        self.assertEqual(order.kam_advice_count, 2)
        action = order.action_kam_order_advice()
        wizard = (
            self.env["sale.order.advice"]
            .with_user(self.user_kam)
            .browse(action["res_id"])
        )
        self.assertEqual(set(wizard.line_ids.mapped("kind")), {"due", "gap"})
        with self.assertRaises(UserError):
            wizard.action_add_selected()
        due = wizard.line_ids.filtered(lambda line: line.kind == "due")
        due.action_add()  # one click
        self.assertEqual(order.order_line.product_id, self.product_a)
        self.assertEqual(order.order_line.product_uom_qty, 20.0)
        self.assertEqual(
            order.kam_advice_count, 1, "what is on the order is not advised"
        )
        gap = wizard.line_ids - due
        gap.write({"selected": True, "quantity": 4})
        wizard.action_add_selected()
        self.assertEqual(order.order_line.product_id, self.product_a | self.product_b)
        self.assertEqual(order.kam_advice_count, 0)
        with self.assertRaises(UserError):
            gap.quantity = 0
        order.action_confirm()
        with self.assertRaises(UserError):
            order.action_kam_order_advice()

    def test_account_advice_creates_a_quotation(self):
        account = self.account_a.with_user(self.user_kam)
        self.assertEqual(account.kam_advice_count, 2)
        action = account.action_kam_order_advice()
        wizard = (
            self.env["sale.order.advice"]
            .with_user(self.user_kam)
            .browse(action["res_id"])
        )
        wizard.line_ids.selected = True
        result = wizard.action_add_selected()
        order = self.env["sale.order"].browse(result["res_id"])
        self.assertEqual(order.partner_id, self.account_a)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.user_id, self.user_kam)
        self.assertEqual(len(order.order_line), 2)

    def test_advice_access(self):
        # another KAM's account: not their advice to see
        with self.assertRaises(AccessError):
            self.account_a.with_user(
                self.user_kam_other_company
            ).action_kam_order_advice()
        with self.assertRaises(AccessError):
            self.account_b.with_user(self.user_kam).action_kam_order_advice()
        # the head of sales of the team and the director may
        self.account_a.with_user(self.user_manager).action_kam_order_advice()
        self.account_a.with_user(self.user_director).action_kam_order_advice()
        # a quotation the user may not edit
        order = self.env["sale.order"].create(
            {"partner_id": self.account_c.id, "user_id": self.user_director.id}
        )
        with self.assertRaises(AccessError):
            order.with_user(self.user_kam).action_kam_order_advice()

    def test_quotation_form(self):
        form = Form(self.env["sale.order"].with_user(self.user_kam))
        form.partner_id = self.account_a
        self.assertEqual(form.kam_advice_count, 2)
        with form.order_line.new() as line:
            line.product_id = self.product_b
        self.assertEqual(form.kam_advice_count, 1)
