# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    kam_overdue = fields.Boolean(
        string="Overdue (Credit)",
        compute="_compute_kam_overdue",
        search="_search_kam_overdue",
        help="The document has a receivable past its due date plus the customer's "
        "payment grace period today (the overdue of the credit check, aging and "
        "collection).",
    )

    @api.depends_context("company", "allowed_company_ids")
    def _compute_kam_overdue(self):
        overdue = set(
            self.search([("id", "in", self.ids), ("kam_overdue", "=", True)]).ids
        )
        for move in self:
            move.kam_overdue = move.id in overdue

    def _search_kam_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                self.env._("Search on Overdue (Credit) with = or != and a boolean.")
            )
        positive = (operator == "=") == value
        engine = self.env["kam.receivable.engine"]
        engine._kam_flush()
        return [
            (
                "id",
                "in" if positive else "not in",
                engine._kam_overdue_moves_sql(self.env.companies),
            )
        ]
