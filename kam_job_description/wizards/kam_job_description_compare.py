# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..models.kam_job_description_clause_mixin import SECTIONS


class KamJobDescriptionCompare(models.TransientModel):
    """Section-by-section differences between two versions."""

    _name = "kam.job.description.compare"
    _description = "Compare Job Description Versions"

    old_description_id = fields.Many2one(
        "kam.job.description", string="Older Version", required=True
    )
    new_description_id = fields.Many2one(
        "kam.job.description", string="Newer Version", required=True
    )
    difference_html = fields.Html(compute="_compute_difference_html", sanitize=False)

    @api.constrains("old_description_id", "new_description_id")
    def _check_same_job(self):
        for wizard in self:
            if wizard.old_description_id.job_id != wizard.new_description_id.job_id:
                raise ValidationError(
                    self.env._("Only versions of the same position can be compared.")
                )

    def _kam_changes(self):
        """[{section, number, change, old_text, new_text}] for added, removed and
        reworded clauses, in the order of the document."""
        self.ensure_one()
        old, new = self.old_description_id, self.new_description_id
        changes = []

        general_old = dict(old._kam_general_clauses())
        general_new = dict(new._kam_general_clauses())
        for number, text in general_new.items():
            if general_old.get(number) != text:
                changes.append(
                    {
                        "section": "general",
                        "number": number,
                        "change": "reworded",
                        "old_text": general_old.get(number),
                        "new_text": text,
                    }
                )
        for section, _label in SECTIONS:
            old_items = [
                i for i in old.item_ids.sorted("sequence") if i.section == section
            ]
            new_items = [
                i for i in new.item_ids.sorted("sequence") if i.section == section
            ]
            # identical texts are the same clause, even when renumbered
            for item in list(new_items):
                twin = next((o for o in old_items if o.text == item.text), None)
                if twin:
                    old_items.remove(twin)
                    new_items.remove(item)
            # what is left with the same number was reworded
            for item in list(new_items):
                twin = next(
                    (o for o in old_items if o.number and o.number == item.number), None
                )
                if twin:
                    old_items.remove(twin)
                    new_items.remove(item)
                    changes.append(
                        {
                            "section": section,
                            "number": item.number,
                            "change": "reworded",
                            "old_text": twin.text,
                            "new_text": item.text,
                        }
                    )
            changes += [
                {
                    "section": section,
                    "number": item.number,
                    "change": "removed",
                    "old_text": item.text,
                    "new_text": False,
                }
                for item in old_items
            ]
            changes += [
                {
                    "section": section,
                    "number": item.number,
                    "change": "added",
                    "old_text": False,
                    "new_text": item.text,
                }
                for item in new_items
            ]
        return changes

    @api.depends("old_description_id", "new_description_id")
    def _compute_difference_html(self):
        section_labels = dict(
            self.env["kam.job.description.item"]
            ._fields["section"]
            ._description_selection(self.env)
        )
        change_labels = {
            "added": self.env._("Added"),
            "removed": self.env._("Removed"),
            "reworded": self.env._("Reworded"),
        }
        for wizard in self:
            if not (wizard.old_description_id and wizard.new_description_id):
                wizard.difference_html = False
                continue
            changes = wizard._kam_changes()
            if not changes:
                wizard.difference_html = Markup("<p>%s</p>") % self.env._(
                    "The two versions say the same."
                )
                continue
            rows = Markup("").join(
                Markup(
                    '<tr class="o_kam_jd_change_%s"><td>%s</td><td>%s</td><td>%s</td>'
                    "<td>%s</td><td>%s</td></tr>"
                )
                % (
                    change["change"],
                    section_labels.get(change["section"], change["section"]),
                    change["number"] or "",
                    change_labels[change["change"]],
                    escape(change["old_text"] or ""),
                    escape(change["new_text"] or ""),
                )
                for change in changes
            )
            header = Markup(
                "<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>"
            ) % (
                self.env._("Section"),
                self.env._("No."),
                self.env._("Change"),
                self.env._("Before"),
                self.env._("After"),
            )
            wizard.difference_html = Markup(
                '<table class="table table-sm o_kam_jd_compare">'
                "%s<tbody>%s</tbody></table>"
            ) % (header, rows)
