# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamWeeklyReportLine(models.Model):
    """One KAM's figures of the week on a weekly report."""

    _name = "kam.weekly.report.line"
    _description = "Weekly Key Account Report Line"
    _order = "report_id, user_id"

    report_id = fields.Many2one(
        "kam.weekly.report", required=True, index=True, ondelete="cascade"
    )
    report_user_id = fields.Many2one(
        related="report_id.user_id", store=True, index=True, string="Recipient"
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    currency_id = fields.Many2one(related="report_id.currency_id")
    date_from = fields.Date(related="report_id.date_from", store=True)
    user_id = fields.Many2one("res.users", string="KAM", required=True, index=True)
    visits_done = fields.Integer(string="Visits and Calls Done")
    visits_missed = fields.Integer(string="Visits and Calls Missed")
    visit_compliance = fields.Float(string="Visit Compliance (%)", digits=(16, 1))
    order_count = fields.Integer(string="Orders")
    revenue = fields.Monetary(currency_field="currency_id")
    sales_attainment = fields.Float(
        string="Sales Plan to Date (%)",
        digits=(16, 1),
        help="Revenue achieved since the start of the running plan against its "
        "revenue target.",
    )
    plan_attainment = fields.Float(
        string="Lowest Plan to Date (%)",
        digits=(16, 1),
        help="The lowest attainment to date of the sales, active-client and "
        "new-client targets of the running plan.",
    )
    has_plan = fields.Boolean(string="Running Plan")
    complaints_new = fields.Integer(string="Complaints Received")
    complaints_open = fields.Integer()

    @api.model
    def _kam_weekly_figures(self, users, date_from, date_to):
        """Figures of the lines of ``users`` for the week: ``{user_id: vals}``.

        Hook: modules add figures by extending it (call ``super()``, then add keys
        of their own fields to every user's values). Each figure is one batch for
        all users, from the KPI registry and the shared definitions.
        """
        result = {user_id: {} for user_id in users.ids}
        compliance = self.env["kam.visit"]._kam_compliance(users, date_from, date_to)
        kpis = self.env["kam.kpi"]
        revenue_kpi = self.env.ref("kam_management.kam_kpi_revenue")
        orders_kpi = self.env.ref("kam_management.kam_kpi_orders")
        # sudo: the recipients read figures of accounts they may not open
        period = kpis._kam_check_period(date_from, date_to)
        figures = (revenue_kpi | orders_kpi).sudo()._kam_compute_batch(users, [period])
        revenue = figures[revenue_kpi.id][period]
        orders = figures[orders_kpi.id][period]
        plans = kpis._kam_plan_attainment(users, date_to)
        plan_kpis = kpis._kam_plan_kpis()
        complaints = self._kam_weekly_complaints(users, date_from, date_to)
        for user_id, values in result.items():
            visits = compliance.get(user_id, {})
            targets = plans.get(user_id, [])
            sales = [t["attainment"] for t in targets if t["kpi"] == revenue_kpi]
            three = [t["attainment"] for t in targets if t["kpi"] in plan_kpis]
            values.update(
                {
                    "visits_done": visits.get("done", 0),
                    "visits_missed": visits.get("missed", 0),
                    "visit_compliance": visits.get("on_time_rate", 0.0),
                    "order_count": int(orders.get(user_id, 0)),
                    "revenue": revenue.get(user_id, 0.0),
                    "has_plan": bool(targets),
                    "sales_attainment": sales[0] if sales else 0.0,
                    "plan_attainment": min(three) if three else 0.0,
                    "complaints_new": complaints["new"].get(user_id, 0),
                    "complaints_open": complaints["open"].get(user_id, 0),
                }
            )
        return result

    @api.model
    def _kam_weekly_complaints(self, users, date_from, date_to):
        """Complaints received in the week (credited to the owner on the day
        received) and open at its end (to the owner then)."""
        kpis = self.env["kam.kpi"]
        periods = kpis._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {"new": {}, "open": {}}
        company = self.env.company
        start, stop = company._kam_day_bounds(date_from, date_to)
        domain = kpis._kam_complaint_domain(periods.keys())
        # sudo: counts for the recipients, limited to the owned accounts
        feedback = company._kam_business_tz_env(self.env["kam.feedback"].sudo())
        received = feedback._read_group(
            domain + [("create_date", ">=", start), ("create_date", "<", stop)],
            ["partner_id", "create_date:day"],
            ["__count"],
        )
        still_open = feedback._read_group(
            domain
            + [("create_date", "<", stop), ("state", "in", ("new", "in_progress"))],
            ["partner_id"],
            ["__count"],
        )
        return {
            "new": kpis._kam_credit(
                periods,
                [
                    (p.commercial_partner_id.id, fields.Date.to_date(day), n)
                    for p, day, n in received
                ],
            ),
            "open": kpis._kam_credit(
                periods,
                [(p.commercial_partner_id.id, date_to, n) for p, n in still_open],
            ),
        }
