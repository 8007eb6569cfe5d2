# TEMPORARY stand-in for the key-accounts branch (issue-3); removed when it is merged.
from odoo import api, fields, models


class KamTier(models.Model):
    _name = "kam.tier"
    _description = "Key Account Tier (stub)"

    name = fields.Char(required=True)
    code = fields.Char()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    visit_interval_days = fields.Integer(default=30)
    call_interval_days = fields.Integer(default=14)


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_tier_id = fields.Many2one("kam.tier")
    kam_user_id = fields.Many2one("res.users")
    kam_backup_user_id = fields.Many2one("res.users")
    is_key_account = fields.Boolean(compute="_compute_is_key_account", store=True)
    kam_first_order_date = fields.Date()

    @api.depends("kam_tier_id")
    def _compute_is_key_account(self):
        for partner in self:
            partner.is_key_account = bool(partner.kam_tier_id)
