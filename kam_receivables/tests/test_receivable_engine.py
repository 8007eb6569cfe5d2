# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One definition of "open / overdue receivable": every screen gives one figure."""

from datetime import timedelta

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivableEngine(KamReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Level = cls.env["kam.collection.level"]
        Level.search([]).active = False
        cls.level_week = Level.create({"name": "Week", "days_overdue": 8})
        cls.level_fortnight = Level.create({"name": "Fortnight", "days_overdue": 13})
        # the KAM owns the account since long before the figures asked for
        cls.env["kam.assignment"].sudo().search(
            [("partner_id", "=", cls.customer.id)]
        ).date_from = cls.today - timedelta(days=400)

    def _aging(self, as_of=None, partner=None):
        Aging = self.env["kam.receivable.aging"]
        if as_of:
            Aging = Aging.with_context(kam_aging_date=as_of)
        [totals] = Aging._read_group(
            [("partner_id", "=", (partner or self.customer).id)],
            [],
            [
                "amount_not_due:sum",
                "amount_1_30:sum",
                "amount_unapplied:sum",
                "amount_overdue:sum",
                "amount_total:sum",
            ],
        )
        return dict(
            zip(
                ("not_due", "b1_30", "unapplied", "overdue", "total"),
                totals,
                strict=True,
            )
        )

    def _unapplied_payment(self, amount):
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.customer.id,
                "amount": amount,
                "date": self.today,
            }
        )
        payment.action_post()
        return payment

    def test_one_overdue_figure_everywhere(self):
        """Credit check, partner, aging, collection, KPI, overdue menu and statement
        agree on the overdue amount of one customer on one day."""
        today = self.today
        self.customer.with_user(self.user_credit_manager).write(
            {"kam_own_payment_grace": True, "kam_payment_grace_days": 5}
        )
        self.company.kam_payment_grace_days = 30  # the customer's own grace wins
        late = self._invoice(self.customer, 300, today - timedelta(days=10))
        within_grace = self._invoice(
            self.customer_contact, 200, today - timedelta(days=3)
        )
        not_due = self._invoice(self.customer, 100, today + timedelta(days=30))
        self._invoice(self.customer, 40, today, move_type="out_refund")
        self._unapplied_payment(70)
        overdue, debt, unapplied = 300, 600, -110

        # the partner's credit tab
        self.assertEqual(self.customer.kam_overdue_amount, overdue)
        self.assertEqual(self.customer.kam_credit_exposure, debt + unapplied)
        # the credit check of an order
        order = self._order(amount=10)
        order.action_confirm()
        self.assertRecordValues(
            order.kam_credit_check_ids,
            [
                {
                    "result": "blocked",
                    "overdue_amount": overdue,
                    "exposure": debt + unapplied,
                }
            ],
        )
        self.assertEqual(order.kam_overdue_amount, overdue)
        # the aging: debts by due date, unapplied credits apart, overdue beyond grace
        self.assertEqual(
            self._aging(),
            {
                "not_due": 100,
                "b1_30": 500,
                "unapplied": unapplied,
                "overdue": overdue,
                "total": debt + unapplied,
            },
        )
        # collection: 10 days past due (the debt within grace does not count)
        self.env["kam.collection.level"]._cron_kam_collection()
        self.assertEqual(self.customer.kam_collection_level_id, self.level_week)
        self.assertTrue(
            self.customer.message_ids.filtered(
                lambda m: "Week reached (10 days overdue)" in (m.body or "")
            )
        )
        # the overdue-ratio KPI of the KAM
        ratio = self.env.ref("kam_receivables.kam_kpi_overdue_ratio")
        self.assertEqual(
            ratio._kam_compute(self.user_kam, today, today)[self.user_kam.id],
            round(100.0 * overdue / debt, 2),
        )
        # the overdue invoices menu
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_receivables.account_move_action_kam_overdue"
        )
        found = self.env["account.move"].search(safe_eval(action["domain"]))
        self.assertIn(late, found)
        self.assertNotIn(within_grace, found)
        self.assertNotIn(not_due, found)
        invoices = late | within_grace | not_due
        self.assertEqual(
            self.env["account.move"].search(
                [("id", "in", invoices.ids), ("kam_overdue", "=", False)]
            ),
            within_grace | not_due,
        )
        self.assertEqual(invoices.mapped("kam_overdue"), [True, False, False])
        # the settlement statement
        statement = self.customer._kam_settlement_statement(
            today - timedelta(days=30), today, self.company
        )
        self.assertEqual(statement["overdue"], overdue)
        self.assertEqual(statement["closing"], debt + unapplied)

    def test_residuals_as_of_a_past_day(self):
        """A payment booked after a day leaves the invoice open on that day."""
        today = self.today
        earlier = today - timedelta(days=10)
        invoice = self._invoice(
            self.customer,
            1000,
            today - timedelta(days=15),
            today - timedelta(days=20),
        )
        self._invoice(
            self.customer, 500, today + timedelta(days=5), today - timedelta(days=20)
        )
        self._pay(invoice, 400, today - timedelta(days=5))
        engine = self.env["kam.receivable.engine"]
        then = engine._kam_receivables(self.customer, as_of=earlier)[self.customer.id]
        now = engine._kam_receivables(self.customer)[self.customer.id]
        self.assertEqual((then["receivable"], then["overdue"]), (1500, 1000))
        self.assertEqual((now["receivable"], now["overdue"]), (1100, 600))
        self.assertEqual(self._aging(earlier)["total"], 1500)
        self.assertEqual(self._aging()["total"], 1100)
        ratio = self.env.ref("kam_receivables.kam_kpi_overdue_ratio")
        self.assertEqual(
            ratio._kam_compute(self.user_kam, earlier, earlier)[self.user_kam.id],
            66.67,
        )
        self.assertEqual(
            ratio._kam_compute(self.user_kam, today, today)[self.user_kam.id], 54.55
        )
        # the statement's closing balance of a day is the open receivables of that day
        statement = self.customer._kam_settlement_statement(
            earlier - timedelta(days=30), earlier, self.company
        )
        self.assertEqual(statement["closing"], then["receivable"])
        self.assertEqual(statement["overdue"], then["overdue"])
        # the money collected is credited on the day it was booked
        collected = self.env.ref("kam_receivables.kam_kpi_collected_revenue")
        self.assertEqual(
            collected._kam_compute(self.user_kam, earlier, today)[self.user_kam.id], 400
        )
        self.assertEqual(
            collected._kam_compute(self.user_kam, earlier, earlier)[self.user_kam.id], 0
        )

    def test_company_grace_unless_own_grace(self):
        self.company.kam_payment_grace_days = 5
        self._invoice(self.customer, 100, self.today - timedelta(days=3))
        self.assertEqual(self.customer.kam_overdue_amount, 0)
        # an own grace of zero days is no grace, not "the company's default"
        self.customer.write(
            {"kam_own_payment_grace": True, "kam_payment_grace_days": 0}
        )
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.kam_overdue_amount, 100)
        self.assertEqual(self._aging()["overdue"], 100)

    def test_today_counts_documents_dated_later(self):
        """Today's figures are accounting's current balance: an invoice dated
        tomorrow is owed already (a user ahead of the company's time zone posts it
        so); a past day leaves it out. A period still running is read as of today."""
        today = self.today
        self._invoice(
            self.customer, 100, today + timedelta(days=5), today + timedelta(days=1)
        )
        self._invoice(self.customer, 10, today - timedelta(days=1), today)
        self.assertEqual(self.customer.kam_credit_exposure, 110)
        engine = self.env["kam.receivable.engine"]
        yesterday = engine._kam_receivables(
            self.customer, as_of=today - timedelta(days=1)
        )
        self.assertEqual(yesterday[self.customer.id]["receivable"], 0)
        self.assertEqual(self._aging()["total"], 110)
        ratio = self.env.ref("kam_receivables.kam_kpi_overdue_ratio")
        month_end = today + timedelta(days=20)
        self.assertEqual(
            ratio._kam_compute(self.user_kam, today, month_end)[self.user_kam.id],
            round(100.0 * 10 / 110, 2),
        )

    def test_many_days_at_once_equal_day_by_day(self):
        """``_kam_receivables_days`` gives, day by day, the figures of each day alone:
        documents dated after a day left out, payments and credit notes booked after
        it left open, in part or in full, a debt overdue on some days only; today
        and a later day are today's figures."""
        today = self.today
        old = self._invoice(
            self.customer,
            1000,
            today - timedelta(days=40),
            today - timedelta(days=60),
        )
        recent = self._invoice(
            self.customer_contact,
            300,
            today + timedelta(days=10),
            today - timedelta(days=20),
        )
        self._pay(old, 400, today - timedelta(days=30))
        self._pay(old, 600, today - timedelta(days=8))
        self._pay(recent, 100, today - timedelta(days=3))
        self._invoice(
            self.customer,
            50,
            today - timedelta(days=5),
            today - timedelta(days=5),
            move_type="out_refund",
        )
        self._unapplied_payment(70)
        nothing_owed = self.env["res.partner"].create(
            {"name": "Paid-up Customer", "is_company": True}
        )
        partners = self.customer | self.customer_contact | nothing_owed
        days = [today - timedelta(days=n) for n in (70, 45, 25, 10, 4, 1)] + [
            today,
            today + timedelta(days=3),
        ]
        engine = self.env["kam.receivable.engine"]
        together = engine._kam_receivables_days(partners, days)
        self.assertEqual(list(together), days)
        for day in days:
            with self.subTest(day=day):
                self.assertEqual(
                    together[day], engine._kam_receivables(partners, as_of=day)
                )
        # the figures themselves, 25 days ago: the old invoice open for 600 and
        # overdue, the recent one not due yet
        before = together[today - timedelta(days=25)][self.customer.id]
        self.assertEqual(
            (before["receivable"], before["debt"], before["overdue"]), (600, 600, 600)
        )
        self.assertEqual(
            together[today - timedelta(days=70)][self.customer.id],
            {
                "receivable": 0,
                "debt": 0,
                "unapplied": 0,
                "overdue": 0,
                "overdue_days": 0,
            },
        )
        # a contact gets its commercial entity's figures
        self.assertEqual(
            together[today][self.customer_contact.id], together[today][self.customer.id]
        )

    def test_yearly_sales_of_many_days_equal_day_by_day(self):
        today = self.today
        for age, amount in ((400, 70), (200, 100), (30, 40), (2, 5)):
            self._invoice(
                self.customer,
                amount,
                today - timedelta(days=age - 30),
                today - timedelta(days=age),
            )
        days = [today - timedelta(days=n) for n in (300, 100, 10, 0)]
        partners = self.customer | self.customer_contact
        together = partners._kam_sales_12_months_days(days)
        for day in days:
            with self.subTest(day=day):
                self.assertEqual(
                    together[day], partners._kam_sales_12_months(as_of=day)
                )
        self.assertEqual(together[today][self.customer.id], 145)
        # without a day: the last 365 days, later invoices included
        self._invoice(
            self.customer, 1, today + timedelta(days=30), today + timedelta(days=1)
        )
        self.assertEqual(partners._kam_sales_12_months()[self.customer.id], 146)
