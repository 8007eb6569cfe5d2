# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark data with a fixed seed, valid for KAM Suite's engine and OCA's risk.

* ``receivables(env, customers, invoices, orders)``: customers with posted invoices
  (receivable lines, residuals; payments reconciled through partials, some in full,
  some in part) and confirmed orders not yet invoiced (size (a): 10,000 / 30,000 /
  5,000).
* ``portfolio(env, kams, accounts, months, lines)``: KAMs owning key accounts since
  before the period, one order a month per account with ``lines`` lines, invoiced
  (and mostly paid) for the past months (size (b): 100 x 2,000 x 12 x 8 = 192,000
  order lines and as many journal items).

Customers and users go through the ORM (their side effects: commercial partner,
ownership history, groups). Invoices, payments and orders are copies of prototypes
made and posted through the ORM, written in bulk SQL (see ``bench.clone``): posting
30,000 invoices through the ORM takes the better part of an hour on two cores; the
copies take seconds and hold what the ORM would have stored.
"""

import random
import re
from datetime import date, datetime, time, timedelta

from odoo import Command

from bench.clone import allocate_ids, clone, columns, plan_table, scaled
from bench.invoices import InvoiceGenerator

QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "kam_credit_skip_check": True,
}
SOL_AMOUNTS = (
    "product_uom_qty",
    "price_subtotal",
    "price_total",
    "price_tax",
    "product_packaging_qty",
)


class Generator(InvoiceGenerator):
    def __init__(self, env, seed=13):
        self.env = env(context=dict(env.context, **QUIET))
        self.cr = env.cr
        self.rng = random.Random(seed)
        self.company = self.env.company
        self.today = self.company._kam_today()
        self._protos = {}

    # ------------------------------------------------------------------
    # Prototypes (through the ORM)
    # ------------------------------------------------------------------
    def product(self):
        if "product" not in self._protos:
            self._protos["product"] = self.env["product.product"].create(
                {
                    "name": "Bench product",
                    "type": "service",
                    "invoice_policy": "order",
                    "list_price": 10.0,
                    "taxes_id": [Command.clear()],
                }
            )
        return self._protos["product"]

    def proto_partner(self):
        if "partner" not in self._protos:
            self._protos["partner"] = self.env["res.partner"].create(
                {"name": "Bench prototype", "is_company": True, "customer_rank": 1}
            )
        return self._protos["partner"]

    def proto_order(self, lines):
        key = ("order", lines)
        if key not in self._protos:
            product = self.product()
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.proto_partner().id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 1 + i % 3,
                                "price_unit": 10.0 + 2.5 * i,
                                "tax_id": [Command.clear()],
                            }
                        )
                        for i in range(lines)
                    ],
                }
            )
            order.action_confirm()
            self._protos[key] = order
        return self._protos[key]

    # ------------------------------------------------------------------
    # Names
    # ------------------------------------------------------------------
    def _namer(self, proto):
        """Function day -> (name, prefix, number) continuing the proto's journal."""
        match = re.match(r"^(.*?)(\d{4})(/\d{2})?/(\d+)$", proto.name)
        head, monthly, width = match.group(1), bool(match.group(3)), len(match.group(4))
        last = {}

        def name(day):
            prefix = f"{head}{day.year}/" + (f"{day.month:02d}/" if monthly else "")
            if prefix not in last:
                self.cr.execute(
                    "SELECT COALESCE(MAX(sequence_number), 0) FROM account_move "
                    "WHERE journal_id = %s AND sequence_prefix = %s",
                    [proto.journal_id.id, prefix],
                )
                last[prefix] = self.cr.fetchone()[0]
            last[prefix] += 1
            number = last[prefix]
            return f"{prefix}{number:0{width}d}", prefix, number

        return name

    # ------------------------------------------------------------------
    # Orders
    # ------------------------------------------------------------------
    def orders(self, rows, lines=1):
        """Confirmed orders, one per row (partner_id, user_id, datetime, factor,
        invoiced); returns the number of orders."""
        proto = self.proto_order(lines)
        self.env.flush_all()
        self.cr.execute(
            "SELECT COALESCE(MAX(id), 0) FROM sale_order WHERE name LIKE 'SB%%'"
        )
        plan_table(
            self.cr,
            "bench_so",
            "n int, partner_id int, user_id int, date_order timestamp, factor int, "
            "invoiced boolean",
            [(n, *row) for n, row in enumerate(rows)],
        )
        allocate_ids(self.cr, "bench_so", "order_id", "sale_order")
        now = "(NOW() AT TIME ZONE 'UTC')"
        invoiced = "p.invoiced"
        clone(
            self.cr,
            "sale_order",
            proto.id,
            "bench_so",
            {
                **scaled(("amount_untaxed", "amount_tax", "amount_total")),
                "id": "p.order_id",
                "name": "'SB' || lpad(p.order_id::text, 7, '0')",
                "partner_id": "p.partner_id",
                "partner_invoice_id": "p.partner_id",
                "partner_shipping_id": "p.partner_id",
                "user_id": "COALESCE(p.user_id, t.user_id)",
                "date_order": "p.date_order",
                "access_token": "NULL",
                "invoice_status": f"CASE WHEN {invoiced} THEN 'invoiced' "
                "ELSE t.invoice_status END",
                "create_date": "p.date_order",
                "write_date": now,
            },
        )
        for line in proto.order_line:
            clone(
                self.cr,
                "sale_order_line",
                line.id,
                "bench_so",
                {
                    **scaled(SOL_AMOUNTS),
                    "id": "nextval('sale_order_line_id_seq')",
                    "order_id": "p.order_id",
                    "order_partner_id": "p.partner_id",
                    "salesman_id": "COALESCE(p.user_id, t.salesman_id)",
                    "qty_invoiced": f"CASE WHEN {invoiced} "
                    "THEN t.product_uom_qty * p.factor ELSE 0 END",
                    "qty_to_invoice": f"CASE WHEN {invoiced} "
                    "THEN 0 ELSE t.qty_to_invoice * p.factor END",
                    "untaxed_amount_invoiced": f"CASE WHEN {invoiced} "
                    "THEN t.price_subtotal * p.factor ELSE 0 END",
                    "untaxed_amount_to_invoice": f"CASE WHEN {invoiced} "
                    "THEN 0 ELSE t.untaxed_amount_to_invoice * p.factor END",
                    "invoice_status": f"CASE WHEN {invoiced} THEN 'invoiced' "
                    "ELSE t.invoice_status END",
                    "create_date": "p.date_order",
                    "write_date": now,
                },
            )
        self.env.invalidate_all()
        return len(rows)

    # ------------------------------------------------------------------
    # Partners and users
    # ------------------------------------------------------------------
    def customers(self, count, prefix, values=None):
        """``count`` companies (customers), created in batches through the ORM."""
        ids = []
        for start in range(0, count, 1000):
            ids += (
                self.env["res.partner"]
                .create(
                    [
                        {
                            "name": f"{prefix} {i:05d}",
                            "is_company": True,
                            "customer_rank": 1,
                            **(values(i) if values else {}),
                        }
                        for i in range(start, min(start + 1000, count))
                    ]
                )
                .ids
            )
        return ids

    def kams(self, count, prefix="bench_kam"):
        group = self.env.ref("kam_management.group_kam_user")
        return (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                [
                    {
                        "name": f"Bench KAM {i:03d}",
                        "login": f"{prefix}_{i:03d}",
                        "groups_id": [Command.link(group.id)],
                    }
                    for i in range(count)
                ]
            )
        )

    def random_day(self, months):
        return self.today - timedelta(days=self.rng.randint(0, months * 30))


