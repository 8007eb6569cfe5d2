# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo story: what only the ORM can build, relative to the install day.

The demo's XML files hold what does not move (people, tiers, accounts, their first
orders). The methods here are called once by ``demo/kam_story_demo.xml`` and build
what must run business logic or lie relative to the company's today (business
calendar): 14 months of sales history, visits and calls done and planned, the sales
plans of the last and the current quarter with their pay statements, a discount
waiting for approval and last week's reports. ``kam_receivables`` and
``kam_job_description`` add their chapters to this model.

Demo-only: nothing else calls these methods.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, models

# months of generated orders (this one included)
HISTORY_MONTHS = 6
# KAM -> the two accounts they sell to in alternate months (sales history)
HISTORY_ACCOUNTS = (
    ("user_demo_kam", ("05", "13")),
    ("user_demo_kam2", ("02", "10")),
    ("user_demo_kam3", ("03", "07")),
    ("user_demo_kam4", ("04", "12")),
)
# product code -> quantity: what a monthly order holds, in turn
BASKETS = (
    (("oil", 120), ("rice", 60)),
    (("tea", 150), ("juice", 300)),
    (("rice", 100), ("oil", 80), ("tea", 40)),
    (("juice", 400), ("tea", 100), ("oil", 50)),
)
# Orders the receivables story needs at fixed distances from today:
# xml id -> (account, KAM, days ago, basket)
STORY_ORDERS = {
    # Sumgait Supermarkets stopped paying: its debt ages into every bucket
    "sale_order_demo_story_sumgait_1": ("09", "user_demo_kam", 160, (("rice", 120),)),
    "sale_order_demo_story_sumgait_2": (
        "09",
        "user_demo_kam",
        130,
        (("oil", 100), ("tea", 60)),
    ),
    "sale_order_demo_story_sumgait_3": ("09", "user_demo_kam", 45, (("juice", 450),)),
    # Ganja Wholesale paid a third of a large order
    "sale_order_demo_story_ganja": ("04", "user_demo_kam4", 100, (("rice", 240),)),
    # Karabakh Grocers is a month and a half late
    "sale_order_demo_story_karabakh": (
        "07",
        "user_demo_kam3",
        75,
        (("oil", 100), ("juice", 150)),
    ),
    # Shirvan Distribution: a fresh invoice that fills its credit limit
    "sale_order_demo_story_shirvan": ("06", "user_demo_kam2", 10, (("rice", 80),)),
}


