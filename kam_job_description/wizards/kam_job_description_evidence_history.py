# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class KamJobDescriptionEvidence(models.TransientModel):
    """Keep what the Duty Evidence screen shows, in the evidence history."""

    _inherit = "kam.job.description.evidence"

    def action_kam_save_record(self):
        self.ensure_one()
        record = self.env["kam.job.description.evidence.record"]._kam_record(
            self.employee_id, self.date_from, self.date_to
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
