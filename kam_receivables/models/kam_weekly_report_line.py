# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamWeeklyReportLine(models.Model):
    """Overdue receivables and orders on credit hold in the weekly report
    (2.13, 2.20)."""

    _inherit = "kam.weekly.report.line"

    overdue_amount = fields.Monetary(
        string="Overdue Receivables",
        currency_field="currency_id",
        help="Overdue receivables of the accounts the KAM owned at the end of the "
        "week, as of the day the report was made.",
    )
    held_order_count = fields.Integer(
        string="Orders on Credit Hold",
        help="Quotations of the KAM's accounts waiting on credit hold when the report "
        "was made.",
    )

    @api.model
    def _kam_weekly_figures(self, users, date_from, date_to):
        result = super()._kam_weekly_figures(users, date_from, date_to)
        kpis = self.env["kam.kpi"]
        periods = kpis._kam_ownership_periods(users, date_to, date_to)
        overdue, held = {}, {}
        if periods:
            overdue = kpis._kam_credit(
                periods, self._kam_weekly_overdue_rows(periods.keys(), date_to)
            )
            # sudo: counts for the report's recipients, limited to the owned accounts
            groups = (
                self.env["sale.order"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id.commercial_partner_id", "in", list(periods)),
                        ("company_id", "in", self.env.companies.ids),
                        ("kam_credit_hold", "=", True),
                        ("state", "in", ("draft", "sent")),
                    ],
                    ["partner_id"],
                    ["__count"],
                )
            )
            held = kpis._kam_credit(
                periods,
                [(p.commercial_partner_id.id, date_to, n) for p, n in groups],
            )
        for user_id, values in result.items():
            values["overdue_amount"] = overdue.get(user_id, 0.0)
            values["held_order_count"] = int(held.get(user_id, 0))
        return result

    @api.model
    def _kam_weekly_overdue_rows(self, partner_ids, day):
        """``(account_id, day, overdue amount)`` rows of the accounts: the partner's
        overdue figure (receivables engine), one batch."""
        # sudo: receivables of the owned accounts for the report, whatever the
        # recipient's rules on journal items
        partners = self.env["res.partner"].sudo().browse(list(partner_ids))
        return [(partner.id, day, partner.kam_overdue_amount) for partner in partners]
