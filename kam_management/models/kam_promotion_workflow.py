# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

MANAGER_GROUP = "kam_management.group_kam_manager"
DIRECTOR_GROUP = "kam_management.group_kam_director"
APPROVAL_ACTIVITY = "kam_management.mail_activity_type_kam_promotion_approval"


class KamPromotion(models.Model):
    """Approval by management before a programme starts (2.18): draft -> to approve
    -> approved -> running -> done, or cancelled. Approved programmes run from
    their start day and are done after their end day, days of the company's
    business calendar (daily cron)."""

    _inherit = "kam.promotion"

    def _kam_check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only management (a head of sales or the commercial director) "
                    "approves, rejects or cancels promotions."
                )
            )

    def _kam_check_state(self, states, action):
        for promotion in self:
            if promotion.state not in states:
                raise UserError(
                    self.env._(
                        "%(promotion)s is %(state)s: it cannot be %(action)s.",
                        promotion=promotion.display_name,
                        state=promotion._kam_lock_state_label(),
                        action=action,
                    )
                )

    def _kam_check_not_ended(self):
        for promotion in self:
            if promotion.date_to < promotion.company_id._kam_today():
                raise UserError(
                    self.env._(
                        "%(promotion)s ended on %(end)s: set its dates first.",
                        promotion=promotion.display_name,
                        end=promotion.date_to,
                    )
                )

    def _kam_approver(self):
        """Who approves: the requester's head of sales, else a commercial director
        of the company."""
        self.ensure_one()
        head = self.requested_by_id.kam_head_user_id
        if head:
            return head
        # sudo: whoever asks must find an approver, not only users they may read.
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref(DIRECTOR_GROUP).ids),
                    ("company_ids", "in", self.company_id.ids),
                    ("share", "=", False),
                    ("id", "!=", self.env.ref("base.user_root").id),
                ],
                order="id",
                limit=1,
            )
        )

    def _kam_close_approval_activities(self):
        # sudo: closing the approval request posts as the acting user, who needs no
        # e-mail address for it (see mail_thread._kam_system_activity).
        self.sudo().activity_feedback([APPROVAL_ACTIVITY])

    def action_submit(self):
        self._kam_check_state(("draft",), self.env._("sent for approval"))
        for promotion in self:
            if not (
                promotion.pricelist_id
                or promotion.product_ids
                or promotion.product_categ_ids
            ):
                raise UserError(
                    self.env._(
                        "Link a price list or choose the promoted products of "
                        "%(promotion)s before asking for approval.",
                        promotion=promotion.display_name,
                    )
                )
        self._kam_check_not_ended()
        self.write({"state": "to_approve", "requested_by_id": self.env.user.id})
        for promotion in self:
            approver = promotion._kam_approver()
            summary = self.env._(
                "Approve the promotion %(promotion)s", promotion=promotion.name
            )
            if approver:
                promotion._kam_system_activity(
                    APPROVAL_ACTIVITY, user_id=approver.id, summary=summary
                )
            else:
                promotion._kam_system_note(summary)
        return True

    def action_approve(self):
        self._kam_check_manager()
        self._kam_check_state(("to_approve",), self.env._("approved"))
        self._kam_check_not_ended()
        is_director = self.env.user.has_group(DIRECTOR_GROUP)
        for promotion in self:
            if promotion.requested_by_id == self.env.user and not is_director:
                raise UserError(
                    self.env._(
                        "You asked for the approval of %(promotion)s: the commercial "
                        "director or another head of sales approves it.",
                        promotion=promotion.display_name,
                    )
                )
            today = promotion.company_id._kam_today()
            promotion.write(
                {
                    "state": "running" if promotion.date_from <= today else "approved",
                    "approved_by_id": self.env.user.id,
                    "approved_on": today,
                }
            )
        self._kam_close_approval_activities()
        return True

    def action_reject(self):
        self._kam_check_manager()
        self._kam_check_state(("to_approve",), self.env._("rejected"))
        self.write({"state": "draft"})
        self._kam_close_approval_activities()
        for promotion in self:
            promotion._kam_system_note(
                self.env._("Sent back to draft by %(user)s.", user=self.env.user.name),
                partner_ids=promotion.requested_by_id.partner_id.ids,
            )
        return True

    def action_cancel(self):
        self._kam_check_manager()
        self._kam_check_state(
            ("draft", "to_approve", "approved", "running"), self.env._("cancelled")
        )
        self.write({"state": "cancelled"})
        self._kam_close_approval_activities()
        return True

    def action_draft(self):
        self._kam_check_manager()
        self._kam_check_state(
            ("approved", "cancelled"), self.env._("set back to draft")
        )
        self.write({"state": "draft", "approved_by_id": False, "approved_on": False})
        return True

    @api.readonly
    def action_view_enrolments(self):
        """The enrolled accounts, where a KAM enrols theirs."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "kam_management.kam_promotion_enrolment_action"
        )
        action.update(
            domain=[("promotion_id", "=", self.id)],
            context={"default_promotion_id": self.id},
        )
        return action

    @api.model
    def _cron_kam_promotion_states(self):
        """Start approved programmes on their first day and close them after their
        last, each company on its own local day."""
        # pylint: disable=no-search-all
        for company in self.env["res.company"].search([]):
            today = company._kam_today()
            promotions = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("approved", "running")),
                    "|",
                    ("date_from", "<=", today),
                    ("date_to", "<", today),
                ]
            )
            promotions.filtered(lambda p, day=today: p.date_to < day).write(
                {"state": "done"}
            )
            promotions.filtered(
                lambda p, day=today: p.state == "approved" and p.date_from <= day
            ).write({"state": "running"})
