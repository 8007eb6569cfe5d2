# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    kam_job_description_ids = fields.One2many(
        "kam.job.description", "job_id", string="Job Descriptions"
    )
    kam_job_description_count = fields.Integer(compute="_compute_kam_job_description")
    kam_job_description_id = fields.Many2one(
        "kam.job.description",
        string="Approved Job Description",
        compute="_compute_kam_job_description",
    )

    @api.depends("kam_job_description_ids.state")
    def _compute_kam_job_description(self):
        descriptions = self.env["kam.job.description"].search(
            [("job_id", "in", self.ids), ("state", "!=", "cancelled")]
        )
        for job in self:
            mine = descriptions.filtered(lambda d, j=job: d.job_id == j)
            job.kam_job_description_count = len(mine)
            job.kam_job_description_id = mine.filtered(
                lambda d, j=job: (
                    d.state == "approved"
                    and d.company_id == (j.company_id or d.company_id)
                )
            )[:1]

    @api.readonly
    def action_open_kam_job_descriptions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_job_description.kam_job_description_action"
        )
        action["domain"] = [("job_id", "=", self.id)]
        action["context"] = {"default_job_id": self.id}
        return action
