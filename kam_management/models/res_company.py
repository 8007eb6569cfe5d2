# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    kam_active_window_days = fields.Integer(
        string="Active Client Window (days)",
        default=90,
        help="A key account counts as an active client when it placed a confirmed "
        "order within this many days.",
    )

    @api.constrains("kam_active_window_days")
    def _check_kam_active_window_days(self):
        for company in self:
            if company.kam_active_window_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The active client window of %(company)s must be at least one "
                        "day.",
                        company=company.display_name,
                    )
                )
