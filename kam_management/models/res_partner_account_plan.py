# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    """The structured account plan (objectives, stakeholders, review) of a key
    account, opened from the account."""

    _inherit = "res.partner"

    def action_kam_account_plan(self):
        self.ensure_one()
        account = self.commercial_partner_id
        plans = self.env["kam.account.plan"]
        plan = plans.search([("partner_id", "=", account.id)], limit=1)
        # sudo: only whether a plan the user may not see exists, to refuse clearly
        if not plan and plans.sudo().search_count([("partner_id", "=", account.id)]):
            raise AccessError(
                self.env._(
                    "The account plan of %(account)s is kept for its KAM, backup KAM, "
                    "their head of sales and the commercial director.",
                    account=account.display_name,
                )
            )
        if not plan:
            plan = plans.create({"partner_id": account.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Account Plan"),
            "res_model": "kam.account.plan",
            "res_id": plan.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
