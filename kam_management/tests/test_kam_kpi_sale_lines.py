# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamKpiSaleLines(KamKpiCommon):
    """The KPIs read confirmed order lines in SQL; their figures are those of the
    sales analysis (sale.report), day by day in the business calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kam_tz = "Asia/Baku"
        foreign = cls.env.ref("base.EUR")
        if foreign == cls.company.currency_id:
            foreign = cls.env.ref("base.USD")
        foreign.active = True
        cls.env["res.currency.rate"].create(
            {
                "name": "2024-12-01",
                "rate": 4.0,
                "currency_id": foreign.id,
                "company_id": cls.company.id,
            }
        )
        pricelist = cls.env["product.pricelist"].create(
            {"name": "KAM lines foreign", "currency_id": foreign.id}
        )
        contact = cls.env["res.partner"].create(
            {"name": "Lines buyer", "parent_id": cls.account_1.id}
        )
        cls._order(cls.account_1, date(2025, 1, 10), [(cls.product_a, 3, 10.0)])
        cls._order(
            contact,
            date(2025, 1, 10),
            [(cls.product_b, 2, 100.0)],
            pricelist=pricelist,
        )
        late = cls._order(cls.account_2, date(2025, 2, 1), [(cls.product_a, 1, 7.0)])
        # 21:30 UTC on 31 January is 1 February in Baku
        late.date_order = datetime(2025, 1, 31, 21, 30)
        # a section line and a note: not sales
        late.order_line = [
            Command.create({"display_type": "line_section", "name": "Extras"}),
            Command.create({"display_type": "line_note", "name": "Deliver at 9"}),
        ]
        cls._order(
            cls.account_3, date(2025, 1, 15), [(cls.product_a, 5, 1.0)], confirm=False
        )
        cls._order(cls.account_3, date(2024, 12, 20), [(cls.product_b, 1, 2.0)])
        cls.accounts = cls.account_1 | cls.account_2 | cls.account_3

    def _report(self, groupby, date_from=None, date_to=None):
        self.env.flush_all()
        report = self.company._kam_business_tz_env(self.env["sale.report"])
        domain = self.Kpi._kam_sale_report_domain(self.accounts.ids, date_from, date_to)
        if "categ_id" in groupby:
            domain += [("categ_id", "!=", False)]
        return {
            tuple(value.id if hasattr(value, "id") else value for value in key): round(
                amount, 2
            )
            for *key, amount in report._read_group(
                domain,
                ["commercial_partner_id", *groupby],
                ["price_subtotal:sum"],
            )
        }

    def test_amounts_by_day_are_the_report_amounts(self):
        rows = self.Kpi._kam_sale_line_groups(
            self.accounts.ids, self.date_from, self.date_to, groupby=("day",)
        )
        mine = {(pid, day): round(amount, 2) for pid, day, amount, _first in rows}
        theirs = {
            (pid, day.date() if isinstance(day, datetime) else day): amount
            for (pid, day), amount in self._report(
                ["date:day"], self.date_from, self.date_to
            ).items()
        }
        self.assertEqual(mine, theirs)
        self.assertEqual(
            mine,
            {
                # 30 in company currency and 200 at 4 per unit: 50
                (self.account_1.id, date(2025, 1, 10)): 80.0,
                (self.account_2.id, date(2025, 2, 1)): 7.0,
            },
        )

    def test_categories_and_first_orders(self):
        rows = self.Kpi._kam_sale_line_groups(
            self.accounts.ids, self.date_from, self.date_to, groupby=("category",)
        )
        mine = {(pid, categ): round(amount, 2) for pid, categ, amount, _first in rows}
        self.assertEqual(mine, self._report(["categ_id"], self.date_from, self.date_to))
        self.assertEqual(
            self.Kpi._kam_account_categories(
                self.accounts.ids, self.date_from, self.date_to
            ),
            {
                self.account_1.id: {self.categ_a.id, self.categ_b.id},
                self.account_2.id: {self.categ_a.id},
            },
        )
        # all history: the first order of each account, on its local day
        firsts = {
            pid: first
            for pid, _amount, first in self.Kpi._kam_sale_line_groups(self.accounts.ids)
        }
        self.assertEqual(
            firsts,
            {
                self.account_1.id: date(2025, 1, 10),
                self.account_2.id: date(2025, 2, 1),
                self.account_3.id: date(2024, 12, 20),
            },
        )
        # only the accounts whose first order is in the period
        new = self.Kpi._kam_sale_line_groups(
            self.accounts.ids, self.date_from, self.date_to, first=True
        )
        self.assertEqual(
            {pid for pid, *_rest in new}, {self.account_1.id, self.account_2.id}
        )
