# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Settings of the weekly report (2.20) and of the duty KPIs."""

    _inherit = "res.company"

    kam_weekly_report = fields.Boolean(
        string="Weekly Report",
        default=True,
        help="Every Monday, each head of sales gets last week's figures of their "
        "KAMs by e-mail with a PDF, and each KAM their own.",
    )
    kam_intel_fresh_days = fields.Integer(
        string="Competitor Intelligence Freshness (days)",
        default=90,
        help="Competitor intelligence older than this many days no longer counts for "
        "the freshness KPI.",
    )
    kam_corrective_window_days = fields.Integer(
        string="Corrective Action Window (days)",
        default=90,
        help="Default length of the windows before and after a corrective action in "
        "which the repeat rate of its reason is compared.",
    )

    @api.constrains("kam_intel_fresh_days", "kam_corrective_window_days")
    def _check_kam_report_days(self):
        for company in self:
            if (
                company.kam_intel_fresh_days < 1
                or company.kam_corrective_window_days < 1
            ):
                raise ValidationError(
                    self.env._(
                        "The competitor intelligence freshness and the corrective "
                        "action window of %(company)s must be at least one day.",
                        company=company.display_name,
                    )
                )
