# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamAccountPlanObjective(models.Model):
    """An objective of an account plan, with its owner, due date and status."""

    _name = "kam.account.plan.objective"
    _description = "Account Plan Objective"
    _order = "plan_id, sequence, date_deadline, id"

    plan_id = fields.Many2one(
        "kam.account.plan", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        related="plan_id.partner_id", store=True, index=True, string="Account"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Objective", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Date(string="Due Date")
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("on_track", "On Track"),
            ("at_risk", "At Risk"),
            ("achieved", "Achieved"),
            ("dropped", "Dropped"),
        ],
        string="Status",
        default="planned",
        required=True,
    )
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue")
    note = fields.Text()

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        for objective in self:
            objective.is_overdue = bool(
                objective.state in ("planned", "on_track", "at_risk")
                and objective.date_deadline
                and objective.date_deadline < objective.company_id._kam_today()
            )
