# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models


class ResPartner(models.Model):
    """Representation spend of an account, shown next to its revenue (III.2)."""

    _inherit = "res.partner"

    kam_representation_12m = fields.Monetary(
        string="Representation 12 Months",
        currency_field="kam_currency_id",
        compute="_compute_kam_representation_12m",
        compute_sudo=True,
        groups="kam_management.group_kam_user",
        help="Approved and posted representation expenses naming the account over "
        "the last 365 days, in the company currency (the same days as Revenue 12 "
        "Months).",
    )

    def _compute_kam_representation_12m(self):
        company = self.env.company
        today = company._kam_today()
        groups = self.env["hr.expense"]._read_group(
            [
                *self.env["kam.representation.budget"]._kam_representation_domain(
                    company=company
                ),
                (
                    "kam_partner_id.commercial_partner_id",
                    "in",
                    self.commercial_partner_id.ids,
                ),
                ("date", ">", today - timedelta(days=365)),
                ("date", "<=", today),
            ],
            ["kam_partner_id"],
            ["total_amount:sum"],
        )
        spent = defaultdict(float)
        for partner, amount in groups:
            spent[partner.commercial_partner_id.id] += amount
        for partner in self:
            partner.kam_representation_12m = spent.get(
                partner.commercial_partner_id.id, 0.0
            )

    @api.readonly
    def action_kam_view_representation(self):
        """The account's representation expenses."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "hr_expense.hr_expense_actions_all"
        )
        action.update(
            domain=[
                ("kam_is_representation", "=", True),
                (
                    "kam_partner_id.commercial_partner_id",
                    "=",
                    self.commercial_partner_id.id,
                ),
            ],
            views=[(False, "list"), (False, "form")],
            view_mode="list,form",
        )
        return action
