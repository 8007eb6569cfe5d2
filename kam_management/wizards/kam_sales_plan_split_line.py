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
    locked = fields.Boolean(
        compute="_compute_locked",
        string="Plan Confirmed",
        help="The KAM's plan is already confirmed: its target stays as it is and the "
        "other lines share the rest.",
    )
    locked_target = fields.Float(compute="_compute_locked")

    @api.depends("user_id", "wizard_id.plan_id", "wizard_id.kpi_id")
    def _compute_locked(self):
        for line in self:
            wizard = line.wizard_id
            child = (
                wizard.plan_id.child_ids.filtered(
                    lambda p, u=line.user_id: p.user_id == u
                )[:1]
                if wizard.mode == "users" and line.user_id
                else self.env["kam.sales.plan"]
            )
            line.locked = bool(child) and child.state != "draft"
            line.locked_target = sum(
                child.line_ids.filtered(
                    lambda ln, k=wizard.kpi_id: ln.kpi_id == k
                ).mapped("target")
            )

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
