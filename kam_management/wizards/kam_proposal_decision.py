# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class KamProposalDecision(models.TransientModel):
    _name = "kam.proposal.decision"
    _description = "Decision on a Proposal"

    proposal_id = fields.Many2one("kam.proposal", required=True, ondelete="cascade")
    decision = fields.Selection(
        [("accepted", "Accept"), ("rejected", "Reject")],
        required=True,
        default="accepted",
    )
    reason = fields.Text(
        help="Why the proposal is accepted or rejected; required to reject it. The "
        "author is notified with it."
    )

    def action_confirm(self):
        self.ensure_one()
        self.proposal_id._kam_decide(self.decision, self.reason)
        return {"type": "ir.actions.act_window_close"}
