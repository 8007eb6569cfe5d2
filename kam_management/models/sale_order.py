# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from .res_users import HEAD_OF_SALES_GROUP

DISCOUNT_APPROVAL_ACTIVITY = "kam_management.mail_activity_type_kam_discount_approval"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    kam_is_key_account = fields.Boolean(
        related="partner_id.commercial_partner_id.is_key_account", string="Key Account"
    )
    kam_max_discount = fields.Float(
        string="Discount Authority (%)",
        compute="_compute_kam_max_discount",
        digits="Discount",
        help="The highest line discount the salesperson may grant alone on this order; "
        "-1 means no limit.",
    )
    kam_approval_state = fields.Selection(
        [
            ("not_required", "Not Required"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        string="Discount Approval",
        compute="_compute_kam_approval_state",
        store=True,
        readonly=False,
        copy=False,
        tracking=True,
        index=True,
    )
    kam_approver_id = fields.Many2one(
        "res.users",
        string="Discount Approver",
        copy=False,
        readonly=True,
        tracking=True,
    )

    @api.depends("user_id", "partner_id.commercial_partner_id.kam_tier_id.max_discount")
    def _compute_kam_max_discount(self):
        for order in self:
            tier = order.partner_id.commercial_partner_id.kam_tier_id
            if not tier or order.user_id._has_group(HEAD_OF_SALES_GROUP):
                order.kam_max_discount = -1
            else:
                order.kam_max_discount = tier.max_discount

    def _kam_excess_lines(self):
        """Lines whose discount is above what the salesperson may grant alone."""
        self.ensure_one()
        limit = self.kam_max_discount
        if limit < 0:
            return self.order_line.browse()
        precision = self.env["decimal.precision"].precision_get("Discount")
        return self.order_line.filtered(
            lambda line: (
                not line.display_type
                and float_compare(line.discount, limit, precision_digits=precision) > 0
            )
        )

    @api.depends(
        "order_line.discount",
        "order_line.kam_approved_discount",
        "user_id",
        "partner_id.commercial_partner_id.kam_tier_id.max_discount",
    )
    def _compute_kam_approval_state(self):
        precision = self.env["decimal.precision"].precision_get("Discount")
        for order in self:
            excess = order._kam_excess_lines()
            decided = order.kam_approval_state in ("approved", "rejected")
            unchanged = all(
                float_compare(
                    line.discount,
                    line.kam_approved_discount,
                    precision_digits=precision,
                )
                <= 0
                for line in excess
            )
            if not excess:
                order.kam_approval_state = "not_required"
            elif decided and unchanged:
                order.kam_approval_state = order.kam_approval_state
            else:
                order.kam_approval_state = "to_approve"

    def _kam_excess_message(self):
        self.ensure_one()
        lines = "\n".join(
            self.env._(
                "- %(line)s: discount %(discount).2f%% (allowed %(limit).2f%%)",
                line=line.name.splitlines()[0]
                if line.name
                else line.product_id.display_name,
                discount=line.discount,
                limit=self.kam_max_discount,
            )
            for line in self._kam_excess_lines()
        )
        return lines

    def _confirmation_error_message(self):
        message = super()._confirmation_error_message()
        if message or self.kam_approval_state not in ("to_approve", "rejected"):
            return message
        if self.kam_approval_state == "rejected":
            intro = self.env._(
                "The head of sales rejected the discounts of %(order)s. Lower them "
                "before confirming:",
                order=self.name,
            )
        else:
            intro = self.env._(
                "The discounts of %(order)s exceed the authority of tier %(tier)s and "
                "need the head of sales' approval before confirmation:",
                order=self.name,
                tier=self.partner_id.commercial_partner_id.kam_tier_id.name,
            )
        return f"{intro}\n{self._kam_excess_message()}"

    def _kam_find_approver(self):
        """The head of sales of the order's salesperson in the order's company
        (``res.users.kam_head_user_id``), else any head of sales of the company."""
        self.ensure_one()
        head = self.user_id.with_company(self.company_id).kam_head_user_id
        if head and head != self.user_id:
            return head
        # sudo: any colleague with the role may approve, whether the user can read
        # them or not; only the user record leaves.
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref(HEAD_OF_SALES_GROUP).id),
                    ("share", "=", False),
                    ("company_ids", "in", self.company_id.id),
                    ("id", "!=", self.user_id.id),
                    ("id", "!=", self.env.ref("base.user_root").id),
                ],
                order="id",
                limit=1,
            )
        )

    def action_kam_request_approval(self):
        self.ensure_one()
        if (
            self.kam_approval_state not in ("to_approve", "rejected")
            or not self._kam_excess_lines()
        ):
            raise UserError(
                self.env._(
                    "The discounts of %(order)s need no approval.", order=self.name
                )
            )
        approver = self._kam_find_approver()
        if not approver:
            raise UserError(
                self.env._(
                    "Nobody can approve the discounts of %(order)s: give a colleague "
                    "the Head of Sales role.",
                    order=self.name,
                )
            )
        self.write({"kam_approval_state": "to_approve", "kam_approver_id": approver.id})
        self._kam_system_activity(
            DISCOUNT_APPROVAL_ACTIVITY,
            user_id=approver.id,
            note=self._kam_excess_message().replace("\n", "<br/>"),
        )
        self._kam_system_note(
            self.env._(
                "Discount approval requested from %(approver)s:\n%(lines)s",
                approver=approver.name,
                lines=self._kam_excess_message(),
            )
        )
        return True

    def _kam_check_can_decide(self):
        if not self.env.user.has_group(HEAD_OF_SALES_GROUP):
            raise AccessError(
                self.env._("Only a Head of Sales can approve or reject discounts.")
            )
        for order in self:
            # Own order: the one you sell on or the one you entered for a KAM.
            if self.env.user in (order.user_id | order.create_uid):
                raise UserError(
                    self.env._(
                        "You cannot approve or reject the discounts of your own order "
                        "%(order)s.",
                        order=order.name,
                    )
                )
            if order.kam_approval_state not in ("to_approve", "rejected", "approved"):
                raise UserError(
                    self.env._(
                        "The discounts of %(order)s need no approval.", order=order.name
                    )
                )

    def _kam_decide(self, state):
        self._kam_check_can_decide()
        for order in self:
            excess = order._kam_excess_lines()
            order.write(
                {"kam_approval_state": state, "kam_approver_id": self.env.user.id}
            )
            for line in excess:
                line.kam_approved_discount = line.discount
            if state == "approved":
                feedback = self.env._("Discounts approved.")
                body = self.env._(
                    "Discounts approved by %(user)s.", user=self.env.user.name
                )
            else:
                feedback = self.env._("Discounts rejected.")
                body = self.env._(
                    "Discounts rejected by %(user)s.", user=self.env.user.name
                )
            # sudo: marking the request done posts a message as the deciding head,
            # who needs no e-mail address for it (like _kam_system_note).
            order.sudo().activity_feedback(
                [DISCOUNT_APPROVAL_ACTIVITY], feedback=feedback
            )
            order._kam_system_note(body, partner_ids=order.user_id.partner_id.ids)
        return True

    def action_kam_approve(self):
        return self._kam_decide("approved")

    def action_kam_reject(self):
        return self._kam_decide("rejected")

    @api.depends("partner_id")
    def _compute_user_id(self):
        """On a key account the order goes to the acting KAM (the backup while the KAM
        is away), also when sales support enters it."""
        result = super()._compute_user_id()
        for order in self:
            account = order.partner_id.commercial_partner_id
            if account.is_key_account and not (
                order._origin.id and order._origin.user_id
            ):
                effective = account.kam_effective_user_id
                if effective:
                    order.user_id = effective
        return result

    # Refusals (2.11): cancelling a key-account order asks for a reason.
    kam_refusal_reason_id = fields.Many2one(
        "kam.refusal.reason",
        string="Refusal Reason",
        copy=False,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    kam_refusal_note = fields.Text(string="Refusal Details", copy=False)

    def action_cancel(self):
        needs_reason = self.filtered(
            lambda o: o.kam_is_key_account and not o.kam_refusal_reason_id
        )
        if needs_reason and not self.env.context.get("kam_refusal_reason_given"):
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Why is the order cancelled?"),
                "res_model": "sale.order.refuse",
                "view_mode": "form",
                "target": "new",
                "context": {"default_order_ids": self.ids},
            }
        return super().action_cancel()
