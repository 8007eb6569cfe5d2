# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The general provisions a template hands to the descriptions drafted from it.
CONTENT_FIELDS = (
    "category",
    "education_level",
    "experience_years",
    "experience_field",
    "other_requirements",
)


class KamJobDescriptionContentMixin(models.AbstractModel):
    """What a job description and a template have in common: the general
    provisions written as fields (category, candidate requirements) and a list of
    clauses (``item_ids``, each model with its own clause model, see
    ``kam.job.description.clause.mixin``)."""

    _name = "kam.job.description.content.mixin"
    _description = "Job Description Content"

    category = fields.Selection(
        [
            ("manager", "Manager"),
            ("specialist", "Specialist"),
            ("technical", "Technical staff"),
        ],
        default="specialist",
        required=True,
    )
    education_level = fields.Selection(
        [
            ("secondary", "Secondary"),
            ("vocational", "Vocational"),
            ("incomplete_higher", "Incomplete higher"),
            ("higher", "Higher"),
        ],
        default="higher",
    )
    experience_years = fields.Integer(string="Minimum Experience (years)")
    experience_field = fields.Char(string="Experience in", translate=True)
    other_requirements = fields.Text(translate=True)

    @api.constrains("experience_years")
    def _check_experience_years(self):
        for record in self:
            if record.experience_years < 0:
                raise ValidationError(
                    self.env._("The minimum experience cannot be negative.")
                )

    def _kam_content_values(self):
        """The general provisions of ``self`` as values for another content."""
        self.ensure_one()
        return {name: self[name] for name in CONTENT_FIELDS}

    def _kam_clause_commands(self):
        """Commands creating a copy of every clause of ``self`` for another
        content."""
        self.ensure_one()
        return [
            fields.Command.create(item._kam_clause_values()) for item in self.item_ids
        ]
