# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Promotion programmes (clause 2.18): the KAMs run promotions, discount and bonus
programmes when management decides.

A programme targets tiers, segments and named accounts, gives its prices through
an Odoo price list (whose rules are the discounts), has a budget and an
incremental-sales goal, and is approved by management before it starts (workflow
in ``kam_promotion_workflow.py``). KAMs enrol their accounts
(``kam.promotion.enrolment``); uptake and incremental sales against the period
before come from confirmed sales of the promoted products.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

PROMOTION_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("running", "Running"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# The programme's terms: fixed once management approved them.
TERM_FIELDS = (
    "name",
    "company_id",
    "date_from",
    "date_to",
    "tier_ids",
    "segment_ids",
    "target_partner_ids",
    "pricelist_id",
    "product_ids",
    "product_categ_ids",
    "budget",
    "goal_amount",
    "baseline",
)


class KamPromotion(models.Model):
    _name = "kam.promotion"
    _description = "Promotion Programme"
    _inherit = ["mail.thread", "mail.activity.mixin", "kam.lock.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _kam_lock_states = ("approved", "running", "done", "cancelled")
    _kam_lock_fields = TERM_FIELDS

    name = fields.Char(required=True, tracking=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        PROMOTION_STATES,
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
        readonly=True,
    )
    date_from = fields.Date(string="Start", required=True, tracking=True)
    date_to = fields.Date(string="End", required=True, tracking=True)
    description = fields.Html()
    tier_ids = fields.Many2many(
        "kam.tier", string="Target Tiers", check_company=True, tracking=True
    )
    segment_ids = fields.Many2many(
        "kam.segment", string="Target Segments", check_company=True
    )
    target_partner_ids = fields.Many2many(
        "res.partner",
        string="Target Accounts",
        domain="[('is_company', '=', True)]",
        help="Accounts eligible whatever their tier and segment.",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price List",
        check_company=True,
        tracking=True,
        help="The programme's prices: its rules are the discounts. While the "
        "programme runs, new quotations of enrolled accounts take this price list.",
    )
    product_ids = fields.Many2many(
        "product.product", string="Promoted Products", check_company=True
    )
    product_categ_ids = fields.Many2many(
        "product.category",
        string="Promoted Categories",
        help="With their sub-categories. Without promoted products or categories, "
        "those of the price list's rules are promoted.",
    )
    budget = fields.Monetary(
        tracking=True, help="What the programme may cost (discounts, material)."
    )
    goal_amount = fields.Monetary(
        string="Incremental Sales Goal",
        tracking=True,
        help="Sales of the promoted products to the enrolled accounts above those of "
        "the comparison period.",
    )
    baseline = fields.Selection(
        [("previous", "Period Just Before"), ("last_year", "Same Period Last Year")],
        string="Compare With",
        required=True,
        default="previous",
        help="The period whose sales the incremental sales are measured against: "
        "as many days just before the start, or the same dates a year before.",
    )
    enrolment_ids = fields.One2many(
        "kam.promotion.enrolment", "promotion_id", string="Enrolled Accounts"
    )
    enrolment_count = fields.Integer(compute="_compute_figures", string="Enrolled")
    uptake_count = fields.Integer(
        compute="_compute_figures",
        string="Ordering",
        help="Enrolled accounts that ordered promoted products in the programme's "
        "period.",
    )
    uptake_rate = fields.Float(
        compute="_compute_figures", string="Uptake (%)", digits=(16, 1)
    )
    sales_amount = fields.Monetary(
        compute="_compute_figures",
        string="Promoted Sales",
        help="Untaxed confirmed sales of the promoted products to the enrolled "
        "accounts in the programme's period so far.",
    )
    baseline_amount = fields.Monetary(
        compute="_compute_figures",
        string="Comparison Sales",
        help="The same sales in the comparison period.",
    )
    incremental_amount = fields.Monetary(
        compute="_compute_figures", string="Incremental Sales"
    )
    goal_progress = fields.Float(
        compute="_compute_figures", string="Goal Reached (%)", digits=(16, 1)
    )
    requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    approved_on = fields.Date(readonly=True, copy=False)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for promotion in self:
            if promotion.date_to < promotion.date_from:
                raise ValidationError(
                    self.env._(
                        "The promotion %(promotion)s cannot end (%(end)s) before it "
                        "starts (%(start)s).",
                        promotion=promotion.display_name,
                        end=promotion.date_to,
                        start=promotion.date_from,
                    )
                )

    @api.constrains("budget", "goal_amount")
    def _check_amounts(self):
        for promotion in self:
            if promotion.budget < 0 or promotion.goal_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The budget and the incremental sales goal of %(promotion)s "
                        "cannot be negative.",
                        promotion=promotion.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Who and what the programme targets
    # ------------------------------------------------------------------
    def _kam_is_eligible(self, account):
        """Whether the commercial partner ``account`` may be enrolled: a named
        target account, or of a target tier (when tiers are set) and of a target
        segment (when segments are set). Without any target, every key account."""
        self.ensure_one()
        if account in self.target_partner_ids:
            return True
        if not (self.tier_ids or self.segment_ids):
            return not self.target_partner_ids and account.is_key_account
        return (not self.tier_ids or account.kam_tier_id in self.tier_ids) and (
            not self.segment_ids or account.kam_segment_id in self.segment_ids
        )

    def _kam_product_domain(self):
        """Domain on ``sale.report`` lines of the promoted products: the programme's
        products and categories, else those of its price list's rules; ``[]``
        (everything) when a rule applies to all products."""
        self.ensure_one()
        if self.product_ids or self.product_categ_ids:
            return self._kam_products_or_categories(
                self.product_ids.ids, [], self.product_categ_ids.ids
            )
        items = self.pricelist_id.item_ids
        if not items or any(item.applied_on == "3_global" for item in items):
            return []
        return self._kam_products_or_categories(
            items.product_id.ids, items.product_tmpl_id.ids, items.categ_id.ids
        )

    @api.model
    def _kam_products_or_categories(self, product_ids, template_ids, categ_ids):
        domains = []
        if product_ids:
            domains.append([("product_id", "in", product_ids)])
        if template_ids:
            domains.append([("product_tmpl_id", "in", template_ids)])
        if categ_ids:
            domains.append([("categ_id", "child_of", categ_ids)])
        return expression.OR(domains) if domains else [("id", "=", False)]

    # ------------------------------------------------------------------
    # Figures: uptake and incremental sales
    # ------------------------------------------------------------------
    def _kam_comparison_periods(self, day=None):
        """``((start, end), (baseline start, baseline end))`` of the programme, the
        current period ending on ``day`` (default the company's today) when the
        programme still runs."""
        self.ensure_one()
        day = day or self.company_id._kam_today()
        end = min(self.date_to, day)
        if self.baseline == "last_year":
            baseline = (
                self.date_from - relativedelta(years=1),
                end - relativedelta(years=1),
            )
        else:
            length = end - self.date_from
            baseline_end = self.date_from - timedelta(days=1)
            baseline = (baseline_end - length, baseline_end)
        return (self.date_from, end), baseline

    def _kam_sales_by_account(self, partner_ids, date_from, date_to):
        """``{account id: (amount, lines)}``: confirmed sales of the promoted
        products to the given commercial partners over the local days, one grouped
        query."""
        self.ensure_one()
        if not partner_ids or date_to < date_from:
            return {}
        company = self.company_id
        start, stop = company._kam_day_bounds(date_from, date_to)
        # sudo: figures of the programme for whoever reads it; the domain limits
        # them to the enrolled accounts and the promoted products.
        groups = (
            self.env["sale.report"]
            .sudo()
            ._read_group(
                [
                    ("commercial_partner_id", "in", list(partner_ids)),
                    ("state", "=", "sale"),
                    ("company_id", "=", company.id),
                    ("date", ">=", start),
                    ("date", "<", stop),
                    *self._kam_product_domain(),
                ],
                ["commercial_partner_id"],
                ["price_subtotal:sum", "__count"],
            )
        )
        return {partner.id: (amount, count) for partner, amount, count in groups}

    def _kam_figures(self):
        """``{promotion id: {account id: {"sales", "baseline", "ordered"}}}`` for
        the enrolled accounts: two queries per programme, whatever the number of
        enrolments."""
        result = {}
        for promotion in self:
            accounts = promotion.enrolment_ids.partner_id.ids
            figures = {
                pid: {"sales": 0.0, "baseline": 0.0, "ordered": False}
                for pid in accounts
            }
            result[promotion.id] = figures
            if not promotion.id or promotion.state in ("draft", "to_approve"):
                continue
            (start, end), (base_start, base_end) = promotion._kam_comparison_periods()
            current = promotion._kam_sales_by_account(accounts, start, end)
            before = promotion._kam_sales_by_account(accounts, base_start, base_end)
            for pid, values in figures.items():
                amount, lines = current.get(pid, (0.0, 0))
                values.update(
                    sales=amount,
                    ordered=bool(lines),
                    baseline=before.get(pid, (0.0, 0))[0],
                )
        return result

    @api.depends("enrolment_ids", "state", "date_from", "date_to", "baseline")
    @api.depends_context("uid")
    def _compute_figures(self):
        figures = self._kam_figures()
        for promotion in self:
            values = figures.get(promotion.id, {}).values()
            count = len(promotion.enrolment_ids)
            ordering = sum(1 for v in values if v["ordered"])
            sales = sum(v["sales"] for v in values)
            baseline = sum(v["baseline"] for v in values)
            promotion.enrolment_count = count
            promotion.uptake_count = ordering
            promotion.uptake_rate = 100.0 * ordering / count if count else 0.0
            promotion.sales_amount = sales
            promotion.baseline_amount = baseline
            promotion.incremental_amount = sales - baseline
            promotion.goal_progress = (
                100.0 * (sales - baseline) / promotion.goal_amount
                if promotion.goal_amount
                else 0.0
            )
