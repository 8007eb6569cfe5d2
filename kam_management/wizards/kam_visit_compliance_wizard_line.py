# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamVisitComplianceWizardLine(models.TransientModel):
    _name = "kam.visit.compliance.wizard.line"
    _description = "Visit Plan Compliance of a KAM"
    _order = "on_time_rate, id"

    wizard_id = fields.Many2one(
        "kam.visit.compliance.wizard", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one("res.users", string="KAM", required=True)
    planned = fields.Integer()
    done = fields.Integer()
    missed = fields.Integer()
    open = fields.Integer(string="Still Planned")
    done_on_time = fields.Integer(string="Done on Time")
    on_time_rate = fields.Float(string="Done on Time (%)", digits=(5, 2))
    overdue_accounts = fields.Integer(string="Accounts Overdue for Contact")
