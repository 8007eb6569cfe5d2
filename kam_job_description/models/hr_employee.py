# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        employees.filtered("job_id")._kam_request_job_description_acknowledgement()
        return employees

    def write(self, vals):
        res = super().write(vals)
        if vals.get("job_id") or "user_id" in vals:
            self.filtered("job_id")._kam_request_job_description_acknowledgement()
        return res

    def _kam_request_job_description_acknowledgement(self):
        """Employees moved into a job are asked to acknowledge its approved
        description."""
        if not self:
            return
        descriptions = (
            self.env["kam.job.description"]
            .sudo()  # whoever moves the employee may not read job descriptions
            .search(
                [
                    ("state", "=", "approved"),
                    ("job_id", "in", self.job_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )
        descriptions._kam_request_acknowledgements(self)
