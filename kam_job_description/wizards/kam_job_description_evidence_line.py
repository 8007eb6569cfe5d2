# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamJobDescriptionEvidenceLine(models.TransientModel):
    _name = "kam.job.description.evidence.line"
    _description = "Duty Evidence Line"
    _order = "sequence, id"

    evidence_id = fields.Many2one(
        "kam.job.description.evidence", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    number = fields.Char(string="No.")
    text = fields.Text(string="Duty")
    kpi_name = fields.Char(string="KPI")
    value = fields.Float(digits=(16, 2))
    evidenced = fields.Boolean(
        help="The duty has a KPI and its value in the period evidences it: some "
        "result for a higher-is-better KPI, none against it (e.g. 0 % overdue) for "
        "a lower-is-better one."
    )
