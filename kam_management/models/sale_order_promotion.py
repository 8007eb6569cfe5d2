# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    """Promotions through Odoo price lists (2.18): a new quotation of an account
    enrolled in a running programme with a price list takes that price list."""

    _inherit = "sale.order"

    kam_promotion_id = fields.Many2one(
        "kam.promotion",
        string="Promotion",
        compute="_compute_kam_promotion_id",
        help="The running promotion the account is enrolled in whose price list the "
        "quotation uses.",
    )

    def _kam_running_promotions(self):
        """``{commercial partner id: kam.promotion}``: the running programme with a
        price list each account of the orders is enrolled in (latest start first),
        in one query."""
        accounts = self.partner_id.commercial_partner_id
        if not accounts:
            return {}
        # sudo: which programme an account takes part in decides its prices for
        # whoever enters the order (sales support may not read KAM data).
        enrolments = (
            self.env["kam.promotion.enrolment"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", accounts.ids),
                    ("promotion_id.state", "=", "running"),
                    ("promotion_id.pricelist_id", "!=", False),
                ],
                order="id desc",
            )
        )
        result = {}
        for enrolment in enrolments.sorted(
            lambda e: e.promotion_id.date_from, reverse=True
        ):
            result.setdefault(enrolment.partner_id.id, enrolment.promotion_id)
        return result

    @api.depends("partner_id", "pricelist_id", "company_id")
    def _compute_kam_promotion_id(self):
        promotions = self._kam_running_promotions()
        for order in self:
            promotion = promotions.get(order.partner_id.commercial_partner_id.id)
            order.kam_promotion_id = (
                promotion
                if promotion
                and promotion.company_id == order.company_id
                and promotion.pricelist_id == order.pricelist_id
                else False
            )

    def _compute_pricelist_id(self):
        result = super()._compute_pricelist_id()
        drafts = self.filtered(lambda order: order.state == "draft")
        promotions = drafts._kam_running_promotions()
        for order in drafts:
            promotion = promotions.get(order.partner_id.commercial_partner_id.id)
            if promotion and promotion.company_id == order.company_id:
                order.pricelist_id = promotion.pricelist_id.with_env(self.env)
        return result
