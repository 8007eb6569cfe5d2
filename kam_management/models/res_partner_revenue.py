# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An account's revenue figures and the tier classification they drive."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_proposed_tier_id = fields.Many2one(
        "kam.tier",
        string="Proposed Tier",
        readonly=True,
        copy=False,
        help="Tier proposed by the monthly classification from the last 12 months' "
        "revenue.",
    )
    kam_currency_id = fields.Many2one(
        "res.currency", compute="_compute_kam_revenue", compute_sudo=True
    )
    kam_revenue_12m = fields.Monetary(
        string="Revenue 12 Months",
        currency_field="kam_currency_id",
        compute="_compute_kam_revenue",
        compute_sudo=True,
        help="Untaxed confirmed sales of the last 365 days, in the company currency.",
    )
    kam_first_order_date = fields.Datetime(
        string="First Order", compute="_compute_kam_revenue", compute_sudo=True
    )
    kam_last_order_date = fields.Datetime(
        string="Last Order", compute="_compute_kam_revenue", compute_sudo=True
    )
    kam_is_active_client = fields.Boolean(
        string="Active Client",
        compute="_compute_kam_revenue",
        search="_search_kam_is_active_client",
        compute_sudo=True,
        help="Ordered within the active client window set in Settings.",
    )

    # Revenue: one grouped query per aggregate for the whole recordset.
    def _kam_revenue_domain(self):
        """Hook: the confirmed sales counted as the accounts' revenue."""
        return [
            ("commercial_partner_id", "in", self.commercial_partner_id.ids),
            ("state", "=", "sale"),
            ("company_id", "=", self.env.company.id),
        ]

    def _compute_kam_revenue(self):
        report = self.env["sale.report"]
        company = self.env.company
        today = company._kam_today()
        year_start, __ = company._kam_day_bounds(today - timedelta(days=364))
        # one grouped query: the last 365 days' revenue and the first and last
        # order over all history, per account
        query = report._search(self._kam_revenue_domain())
        query.groupby = SQL.identifier(query.table, "commercial_partner_id")
        self.env.cr.execute(
            query.select(
                SQL.identifier(query.table, "commercial_partner_id"),
                SQL(
                    "SUM(CASE WHEN %s >= %s THEN %s ELSE 0 END)",
                    SQL.identifier(query.table, "date"),
                    year_start,
                    SQL.identifier(query.table, "price_subtotal"),
                ),
                SQL("MIN(%s)", SQL.identifier(query.table, "date")),
                SQL("MAX(%s)", SQL.identifier(query.table, "date")),
            )
        )
        figures = {
            partner_id: (revenue, first, last)
            for partner_id, revenue, first, last in self.env.cr.fetchall()
        }
        window_start, __ = company._kam_day_bounds(
            company._kam_active_window_start(today)
        )
        currency = company.currency_id
        for partner in self:
            revenue, first, last = figures.get(
                partner.commercial_partner_id.id, (0.0, False, False)
            )
            partner.kam_currency_id = currency
            partner.kam_revenue_12m = revenue
            partner.kam_first_order_date = first
            partner.kam_last_order_date = last
            partner.kam_is_active_client = bool(last and last >= window_start)

    def _search_kam_is_active_client(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        company = self.env.company
        since, __ = company._kam_day_bounds(
            company._kam_active_window_start(company._kam_today())
        )
        # Any confirmed order makes the client active, whoever may read it.
        groups = (
            self.env["sale.report"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "sale"),
                    ("company_id", "=", company.id),
                    ("date", ">=", since),
                ],
                ["commercial_partner_id"],
            )
        )
        active_ids = [partner.id for (partner,) in groups]
        positive = (operator == "=") == bool(value)
        return [("commercial_partner_id", "in" if positive else "not in", active_ids)]

    def _kam_tier_for_revenue(self, tiers):
        """The tier with the highest threshold the account's 12-month revenue
        reaches."""
        self.ensure_one()
        reached = tiers.filtered(lambda t: t.min_annual_revenue <= self.kam_revenue_12m)
        return reached.sorted("min_annual_revenue", reverse=True)[:1]

    @api.model
    def _cron_kam_classify(self):
        """Propose, or apply, each key account's tier from its last 12 months'
        revenue."""
        for company in self.env["res.company"].search(
            [("kam_auto_classify", "=", True)]
        ):
            partners = self.with_company(company)
            tiers = self.env["kam.tier"].search([("company_id", "=", company.id)])
            accounts = partners.search(
                [
                    ("is_company", "=", True),
                    ("company_id", "in", [company.id, False]),
                    "|",
                    ("kam_tier_id", "!=", False),
                    ("kam_user_id", "!=", False),
                ]
            )
            for account in accounts:
                tier = account._kam_tier_for_revenue(tiers)
                if not tier or tier == account.kam_tier_id:
                    account.kam_proposed_tier_id = False
                    continue
                values = {
                    "old": account.kam_tier_id.name or self.env._("none"),
                    "new": tier.name,
                    "revenue": account.kam_revenue_12m,
                }
                if company.kam_classify_apply:
                    account.write(
                        {"kam_tier_id": tier.id, "kam_proposed_tier_id": False}
                    )
                    body = self.env._(
                        "Tier changed from %(old)s to %(new)s (revenue 12 months: "
                        "%(revenue).2f).",
                        **values,
                    )
                else:
                    account.kam_proposed_tier_id = tier
                    body = self.env._(
                        "Tier %(new)s proposed instead of %(old)s (revenue 12 months: "
                        "%(revenue).2f).",
                        **values,
                    )
                account._kam_system_note(body)

    def action_kam_apply_proposed_tier(self):
        self.ensure_one()
        if self.kam_proposed_tier_id:
            self.write(
                {
                    "kam_tier_id": self.kam_proposed_tier_id.id,
                    "kam_proposed_tier_id": False,
                }
            )
        return True
