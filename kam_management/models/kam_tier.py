# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KamTier(models.Model):
    _name = "kam.tier"
    _description = "Key Account Tier"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    visit_interval_days = fields.Integer(
        string="Visit Every (days)",
        default=30,
        help="A KAM should visit an account of this tier at least this often.",
    )
    call_interval_days = fields.Integer(
        string="Call Every (days)",
        default=7,
        help="A KAM should call an account of this tier at least this often.",
    )
    max_discount = fields.Float(
        string="Discount Authority (%)",
        digits="Discount",
        help="The highest line discount a KAM may grant alone on this tier's accounts; "
        "above it the head of sales must approve the order.",
    )
    min_annual_revenue = fields.Monetary(
        currency_field="currency_id",
        help="Revenue over the last 12 months from which an account belongs to this "
        "tier (used by the automatic classification).",
    )
    partner_ids = fields.One2many("res.partner", "kam_tier_id", string="Accounts")
    partner_count = fields.Integer(compute="_compute_partner_count")

    @api.depends("partner_ids")
    def _compute_partner_count(self):
        groups = self.env["res.partner"]._read_group(
            [("kam_tier_id", "in", self.ids), ("is_company", "=", True)],
            ["kam_tier_id"],
            ["__count"],
        )
        counts = {tier.id: count for tier, count in groups}
        for tier in self:
            tier.partner_count = counts.get(tier.id, 0)

    @api.constrains("code", "company_id")
    def _check_code_unique(self):
        for tier in self:
            duplicate = self.with_context(active_test=False).search_count(
                [
                    ("id", "!=", tier.id),
                    ("code", "=ilike", tier.code),
                    ("company_id", "=", tier.company_id.id),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "The tier code %(code)s is already used in %(company)s.",
                        code=tier.code,
                        company=tier.company_id.display_name,
                    )
                )

    @api.constrains("visit_interval_days", "call_interval_days")
    def _check_intervals(self):
        for tier in self:
            if tier.visit_interval_days <= 0 or tier.call_interval_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The visit and call intervals of tier %(tier)s must be at "
                        "least one day.",
                        tier=tier.display_name,
                    )
                )

    @api.constrains("max_discount", "min_annual_revenue")
    def _check_limits(self):
        for tier in self:
            if not 0 <= tier.max_discount <= 100:
                raise ValidationError(
                    self.env._(
                        "The discount authority of tier %(tier)s must be between 0 and "
                        "100%%.",
                        tier=tier.display_name,
                    )
                )
            if tier.min_annual_revenue < 0:
                raise ValidationError(
                    self.env._(
                        "The minimum annual revenue of tier %(tier)s cannot be "
                        "negative.",
                        tier=tier.display_name,
                    )
                )
