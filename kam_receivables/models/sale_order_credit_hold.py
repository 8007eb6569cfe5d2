# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    """How long an order has waited on credit hold (the credit-hold list)."""

    _inherit = "sale.order"

    kam_credit_hold_date = fields.Date(
        string="On Hold Since",
        compute="_compute_kam_credit_hold_date",
        compute_sudo=True,
        help="The company's business day of the credit check that put the order on "
        "hold.",
    )
    kam_credit_hold_days = fields.Integer(
        string="Days on Hold",
        compute="_compute_kam_credit_hold_date",
        compute_sudo=True,
    )

    @api.depends("kam_credit_hold", "kam_credit_check_ids.result")
    def _compute_kam_credit_hold_date(self):
        held = self.filtered("kam_credit_hold")
        # The hold starts with the first failed check after the last one that let the
        # order through (passed, warned or overridden): one query for the batch.
        since = {}
        checks = self.env["kam.credit.check"].search_fetch(
            [("order_id", "in", held._origin.ids)],
            ["order_id", "date", "result"],
            order="date, id",
        )
        for check in checks:
            if check.result == "blocked":
                since.setdefault(check.order_id.id, check.date)
            else:
                since.pop(check.order_id.id, None)
        for order in self:
            company = order.company_id
            day = order.kam_credit_hold and company._kam_local_day(
                since.get(order._origin.id)
            )
            order.kam_credit_hold_date = day
            order.kam_credit_hold_days = (company._kam_today() - day).days if day else 0
