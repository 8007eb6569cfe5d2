# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .kam_job_description_item import SECTIONS


class KamJobDescriptionTemplateItem(models.Model):
    _name = "kam.job.description.template.item"
    _description = "Job Description Template Clause"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "kam.job.description.template", required=True, ondelete="cascade", index=True
    )
    section = fields.Selection(SECTIONS, required=True, default="duty")
    sequence = fields.Integer(default=10)
    number = fields.Char()
    text = fields.Text(required=True, translate=True)
    kpi_code = fields.Char(
        string="KPI Code",
        help="Code of the KPI that measures this duty (revenue, ...).",
    )
    labour_code_limit = fields.Boolean(string="Labour-Code Limit")

    def _kam_prepare_item_vals(self):
        self.ensure_one()
        return {
            "section": self.section,
            "sequence": self.sequence,
            "number": self.number,
            "text": self.text,
            "kpi_code": self.kpi_code,
            "labour_code_limit": self.labour_code_limit,
        }
