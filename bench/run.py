# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark steps, called by setup/bench (see bench/README.md).

    python -m bench.run CONF prepare DB SCALE      generate size (a) at SCALE
    python -m bench.run CONF portfolio DB SCALE    generate size (b) and plans
    python -m bench.run CONF oca-setup DB          OCA: include every risk in the total
    python -m bench.run CONF vacuum DB             VACUUM ANALYZE, as autovacuum would
    python -m bench.run CONF compare OURS OCA RUNS side-by-side table (JSON to stdout
                                                   file given by BENCH_JSON)
    python -m bench.run CONF grow RUNS DB1 DB10 DB100   how it grows
    python -m bench.run CONF profile DB PATH       cProfile of one hot path

SCALE is a fraction of the full size: 1 = 10,000 customers / 30,000 invoices / 5,000
orders and 100 KAMs x 2,000 accounts x 12 months x 8 lines.
"""

import json
import os
import sys
from datetime import timedelta

import odoo

from bench import generate, hot_paths
from bench.common import bench_env, configure, fmt_time, measure, median_runs

SEED = 13
FULL_CUSTOMERS = 10000
DEBTORS = (5, 50, 500)
CUSTOMER_PREFIX = f"Bench customer {SEED}"
ACCOUNT_PREFIX = f"Bench account {SEED}"
TARGETS = {
    "exposure": "ours >= 10x faster than OCA",
    "credit_check": "<= 4 queries added, flat in open invoices",
    "aging": "< 1 s",
    "kpis": "< 3 s",
    "weekly_plan": "< 2 s, queries flat in accounts",
    "refresh_plans": "< 5 s",
    "accounts_list": "<= 15 queries",
}


def prepare(db, scale):
    with bench_env(db, commit=True) as env:
        generate.receivables(
            env,
            customers=max(int(FULL_CUSTOMERS * scale), 10),
            invoices=max(int(30000 * scale), 30),
            orders=max(int(5000 * scale), 5),
            seed=SEED,
        )
        gen = generate.Generator(env, SEED)
        for count in DEBTORS:
            (partner_id,) = gen.customers(
                1, f"Bench debtor {count}", lambda i: {"credit_limit": 1e9}
            )
            day = gen.today - timedelta(days=5)
            gen.invoices([(partner_id, None, day, 1, 0)] * count)


def portfolio(db, scale):
    with bench_env(db, commit=True) as env:
        users, _accounts = generate.portfolio(
            env,
            kams=max(int(100 * scale), 1),
            accounts=max(int(2000 * scale), 20),
            seed=SEED,
        )
        hot_paths.confirmed_plans(env, users, env["kam.kpi"].search([]))


def vacuum(db):
    """The database as autovacuum keeps a live one: statistics of every table
    (tables that got only a few rows, products and categories, are never analysed
    automatically, and stale statistics would make PostgreSQL plan the KPI queries
    for an empty catalogue) and the visibility of the rows just written (their
    first readers would set it, and index-only scans would read the tables).
    Both sides of the comparison get it."""
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        cr.commit()
        cr._cnx.autocommit = True
        try:
            cr.execute("VACUUM ANALYZE")
        finally:
            cr._cnx.autocommit = False


def oca_setup(db):
    with bench_env(db, commit=True) as env:
        env.cr.execute(
            "UPDATE res_partner SET risk_invoice_draft_include = TRUE, "
            "risk_invoice_open_include = TRUE, risk_invoice_unpaid_include = TRUE, "
            "risk_sale_order_include = TRUE"
        )


def _kams(env):
    return env["res.users"].search(
        [("login", "=like", f"bench_kam_{SEED}_%")], order="login"
    )


def _credit_check(sides, runs):
    """Queries and time of one confirmation with the check on and off, per number
    of open invoices; sides: {name: (env, on_context, off_context)}."""
    rows = {}
    for count in DEBTORS:
        makers = {}
        for name, (env, on, off) in sides.items():
            partner = hot_paths.bench_customers(env, f"Bench debtor {count} ")
            product = env["product.product"].search(
                [("name", "=", "Bench product")], limit=1
            )
            for mode, context in (("on", on), ("off", off)):
                makers[f"{name} {mode}"] = (
                    env,
                    lambda e=env, p=partner, g=product, c=context: hot_paths.confirm(
                        hot_paths.draft_order(e, p, g), **c
                    ),
                )
        rows[count] = median_runs(makers, runs)
    return rows


def _portfolio_paths(env):
    """{name: callable maker} of our hot paths on size (b) data of ``env``."""
    users = _kams(env)
    accounts = hot_paths.bench_customers(env, ACCOUNT_PREFIX)
    planners = users[:20]

    def plan_for(share, capacity=None):
        # 20 KAMs own the accounts (all of them, or the first half), 100 each at
        # full size: the plan's query count must not follow the account count.
        # A KAM's week holds what Settings allow (4 visits and 10 calls a day:
        # 1,400 contacts for 20 KAMs, whether they own 1,000 or 2,000 accounts);
        # "uncapped" allows 50 + 50 a day, so that everything due is planned (about
        # 4,000 contacts at full size): the cost then follows the contacts made.
        owned = accounts[: max(int(len(accounts) * share), 1)]
        for i, account in enumerate(owned):
            env.cr.execute(
                "UPDATE res_partner SET kam_user_id = %s WHERE id = %s",
                [planners[i % len(planners)].id, account.id],
            )
        env.invalidate_all()
        return hot_paths.weekly_plan(env, planners, capacity)

    return {
        "aging": lambda: hot_paths.aging_pivot(env),
        "kpis": lambda: hot_paths.kpis_by_month(env, users),
        "weekly_plan_half": lambda: plan_for(0.5),
        "weekly_plan": lambda: plan_for(1.0),
        "weekly_plan_uncapped": lambda: plan_for(1.0, (50, 50)),
        "refresh_plans": lambda: hot_paths.refresh_plans(env),
        "accounts_list": lambda: hot_paths.accounts_list(env),
    }


def compare(db_ours, db_oca, runs):
    result = {}
    with bench_env(db_ours) as ours, bench_env(db_oca) as oca:
        _enable_blocking(ours)
        partners = hot_paths.bench_customers(ours, CUSTOMER_PREFIX)
        result["customers"] = len(partners)
        result["exposure"] = median_runs(
            {
                "ours": (ours, lambda: hot_paths.exposure_ours(ours, partners)),
                "oca": (oca, lambda: hot_paths.exposure_oca(oca, partners)),
            },
            runs,
        )
        result["agreement"] = _agreement(ours, oca, partners)
        result["credit_check"] = _credit_check(
            {
                "ours": (ours, {}, {"kam_credit_skip_check": True}),
                "oca": (
                    oca,
                    {"kam_credit_skip_check": True},
                    {"kam_credit_skip_check": True, "bypass_risk": True},
                ),
            },
            runs,
        )
        makers = _portfolio_paths(ours)
        result["paths"] = {
            name: median_runs({"ours": (ours, make)}, runs)["ours"]
            for name, make in makers.items()
        }
    _print_compare(result)
    if os.environ.get("BENCH_JSON"):
        with open(os.environ["BENCH_JSON"], "w") as out:
            json.dump(result, out, indent=1, default=str)


def _enable_blocking(env):
    """Credit blocking on for the company when the add-on has the switch."""
    if "kam_credit_block" in env["res.company"]._fields:
        env.company.kam_credit_block = True
        env.flush_all()


def _agreement(ours, oca, partners):
    mine = (
        ours["res.partner"]
        .browse(partners.ids)
        .read(["kam_credit_exposure", "kam_overdue_amount"])
    )
    theirs = {
        row["id"]: row
        for row in oca["res.partner"]
        .browse(partners.ids)
        .read(["risk_total", "risk_invoice_unpaid"])
    }
    exposure = sum(
        1
        for row in mine
        if abs(row["kam_credit_exposure"] - theirs[row["id"]]["risk_total"]) < 0.005
    )
    overdue = sum(
        1
        for row in mine
        if abs(row["kam_overdue_amount"] - theirs[row["id"]]["risk_invoice_unpaid"])
        < 0.005
    )
    return {
        "customers": len(mine),
        "exposure_equal": exposure,
        "overdue_equal": overdue,
    }


def verdicts(result):
    """{target name: whether the measured figures meet it} (see ``TARGETS``); the
    targets are set for the full size, smaller data are not judged."""
    if result["customers"] < FULL_CUSTOMERS:
        return {}
    ours_t = result["exposure"]["ours"][0]
    oca_t = result["exposure"]["oca"][0]
    added = [
        row["ours on"][1] - row["ours off"][1]
        for row in result["credit_check"].values()
    ]
    paths = result["paths"]
    return {
        "exposure": oca_t >= 10 * ours_t,
        "credit_check": max(added) <= 4 and len(set(added)) == 1,
        "aging": paths["aging"][0] < 1,
        "kpis": paths["kpis"][0] < 3,
        "weekly_plan": paths["weekly_plan"][0] < 2
        and paths["weekly_plan"][1] == paths["weekly_plan_half"][1],
        "refresh_plans": paths["refresh_plans"][0] < 5,
        "accounts_list": paths["accounts_list"][1] <= 15,
    }


def _verdict(held, name):
    if name not in held:
        return ""
    return ": holds" if held[name] else ": MISSED"


def _print_compare(result):
    ours_t, ours_q = result["exposure"]["ours"]
    oca_t, oca_q = result["exposure"]["oca"]
    agree = result["agreement"]
    held = verdicts(result)
    print(
        f"\nSide by side, medians of alternating runs ({result['customers']} customers)"
    )
    print(f"{'path':<44}{'ours':>18}{'OCA':>18}{'ratio':>10}  target")
    print(
        f"{'exposure of every customer':<44}"
        f"{_cell(ours_t, ours_q):>18}{_cell(oca_t, oca_q):>18}"
        f"{oca_t / max(ours_t, 1e-9):>9.1f}x  {TARGETS['exposure']}"
        f"{_verdict(held, 'exposure')}"
    )
    print(
        f"{'  agreement (exposure / overdue = OCA)':<44}"
        f"{agree['exposure_equal']}/{agree['customers']} and "
        f"{agree['overdue_equal']}/{agree['customers']}"
    )
    for count, row in result["credit_check"].items():
        cells = []
        for side in ("ours", "oca"):
            on, off = row[f"{side} on"][1], row[f"{side} off"][1]
            cells.append(f"+{on - off:.0f} q ({on:.0f})")
        label = f"credit check, {count} open invoices"
        print(
            f"{label:<44}{cells[0]:>18}{cells[1]:>18}{'':>10}  "
            f"{TARGETS['credit_check']}{_verdict(held, 'credit_check')}"
        )
    print()
    for name, (seconds, queries) in result["paths"].items():
        target = f"{TARGETS[name]}{_verdict(held, name)}" if name in TARGETS else ""
        print(f"{name:<44}{_cell(seconds, queries):>18}  {target}")
    missed = [name for name, ok in held.items() if not ok]
    if not held:
        print("\ntargets: set for the full size (setup/bench without --scale)")
        return
    print(
        f"\ntargets: {len(held) - len(missed)} of {len(held)} hold"
        + (f"; missed: {', '.join(missed)}" if missed else "")
    )


def grow(runs, dbs):
    table = {}
    for label, db in zip(("1x", "10x", "100x"), dbs, strict=False):
        with bench_env(db) as env:
            partners = hot_paths.bench_customers(env, CUSTOMER_PREFIX)
            makers = {
                "exposure": lambda e=env, p=partners: hot_paths.exposure_ours(e, p)
            }
            makers.update(_portfolio_paths(env))
            table[label] = {
                name: _median_one(env, make, runs) for name, make in makers.items()
            }
    labels = list(table)
    print("\nHow it grows (ours; time, queries)")
    print(f"{'path':<22}" + "".join(f"{label:>22}" for label in labels))
    for name in table[labels[0]]:
        cells = "".join(f"{_cell(*table[label][name]):>22}" for label in labels)
        print(f"{name:<22}{cells}")
    if os.environ.get("BENCH_JSON"):
        with open(os.environ["BENCH_JSON"], "w") as out:
            json.dump(table, out, indent=1)


def _cell(seconds, queries):
    return f"{fmt_time(seconds)}, {queries:.0f} q"


def _median_one(env, make, runs):
    values = sorted(measure(env, make()) for _ in range(runs))
    return values[len(values) // 2]


def profile(db, name):
    """cProfile of one hot path (``exposure`` or a name of _portfolio_paths):
    where the time goes, by cumulative time."""
    import cProfile
    import pstats

    with bench_env(db) as env:
        partners = hot_paths.bench_customers(env, CUSTOMER_PREFIX)
        makers = {"exposure": lambda: hot_paths.exposure_ours(env, partners)}
        makers.update(_portfolio_paths(env))
        func = makers[name]()
        profiler = cProfile.Profile()
        seconds, queries = measure(env, lambda: profiler.runcall(func))
        print(f"{name}: {fmt_time(seconds)}, {queries} queries (under the profiler)")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(25)


def main(argv):
    conf, command, *args = argv
    configure(conf, os.environ.get("BENCH_ADDONS_PATH"))
    if command == "prepare":
        prepare(args[0], float(args[1]))
    elif command == "portfolio":
        portfolio(args[0], float(args[1]))
    elif command == "oca-setup":
        oca_setup(args[0])
    elif command == "vacuum":
        vacuum(args[0])
    elif command == "compare":
        compare(args[0], args[1], int(args[2]))
    elif command == "profile":
        profile(args[0], args[1])
    elif command == "grow":
        grow(int(args[0]), args[1:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
