# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamJobDescriptionTemplate(models.Model):
    """A model job description that drafts for real positions start from."""

    _name = "kam.job.description.template"
    _description = "Job Description Template"
    _inherit = ["kam.job.description.content.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to offer the template to every company."
    )
    note = fields.Text(translate=True, help="What the template is for.")
    item_ids = fields.One2many(
        "kam.job.description.template.item", "template_id", copy=True
    )

    def _kam_prepare_description_vals(self, job, company):
        """Values of a new draft for ``job`` in ``company`` built from this template."""
        self.ensure_one()
        previous = self.env["kam.job.description"].search(
            [
                ("job_id", "=", job.id),
                ("company_id", "=", company.id),
                ("state", "=", "approved"),
            ],
            limit=1,
        )
        return dict(
            self._kam_content_values(),
            job_id=job.id,
            company_id=company.id,
            version=self.env["kam.job.description"]._kam_next_version(job, company),
            previous_version_id=previous.id,
            approver_id=company.kam_jd_approver_id.id,
            item_ids=self._kam_clause_commands(),
        )

    def _kam_create_description(self, job, company, extra_vals=None):
        """Create the draft and carry the translations of every text over."""
        self.ensure_one()
        # the texts are created in English, then every other language is copied
        template = self.with_context(lang="en_US")
        vals = template._kam_prepare_description_vals(job, company)
        vals.update(extra_vals or {})
        description = (
            self.env["kam.job.description"].with_context(lang="en_US").create(vals)
        )
        _kam_copy_translations(
            template, description, ("experience_field", "other_requirements")
        )
        for template_item, item in zip(
            template.item_ids, description.item_ids.sorted("id"), strict=True
        ):
            _kam_copy_translations(template_item, item, ("text",))
        return description.with_env(self.env)


def _kam_copy_translations(source, target, field_names):
    """Give ``target`` every stored translation of ``source``'s fields."""
    for name in field_names:
        if not source[name]:
            continue
        translations = source._fields[name]._get_stored_translations(source) or {}
        translations.pop("en_US", None)
        if translations:
            target.update_field_translations(name, translations)
