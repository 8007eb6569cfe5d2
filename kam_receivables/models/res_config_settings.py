# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kam_payment_grace_days = fields.Integer(
        related="company_id.kam_payment_grace_days",
        readonly=False,
    )
    kam_credit_block = fields.Boolean(
        related="company_id.kam_credit_block", readonly=False
    )
    kam_credit_action_low = fields.Selection(
        related="company_id.kam_credit_action_low", readonly=False
    )
    kam_credit_action_medium = fields.Selection(
        related="company_id.kam_credit_action_medium", readonly=False
    )
    kam_credit_action_high = fields.Selection(
        related="company_id.kam_credit_action_high", readonly=False
    )
    kam_credit_manager_id = fields.Many2one(
        related="company_id.kam_credit_manager_id", readonly=False
    )
