# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    kam_jd_approver_id = fields.Many2one(
        "res.users",
        string="Job Description Approver",
        help="The chief executive who approves job descriptions by default.",
        domain="[('share', '=', False)]",
    )
