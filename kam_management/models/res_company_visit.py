# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class ResCompany(models.Model):
    """Settings of the weekly visit and call plan."""

    _inherit = "res.company"

    kam_visit_grace_days = fields.Integer(
        string="Visit Grace Period (days)",
        default=1,
        help="A planned visit or call not done this many days after its start becomes "
        "missed.",
    )
    kam_visit_plan_weekday = fields.Selection(
        WEEKDAYS,
        string="Weekly Plan Day",
        default="4",
        help="Day of the week on which next week's visit and call plan is generated "
        "for every KAM.",
    )
    kam_visit_max_per_day = fields.Integer(string="Max Visits per Day", default=4)
    kam_call_max_per_day = fields.Integer(string="Max Calls per Day", default=10)

    @api.constrains(
        "kam_visit_grace_days", "kam_visit_max_per_day", "kam_call_max_per_day"
    )
    def _check_kam_visit_plan_settings(self):
        for company in self:
            if company.kam_visit_grace_days < 0:
                raise ValidationError(
                    self.env._(
                        "The visit grace period of %(company)s cannot be negative.",
                        company=company.display_name,
                    )
                )
            if company.kam_visit_max_per_day < 0 or company.kam_call_max_per_day < 0:
                raise ValidationError(
                    self.env._(
                        "The daily visit and call limits of %(company)s cannot be "
                        "negative.",
                        company=company.display_name,
                    )
                )
