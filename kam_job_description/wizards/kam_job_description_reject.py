# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamJobDescriptionReject(models.TransientModel):
    _name = "kam.job.description.reject"
    _description = "Reject a Job Description"

    agreement_id = fields.Many2one("kam.job.description.agreement", required=True)
    comment = fields.Text(required=True, help="What must change before you can agree.")

    def action_reject(self):
        self.ensure_one()
        self.agreement_id.action_reject(self.comment)
        return {"type": "ir.actions.act_window_close"}
