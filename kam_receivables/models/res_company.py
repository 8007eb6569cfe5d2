# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    kam_payment_grace_days = fields.Integer(
        string="Default Payment Grace (days)",
        default=0,
        help="Days after the due date before an open invoice counts as overdue, "
        "unless the customer has their own grace period.",
    )
    kam_credit_block = fields.Boolean(
        string="Block Orders Failing the Credit Check",
        help="Off: every order is checked and the check is logged, but an order that "
        "fails it is confirmed with a warning, as in standard Odoo. On: the action of "
        "the customer's risk class applies (warn, hold for approval or block), and "
        "overdue debt beyond the grace period fails the check.",
    )

    kam_credit_action_low = fields.Selection(
        selection="_selection_kam_credit_action",
        string="Low Risk Customers",
        default="warn",
        required=True,
        help="What happens when an order of a low-risk customer fails the credit "
        "check.",
    )
    kam_credit_action_medium = fields.Selection(
        selection="_selection_kam_credit_action",
        string="Medium Risk Customers",
        default="approval",
        required=True,
        help="What happens when an order of a medium-risk customer fails the credit "
        "check.",
    )
    kam_credit_action_high = fields.Selection(
        selection="_selection_kam_credit_action",
        string="High Risk Customers",
        default="block",
        required=True,
        help="What happens when an order of a high-risk customer fails the credit "
        "check.",
    )
    kam_credit_manager_id = fields.Many2one(
        comodel_name="res.users",
        string="Credit Manager",
        domain=[("share", "=", False)],
        help="Gets the activities for orders on credit hold and for due credit "
        "reviews. When empty, the first credit manager of the company gets them.",
    )

    @api.model
    def _selection_kam_credit_action(self):
        return [
            ("warn", self.env._("Warn and confirm")),
            ("approval", self.env._("Hold for credit manager approval")),
            ("block", self.env._("Block until the figures pass")),
        ]

    def _kam_credit_action(self, risk_class):
        """What a failed credit check does for a customer of ``risk_class``: always
        "warn" while the company does not block orders (``kam_credit_block``)."""
        self.ensure_one()
        if not self.kam_credit_block:
            return "warn"
        return self[f"kam_credit_action_{risk_class or 'medium'}"]

    def _kam_credit_manager(self):
        """The user who handles credit holds and reviews of this company."""
        self.ensure_one()
        if self.kam_credit_manager_id:
            return self.kam_credit_manager_id
        group = self.env.ref("kam_receivables.group_credit_manager")
        # sudo: any user confirming an order must find the credit manager to notify.
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", group.ids),
                    ("company_ids", "in", self.ids),
                    ("share", "=", False),
                    ("id", "!=", self.env.ref("base.user_root").id),
                ],
                order="id",
                limit=1,
            )
        )
        return users

    @api.constrains("kam_payment_grace_days")
    def _check_kam_payment_grace_days(self):
        for company in self:
            if company.kam_payment_grace_days < 0:
                raise ValidationError(
                    self.env._(
                        "The payment grace period of %(company)s cannot be negative.",
                        company=company.display_name,
                    )
                )
