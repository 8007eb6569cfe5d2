# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import new_test_user, tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestKamKpiQueries(KamKpiCommon):
    """KPIs for many KAMs cost the same number of queries as for a few."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kams = cls.env["res.users"]
        for index in range(50):
            cls.kams |= new_test_user(
                cls.env,
                login=f"kam_bulk_{index}",
                groups="base.group_user,kam_management.group_kam_user",
            )
        accounts = cls.env["res.partner"].create(
            [
                {"name": f"Bulk account {index}", "is_company": True}
                for index in range(50)
            ]
        )
        for kam, account in zip(cls.kams, accounts, strict=True):
            cls._own(account, kam)
        cls.env["sale.order"].create(
            [
                {
                    "partner_id": account.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product_a.id,
                                "product_uom_qty": 1,
                                "price_unit": 100.0,
                            }
                        ),
                        Command.create(
                            {
                                "product_id": cls.product_b.id,
                                "product_uom_qty": 1,
                                "price_unit": 50.0,
                            }
                        ),
                    ],
                }
                for account in accounts
            ]
        ).action_confirm()
        cls.env["sale.order"].search(
            [("partner_id", "in", accounts.ids)]
        ).date_order = "2025-02-01 10:00:00"

    def _count(self, kpi, users):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        values = kpi._kam_compute(users, date(2025, 1, 1), date(2025, 3, 31))
        return self.cr.sql_log_count - before, values

    def test_queries_do_not_grow_with_kams(self):
        for kpi in (
            self.kpi_revenue,
            self.kpi_active,
            self.kpi_new,
            self.kpi_assortment,
        ):
            few, _values = self._count(kpi, self.kams[:5])
            self.env.invalidate_all()
            with self.assertQueryCount(few):
                values = kpi._kam_compute(
                    self.kams, date(2025, 1, 1), date(2025, 3, 31)
                )
            self.assertEqual(len(values), 50, kpi.code)
            expected = {
                "revenue": 150.0,
                "active_clients": 1.0,
                "new_clients": 1.0,
                "assortment": 2.0,
            }[kpi.code]
            self.assertEqual(set(values.values()), {expected}, kpi.code)

    def test_plan_refresh_for_fifty_kams(self):
        plans = self.env["kam.sales.plan"].create(
            [
                {
                    "name": f"Q1 {kam.login}",
                    "user_id": kam.id,
                    "date_from": "2025-01-01",
                    "date_to": "2025-03-31",
                    "line_ids": [
                        Command.create({"kpi_id": kpi.id, "target": 1})
                        for kpi in (
                            self.kpi_revenue,
                            self.kpi_active,
                            self.kpi_new,
                            self.kpi_assortment,
                        )
                    ],
                }
                for kam in self.kams
            ]
        )
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        plans[:5]._kam_refresh_achieved()
        self.env.flush_all()
        few = self.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        plans._kam_refresh_achieved()
        self.env.flush_all()
        many = self.cr.sql_log_count - before
        # Writing the figures back costs a few batched UPDATEs, not queries per KAM.
        self.assertLess(many, few + 10)
        self.assertEqual(set(plans.mapped("revenue_achieved")), {150.0})
