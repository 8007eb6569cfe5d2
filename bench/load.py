# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Data and invariants of the load scenario (setup/load, bench/locustfile.py).

    python -m bench.load CONF setup DB USERS CUSTOMERS [LIMIT]   KAMs, customers
    python -m bench.load CONF check DB RUN.json           figures and invariants

The customers sit near their credit limit: a limit of a few orders' worth and no
debt, so that concurrent KAMs confirming their orders race for the last of it. The
credit check must let through only what fits, hold the rest, and log each refusal
once.
"""

import json
import sys
from datetime import timedelta

from odoo import Command, fields

from bench import hot_paths
from bench.common import bench_env, configure

PASSWORD = "bench-load-1"
LIMIT = 1000.0


def setup(db, users, customers, limit=LIMIT):
    with bench_env(db, commit=True) as env:
        env = env(context=dict(env.context, no_reset_password=True))
        company = env.company
        if "kam_credit_block" in company._fields:
            company.kam_credit_block = True
        # a failed check holds the order for approval (medium risk), whatever the
        # company's defaults say
        company.kam_credit_action_medium = "approval"
        if "account_use_credit_limit" in company._fields:
            company.account_use_credit_limit = True
        # the load runs on loopback only: Odoo's crons that call its online
        # services (lead enrichment, update notification) would only log failed
        # connections
        for xmlid in (
            "crm_iap_enrich.ir_cron_lead_enrichment",
            "mail.ir_cron_module_update_notification",
        ):
            cron = env.ref(xmlid, raise_if_not_found=False)
            if cron:
                cron.active = False
        group = env.ref("kam_management.group_kam_user")
        kams = env["res.users"].create(
            [
                {
                    "name": f"Load KAM {i:02d}",
                    "login": f"load_kam_{i:02d}",
                    "password": PASSWORD,
                    "email": False,
                    "groups_id": [Command.link(group.id)],
                }
                for i in range(users)
            ]
        )
        # a confirmed plan per KAM for this year with a target for every KPI, its
        # figures older than the refresh threshold: the KAM's first opening of the
        # dashboard refreshes them (read/write), the later ones only read
        plans = hot_paths.confirmed_plans(env, kams, env["kam.kpi"].search([]))
        plans.achieved_date = fields.Datetime.now() - timedelta(hours=1)
        tier = env["kam.tier"].search([], limit=1)
        env["res.partner"].create(
            [
                {
                    "name": f"Load customer {i:02d}",
                    "is_company": True,
                    "customer_rank": 1,
                    "credit_limit": limit,
                    "kam_credit_risk_class": "medium",
                    "kam_tier_id": tier.id,
                    "kam_user_id": kams[i % len(kams)].id,
                }
                for i in range(customers)
            ]
        )
        env["product.product"].create(
            {
                "name": "Load product",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )


def report(run):
    """Requests/s and p50/p95 per request type; the HTTP 5xx answers."""
    print(f"load: {run['total_rps']:.1f} requests/s in all")
    width = max([28, *(len(name) + 2 for name in run["requests"])])
    print(f"{'request':<{width}}{'count':>7}{'req/s':>8}{'p50':>9}{'p95':>9}  errors")
    errors = 0
    for name, row in sorted(run["requests"].items()):
        server_errors = sum(
            count for code, count in row["status"].items() if int(code) >= 500
        )
        errors += server_errors
        rpc = sum(row["rpc_errors"].values())
        print(
            f"{name:<{width}}{row['requests']:>7}{row['rps']:>8.1f}"
            f"{row['p50_ms']:>7.0f}ms{row['p95_ms']:>7.0f}ms  "
            f"{server_errors} HTTP 5xx, {rpc} RPC errors"
            + "".join(f"\n    {msg} x{n}" for msg, n in row["rpc_errors"].items())
        )
    return errors


def check(db, run):
    """The invariants; returns the list of violations (empty when all hold)."""
    outcomes = run["outcomes"]
    problems = []
    with bench_env(db) as env:
        cr = env.cr
        customers = env["res.partner"].search([("name", "=like", "Load customer %")])
        # confirmed exposure within the limit, by our engine and by plain SQL
        for partner in customers:
            exposure = partner.kam_credit_exposure
            cr.execute(
                "SELECT COALESCE(SUM(amount_total), 0) FROM sale_order "
                "WHERE partner_id = %s AND state = 'sale'",
                [partner.id],
            )
            confirmed = float(cr.fetchone()[0])
            if max(exposure, confirmed) > partner.credit_limit + 0.005:
                problems.append(
                    f"{partner.name}: confirmed {confirmed:.2f} (exposure "
                    f"{exposure:.2f}) over the limit {partner.credit_limit:.2f}"
                )
        cr.execute(
            "SELECT so.id FROM sale_order so "
            "JOIN res_partner rp ON rp.id = so.partner_id "
            "WHERE rp.name LIKE 'Load customer %%' AND so.state = 'sale' "
            "AND so.kam_credit_hold"
        )
        both = [row[0] for row in cr.fetchall()]
        if both:
            problems.append(f"orders both held and confirmed: {both}")
        # the KAM's own confirmations (a cron re-check would log its own)
        cr.execute(
            "SELECT c.order_id, COUNT(*) FROM kam_credit_check c "
            "JOIN sale_order so ON so.id = c.order_id "
            "WHERE c.result = 'blocked' AND c.user_id = so.create_uid "
            "GROUP BY c.order_id"
        )
        logged = dict(cr.fetchall())
        refused = {int(oid) for oid, outcome in outcomes.items() if outcome == "held"}
        confirmed = {
            int(oid) for oid, outcome in outcomes.items() if outcome == "confirmed"
        }
        wrong = sorted(oid for oid in refused if logged.get(oid) != 1)
        if wrong:
            problems.append(
                f"refusals not logged exactly once: "
                f"{[(oid, logged.get(oid, 0)) for oid in wrong[:10]]}"
            )
        extra = sorted(set(logged) & confirmed)
        if extra:
            problems.append(f"confirmed orders with a refusal logged: {extra[:10]}")
        summary = {
            "customers": len(customers),
            "orders_confirmed": len(confirmed),
            "orders_held": len(refused),
            "refusals_logged": sum(logged.get(oid, 0) for oid in refused),
        }
    return problems, summary


def main(argv):
    conf, command, db, *args = argv
    configure(conf)
    if command == "setup":
        setup(db, int(args[0]), int(args[1]), float(args[2]) if args[2:] else LIMIT)
    elif command == "check":
        with open(args[0]) as handle:
            run = json.load(handle)
        server_errors = report(run)
        problems, summary = check(db, run)
        if server_errors:
            problems.append(f"{server_errors} HTTP 5xx answers")
        errors = [oid for oid, outcome in run["outcomes"].items() if outcome == "error"]
        if errors:
            problems.append(f"confirmations that failed with an error: {errors[:10]}")
        print(
            "invariants: {orders_confirmed} orders confirmed, {orders_held} held, "
            "{refusals_logged} refusals logged, {customers} customers".format(**summary)
        )
        for problem in problems:
            print(f"VIOLATED: {problem}")
        if problems:
            raise SystemExit(1)
        print(
            "invariants hold: exposure <= limit for every customer; every refusal "
            "logged once; no order both held and confirmed"
        )
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