def receivables(env, customers=10000, invoices=30000, orders=5000, seed=13):
    """Size (a): customers with limits, posted invoices, payments, open orders.

    :return: ids of the customers
    """
    gen = Generator(env, seed)
    rng = gen.rng
    limit_of = {}

    def values(i):
        limit_of[i] = rng.choice((0, 5000, 20000, 50000, 100000))
        return {"credit_limit": limit_of[i]}

    partner_ids = gen.customers(customers, f"Bench customer {seed}", values)
    rows = []
    for _ in range(invoices):
        day = gen.random_day(12)
        age = (gen.today - day).days
        if age > 60:
            share = rng.choices((1, 0.4, 0), (85, 5, 10))[0]
        else:
            share = rng.choices((1, 0.4, 0), (30, 10, 60))[0]
        rows.append((rng.choice(partner_ids), None, day, rng.randint(1, 40), share))
    gen.invoices(rows)
    order_rows = [
        (
            rng.choice(partner_ids),
            None,
            datetime.combine(gen.random_day(2), time(10)),
            rng.randint(1, 40),
            False,
        )
        for _ in range(orders)
    ]
    gen.orders(order_rows, lines=2)
    return partner_ids


def portfolio(env, kams=100, accounts=2000, months=12, lines=8, seed=13):
    """Size (b): KAMs owning key accounts, a year of monthly orders and invoices.

    :return: (users, account ids)
    """
    gen = Generator(env, seed)
    rng = gen.rng
    users = gen.kams(kams, prefix=f"bench_kam_{seed}")
    tiers = env["kam.tier"].search([])
    account_ids = gen.customers(
        accounts,
        f"Bench account {seed}",
        lambda i: {
            "kam_user_id": users[i % kams].id,
            "kam_tier_id": tiers[i % len(tiers)].id,
        },
    )
    # owned since before the period: the KPIs credit the owner on each day
    env.cr.execute(
        "UPDATE kam_assignment SET date_from = %s WHERE partner_id IN %s",
        [gen.today - timedelta(days=months * 31 + 31), tuple(account_ids)],
    )
    env.invalidate_all()
    this_month = gen.today.replace(day=1)
    order_rows, invoice_rows = [], []
    for i, partner_id in enumerate(account_ids):
        user_id = users[i % kams].id
        for back in range(months):
            month = _months_back(this_month, back)
            day = month + timedelta(days=rng.randint(0, 27))
            day = min(day, gen.today)
            factor = rng.randint(1, 20)
            invoiced = back > 0
            order_rows.append(
                (partner_id, user_id, datetime.combine(day, time(9)), factor, invoiced)
            )
            if invoiced:
                share = 1 if back > 2 and rng.random() < 0.9 else rng.choice((0, 0.4))
                invoice_rows.append((partner_id, user_id, day, factor, share))
    gen.orders(order_rows, lines=lines)
    gen.invoices(invoice_rows, lines=lines)
    return users, account_ids


def _months_back(first_day, count):
    year, month = first_day.year, first_day.month - count
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


__all__ = ["Generator", "columns", "portfolio", "receivables"]
