# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Locust scenario of setup/load: KAM sessions through Odoo's JSON-RPC, as the web
client sends it, on loopback only.

Each simulated KAM logs in, then confirms orders of the shared customers (who sit
near their credit limit), opens the receivables dashboard and the accounts list.
At the end the outcome of every confirmation and the figures per request type go
to $LOAD_OUT (JSON) for bench/load.py to check against the database.
"""

import itertools
import json
import os
import random
from collections import Counter, defaultdict

from locust import HttpUser, between, events, task

DB = os.environ["LOAD_DB"]
USERS = int(os.environ.get("LOAD_USERS", "16"))
PASSWORD = "bench-load-1"
ACCOUNTS_SPEC = {
    "display_name": {},
    "kam_tier_id": {"fields": {"display_name": {}}},
    "kam_user_id": {"fields": {"display_name": {}}},
    "kam_revenue_12m": {},
    "kam_available_credit": {},
    "kam_overdue_amount": {},
}
ACCOUNTS_DOMAIN = [("is_company", "=", True), ("is_key_account", "=", True)]

_logins = itertools.count()
_rng = random.Random(13)
OUTCOMES = {}
STATUS = defaultdict(Counter)
RPC_ERRORS = defaultdict(Counter)


class KamSession(HttpUser):
    wait_time = between(0.1, 0.5)

    def on_start(self):
        self.login = f"load_kam_{next(_logins) % USERS:02d}"
        session = self.rpc(
            "/web/session/authenticate",
            {"db": DB, "login": self.login, "password": PASSWORD},
            "login",
        )
        self.uid = (session or {}).get("uid")
        self.customers = [
            row["id"]
            for row in self.call(
                "res.partner",
                "search_read",
                [[("name", "=like", "Load customer %")]],
                {"fields": ["id"]},
                "customers",
            )
            or []
        ]
        products = self.call(
            "product.product",
            "search_read",
            [[("name", "=", "Load product")]],
            {"fields": ["id"], "limit": 1},
            "customers",
        )
        self.product = products[0]["id"] if products else False

    def rpc(self, path, params, name):
        payload = {"jsonrpc": "2.0", "method": "call", "params": params}
        with self.client.post(path, json=payload, name=name, catch_response=True) as r:
            STATUS[name][r.status_code] += 1
            if r.status_code >= 400:
                r.failure(f"HTTP {r.status_code}")
                return None
            data = r.json()
            if "error" in data:
                message = data["error"].get("data", {}).get("message", "?")
                RPC_ERRORS[name][message[:120]] += 1
                r.failure(message[:200])
                return None
            r.success()
            return data.get("result")

    def call(self, model, method, args, kwargs, name):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
            name,
        )

    @task(3)
    def confirm_order(self):
        if not self.customers or not self.product:
            return
        order_id = self.call(
            "sale.order",
            "create",
            [
                {
                    "partner_id": _rng.choice(self.customers),
                    # the KAM takes the order (a shared customer's salesperson may be
                    # another KAM)
                    "user_id": self.uid,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.product,
                                "product_uom_qty": _rng.randint(1, 3),
                                "price_unit": 100.0,
                                "tax_id": [(5, 0, 0)],
                            },
                        )
                    ],
                }
            ],
            {},
            "create order",
        )
        if not order_id:
            return
        result = self.call(
            "sale.order", "action_confirm", [[order_id]], {}, "confirm order"
        )
        if result is None:
            OUTCOMES[order_id] = "error"
        elif isinstance(result, dict) and result.get("res_model") == "kam.credit.check":
            OUTCOMES[order_id] = "held"
        else:
            OUTCOMES[order_id] = "confirmed"

    @task(1)
    def dashboard(self):
        self.call(
            "kam.receivable.aging",
            "web_read_group",
            [],
            {
                "domain": [],
                "fields": ["amount_total:sum", "amount_overdue:sum"],
                "groupby": ["kam_user_id"],
                "lazy": False,
            },
            "dashboard (aging by KAM)",
        )
        self.call(
            "kam.sales.plan.line",
            "web_search_read",
            [],
            {
                "domain": [],
                "specification": {
                    "kpi_id": {"fields": {"display_name": {}}},
                    "achieved": {},
                },
                "limit": 80,
            },
            "dashboard (plan figures)",
        )

    @task(2)
    def accounts_list(self):
        self.call(
            "res.partner",
            "web_search_read",
            [],
            {"domain": ACCOUNTS_DOMAIN, "specification": ACCOUNTS_SPEC, "limit": 80},
            "accounts list",
        )


@events.quitting.add_listener
def _write_summary(environment, **_kwargs):
    stats = environment.stats
    requests = {}
    for (name, _method), entry in stats.entries.items():
        requests[name] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "rps": entry.total_rps,
            "p50_ms": entry.get_response_time_percentile(0.5),
            "p95_ms": entry.get_response_time_percentile(0.95),
            "status": dict(STATUS[name]),
            "rpc_errors": dict(RPC_ERRORS[name]),
        }
    summary = {
        "total_rps": stats.total.total_rps,
        "requests": requests,
        "outcomes": OUTCOMES,
    }
    with open(os.environ["LOAD_OUT"], "w") as handle:
        json.dump(summary, handle, indent=1)
