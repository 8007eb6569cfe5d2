# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from .kpi_common import KamKpiCommon


class KamPayCommon(KamKpiCommon):
    """A policy (revenue 60 %, active clients 40 %, revenue gate 80 %) and
    confirmed plans for both KAMs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls.env["kam.variable.pay.policy"].create(
            {
                "name": "KAM standard",
                "accelerator": 2.0,
                "cap": 150.0,
                "gate_kpi_id": cls.kpi_revenue.id,
                "gate_threshold": 80.0,
                "line_ids": [
                    Command.create(
                        {
                            "kpi_id": cls.kpi_revenue.id,
                            "weight": 60.0,
                            "threshold": 80.0,
                        }
                    ),
                    Command.create(
                        {"kpi_id": cls.kpi_active.id, "weight": 40.0, "threshold": 50.0}
                    ),
                ],
            }
        )
        cls._own(cls.account_1, cls.user_kam)
        cls._own(cls.account_2, cls.user_kam)
        cls._own(cls.account_3, cls.user_kam2)
        cls.plan_kam = cls._kam_plan(cls.user_kam, 1000.0, 2)
        cls.plan_kam2 = cls._kam_plan(cls.user_kam2, 1000.0, 1)

    @classmethod
    def _kam_plan(cls, user, revenue, active, pay=1000.0):
        plan = cls.env["kam.sales.plan"].create(
            {
                "name": f"Q1 {user.name}",
                "user_id": user.id,
                "date_from": cls.date_from,
                "date_to": cls.date_to,
                "policy_id": cls.policy.id,
                "variable_pay_target": pay,
                "line_ids": [
                    Command.create({"kpi_id": cls.kpi_revenue.id, "target": revenue}),
                    Command.create({"kpi_id": cls.kpi_active.id, "target": active}),
                ],
            }
        )
        plan.action_confirm()
        return plan

    @classmethod
    def _statement(cls, plan):
        return cls.env["kam.variable.pay.statement"].create({"plan_id": plan.id})

    @classmethod
    def _sell(cls, partner, amount, day=None):
        return cls._order(
            partner, day or date(2025, 3, 10), [(cls.product_a, 1, amount)]
        )
