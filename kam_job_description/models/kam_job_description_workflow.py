# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class KamJobDescription(models.Model):
    """The workflow of a version: draft -> agreement -> approved -> superseded by
    the next version (or cancelled), with the activities of each step."""

    _inherit = "kam.job.description"

    def _kam_check_consistency(self):
        """The checks a draft must pass before it goes to agreement and approval."""
        for description in self:
            problems = []
            sections = set(description.item_ids.mapped("section"))
            if "duty" not in sections:
                problems.append(self.env._("list at least one duty"))
            if "right" not in sections:
                problems.append(self.env._("list at least one right"))
            if not description.item_ids.filtered("labour_code_limit"):
                problems.append(
                    self.env._(
                        "add the standard responsibility clause that limits liability "
                        "to what the labour code allows"
                    )
                )
            if not description.agreement_line_ids:
                problems.append(self.env._("add the services that agree the document"))
            for line in description.agreement_line_ids.filtered(
                lambda ln: not ln.user_id
            ):
                problems.append(
                    self.env._(
                        "choose who agrees on behalf of %(role)s",
                        role=line._kam_role_label(),
                    )
                )
            if problems:
                raise UserError(
                    self.env._(
                        "%(name)s is not ready for agreement: %(problems)s.",
                        name=description.display_name,
                        problems="; ".join(problems),
                    )
                )

    def action_submit(self):
        """Send a draft to the services that must agree it."""
        for description in self:
            if description.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft can be sent for agreement; %(name)s is "
                        "%(state)s.",
                        name=description.display_name,
                        state=description._kam_state_label(),
                    )
                )
        self._kam_check_consistency()
        self.item_ids._kam_link_kpis()
        for description in self:
            description.agreement_line_ids.sudo().with_context(
                kam_jd_workflow=True
            ).write({"state": "pending", "date": False, "comment": False})
            description.with_context(kam_jd_workflow=True).state = "agreement"
            for user in description.agreement_line_ids.user_id:
                description._kam_system_activity(
                    "kam_job_description.mail_activity_data_jd_agreement",
                    user_id=user.id,
                    summary=self.env._("Agree the job description"),
                )
        return True

    def _kam_agreement_done(self):
        """Called when a line was signed: the approver is asked once all agreed."""
        for description in self:
            lines = description.agreement_line_ids
            if lines and all(line.state == "agreed" for line in lines):
                approver = (
                    description.approver_id or description.company_id.kam_jd_approver_id
                )
                if approver:
                    description._kam_system_activity(
                        "kam_job_description.mail_activity_data_jd_approval",
                        user_id=approver.id,
                        summary=self.env._("Approve the job description"),
                    )

    def action_approve(self):
        self.ensure_one()
        if not self.env.user.has_group(
            "kam_job_description.group_job_description_approver"
        ):
            raise UserError(
                self.env._(
                    "Only a job description approver can approve %(name)s.",
                    name=self.display_name,
                )
            )
        if self.state != "agreement":
            raise UserError(
                self.env._(
                    "%(name)s must go through agreement before it is approved.",
                    name=self.display_name,
                )
            )
        pending = self.agreement_line_ids.filtered(lambda line: line.state != "agreed")
        if pending:
            raise UserError(
                self.env._(
                    "%(name)s cannot be approved yet: %(who)s have not agreed it.",
                    name=self.display_name,
                    who=", ".join(line._kam_signer_label() for line in pending),
                )
            )
        if self.approver_id and self.approver_id != self.env.user:
            raise UserError(
                self.env._(
                    "%(name)s is to be approved by %(approver)s.",
                    name=self.display_name,
                    approver=self.approver_id.name,
                )
            )
        self._kam_check_consistency()
        previous = self.search(
            [
                ("job_id", "=", self.job_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "approved"),
                ("id", "!=", self.id),
            ]
        )
        today = self.company_id._kam_today()
        if previous:
            previous.with_context(kam_jd_workflow=True).write(
                {
                    "state": "superseded",
                    "superseded_date": today,
                    "next_version_id": self.id,
                }
            )
            previous.activity_unlink(
                ["kam_job_description.mail_activity_data_jd_acknowledge"]
            )
        user = self.env.user
        title = (
            self.approver_title
            or user.sudo().employee_id.job_title
            or self.env._("Chief Executive Officer")
        )
        self.with_context(kam_jd_workflow=True).write(
            {
                "state": "approved",
                "approver_id": user.id,
                "approver_title": title,
                "approved_by_id": user.id,
                "approval_date": today,
                "effective_date": self.effective_date or today,
            }
        )
        self.with_context(kam_jd_workflow=True).checksum = self._kam_compute_checksum()
        self.activity_feedback(["kam_job_description.mail_activity_data_jd_approval"])
        self._kam_request_acknowledgements(self._kam_holders())
        return True

    def action_cancel(self):
        for description in self:
            if description.state not in ("draft", "agreement"):
                raise UserError(
                    self.env._(
                        "Only a draft or a version in agreement can be cancelled; "
                        "%(name)s is %(state)s.",
                        name=description.display_name,
                        state=description._kam_state_label(),
                    )
                )
        self.activity_unlink(
            [
                "kam_job_description.mail_activity_data_jd_agreement",
                "kam_job_description.mail_activity_data_jd_approval",
            ]
        )
        self.with_context(kam_jd_workflow=True).state = "cancelled"
        return True

    def action_reset_draft(self):
        for description in self:
            if description.state not in ("cancelled", "agreement"):
                raise UserError(
                    self.env._(
                        "Only a cancelled version or one in agreement can go back to "
                        "draft."
                    )
                )
        self.activity_unlink(
            [
                "kam_job_description.mail_activity_data_jd_agreement",
                "kam_job_description.mail_activity_data_jd_approval",
            ]
        )
        self.with_context(kam_jd_workflow=True).state = "draft"
        return True

    def action_new_version(self):
        """Copy an approved version into a new draft that will supersede it."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(
                self.env._(
                    "A new version starts from the approved one; %(name)s is "
                    "%(state)s.",
                    name=self.display_name,
                    state=self._kam_state_label(),
                )
            )
        open_draft = self.search(
            [
                ("job_id", "=", self.job_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("draft", "agreement")),
            ],
            limit=1,
        )
        if open_draft:
            raise UserError(
                self.env._(
                    "%(name)s is already being prepared: finish or cancel it first.",
                    name=open_draft.display_name,
                )
            )
        new = self.copy(
            {
                "version": self._kam_next_version(self.job_id, self.company_id),
                "previous_version_id": self.id,
                "approver_id": self.company_id.kam_jd_approver_id.id,
            }
        )
        # keep who agreed last time as the default signers of the new version
        for old_line, new_line in zip(
            self.agreement_line_ids.sorted("sequence"),
            new.agreement_line_ids.sorted("sequence"),
            strict=False,
        ):
            if new_line.role == old_line.role:
                new_line.user_id = old_line.user_id
        return new._kam_form_action()

    def action_compare_previous(self):
        self.ensure_one()
        previous = self.previous_version_id
        if not previous:
            raise UserError(
                self.env._(
                    "%(name)s is the first version: there is nothing to compare with.",
                    name=self.display_name,
                )
            )
        wizard = self.env["kam.job.description.compare"].create(
            {"old_description_id": previous.id, "new_description_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
