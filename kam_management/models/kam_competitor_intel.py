# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamCompetitorIntel(models.Model):
    _name = "kam.competitor.intel"
    _description = "Competitor Intelligence"
    _order = "date desc, id desc"
    _rec_name = "competitor_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Account",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    competitor_id = fields.Many2one(
        "kam.competitor", required=True, index=True, ondelete="restrict"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Reported By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._kam_today()
    )
    product_category_ids = fields.Many2many(
        "product.category", string="Product Categories"
    )
    price_position = fields.Selection(
        [("lower", "Lower"), ("same", "Same"), ("higher", "Higher")],
        help="The competitor's prices for this account compared with ours.",
    )
    notes = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