class KamDemo(models.AbstractModel):
    _name = "kam.demo"
    _description = "Key Accounts Demo Story"

    # ------------------------------------------------------------------
    # Tools
    # ------------------------------------------------------------------
    @api.model
    def _kam_demo_ref(self, name):
        """A record of the demo by its XML id (``kam_management.`` by default)."""
        return self.env.ref(name if "." in name else f"kam_management.{name}")

    @api.model
    def _kam_demo_company(self):
        return self.env.ref("base.main_company")

    @api.model
    def _kam_demo_today(self):
        return self._kam_demo_company()._kam_today()

    @api.model
    def _kam_demo_moment(self, day, hour=11.0):
        """The naive UTC datetime of ``hour`` o'clock on local ``day``."""
        return self._kam_demo_company()._kam_day_start(day) + timedelta(hours=hour)

    @api.model
    def _kam_demo_account(self, number):
        return self._kam_demo_ref(f"res_partner_demo_key_account_{number}")

    @api.model
    def _kam_demo_lines(self, basket):
        return [
            Command.create(
                {
                    "product_id": self._kam_demo_ref(f"product_demo_kam_{code}").id,
                    "product_uom_qty": quantity,
                }
            )
            for code, quantity in basket
        ]

    @api.model
    def _kam_demo_quarters(self):
        """``(previous start, current start, current end)`` of the calendar quarters
        around today."""
        today = self._kam_demo_today()
        current = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        return (
            current - relativedelta(months=3),
            current,
            current + relativedelta(months=3, days=-1),
        )

    @api.model
    def _kam_demo_register(self, records_by_name, module="kam_management"):
        """Give records XML ids of ``module`` so that tests and the other add-ons'
        demo find them: ``{name: record}``."""
        self.env["ir.model.data"]._update_xmlids(
            [
                {"xml_id": f"{module}.{name}", "record": record, "noupdate": True}
                for name, record in records_by_name.items()
            ]
        )

    @api.model
    def _kam_demo_sell(self, specs):
        """Confirmed orders dated in the past: ``specs`` is a list of ``(account,
        KAM, local day, basket)``; the orders come back in the same order."""
        orders = (
            self.env["sale.order"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(
                [
                    {
                        "partner_id": account.id,
                        "user_id": user.id,
                        "order_line": self._kam_demo_lines(basket),
                    }
                    for account, user, _day, basket in specs
                ]
            )
        )
        orders.action_confirm()
        for order, (_account, _user, day, _basket) in zip(orders, specs, strict=True):
            order.date_order = self._kam_demo_moment(day)
        return orders

    # ------------------------------------------------------------------
    # The story
    # ------------------------------------------------------------------
    @api.model
    def _kam_demo_sales_history(self):
        """Recent orders on top of the accounts' 14 months of orders (XML): each KAM
        sells to two accounts in alternate months of the last six, a new client buys
        for the first time last quarter, and the orders the receivables story ages
        lie at fixed distances from today."""
        today = self._kam_demo_today()
        first = today.replace(day=1) - relativedelta(months=HISTORY_MONTHS - 1)
        specs = []
        for month in range(HISTORY_MONTHS):
            start = first + relativedelta(months=month)
            for index, (user_name, accounts) in enumerate(HISTORY_ACCOUNTS):
                day = start + timedelta(days=2 + 6 * index + month % 5)
                if day < today:
                    specs.append(
                        (
                            self._kam_demo_account(accounts[month % 2]),
                            self._kam_demo_ref(user_name),
                            day,
                            BASKETS[(month + index) % len(BASKETS)],
                        )
                    )
        self._kam_demo_sell(specs)
        self._kam_demo_new_client()
        story = self._kam_demo_sell(
            [
                (
                    self._kam_demo_account(account),
                    self._kam_demo_ref(user_name),
                    today - timedelta(days=days),
                    basket,
                )
                for account, user_name, days, basket in STORY_ORDERS.values()
            ]
        )
        self._kam_demo_register(dict(zip(STORY_ORDERS, story, strict=True)))

    @api.model
    def _kam_demo_new_client(self):
        """Khirdalan Bakery, won by Kamala in the previous quarter: its first order
        there, a second one this quarter when the quarter has begun."""
        previous, current, _end = self._kam_demo_quarters()
        today = self._kam_demo_today()
        client = self._kam_demo_ref("res_partner_demo_new_client")
        # sudo: the ownership history is written by the system, backdated to when the
        # account was handed to its KAM
        client.env["kam.assignment"].sudo().search(
            [("partner_id", "=", client.id)]
        ).date_from = previous - timedelta(days=15)
        kam = client.kam_user_id
        specs = [(client, kam, previous + timedelta(days=20), BASKETS[1])]
        if current + timedelta(days=10) < today:
            specs.append((client, kam, current + timedelta(days=10), BASKETS[0]))
        self._kam_demo_sell(specs)

    @api.model
    def _kam_demo_discount_approval(self):
        """Kamala offers Silk Way Foods (Gold, 10 % authority) 15 % off sunflower oil
        and asks her head of sales, Leyla, to approve it."""
        kam = self._kam_demo_ref("user_demo_kam")
        order = (
            self.env["sale.order"]
            .with_user(kam)
            .create(
                {
                    "partner_id": self._kam_demo_account("05").id,
                    "user_id": kam.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self._kam_demo_ref(
                                    "product_demo_kam_oil"
                                ).id,
                                "product_uom_qty": 400,
                                "discount": 15.0,
                            }
                        ),
                        *self._kam_demo_lines((("tea", 80),)),
                    ],
                }
            )
        )
        order.action_kam_request_approval()
        self._kam_demo_register({"sale_order_demo_discount_to_approve": order})

    @api.model
    def _kam_demo_weekly_reports(self):
        """Last week's reports, as the Monday cron makes them (not sent)."""
        company = self._kam_demo_company()
        reports = self.env["kam.weekly.report"]
        # sudo: the reports are the system's, as in the cron
        reports.sudo().search(
            [("company_id", "=", company.id), ("sent_date", "=", False)]
        ).unlink()
        reports._kam_generate(company, *reports._kam_last_week(company))
