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
    kam_renewal_notice_days = fields.Integer(
        string="Renewal Notice (days)",
        default=30,
        help="The KAM gets a renewal activity this many days before a contract's renewal date.",
    )
    kam_auto_classify = fields.Boolean(
        string="Classify Key Accounts Automatically",
        help="Each month, compare every key account's revenue of the last 12 months with "
        "the tiers' minimum annual revenue.",
    )
    kam_classify_apply = fields.Boolean(
        string="Apply Proposed Tiers",
        help="Change the tier directly instead of only proposing it to the KAM.",
    )

    @api.constrains("kam_renewal_notice_days")
    def _check_kam_renewal_notice_days(self):
        for company in self:
            if company.kam_renewal_notice_days < 0:
                raise ValidationError(
                    self.env._(
                        "The renewal notice of %(company)s cannot be negative.",
                        company=company.display_name,
                    )
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
