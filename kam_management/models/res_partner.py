# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

KAM_OWNER_FIELDS = ("kam_user_id", "kam_backup_user_id")


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_tier_id = fields.Many2one(
        "kam.tier",
        string="Key Account Tier",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('company_id', 'in', [company_id or current_company_id, False])]",
    )
    kam_tier_color = fields.Integer(related="kam_tier_id.color", string="Tier Color")
    kam_user_id = fields.Many2one(
        "res.users",
        string="Key Account Manager",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    kam_backup_user_id = fields.Many2one(
        "res.users",
        string="Backup KAM",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Takes over the account's approvals, activities and new orders while the "
        "KAM is absent.",
    )
    is_key_account = fields.Boolean(
        compute="_compute_is_key_account",
        store=True,
        index=True,
        help="The account has a key-account tier.",
    )
    kam_assignment_ids = fields.One2many(
        "kam.assignment", "partner_id", string="Ownership History"
    )
    kam_segment_id = fields.Many2one(
        "kam.segment",
        string="Market Segment",
        index=True,
        tracking=True,
        ondelete="set null",
    )
    kam_account_plan = fields.Html(
        string="Account Plan",
        compute="_compute_kam_account_plan",
        inverse="_inverse_kam_account_plan",
        groups="kam_management.group_kam_user",
        help="Strategy and long-term goals for the account. Only its KAM, backup KAM, "
        "their head of sales and the commercial director see it.",
    )
    kam_feedback_ids = fields.One2many(
        "kam.feedback",
        "partner_id",
        string="Feedback",
        groups="kam_management.group_kam_user",
    )
    kam_open_feedback_count = fields.Integer(
        string="Open Feedback",
        compute="_compute_kam_open_feedback_count",
        groups="kam_management.group_kam_user",
    )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + [
            "kam_tier_id",
            "kam_segment_id",
            *KAM_OWNER_FIELDS,
        ]

    @api.depends("kam_feedback_ids.state")
    def _compute_kam_open_feedback_count(self):
        groups = self.env["kam.feedback"]._read_group(
            [("partner_id", "in", self.ids), ("state", "in", ("new", "in_progress"))],
            ["partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.kam_open_feedback_count = counts.get(partner.id, 0)

    # Account plan: stored on kam.account.plan, whose record rules keep it secret.
    def _compute_kam_account_plan(self):
        plans = {
            plan.partner_id.id: plan.plan
            for plan in self.env["kam.account.plan"].search(
                [("partner_id", "in", self.commercial_partner_id.ids)]
            )
        }
        for partner in self:
            partner.kam_account_plan = plans.get(
                partner.commercial_partner_id.id, False
            )

    def _inverse_kam_account_plan(self):
        plan_model = self.env["kam.account.plan"]
        for partner in self:
            account = partner.commercial_partner_id
            # Look for a hidden plan too, so writing someone else's plan fails on its
            # record rules instead of on the one-plan-per-account constraint.
            plan = plan_model.sudo().search([("partner_id", "=", account.id)], limit=1)
            if plan:
                plan.with_env(self.env).plan = partner.kam_account_plan
            elif partner.kam_account_plan:
                plan_model.create(
                    {"partner_id": account.id, "plan": partner.kam_account_plan}
                )

    @api.depends("kam_tier_id")
    def _compute_is_key_account(self):
        for partner in self:
            partner.is_key_account = bool(partner.kam_tier_id)

    @api.constrains(*KAM_OWNER_FIELDS)
    def _check_kam_backup_user(self):
        for partner in self:
            if (
                partner.kam_backup_user_id
                and partner.kam_backup_user_id == partner.kam_user_id
            ):
                raise ValidationError(
                    self.env._(
                        "The backup KAM of %(account)s must be someone else than the "
                        "KAM %(kam)s.",
                        account=partner.display_name,
                        kam=partner.kam_user_id.name,
                    )
                )

    def _kam_check_owner_change_rights(self, vals):
        if self.env.su or not {"kam_tier_id", *KAM_OWNER_FIELDS} & set(vals):
            return
        if not self.env.user.has_group("kam_management.group_kam_manager"):
            raise AccessError(
                self.env._(
                    "Only a Head of Sales can change the tier, the KAM or the backup "
                    "KAM of a key account."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if any(vals.get(name) for name in ("kam_tier_id", *KAM_OWNER_FIELDS)):
                self._kam_check_owner_change_rights(vals)
        partners = super().create(vals_list)
        self.env["kam.assignment"]._kam_sync_partners(partners.filtered("kam_user_id"))
        return partners

    def write(self, vals):
        self._kam_check_owner_change_rights(vals)
        result = super().write(vals)
        if set(KAM_OWNER_FIELDS) & set(vals):
            self.env["kam.assignment"]._kam_sync_partners(self)
        return result

    @api.readonly
    def action_kam_sales_history(self):
        """Confirmed sales of the account by month and product category (2.15)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_management.sale_report_action_kam_history"
        )
        action["domain"] = [
            ("state", "=", "sale"),
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
        ]
        action["display_name"] = self.env._(
            "Sales History of %(account)s",
            account=self.commercial_partner_id.display_name,
        )
        return action

    @api.readonly
    def action_kam_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_management.kam_feedback_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
