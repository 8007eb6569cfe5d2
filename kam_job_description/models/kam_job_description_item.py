# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .kam_job_description import LOCKED_STATES


class KamJobDescriptionItem(models.Model):
    """One clause of a job description, locked with its description."""

    _name = "kam.job.description.item"
    _description = "Job Description Clause"
    _inherit = ["kam.job.description.clause.mixin", "kam.lock.mixin"]
    _kam_lock_parent = "description_id"
    _kam_lock_states = LOCKED_STATES
    _order = "description_id, sequence, id"

    description_id = fields.Many2one(
        "kam.job.description", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="description_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="description_id.state")
    kpi_id = fields.Many2one(
        "kam.kpi",
        string="KPI",
        ondelete="set null",
        help="The figure that shows this duty is being done.",
    )

    @api.depends("description_id.name", "number", "section")
    def _compute_display_name(self):
        sections = dict(self._fields["section"]._description_selection(self.env))
        for item in self:
            item.display_name = self.env._(
                "%(description)s, clause %(number)s",
                description=item.description_id.name or "",
                number=item.number or sections.get(item.section, ""),
            )

    def _kam_lock_reason(self):
        # the description decides: approved versions never, a version in
        # agreement only by an approver
        self.ensure_one()
        reason = self.description_id._kam_lock_reason()
        return reason and self.env._(
            "%(record)s cannot be changed: %(reason)s",
            record=self.display_name,
            reason=reason,
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("labour_code_limit"):
                vals["section"] = "responsibility"
            self._kam_sync_kpi_vals(vals)
        items = super().create(vals_list)
        items.filtered(lambda i: not i.number)._kam_assign_numbers()
        return items

    def write(self, vals):
        self.check_access("write")  # access errors first, workflow refusals second
        self._kam_sync_kpi_vals(vals)
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")  # access errors first, workflow refusals second
        return super().unlink()

    @api.model
    def _kam_sync_kpi_vals(self, vals):
        """Keep the KPI and its code together: a chosen KPI gives its code, a code
        links to the KPI that has it, when one exists."""
        if vals.get("kpi_id"):
            vals["kpi_code"] = self.env["kam.kpi"].browse(vals["kpi_id"]).code
        elif vals.get("kpi_code") and "kpi_id" not in vals:
            vals["kpi_id"] = self._kam_kpis_by_code().get(vals["kpi_code"], False)

    @api.model
    def _kam_kpis_by_code(self):
        # every user may read KPIs; the registry is small
        return {kpi.code: kpi.id for kpi in self.env["kam.kpi"].search([])}

    def _kam_link_kpis(self):
        """Link clauses whose KPI was installed after they were written."""
        kpis = self._kam_kpis_by_code()
        for item in self.filtered(lambda i: i.kpi_code and not i.kpi_id):
            if item.kpi_code in kpis:
                item.kpi_id = kpis[item.kpi_code]

    def _kam_assign_numbers(self):
        """Number new clauses after the last one of their part (2.14, 2.15, ...)."""
        for item in self:
            part = item._kam_section_part()
            siblings = item.description_id.item_ids.filtered(
                lambda i, it=item, p=part: i._kam_section_part() == p and i != it
            )
            last = 0
            for sibling in siblings:
                head, _sep, tail = (sibling.number or "").partition(".")
                if head == str(part) and tail.split(".")[0].isdigit():
                    last = max(last, int(tail.split(".")[0]))
            if part == 1:
                last = max(last, 5)  # 1.1-1.5 come from the general-provision fields
            item.number = f"{part}.{last + 1}"
