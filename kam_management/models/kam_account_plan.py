# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamAccountPlan(models.Model):
    """The account plan of a key account (strategy, long-term goals).

    Kept apart from ``res.partner`` so record rules hide it from other KAMs
    (commercial secret, 2.21); shown on the partner as ``kam_account_plan``.
    """

    _name = "kam.account.plan"
    _description = "Key Account Plan"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Account", required=True, index=True, ondelete="cascade"
    )
    plan = fields.Html(string="Account Plan")
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )

    _sql_constraints = [
        ("partner_unique", "unique(partner_id)", "An account has one account plan."),
    ]

    @api.depends("partner_id.company_id")
    def _compute_company_id(self):
        for plan in self:
            plan.company_id = plan.partner_id.company_id
