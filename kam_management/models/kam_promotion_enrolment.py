# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KamPromotionEnrolment(models.Model):
    """An account taking part in a promotion programme, enrolled by its KAM while
    the programme is approved or running (who may enrol which account: the record
    rules of the account's KAM data)."""

    _name = "kam.promotion.enrolment"
    _description = "Promotion Enrolment"
    _inherit = ["mail.thread", "kam.lock.mixin"]
    _order = "promotion_id, partner_id"
    _rec_name = "partner_id"
    _check_company_auto = True

    _kam_lock_parent = "promotion_id"
    _kam_lock_states = ("draft", "to_approve", "done", "cancelled")

    promotion_id = fields.Many2one(
        "kam.promotion",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="promotion_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="promotion_id.currency_id")
    promotion_state = fields.Selection(related="promotion_id.state")
    partner_id = fields.Many2one(
        "res.partner",
        string="Account",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_company', '=', True)]",
    )
    kam_user_id = fields.Many2one(
        related="partner_id.kam_user_id", string="KAM", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Enrolled By",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    date = fields.Date(
        string="Enrolled On",
        required=True,
        default=lambda self: self.env.company._kam_today(),
        readonly=True,
    )
    note = fields.Text()
    ordered = fields.Boolean(
        compute="_compute_figures",
        help="Ordered promoted products in the programme's period.",
    )
    sales_amount = fields.Monetary(compute="_compute_figures", string="Promoted Sales")
    baseline_amount = fields.Monetary(
        compute="_compute_figures", string="Comparison Sales"
    )
    incremental_amount = fields.Monetary(
        compute="_compute_figures", string="Incremental Sales"
    )

    def _kam_lock_message(self):
        self.ensure_one()
        return self.env._(
            "Accounts are enrolled while a promotion is approved or running: "
            "%(promotion)s is %(state)s.",
            promotion=self.promotion_id.display_name,
            state=self._kam_lock_state_label(),
        )

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        commercial = {p.id: p.commercial_partner_id.id for p in partners}
        for vals in vals_list:
            if vals.get("partner_id"):
                vals["partner_id"] = commercial[vals["partner_id"]]
        return super().create(vals_list)

    @api.constrains("partner_id", "promotion_id")
    def _check_eligible(self):
        # sudo: an enrolment the user may not read still makes this one a duplicate.
        groups = self.sudo()._read_group(
            [
                ("promotion_id", "in", self.promotion_id.ids),
                ("partner_id", "in", self.partner_id.ids),
            ],
            ["promotion_id", "partner_id"],
            ["__count"],
        )
        duplicates = {
            (promotion.id, partner.id): count for promotion, partner, count in groups
        }
        for enrolment in self:
            key = (enrolment.promotion_id.id, enrolment.partner_id.id)
            if duplicates.get(key, 0) > 1:
                raise ValidationError(
                    self.env._(
                        "%(account)s is already enrolled in %(promotion)s.",
                        account=enrolment.partner_id.display_name,
                        promotion=enrolment.promotion_id.display_name,
                    )
                )
            if not enrolment.promotion_id._kam_is_eligible(enrolment.partner_id):
                raise ValidationError(
                    self.env._(
                        "%(account)s is not among the accounts %(promotion)s targets "
                        "(its tiers, segments and named accounts).",
                        account=enrolment.partner_id.display_name,
                        promotion=enrolment.promotion_id.display_name,
                    )
                )

    @api.depends("promotion_id", "partner_id")
    @api.depends_context("uid")
    def _compute_figures(self):
        figures = self.promotion_id._kam_figures()
        for enrolment in self:
            values = figures.get(enrolment.promotion_id.id, {}).get(
                enrolment.partner_id.id, {}
            )
            sales = values.get("sales", 0.0)
            baseline = values.get("baseline", 0.0)
            enrolment.ordered = values.get("ordered", False)
            enrolment.sales_amount = sales
            enrolment.baseline_amount = baseline
            enrolment.incremental_amount = sales - baseline
