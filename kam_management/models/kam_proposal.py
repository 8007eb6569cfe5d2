# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import is_html_empty

DECISION_ACTIVITY = "kam_management.mail_activity_type_kam_proposal_decision"
# What the author writes; locked once the proposal is submitted.
CONTENT_FIELDS = {
    "name",
    "proposal_type",
    "description",
    "expected_benefit",
    "partner_id",
    "segment_id",
    "user_id",
    "company_id",
}
DECISION_FIELDS = {"state", "decision_user_id", "decision_date", "decision_reason"}


class KamProposal(models.Model):
    """A KAM's proposal to the commercial director (3.3, 3.6; Client Service
    Manager III.3): better sales, assortment and prices of a segment (2.17),
    processes, shortcomings found in the company's work."""

    _name = "kam.proposal"
    _description = "Proposal to the Commercial Director"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_submitted desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Proposed By",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    proposal_type = fields.Selection(
        [
            ("improvement", "Improvement"),
            ("assortment", "Assortment"),
            ("price", "Prices"),
            ("process", "Process"),
        ],
        string="Type",
        required=True,
        default="improvement",
        tracking=True,
    )
    description = fields.Html(help="What is proposed, and why.")
    expected_benefit = fields.Text(
        help="What the company gains: sales, margin, time, fewer refusals..."
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Account",
        index=True,
        domain=[("is_company", "=", True)],
        help="The account the proposal comes from, if any.",
    )
    segment_id = fields.Many2one(
        "kam.segment",
        string="Market Segment",
        index=True,
        help="The market segment whose outlook the proposal answers (2.17).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_submitted = fields.Date(string="Submitted On", readonly=True, copy=False)
    decision_user_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False, tracking=True
    )
    decision_date = fields.Date(readonly=True, copy=False)
    decision_reason = fields.Text(readonly=True, copy=False, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------
    def write(self, vals):
        if not self.env.context.get("kam_proposal_workflow"):
            if DECISION_FIELDS & vals.keys():
                raise UserError(
                    self.env._(
                        "Proposals are submitted, decided and reopened with their "
                        "buttons."
                    )
                )
            locked = self.filtered(lambda p: p.state != "draft")
            if locked and CONTENT_FIELDS & vals.keys():
                raise UserError(
                    self.env._(
                        "The proposal %(proposal)s is no longer a draft; withdraw it "
                        "to change it.",
                        proposal=locked[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(proposal.state != "draft" for proposal in self):
            raise UserError(self.env._("Only draft proposals can be deleted."))

    def _kam_workflow_write(self, vals):
        return self.with_context(kam_proposal_workflow=True).write(vals)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    @api.model
    def _kam_directors(self, company):
        """The commercial directors who decide proposals of ``company``."""
        # sudo: group membership is read for whoever submits
        group = self.env.ref("kam_management.group_kam_director").sudo()
        return group.users.filtered(
            lambda u: (
                u.id != SUPERUSER_ID
                and u.active
                and not u.share
                and company in u.company_ids
            )
        )

    def action_submit(self):
        for proposal in self:
            if proposal.state != "draft":
                raise UserError(
                    self.env._(
                        "The proposal %(proposal)s was already submitted.",
                        proposal=proposal.name,
                    )
                )
            if is_html_empty(proposal.description):
                raise UserError(
                    self.env._(
                        "Describe what %(proposal)s proposes before submitting it.",
                        proposal=proposal.name,
                    )
                )
        for proposal in self:
            today = proposal.company_id._kam_today()
            proposal._kam_workflow_write(
                {"state": "submitted", "date_submitted": today}
            )
            for director in self._kam_directors(proposal.company_id):
                proposal._kam_system_activity(
                    DECISION_ACTIVITY,
                    user_id=director.id,
                    date_deadline=today,
                    summary=self.env._(
                        "Decide on the proposal of %(author)s",
                        author=proposal.user_id.name,
                    ),
                )
        return True

    def action_draft(self):
        """Withdraw a submitted proposal, or revise a rejected one."""
        for proposal in self:
            if proposal.state not in ("submitted", "rejected"):
                raise UserError(
                    self.env._(
                        "Only a submitted or rejected proposal goes back to draft."
                    )
                )
        self._kam_workflow_write(
            {
                "state": "draft",
                "decision_user_id": False,
                "decision_date": False,
                "decision_reason": False,
            }
        )
        # sudo: the decision activities belong to the directors
        self.sudo().activity_unlink([DECISION_ACTIVITY])
        return True

    def action_decide(self):
        """Open the decision dialog (accept or reject, with the reason)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decision"),
            "res_model": "kam.proposal.decision",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_proposal_id": self.id,
                "default_decision": self.env.context.get("kam_decision", "accepted"),
            },
        }

    def _kam_decide(self, decision, reason=False):
        """Record the commercial director's decision and tell the author."""
        if not self.env.user.has_group("kam_management.group_kam_director"):
            raise AccessError(
                self.env._("Only the commercial director decides on proposals.")
            )
        if decision not in ("accepted", "rejected"):
            raise UserError(self.env._("A proposal is accepted or rejected."))
        reason = (reason or "").strip()
        if decision == "rejected" and not reason:
            raise UserError(
                self.env._("Give the reason for rejecting the proposal to its author.")
            )
        for proposal in self:
            if proposal.state != "submitted":
                raise UserError(
                    self.env._(
                        "The proposal %(proposal)s is not waiting for a decision.",
                        proposal=proposal.name,
                    )
                )
        for proposal in self:
            proposal._kam_workflow_write(
                {
                    "state": decision,
                    "decision_user_id": self.env.user.id,
                    "decision_date": proposal.company_id._kam_today(),
                    "decision_reason": reason or False,
                }
            )
            if decision == "accepted":
                body = self.env._(
                    "%(director)s accepted the proposal %(proposal)s.",
                    director=self.env.user.name,
                    proposal=proposal.name,
                )
            else:
                body = self.env._(
                    "%(director)s rejected the proposal %(proposal)s.",
                    director=self.env.user.name,
                    proposal=proposal.name,
                )
            if reason:
                body = self.env._(
                    "%(decision)s Reason: %(reason)s", decision=body, reason=reason
                )
            proposal._kam_system_note(body, partner_ids=proposal.user_id.partner_id.ids)
        # sudo: closing the directors' activities posts notes in their name
        self.sudo().activity_feedback(
            [DECISION_ACTIVITY], feedback=self.env._("Proposal decided.")
        )
        return True
