# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kam_visit_grace_days = fields.Integer(
        related="company_id.kam_visit_grace_days", readonly=False
    )
    kam_visit_plan_weekday = fields.Selection(
        related="company_id.kam_visit_plan_weekday", readonly=False
    )
    kam_visit_max_per_day = fields.Integer(
        related="company_id.kam_visit_max_per_day", readonly=False
    )
    kam_call_max_per_day = fields.Integer(
        related="company_id.kam_call_max_per_day", readonly=False
    )
