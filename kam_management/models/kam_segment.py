# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamSegment(models.Model):
    _name = "kam.segment"
    _description = "Market Segment"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    outlook = fields.Html(help="How the segment is expected to develop (2.17).")
    assortment_proposal = fields.Html(string="Assortment Proposals")
    price_proposal = fields.Html(string="Price Proposals")
    partner_ids = fields.One2many(
        "res.partner",
        "kam_segment_id",
        string="Accounts",
        domain=[("is_company", "=", True)],
    )
    partner_count = fields.Integer(
        string="Account Count", compute="_compute_partner_count"
    )

    @api.depends("partner_ids")
    def _compute_partner_count(self):
        groups = self.env["res.partner"]._read_group(
            [("kam_segment_id", "in", self.ids), ("is_company", "=", True)],
            ["kam_segment_id"],
            ["__count"],
        )
        counts = {segment.id: count for segment, count in groups}
        for segment in self:
            segment.partner_count = counts.get(segment.id, 0)
