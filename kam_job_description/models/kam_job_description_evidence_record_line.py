# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamJobDescriptionEvidenceRecordLine(models.Model):
    _name = "kam.job.description.evidence.record.line"
    _description = "Duty Evidence Record Line"
    _order = "record_id, sequence, id"

    record_id = fields.Many2one(
        "kam.job.description.evidence.record",
        required=True,
        index=True,
        ondelete="cascade",
    )
    employee_id = fields.Many2one(
        related="record_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="record_id.company_id", store=True)
    date_from = fields.Date(related="record_id.date_from", store=True)
    sequence = fields.Integer()
    number = fields.Char(string="No.")
    text = fields.Text(string="Duty")
    kpi_name = fields.Char(string="KPI")
    value = fields.Float(digits=(16, 2))
    evidenced = fields.Boolean(
        help="The duty has a KPI and the KPI shows the duty done in the period."
    )
