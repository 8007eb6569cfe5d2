# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import Command, api, models
from odoo.exceptions import UserError


class KamRefusalReport(models.Model):
    """From the refusal analysis to a corrective action (2.11)."""

    _inherit = "kam.refusal.report"

    @api.readonly
    def action_kam_corrective_action(self):
        """A new corrective action for the selected refusals and returns: their
        most frequent reason and their accounts."""
        if not self:
            raise UserError(
                self.env._("Select the refusals and returns the action is about.")
            )
        reasons = Counter(row.reason_id.id for row in self)
        reason_id = max(reasons, key=lambda rid: (reasons[rid], -rid))
        reason = self.env["kam.refusal.reason"].browse(reason_id)
        accounts = self.filtered(lambda r: r.reason_id == reason).partner_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Corrective Action"),
            "res_model": "kam.corrective.action",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_reason_id": reason.id,
                "default_partner_ids": [
                    Command.set(accounts.commercial_partner_id.ids)
                ],
                "default_name": self.env._(
                    "Prevent: %(reason)s", reason=reason.display_name
                ),
            },
        }
