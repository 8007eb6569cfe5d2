# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Locust scenario of setup/load: KAM sessions through Odoo's JSON-RPC, as the web
client sends it, on loopback only.

Each simulated KAM logs in, then confirms orders of the shared customers (who sit
near their credit limit), opens the Dashboard menu (its server action, then the
data of each block, as the board's views read it), the receivables aging pivot, an
account's sales history (its button, then the pivot) and the accounts list. What
Odoo serves on a read-only cursor (the ``@api.readonly`` methods: the views' reads
and the buttons that only open a screen) goes to the replica when there is one.
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
M2O = {"fields": {"display_name": {}}}
AGING_AMOUNTS = [
    f"{name}:sum"
    for name in (
        "amount_not_due",
        "amount_1_30",
        "amount_31_60",
        "amount_61_90",
        "amount_90_plus",
        "amount_total",
    )
]

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
        self.user_context = (session or {}).get("user_context") or {}
        # the menu's server action, loaded once per page as the web client caches it
        dashboard = self.rpc(
            "/web/action/load", {"action_id": "kam-dashboard"}, "dashboard: load"
        )
        self.dashboard_id = (dashboard or {}).get("id")
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

    def call(self, model, method, args, kwargs, name, route="call_kw"):
        kwargs = {"context": self.user_context, **kwargs}
        return self.rpc(
            f"/web/dataset/{route}/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
            name,
        )

    def pivot(self, model, domain, measures, rows, cols, name):
        """The read_groups of a pivot view opening with ``rows`` x ``cols``: one
        per pair of leading row and column group-bys (pivot_model.js)."""
        for i in range(len(rows) + 1):
            for j in range(len(cols) + 1):
                self.call(
                    model,
                    "read_group",
                    [],
                    {
                        "domain": domain,
                        "fields": measures,
                        "groupby": rows[:i] + cols[:j],
                        "lazy": False,
                    },
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
        """The Dashboard menu: its server action (read/write: it refreshes the
        KAM's plan figures older than 5 minutes), then each block's data."""
        if self.dashboard_id:
            self.rpc(
                "/web/action/run",
                {"action_id": self.dashboard_id, "context": self.user_context},
                "dashboard: open (server action)",
            )
        uid = self.uid
        self.call(
            "kam.visit",
            "web_search_read",
            [],
            {
                "domain": [("user_id", "=", uid), ("is_this_week", "=", True)],
                "specification": {
                    "planned_start": {},
                    "partner_id": M2O,
                    "visit_type": {},
                    "user_id": M2O,
                    "duration": {},
                    "state": {},
                },
                "limit": 80,
            },
            "dashboard: this week's contacts",
        )
        self.call(
            "kam.sales.plan.line",
            "web_read_group",
            [],
            {
                "domain": [
                    ("user_id", "=", uid),
                    ("state", "=", "confirmed"),
                    ("is_current", "=", True),
                ],
                "fields": ["__count", "attainment:avg"],
                "groupby": ["kpi_id"],
                "lazy": False,
            },
            "dashboard: plan attainment per KPI",
        )
        self.call(
            "kam.feedback",
            "web_search_read",
            [],
            {
                "domain": [
                    ("kam_user_id", "=", uid),
                    ("state", "in", ("new", "in_progress")),
                    ("feedback_type", "=", "complaint"),
                ],
                "specification": {
                    "name": {},
                    "partner_id": M2O,
                    "feedback_type": {},
                    "severity": {},
                    "date_deadline": {},
                    "state": {},
                },
                "limit": 80,
            },
            "dashboard: open complaints",
        )
        self.call(
            "kam.receivable.aging",
            "web_read_group",
            [],
            {
                "domain": [("kam_user_id", "=", uid), ("days_overdue", ">", 0)],
                "fields": AGING_AMOUNTS,
                "groupby": ["partner_id"],
                "limit": 80,
                "lazy": True,
            },
            "dashboard: overdue receivables",
        )
        self.call(
            "sale.order",
            "web_search_read",
            [],
            {
                "domain": [
                    ("kam_credit_hold", "=", True),
                    ("state", "in", ("draft", "sent")),
                    ("user_id", "=", uid),
                ],
                "specification": {
                    "name": {},
                    "date_order": {},
                    "partner_id": M2O,
                    "amount_total": {},
                    "kam_available_credit": {},
                    "kam_overdue_amount": {},
                    "kam_credit_hold_days": {},
                },
                "limit": 80,
            },
            "dashboard: orders on credit hold",
        )

    @task(1)
    def aging_pivot(self):
        """Receivables Aging: the pivot by KAM and customer, every bucket."""
        self.pivot(
            "kam.receivable.aging",
            [],
            AGING_AMOUNTS,
            ["kam_user_id", "partner_id"],
            [],
            "aging pivot",
        )

    @task(1)
    def sales_history(self):
        """An account's Sales History button, then its pivot (month x category)."""
        if not self.customers:
            return
        action = self.call(
            "res.partner",
            "action_kam_sales_history",
            [[_rng.choice(self.customers)]],
            {},
            "sales history: button",
            route="call_button",
        )
        if not action:
            return
        self.pivot(
            "sale.report",
            action["domain"],
            ["price_subtotal:sum"],
            ["date:month"],
            ["categ_id"],
            "sales history: pivot",
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
