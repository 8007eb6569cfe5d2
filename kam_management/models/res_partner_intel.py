# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the account needs, what competitors offer it, and when it is next contacted
(clauses 2.2, 2.15, 2.16): the account form and the accounts list."""

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_need_ids = fields.One2many(
        "kam.feedback",
        "partner_id",
        string="Needs",
        domain=[("feedback_type", "=", "need")],
        context={"default_feedback_type": "need"},
        groups="kam_management.group_kam_user",
    )
    kam_competitor_intel_ids = fields.One2many(
        "kam.competitor.intel",
        "partner_id",
        string="Competitor Intelligence",
        groups="kam_management.group_kam_user",
    )
    kam_next_contact_date = fields.Date(
        string="Next Contact",
        compute="_compute_kam_next_contact_date",
        help="The day of the account's next planned visit or call (the company's "
        "business day), today or later.",
    )

    @api.depends_context("company")
    def _compute_kam_next_contact_date(self):
        company = self.env.company
        start = company._kam_day_start(company._kam_today())
        # one grouped query for the batch; only the contacts the reader may see
        # (a KAM's own and their team's accounts, by the visits' record rules)
        first = dict(
            self.env["kam.visit"]._read_group(
                [
                    ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                    ("state", "=", "planned"),
                    ("planned_start", ">=", start),
                ],
                ["commercial_partner_id"],
                ["planned_start:min"],
            )
        )
        for partner in self:
            partner.kam_next_contact_date = company._kam_local_day(
                first.get(partner.commercial_partner_id)
            )
