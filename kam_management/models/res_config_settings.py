# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kam_active_window_days = fields.Integer(
        related="company_id.kam_active_window_days",
        readonly=False,
    )
    kam_renewal_notice_days = fields.Integer(
        related="company_id.kam_renewal_notice_days",
        readonly=False,
    )
    kam_auto_classify = fields.Boolean(
        related="company_id.kam_auto_classify",
        readonly=False,
    )
    kam_classify_apply = fields.Boolean(
        related="company_id.kam_classify_apply",
        readonly=False,
    )
