# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo's sales plans (clauses 2.1 and 4.3): the department plan of the last
quarter split into the four KAMs' plans, closed with their variable pay computed,
and this quarter's plans running.

The KPI registry computes every figure. Last quarter's targets are set from what
each KAM sold so that the story reads the same whatever the install day: Kamala
over-fulfils her plan, Tural and Nigar fall short but pass the gate, Farid stays
below the gate and earns no variable pay. This quarter's targets grow 10 %.
"""

from datetime import timedelta

from odoo import Command, api, models

# KAM, head of sales who computes the pay, revenue attainment last quarter (%),
# target variable pay
PLAN_STORY = (
    ("user_demo_kam", "user_demo_manager_north", 106, 3000),
    ("user_demo_kam2", "user_demo_manager_north", 94, 2500),
    ("user_demo_kam3", "user_demo_manager_south", 86, 2500),
    ("user_demo_kam4", "user_demo_manager_south", 74, 2500),
)
PLAN_KPIS = ("kam_kpi_revenue", "kam_kpi_active_clients", "kam_kpi_new_clients")
GROWTH = 1.1


class KamDemo(models.AbstractModel):
    _inherit = "kam.demo"

    @api.model
    def _kam_demo_plans(self):
        previous, current, current_end = self._kam_demo_quarters()
        director = self._kam_demo_ref("user_demo_director")
        closed = self._kam_demo_quarter_plans(previous, current - timedelta(days=1))
        targets = {
            (line.plan_id.user_id, line.kpi_id): line.target for line in closed.line_ids
        }
        running = self._kam_demo_quarter_plans(current, current_end, targets)
        closed.with_user(director).action_close()
        statements = self._kam_demo_pay_statements(closed.filtered("user_id"))
        kamala = self._kam_demo_ref("user_demo_kam")
        self._kam_demo_register(
            {
                "kam_sales_plan_demo_department": running.filtered(
                    lambda p: not p.user_id
                ),
                "kam_sales_plan_demo_kam": running.filtered(
                    lambda p: p.user_id == kamala
                ),
                "kam_sales_plan_demo_department_previous": closed.filtered(
                    lambda p: not p.user_id
                ),
                "kam_sales_plan_demo_kam_previous": closed.filtered(
                    lambda p: p.user_id == kamala
                ),
                "kam_variable_pay_statement_demo_kam": statements.filtered(
                    lambda s: s.user_id == kamala
                ),
            }
        )

    @api.model
    def _kam_demo_quarter_plans(self, date_from, date_to, previous_targets=None):
        """The department plan of the quarter and its KAM plans, confirmed with their
        figures computed. Without ``previous_targets`` the targets follow the story
        of ``PLAN_STORY``; with them, they grow by ``GROWTH``."""
        director = self._kam_demo_ref("user_demo_director")
        policy = self._kam_demo_ref("kam_variable_pay_policy_demo")
        kpis = [self._kam_demo_ref(name) for name in PLAN_KPIS]
        label = f"Q{(date_from.month - 1) // 3 + 1} {date_from.year}"

        def empty_lines():
            return [Command.create({"kpi_id": kpi.id, "target": 0.0}) for kpi in kpis]

        plans = self.env["kam.sales.plan"].with_user(director)
        department = plans.create(
            {
                "name": f"Sales department {label}",
                "date_from": date_from,
                "date_to": date_to,
                "line_ids": empty_lines(),
            }
        )
        kam_plans = plans.create(
            [
                {
                    "name": label,
                    "parent_id": department.id,
                    "user_id": self._kam_demo_ref(kam).id,
                    "policy_id": policy.id,
                    "variable_pay_target": pay,
                    "date_from": date_from,
                    "date_to": date_to,
                    "line_ids": empty_lines(),
                }
                for kam, _head, _attainment, pay in PLAN_STORY
            ]
        )
        achieved = kam_plans._kam_achieved_figures()
        revenue, active, _new = kpis
        for plan, (_kam, _head, attainment, _pay) in zip(
            kam_plans, PLAN_STORY, strict=True
        ):
            for line in plan.line_ids:
                if previous_targets is not None:
                    target = previous_targets[plan.user_id, line.kpi_id]
                    if line.kpi_id == revenue:
                        target = round(target * GROWTH, -2)
                elif line.kpi_id == revenue:
                    target = max(round(achieved[line.id] * 100 / attainment, -2), 100)
                elif line.kpi_id == active:
                    # only the best KAM kept every active client of the plan
                    target = achieved[line.id] + (attainment < 100)
                else:
                    target = 1
                line.target = max(target, 1)
        for line in department.line_ids:
            line.target = sum(
                kam_plans.line_ids.filtered(
                    lambda ln, k=line.kpi_id: ln.kpi_id == k
                ).mapped("target")
            )
        (department | kam_plans).action_confirm()
        return department | kam_plans

    @api.model
    def _kam_demo_pay_statements(self, plans):
        """Last quarter's pay: each head of sales computes their KAMs' statements,
        the commercial director approves Kamala's and Tural's and pays Kamala's."""
        director = self._kam_demo_ref("user_demo_director")
        statements = self.env["kam.variable.pay.statement"]
        for kam, head, _attainment, _pay in PLAN_STORY:
            plan = plans.filtered(lambda p, k=kam: p.user_id == self._kam_demo_ref(k))
            statement = statements.with_user(self._kam_demo_ref(head)).create(
                {"plan_id": plan.id}
            )
            statement.action_compute()
            statements |= statement.with_env(self.env)
        approved = statements[:2].with_user(director)
        approved.action_approve()
        approved[:1].action_mark_paid()
        return statements
