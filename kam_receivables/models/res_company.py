# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    kam_payment_grace_days = fields.Integer(
        string="Default Payment Grace (days)",
        default=0,
        help="Days after the due date before an open invoice counts as overdue for "
        "the credit check, unless the customer has their own grace period.",
    )

    @api.constrains("kam_payment_grace_days")
    def _check_kam_payment_grace_days(self):
        for company in self:
            if company.kam_payment_grace_days < 0:
                raise ValidationError(
                    self.env._(
                        "The payment grace period of %(company)s cannot be negative.",
                        company=company.display_name,
                    )
                )
