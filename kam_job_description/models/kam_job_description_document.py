# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib

from odoo import api, models


class KamJobDescription(models.Model):
    """The document: the general provisions worded from the fields, the canonical
    text and its checksum, and the parts of the printed form."""

    _inherit = "kam.job.description"

    def _kam_general_clauses(self):
        """The general provisions that come from fields, worded for the document.

        Returns a list of (number, text) in the description's language context."""
        self.ensure_one()
        # whoever may read the description may read the names of the positions it
        # names, even without access to the HR app
        doc = self.sudo()
        job = doc.job_id.name or ""
        category = dict(doc._fields["category"]._description_selection(doc.env)).get(
            doc.category, ""
        )
        clauses = [
            self.env._(
                "The %(job)s belongs to the category of %(category)s.",
                job=job,
                category=category.lower(),
            )
        ]
        if doc.appointed_by_job_id and doc.proposed_by_job_id:
            clauses.append(
                self.env._(
                    "The %(job)s is appointed to and dismissed from the position by "
                    "order of the %(appointer)s, on the proposal of the %(proposer)s.",
                    job=job,
                    appointer=doc.appointed_by_job_id.name,
                    proposer=doc.proposed_by_job_id.name,
                )
            )
        elif doc.appointed_by_job_id:
            clauses.append(
                self.env._(
                    "The %(job)s is appointed to and dismissed from the position by "
                    "order of the %(appointer)s.",
                    job=job,
                    appointer=doc.appointed_by_job_id.name,
                )
            )
        else:
            clauses.append(
                self.env._(
                    "The %(job)s is appointed to and dismissed from the position by "
                    "order of the head of the company.",
                    job=job,
                )
            )
        if doc.reports_to_job_id:
            clauses.append(
                self.env._(
                    "The %(job)s reports directly to the %(head)s.",
                    job=job,
                    head=doc.reports_to_job_id.name,
                )
            )
        else:
            clauses.append(
                self.env._(
                    "The %(job)s reports directly to the head of the company.", job=job
                )
            )
        if doc.substitute_job_id:
            clauses.append(
                self.env._(
                    "While the %(job)s is absent, the %(substitute)s takes over the "
                    "rights and duties of the position and answers for their proper "
                    "performance.",
                    job=job,
                    substitute=doc.substitute_job_id.name,
                )
            )
        else:
            clauses.append(
                self.env._(
                    "While the %(job)s is absent, the rights and duties of the "
                    "position pass to the employee named in the company's order, who "
                    "answers for their proper performance.",
                    job=job,
                )
            )
        education = dict(
            doc._fields["education_level"]._description_selection(doc.env)
        ).get(doc.education_level, "")
        requirement = self.env._(
            "A person with %(education)s education and at least %(years)s year(s) of "
            "experience%(field)s is appointed to the position of %(job)s.",
            education=education.lower() or self.env._("any"),
            years=doc.experience_years,
            field=self.env._(" in %(field)s", field=doc.experience_field)
            if doc.experience_field
            else "",
            job=job,
        )
        if doc.other_requirements:
            requirement = f"{requirement} {doc.other_requirements}"
        clauses.append(requirement)
        return [(f"1.{index}", text) for index, text in enumerate(clauses, start=1)]

    def _kam_document_text(self):
        """The canonical text of the document, in English, for the checksum."""
        self.ensure_one()
        description = self.with_context(lang="en_US")
        lines = [
            f"{number} {text}" for number, text in description._kam_general_clauses()
        ]
        for item in description.item_ids.sorted(
            lambda i: (i._kam_section_rank(), i.sequence, i.id)
        ):
            kpi = item.kpi_code or ""
            lines.append(
                f"[{item.section}] {item.number or ''} {item.text or ''} {kpi}".strip()
            )
        return "\n".join(lines)

    def _kam_compute_checksum(self):
        self.ensure_one()
        return hashlib.sha256(self._kam_document_text().encode()).hexdigest()

    @api.readonly
    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "kam_job_description.kam_job_description_report"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Printed document helpers
    # ------------------------------------------------------------------
    def _kam_report_sections(self):
        """[(roman, title, [(heading, [(number, text)])])] for the printed form."""
        self.ensure_one()
        items = self.item_ids.sorted(lambda i: (i.sequence, i.id))

        def rows(section):
            return [
                (i.number or "", i.text or "") for i in items if i.section == section
            ]

        general = [(None, self._kam_general_clauses() + rows("general"))]
        if rows("knowledge"):
            general.append(
                (self.env._("The holder of the position must know:"), rows("knowledge"))
            )
        if rows("guided_by"):
            general.append(
                (self.env._("In the work the holder is guided by:"), rows("guided_by"))
            )
        return [
            ("I", self.env._("General provisions"), general),
            ("II", self.env._("Duties"), [(None, rows("duty"))]),
            ("III", self.env._("Rights"), [(None, rows("right"))]),
            ("IV", self.env._("Responsibility"), [(None, rows("responsibility"))]),
        ]

    def _kam_report_acknowledgement_rows(self):
        """Rows of the acknowledgement sheet: who acknowledged, then the holders who
        have not yet, so the sheet can be signed on paper as well."""
        self.ensure_one()
        rows = []
        for ack in self.acknowledgement_ids.sorted("date"):
            rows.append((ack.employee_name, ack.job_name, ack.date))
        done = self.acknowledgement_ids.employee_id
        for employee in self._kam_holders().filtered(
            lambda e: e.job_id == self.job_id and e.company_id == self.company_id
        ):
            if employee not in done:
                rows.append((employee.name, self.job_id.sudo().name, False))
        return rows
