# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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


class KamJobDescriptionItem(models.Model):
    """One clause of a job description."""

    _name = "kam.job.description.item"
    _description = "Job Description Clause"
    _order = "description_id, sequence, id"

    description_id = fields.Many2one(
        "kam.job.description", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="description_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="description_id.state")
    section = fields.Selection(SECTIONS, required=True, default="duty")
    sequence = fields.Integer(default=10)
    number = fields.Char(help='The clause number as printed, e.g. "2.13".')
    text = fields.Text(required=True, translate=True)
    kpi_id = fields.Many2one(
        "kam.kpi",
        string="KPI",
        ondelete="set null",
        help="The figure that shows this duty is being done.",
    )
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

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        descriptions = self.env["kam.job.description"].browse(
            [vals["description_id"] for vals in vals_list if vals.get("description_id")]
        )
        descriptions._kam_check_content_editable()
        for vals in vals_list:
            if vals.get("labour_code_limit"):
                vals["section"] = "responsibility"
            self._kam_sync_kpi_vals(vals)
        items = super().create(vals_list)
        items.filtered(lambda i: not i.number)._kam_assign_numbers()
        return items

    def write(self, vals):
        self.check_access("write")  # access errors first, workflow refusals second
        self.description_id._kam_check_content_editable()
        self._kam_sync_kpi_vals(vals)
        return super().write(vals)

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

    def unlink(self):
        self.check_access("unlink")
        self.description_id._kam_check_content_editable()
        return super().unlink()

    def _kam_assign_numbers(self):
        """Number new clauses after the last one of their part (2.14, 2.15, ...)."""
        for item in self:
            part = SECTION_PART[item.section]
            siblings = item.description_id.item_ids.filtered(
                lambda i, it=item, p=part: SECTION_PART[i.section] == p and i != it
            )
            last = 0
            for sibling in siblings:
                head, _sep, tail = (sibling.number or "").partition(".")
                if head == str(part) and tail.split(".")[0].isdigit():
                    last = max(last, int(tail.split(".")[0]))
            if part == 1:
                last = max(last, 5)  # 1.1-1.5 come from the general-provision fields
            item.number = f"{part}.{last + 1}"
