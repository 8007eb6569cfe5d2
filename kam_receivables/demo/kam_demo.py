# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The receivables chapter of the demo story (see ``kam_management/demo``).

Every confirmed order of the key accounts is invoiced on its day with 30-day terms.
Most customers pay around the due date; Sumgait Supermarkets used to pay late and
stopped paying five months ago, Ganja Wholesale paid a third of a large order,
Karabakh Grocers is six weeks late, Caspian Retail's last invoice is a few days past
due but within its own grace period, and Baku Fresh Market paid an advance not yet
applied. So the aging has every bucket. The collection follow-up then runs, Shirvan
Distribution's new order exceeds its credit limit and Sumgait's orders fail the check
(one approved by the credit manager), and two discrepancy acts are on the way, one
ended by its credit note.
"""

from datetime import timedelta

from odoo import Command, api, models

# credit limit per tier code (company currency)
CREDIT_LIMITS = {"PLAT": 80000.0, "GOLD": 30000.0, "SILV": 15000.0}
# invoices left open (orders by XML id in kam_management)
UNPAID_ORDERS = (
    "sale_order_demo_story_sumgait_1",
    "sale_order_demo_story_sumgait_2",
    "sale_order_demo_story_sumgait_3",
    "sale_order_demo_story_karabakh",
    "sale_order_demo_story_shirvan",
    "sale_order_demo_kam_01_3",
)
SILVER_LATE = ("13", "14", "15", "16", "17", "18", "19", "20")


class KamDemo(models.AbstractModel):
    _inherit = "kam.demo"

    @api.model
    def _kam_demo_receivables(self):
        self._kam_demo_credit_profiles()
        invoices = self._kam_demo_invoice_history()
        self._kam_demo_payments(invoices)
        self._kam_demo_advance_payment()
        self.env["kam.collection.level"]._cron_kam_collection()
        self._kam_demo_credit_holds()
        self._kam_demo_discrepancy_acts()
        self.env["res.partner"]._cron_kam_credit_review()
        # the override confirmed an order: this quarter's figures include it
        self.env["kam.sales.plan"]._cron_refresh_achieved()
        self._kam_demo_weekly_reports()

    @api.model
    def _kam_demo_credit_profiles(self):
        """30-day terms and a credit limit per tier for every key account; Shirvan
        Distribution gets a tight limit, Caspian Retail its own 10-day grace, and
        Sumgait Supermarkets' credit review falls due."""
        today = self._kam_demo_today()
        accounts = self.env["res.partner"].search(
            [("is_key_account", "=", True), ("is_company", "=", True)]
        )
        term = self.env.ref("account.account_payment_term_30days")
        for number, account in enumerate(accounts):
            account.write(
                {
                    "property_payment_term_id": term.id,
                    "credit_limit": CREDIT_LIMITS.get(account.kam_tier_id.code, 0.0),
                    "kam_credit_review_date": today + timedelta(days=30 + number * 9),
                }
            )
        self._kam_demo_account("06").credit_limit = 5000.0
        self._kam_demo_account("01").write(
            {"kam_own_payment_grace": True, "kam_payment_grace_days": 10}
        )
        self._kam_demo_account("09").write(
            {
                "kam_credit_review_date": today - timedelta(days=3),
                "kam_credit_risk_class": "medium",
            }
        )

    @api.model
    def _kam_demo_invoice_history(self):
        """One posted invoice per confirmed order of a key account, dated the day of
        the order, in date order."""
        orders = self.env["sale.order"].search(
            [
                ("partner_id.commercial_partner_id.is_key_account", "=", True),
                ("state", "=", "sale"),
                ("invoice_status", "=", "to invoice"),
            ],
            order="date_order, id",
        )
        orders.payment_term_id = self.env.ref("account.account_payment_term_30days")
        invoices = orders.with_context(
            tracking_disable=True, mail_create_nolog=True
        )._create_invoices(grouped=True)
        local_day = self._kam_demo_company()._kam_local_day
        for invoice in invoices:
            order = invoice.invoice_line_ids.sale_line_ids.order_id[:1]
            invoice.invoice_date = local_day(order.date_order)
        invoices = invoices.sorted(lambda inv: (inv.invoice_date, inv.id))
        invoices.action_post()
        return invoices

    @api.model
    def _kam_demo_payment(self, invoice, seed):
        """``(day, amount)`` of the payment of ``invoice``, or ``None`` while it is
        unpaid (the story's open invoices, and payments not due to arrive yet)."""
        order = invoice.invoice_line_ids.sale_line_ids.order_id[:1]
        unpaid = self.env["sale.order"].concat(
            *(self._kam_demo_ref(name) for name in UNPAID_ORDERS)
        )
        if order in unpaid:
            return None
        due = invoice.invoice_date_due
        amount = invoice.amount_total
        account = invoice.commercial_partner_id
        if order == self._kam_demo_ref("sale_order_demo_story_ganja"):
            day, amount = invoice.invoice_date + timedelta(days=50), amount / 3
        elif account == self._kam_demo_account("09"):
            day = due + timedelta(days=20 + seed % 20)
        elif account.kam_tier_id.code == "SILV":
            day = due + timedelta(days=(seed * 5) % 9 - 2)
        else:
            day = due - timedelta(days=(seed * 3) % 8)
        if day >= self._kam_demo_today():
            return None
        return day, invoice.currency_id.round(amount)

    @api.model
    def _kam_demo_bank_journal(self):
        company = self._kam_demo_company()
        return self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )

    @api.model
    def _kam_demo_payments(self, invoices):
        """Register the payments of ``invoices`` in one batch: posted customer
        payments, each reconciled with its invoice."""
        journal = self._kam_demo_bank_journal()
        paid, vals_list = [], []
        for seed, invoice in enumerate(invoices):
            payment = self._kam_demo_payment(invoice, seed)
            if not payment:
                continue
            day, amount = payment
            paid.append(invoice)
            vals_list.append(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": invoice.commercial_partner_id.id,
                    "amount": amount,
                    "date": day,
                    "journal_id": journal.id,
                    "memo": invoice.name,
                }
            )
        payments = (
            self.env["account.payment"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(vals_list)
        )
        payments.action_post()
        self.env["account.move.line"]._reconcile_plan(
            [
                (payment.move_id.line_ids | invoice.line_ids).filtered(
                    lambda line: (
                        line.account_id.account_type == "asset_receivable"
                        and not line.reconciled
                    )
                )
                for payment, invoice in zip(payments, paid, strict=True)
            ]
        )

    @api.model
    def _kam_demo_advance_payment(self):
        """Baku Fresh Market paid an advance for its next order: an unapplied credit."""
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self._kam_demo_account("02").id,
                "amount": 3000.0,
                "date": self._kam_demo_today() - timedelta(days=5),
                "journal_id": self._kam_demo_bank_journal().id,
                "memo": "Advance for the next juice order",
            }
        )
        payment.action_post()
        self._kam_demo_register(
            {"account_payment_demo_advance": payment}, "kam_receivables"
        )

    @api.model
    def _kam_demo_quotation(self, kam, account, basket):
        return (
            self.env["sale.order"]
            .with_user(kam)
            .create(
                {
                    "partner_id": account.id,
                    "user_id": kam.id,
                    "order_line": self._kam_demo_lines(basket),
                }
            )
        )

    @api.model
    def _kam_demo_credit_holds(self):
        """The KAMs confirm new orders: Shirvan's exceeds its credit limit, Sumgait's
        two fail on its overdue debt and credit hold; the credit manager approves one
        of Sumgait's, paid in advance."""
        tural = self._kam_demo_ref("user_demo_kam2")
        kamala = self._kam_demo_ref("user_demo_kam")
        manager = self._kam_demo_ref("kam_receivables.user_demo_credit_manager")
        over_limit = self._kam_demo_quotation(
            tural, self._kam_demo_account("06"), (("oil", 100), ("tea", 40))
        )
        overdue = self._kam_demo_quotation(
            kamala, self._kam_demo_account("09"), (("rice", 80), ("juice", 200))
        )
        overridden = self._kam_demo_quotation(
            kamala, self._kam_demo_account("09"), (("tea", 40),)
        )
        over_limit.action_confirm()
        overdue.action_confirm()
        overridden.action_confirm()
        self.env["sale.order.credit.override"].with_user(manager).create(
            {
                "order_id": overridden.id,
                "reason": "Paid in advance by bank transfer; the payment plan for the "
                "overdue invoices is agreed with the owner.",
            }
        ).action_override()
        self._kam_demo_register(
            {
                "sale_order_demo_credit_hold_limit": over_limit,
                "sale_order_demo_credit_hold_overdue": overdue,
                "sale_order_demo_credit_overridden": overridden,
            },
            "kam_receivables",
        )

    @api.model
    def _kam_demo_discrepancy_acts(self):
        """Nakhchivan Trade received damaged rice: Farid's act is approved by the
        credit manager, its credit note posted by the accountant, and the act closed.
        Lankaran Tea House's shortage act waits for approval."""
        farid = self._kam_demo_ref("user_demo_kam4")
        tural = self._kam_demo_ref("user_demo_kam2")
        manager = self._kam_demo_ref("kam_receivables.user_demo_credit_manager")
        accountant = self._kam_demo_ref("user_demo_accountant")
        rice = self._kam_demo_ref("product_demo_kam_rice")
        juice = self._kam_demo_ref("product_demo_kam_juice")
        damaged = self._kam_demo_ref("sale_order_demo_kam_08_2").invoice_ids[:1]
        short = self._kam_demo_ref("sale_order_demo_kam_10_1").invoice_ids[:1]
        acts = self.env["kam.discrepancy.act"]
        done = acts.with_user(farid).create(
            {
                "partner_id": damaged.commercial_partner_id.id,
                "invoice_id": damaged.id,
                "discrepancy_type": "damage",
                "date": damaged.invoice_date + timedelta(days=2),
                "description": "<p>Two pallets arrived without straps; four bags of "
                "rice were torn. Photos taken with the client's warehouse manager.</p>",
                "line_ids": [
                    Command.create(
                        {
                            "product_id": rice.id,
                            "quantity": 4,
                            "amount": 100.0,
                            "description": "Torn bags",
                        }
                    )
                ],
            }
        )
        done.action_confirm()
        done.with_user(manager).action_approve()
        done.credit_note_id.with_user(accountant).action_post()
        done.action_done()
        waiting = acts.with_user(tural).create(
            {
                "partner_id": short.commercial_partner_id.id,
                "invoice_id": short.id,
                "discrepancy_type": "shortage",
                "description": "<p>Twenty bottles of juice missing from the delivery; "
                "the driver signed the note.</p>",
                "line_ids": [
                    Command.create(
                        {
                            "product_id": juice.id,
                            "quantity": 20,
                            "amount": 84.0,
                            "description": "Missing on delivery",
                        }
                    )
                ],
            }
        )
        waiting.action_confirm()
        self._kam_demo_register(
            {
                "kam_discrepancy_act_demo_done": done,
                "kam_discrepancy_act_demo_waiting": waiting,
            },
            "kam_receivables",
        )
