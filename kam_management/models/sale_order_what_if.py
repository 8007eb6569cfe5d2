# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .kam_variable_pay_policy import kam_attainment


class SaleOrder(models.Model):
    _inherit = "sale.order"

    kam_plan_id = fields.Many2one(
        "kam.sales.plan",
        string="KAM Plan",
        compute="_compute_kam_what_if",
        compute_sudo=True,
        help="The salesperson's confirmed sales plan covering the order date.",
    )
    kam_plan_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Plan Currency"
    )
    kam_revenue_attainment = fields.Float(
        string="Revenue Attainment Now (%)",
        compute="_compute_kam_what_if",
        compute_sudo=True,
    )
    kam_revenue_attainment_after = fields.Float(
        string="Revenue Attainment With This Order (%)",
        compute="_compute_kam_what_if",
        compute_sudo=True,
    )
    kam_assortment = fields.Float(
        string="Assortment Now", compute="_compute_kam_what_if", compute_sudo=True
    )
    kam_assortment_after = fields.Float(
        string="Assortment With This Order",
        compute="_compute_kam_what_if",
        compute_sudo=True,
    )
    kam_pay = fields.Monetary(
        string="Estimated Variable Pay Now",
        currency_field="kam_plan_currency_id",
        compute="_compute_kam_what_if",
        compute_sudo=True,
    )
    kam_pay_after = fields.Monetary(
        string="Estimated Variable Pay With This Order",
        currency_field="kam_plan_currency_id",
        compute="_compute_kam_what_if",
        compute_sudo=True,
    )

    @api.depends(
        "user_id",
        "date_order",
        "company_id",
        "state",
        "order_line.price_subtotal",
        "order_line.product_id",
    )
    @api.depends_context("uid")
    def _compute_kam_what_if(self):
        """How this quotation would move its salesperson's current plan: revenue
        and assortment attainment and the estimated variable pay (clause 2.8)."""
        empty = {
            "kam_plan_id": False,
            "kam_revenue_attainment": 0.0,
            "kam_revenue_attainment_after": 0.0,
            "kam_assortment": 0.0,
            "kam_assortment_after": 0.0,
            "kam_pay": 0.0,
            "kam_pay_after": 0.0,
        }
        for order in self:
            order.update(empty)
            if order.state not in ("draft", "sent") or not order.user_id:
                continue
            company = order.company_id
            day = company._kam_local_day(order.date_order) or company._kam_today()
            plan = self.env["kam.sales.plan"].search(
                [
                    ("user_id", "=", order.user_id.id),
                    ("state", "=", "confirmed"),
                    ("company_id", "=", order.company_id.id),
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ],
                limit=1,
            )
            # A plan's figures are for those its record rules let read it: the KAM,
            # their head of sales (res.users.kam_team_user_ids), the director.
            if plan and plan.sudo(False).has_access("read"):
                order.update(order._kam_what_if(plan))

    def _kam_what_if(self, plan):
        self.ensure_one()
        lines = {line.kpi_id: line for line in plan.line_ids}
        kpi_revenue = self.env.ref("kam_management.kam_kpi_revenue")
        kpi_assortment = self.env.ref("kam_management.kam_kpi_assortment")
        before = {kpi: line.attainment for kpi, line in lines.items()}
        after = dict(before)
        company = plan.company_id
        values = {"kam_plan_id": plan.id}
        revenue_line = lines.get(kpi_revenue)
        if revenue_line:
            added = self.currency_id._convert(
                self.amount_untaxed,
                company.currency_id,
                company,
                company._kam_local_day(self.date_order) or company._kam_today(),
            )
            values["kam_revenue_attainment"] = revenue_line.attainment
            after[kpi_revenue] = kam_attainment(
                revenue_line.target, revenue_line.achieved + added
            )
            values["kam_revenue_attainment_after"] = after[kpi_revenue]
        assortment_now, assortment_after = self._kam_assortment_what_if(plan)
        values["kam_assortment"] = assortment_now
        values["kam_assortment_after"] = assortment_after
        assortment_line = lines.get(kpi_assortment)
        if assortment_line:
            after[kpi_assortment] = kam_attainment(
                assortment_line.target, assortment_after
            )
        policy = plan.policy_id
        if policy:
            values["kam_pay"] = policy._kam_payout(plan.variable_pay_target, before)[0]
            values["kam_pay_after"] = policy._kam_payout(
                plan.variable_pay_target, after
            )[0]
        return values

    def _kam_assortment_what_if(self, plan):
        """Average categories per buying account of the plan's KAM, without and
        with this order."""
        Kpi = (
            self.env["kam.kpi"]
            .with_company(plan.company_id)
            .with_context(allowed_company_ids=plan.company_id.ids)
        )
        periods = Kpi._kam_ownership_periods(plan.user_id, plan.date_to, plan.date_to)
        categories = Kpi._kam_account_categories(
            periods.keys(), plan.date_from, plan.date_to
        )

        def average(by_partner):
            return (
                sum(len(c) for c in by_partner.values()) / len(by_partner)
                if by_partner
                else 0.0
            )

        now = average(categories)
        account = self.partner_id.commercial_partner_id.id
        ordered = set(self.order_line.product_id.categ_id.ids)
        if ordered:
            categories = {
                **categories,
                account: categories.get(account, set()) | ordered,
            }
        return now, average(categories)
