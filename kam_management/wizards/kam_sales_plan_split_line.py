# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import float_round


class KamSalesPlanSplitLine(models.TransientModel):
    _name = "kam.sales.plan.split.line"
    _description = "Split Sales Plan Target Line"

    wizard_id = fields.Many2one(
        "kam.sales.plan.split", required=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", string="KAM")
    partner_id = fields.Many2one(
        "res.partner", string="Account", domain="[('is_company', '=', True)]"
    )
    share = fields.Float(string="Share (%)")
    target = fields.Float()

    @api.onchange("share")
    def _onchange_share(self):
        for line in self:
            line.target = float_round(
                line.wizard_id.total * line.share / 100.0, precision_digits=2
            )

    def _kam_apply_share(self, total):
        """Targets from shares; the last line takes the rounding remainder."""
        remaining = total
        for index, line in enumerate(self):
            if index == len(self) - 1:
                line.target = float_round(remaining, precision_digits=2)
            else:
                line.target = float_round(
                    total * line.share / 100.0, precision_digits=2
                )
                remaining -= line.target
