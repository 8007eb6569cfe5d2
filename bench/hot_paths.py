# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The hot paths the benchmark measures, each a function of an environment holding
generated data. Each returns a callable that does the work once (the harness
measures it with a cold cache, inside a savepoint it rolls back).

The screens are read the way the web client reads them (``web_search_read`` with
the list view's fields, ``read_group`` for a pivot), the crons the way the cron
runs them.
"""

from datetime import timedelta

from lxml import etree

from odoo import Command
from odoo.tools.safe_eval import safe_eval

ORDER_FIELDS = ("kam_revenue_12m", "kam_available_credit", "kam_overdue_amount")


def bench_customers(env, prefix):
    return env["res.partner"].search(
        [("name", "=like", f"{prefix}%"), ("is_company", "=", True)], order="id"
    )


# ----------------------------------------------------------------------
# Exposure of every customer: ours and OCA's risk total
# ----------------------------------------------------------------------
def exposure_ours(env, partners):
    partners = env["res.partner"].browse(partners.ids)
    return lambda: partners.mapped("kam_credit_exposure")


def exposure_oca(env, partners):
    partners = env["res.partner"].browse(partners.ids)
    return lambda: partners.mapped("risk_total")


# ----------------------------------------------------------------------
# Credit check: one order confirmed, check on and off
# ----------------------------------------------------------------------
def draft_order(env, partner, product):
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1,
                        "price_unit": 10,
                        "tax_id": [Command.clear()],
                    }
                )
            ],
        }
    )
    env.flush_all()
    return order


def confirm(order, **context):
    order = order.with_context(**context)

    def run():
        order.action_confirm()
        order.env.flush_all()

    return run


# ----------------------------------------------------------------------
# Screens and crons of KAM Suite
# ----------------------------------------------------------------------
def aging_pivot(env):
    """The receivables aging pivot grouped by KAM (what the web client asks)."""
    aging = env["kam.receivable.aging"]
    measures = [
        f"{name}:sum"
        for name, field in aging._fields.items()
        if name.startswith("amount_") and field.type == "monetary"
    ]
    return lambda: aging.read_group([], measures, ["kam_user_id"], lazy=False)


def kpis_by_month(env, users, months=12):
    """Every KPI of the registry for the users, for each of the last months (all
    the months of all KPIs at once, sharing their reads, as the plan refresh
    computes them)."""
    kpis = env["kam.kpi"].search([])
    first = env.company._kam_today().replace(day=1)
    periods = []
    for _ in range(months):
        end = first - timedelta(days=1)
        first = end.replace(day=1)
        periods.append((first, end))

    def run():
        kpis._kam_compute_batch(users, periods)

    return run


def weekly_plan(env, users, capacity=None):
    """The weekly plan of the users' accounts (the Monday cron's work), with the
    company's capacity per KAM and day (Settings: 4 visits and 10 calls) or
    ``capacity`` = (visits, calls)."""
    wizard_model = env["kam.visit.plan.wizard"]
    company = env.company
    limits = (
        {"max_visits_per_day": capacity[0], "max_calls_per_day": capacity[1]}
        if capacity
        else {}
    )

    def run():
        wizard = wizard_model.create(
            {"company_id": company.id, "user_ids": [Command.set(users.ids)], **limits}
        )
        wizard.action_generate()
        env.flush_all()

    return run


def confirmed_plans(env, users, kpis):
    """A confirmed plan per KAM for this year, a target per KPI and account."""
    today = env.company._kam_today()
    plans = env["kam.sales.plan"].create(
        [
            {
                "name": f"Bench plan {user.login}",
                "user_id": user.id,
                "date_from": today.replace(month=1, day=1),
                "date_to": today.replace(month=12, day=31),
                "line_ids": [
                    Command.create({"kpi_id": kpi.id, "target": 100.0}) for kpi in kpis
                ],
            }
            for user in users
        ]
    )
    plans.action_confirm()
    env.flush_all()
    return plans


def refresh_plans(env):
    plan_model = env["kam.sales.plan"]

    def run():
        plan_model._cron_refresh_achieved()
        env.flush_all()

    return run


def account_list_spec(env):
    """The fields of the accounts list view (plus revenue, available credit and
    overdue, which the list must show) as a web_search_read specification."""
    action = env.ref("kam_management.res_partner_action_key_accounts")
    view = action.view_ids.filtered(lambda v: v.view_mode == "list").view_id
    arch = env["res.partner"].get_views([(view.id, "list")])["views"]["list"]["arch"]
    nodes = {
        node.get("name"): node for node in etree.fromstring(arch).iterfind("field")
    }
    names = list(nodes)
    names += [name for name in ORDER_FIELDS if name in env["res.partner"]._fields]
    spec = {}
    for name in dict.fromkeys(names):
        field = env["res.partner"]._fields[name]
        node = nodes.get(name)
        # as the web client asks (getFieldsSpec): the display name of a many2one
        # only when its column can be shown
        hidden = node is not None and any(
            node.get(attr) in ("True", "1")
            for attr in ("invisible", "column_invisible")
        )
        if field.type == "many2one":
            spec[name] = {"fields": {} if hidden else {"display_name": {}}}
        elif field.type in ("many2many", "one2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return action, spec


def accounts_list(env, limit=80):
    action, spec = account_list_spec(env)
    domain = safe_eval(action.domain)
    partner = env["res.partner"].with_context(res_partner_search_mode="customer")
    return lambda: partner.web_search_read(domain, spec, limit=limit)
