# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamJobDescriptionTemplateItem(models.Model):
    """One clause of a template; drafts copy it as a job-description clause."""

    _name = "kam.job.description.template.item"
    _description = "Job Description Template Clause"
    _inherit = ["kam.job.description.clause.mixin"]
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "kam.job.description.template", required=True, ondelete="cascade", index=True
    )
