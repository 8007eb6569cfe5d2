# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scaling of the hot aggregates with generated data (setup/bench).

* revenue of the last 12 months on N key accounts (kanban of accounts);
* every KPI of the registry for K KAMs (plan computation);
* credit figures of a customer with M open invoices (order confirmation).

Each is measured at a small and a ten times larger size; the report gives the
ratios. Everything runs in one transaction that is rolled back.
"""

from datetime import date, timedelta

from odoo import Command, fields

from bench.common import bench_env, measure, report


def _product(env):
    return env["product.product"].create({"name": "Bench product", "list_price": 10})


def _key_accounts(env, count, tier, kam):
    return env["res.partner"].create(
        [
            {
                "name": f"Bench account {i}",
                "is_company": True,
                "kam_tier_id": tier.id,
                "kam_user_id": kam.id,
            }
            for i in range(count)
        ]
    )


def _orders(env, partners, product):
    orders = env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "date_order": fields.Datetime.now() - timedelta(days=30),
                "order_line": [Command.create({"product_id": product.id})],
            }
            for partner in partners
        ]
    )
    # data, not the confirmation flow: skip the checks of action_confirm
    orders.write({"state": "sale"})
    return orders


def bench_revenue(env, tier, kam, product):
    sizes, results = (50, 500), []
    for size in sizes:
        partners = _key_accounts(env, size, tier, kam)
        _orders(env, partners, product)
        env.flush_all()
        results.append(measure(env, lambda p=partners: p.mapped("kam_revenue_12m")))
    report("kam_revenue_12m", *results, *sizes)


def bench_kpis(env, tier, product):
    sizes, results = (5, 50), []
    kpis = env["kam.kpi"].search([])
    today = date.today()
    for size in sizes:
        users = env["res.users"].create(
            [
                {
                    "name": f"Bench KAM {size}-{i}",
                    "login": f"bench_kam_{size}_{i}",
                    "groups_id": [
                        Command.link(env.ref("kam_management.group_kam_user").id)
                    ],
                }
                for i in range(size)
            ]
        )
        for user in users:
            _orders(env, _key_accounts(env, 3, tier, user), product)
        env.flush_all()

        def compute(users=users):
            for kpi in kpis:
                kpi._kam_compute(users, today.replace(day=1), today)

        results.append(measure(env, compute))
    report(f"{len(kpis)} KPIs per KAM", *results, *sizes)


def bench_credit(env, product):
    if "kam_credit_exposure" not in env["res.partner"]._fields:
        return
    sizes, results = (20, 200), []
    for size in sizes:
        customer = env["res.partner"].create({"name": f"Bench debtor {size}"})
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_date": date.today() - timedelta(days=60),
                    "invoice_line_ids": [
                        Command.create({"product_id": product.id, "price_unit": 10})
                    ],
                }
                for _i in range(size)
            ]
        )
        moves.action_post()
        env.flush_all()
        results.append(
            measure(
                env,
                lambda c=customer: c.read(
                    ["kam_credit_exposure", "kam_overdue_amount"]
                ),
            )
        )
    report("credit exposure per customer", *results, *sizes)


def main():
    with bench_env() as env:
        tier = env["kam.tier"].search([], limit=1)
        kam = env.ref("base.user_admin")
        product = _product(env)
        bench_revenue(env, tier, kam, product)
        bench_kpis(env, tier, product)
        bench_credit(env, product)


if __name__ == "__main__":
    main()
