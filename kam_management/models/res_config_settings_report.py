# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kam_weekly_report = fields.Boolean(
        related="company_id.kam_weekly_report", readonly=False
    )
    kam_intel_fresh_days = fields.Integer(
        related="company_id.kam_intel_fresh_days", readonly=False
    )
    kam_corrective_window_days = fields.Integer(
        related="company_id.kam_corrective_window_days", readonly=False
    )
