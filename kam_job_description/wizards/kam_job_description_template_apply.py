# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class KamJobDescriptionTemplateApply(models.TransientModel):
    """Create a draft job description for a position from a template."""

    _name = "kam.job.description.template.apply"
    _description = "Create a Job Description from a Template"

    template_id = fields.Many2one("kam.job.description.template", required=True)
    job_id = fields.Many2one("hr.job", string="Job Position", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    appointed_by_job_id = fields.Many2one("hr.job", string="Appointed and Dismissed by")
    proposed_by_job_id = fields.Many2one("hr.job", string="On the Proposal of")
    reports_to_job_id = fields.Many2one("hr.job", string="Reports to")
    substitute_job_id = fields.Many2one("hr.job", string="Substitute")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "hr.job" and "job_id" in fields_list:
            values.setdefault("job_id", self.env.context.get("active_id"))
        return values

    def action_apply(self):
        self.ensure_one()
        open_draft = self.env["kam.job.description"].search(
            [
                ("job_id", "=", self.job_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("draft", "agreement")),
            ],
            limit=1,
        )
        if open_draft:
            raise UserError(
                self.env._(
                    "%(name)s is already being prepared: finish or cancel it first.",
                    name=open_draft.display_name,
                )
            )
        description = self.template_id._kam_create_description(
            self.job_id,
            self.company_id,
            {
                "appointed_by_job_id": self.appointed_by_job_id.id,
                "proposed_by_job_id": self.proposed_by_job_id.id,
                "reports_to_job_id": self.reports_to_job_id.id,
                "substitute_job_id": self.substitute_job_id.id,
            },
        )
        return description._kam_form_action()
