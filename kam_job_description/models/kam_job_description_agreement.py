# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .kam_job_description import LOCKED_STATES


class KamJobDescriptionAgreement(models.Model):
    """One line of the AGREED block: a service that reviews the draft."""

    _name = "kam.job.description.agreement"
    _description = "Job Description Agreement"
    _inherit = ["kam.lock.mixin"]
    _kam_lock_parent = "description_id"
    _kam_lock_states = LOCKED_STATES
    _order = "description_id, sequence, id"

    description_id = fields.Many2one(
        "kam.job.description", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="description_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    role = fields.Selection(
        [
            ("legal", "Head of Legal"),
            ("hr", "Head of HR"),
            ("planning", "Head of Economic Planning"),
            ("department", "Head of the Position's Department"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    role_title = fields.Char(
        string="Title",
        help="How the role is printed in the AGREED block; defaults to the role.",
    )
    user_id = fields.Many2one(
        "res.users", string="Agreed by", domain="[('share', '=', False)]"
    )
    state = fields.Selection(
        [("pending", "Pending"), ("agreed", "Agreed"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        readonly=True,
    )
    comment = fields.Text(readonly=True)
    date = fields.Date(readonly=True)
    is_mine = fields.Boolean(compute="_compute_is_mine")

    @api.depends_context("uid")
    @api.depends("user_id")
    def _compute_is_mine(self):
        for line in self:
            line.is_mine = line.user_id == self.env.user

    def _kam_role_label(self):
        self.ensure_one()
        if self.role_title:
            return self.role_title
        return dict(self._fields["role"]._description_selection(self.env)).get(
            self.role
        )

    def _kam_signer_label(self):
        self.ensure_one()
        if self.user_id:
            return f"{self._kam_role_label()} ({self.user_id.name})"
        return self._kam_role_label()

    @api.depends("description_id.name", "role", "role_title")
    def _compute_display_name(self):
        for line in self:
            line.display_name = self.env._(
                "%(description)s, agreed by %(role)s",
                description=line.description_id.name or "",
                role=line._kam_role_label() or "",
            )

    def _kam_lock_reason(self):
        self.ensure_one()
        reason = self.description_id._kam_lock_reason()
        if reason:
            return self.env._(
                "%(record)s cannot be changed: %(reason)s",
                record=self.display_name,
                reason=reason,
            )
        if self.description_id.state == "agreement":
            return self.env._(
                "Who agrees the document is settled once it is in agreement: "
                "send it back to draft to change the list (%(record)s).",
                record=self.display_name,
            )
        return False

    def _kam_lock_touches(self, vals):
        # the workflow signs the lines; their order may always change
        if self.env.context.get("kam_jd_workflow"):
            return False
        return bool(set(vals) - {"sequence"})

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")  # access errors first, workflow refusals second
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")  # access errors first, workflow refusals second
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")  # access errors first, workflow refusals second
        return super().unlink()

    def _kam_check_signer(self):
        for line in self:
            if line.description_id.state != "agreement":
                raise UserError(
                    self.env._(
                        "%(name)s is not waiting for agreement.",
                        name=line.description_id.display_name,
                    )
                )
            if line.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(user)s can sign the line of %(role)s.",
                        user=line.user_id.name or self.env._("the chosen person"),
                        role=line._kam_role_label(),
                    )
                )
            if line.state != "pending":
                raise UserError(
                    self.env._(
                        "You have already answered for %(role)s.",
                        role=line._kam_role_label(),
                    )
                )

    def action_agree(self):
        self._kam_check_signer()
        today = self.company_id._kam_today()
        for line in self:
            # the signer may be any internal user (head of legal, ...) who cannot
            # write job descriptions; the check above makes sure it is their line
            line.sudo().with_context(kam_jd_workflow=True).write(
                {"state": "agreed", "date": today}
            )
            line.description_id.sudo().activity_feedback(
                ["kam_job_description.mail_activity_data_jd_agreement"],
                user_id=line.user_id.id,
            )
            line.description_id._kam_system_note(
                self.env._("%(who)s agreed the document.", who=line._kam_signer_label())
            )
        self.description_id._kam_agreement_done()
        return True

    def action_reject(self, comment):
        """Refuse the draft with a reason; it goes back to HR as a draft."""
        comment = (comment or "").strip()
        if not comment:
            raise UserError(self.env._("Say why you reject the document."))
        self._kam_check_signer()
        today = self.company_id._kam_today()
        for line in self:
            line.sudo().with_context(kam_jd_workflow=True).write(
                {"state": "rejected", "date": today, "comment": comment}
            )
            description = line.description_id.sudo()
            description.activity_unlink(
                [
                    "kam_job_description.mail_activity_data_jd_agreement",
                    "kam_job_description.mail_activity_data_jd_approval",
                ]
            )
            description.with_context(kam_jd_workflow=True).state = "draft"
            description._kam_system_note(
                self.env._(
                    "%(who)s rejected the document: %(comment)s",
                    who=line._kam_signer_label(),
                    comment=comment,
                )
            )
        return True

    @api.readonly
    def action_open_reject_wizard(self):
        self.ensure_one()
        self._kam_check_signer()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject"),
            "res_model": "kam.job.description.reject",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_agreement_id": self.id},
        }
