# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

SECTIONS = [
    ("general", "General provisions"),
    ("knowledge", "Must know"),
    ("guided_by", "Guided by"),
    ("duty", "Duties"),
    ("right", "Rights"),
    ("responsibility", "Responsibility"),
]
SECTION_RANK = {code: rank for rank, (code, _label) in enumerate(SECTIONS)}
# The number of the Roman-numeral part of the document each section prints in.
SECTION_PART = {
    "general": 1,
    "knowledge": 1,
    "guided_by": 1,
    "duty": 2,
    "right": 3,
    "responsibility": 4,
}
# What a clause carries from a template to a description, and between versions.
CLAUSE_FIELDS = (
    "section",
    "sequence",
    "number",
    "text",
    "kpi_code",
    "labour_code_limit",
)


class KamJobDescriptionClauseMixin(models.AbstractModel):
    """One clause of a job description or of a template: its section of the
    document, number, text and the KPI that shows the duty is being done."""

    _name = "kam.job.description.clause.mixin"
    _description = "Job Description Clause Content"

    section = fields.Selection(SECTIONS, required=True, default="duty")
    sequence = fields.Integer(default=10)
    number = fields.Char(help='The clause number as printed, e.g. "2.13".')
    text = fields.Text(required=True, translate=True)
    kpi_code = fields.Char(
        string="KPI Code",
        help="Code of the KPI that shows this duty is being done; it links to the KPI "
        "once a KPI with this code exists.",
    )
    labour_code_limit = fields.Boolean(
        string="Labour-Code Limit",
        help="The standard responsibility clause: liability goes no further than the "
        "labour code allows. Every description needs one.",
    )

    def _kam_section_rank(self):
        self.ensure_one()
        return SECTION_RANK.get(self.section, 99)

    def _kam_section_part(self):
        """The Roman-numeral part (1-4) of the document the clause prints in."""
        self.ensure_one()
        return SECTION_PART[self.section]

    def _kam_clause_values(self):
        """The clause as values for another content (template to description)."""
        self.ensure_one()
        return {name: self[name] for name in CLAUSE_FIELDS}
