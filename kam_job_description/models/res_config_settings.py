# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kam_jd_approver_id = fields.Many2one(
        related="company_id.kam_jd_approver_id",
        readonly=False,
    )

    @api.constrains("kam_jd_approver_id")
    def _check_kam_jd_approver_id(self):
        group = "kam_job_description.group_job_description_approver"
        for settings in self:
            approver = settings.kam_jd_approver_id
            if approver and not approver.has_group(group):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot approve job descriptions: add them to the "
                        "Job Description Approver group first.",
                        user=approver.name,
                    )
                )
