# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamCompetitor(models.Model):
    _name = "kam.competitor"
    _description = "Competitor"
    _order = "name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    website = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    client_policy = fields.Html(
        help="What is known of the competitor's client policy: discounts, terms, "
        "service."
    )
    intel_ids = fields.One2many(
        "kam.competitor.intel", "competitor_id", string="Intelligence"
    )
    intel_count = fields.Integer(compute="_compute_intel_count")

    _sql_constraints = [
        (
            "name_company_unique",
            "unique(name, company_id)",
            "This competitor already exists.",
        ),
    ]

    @api.depends("intel_ids")
    def _compute_intel_count(self):
        groups = self.env["kam.competitor.intel"]._read_group(
            [("competitor_id", "in", self.ids)], ["competitor_id"], ["__count"]
        )
        counts = {competitor.id: count for competitor, count in groups}
        for competitor in self:
            competitor.intel_count = counts.get(competitor.id, 0)
