# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .kam_contract import SIGNED_STATES


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_periods_kpi_contracts_signed(self, users, periods):
        """Contracts signed in the period, new ones and renewals alike (2.4),
        credited to the KAM who owned the account on the signing day."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        # sudo: KPIs are figures for the plan's reader, not a listing of contracts;
        # the domain limits them to the owned accounts.
        groups = (
            self.env["kam.contract"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", list(owners)),
                    ("state", "in", SIGNED_STATES),
                    ("company_id", "in", self.env.companies.ids),
                    ("date_signed", ">=", date_from),
                    ("date_signed", "<=", date_to),
                ],
                ["partner_id", "date_signed:day"],
                ["__count"],
            )
        )
        return self._kam_credit_periods(
            owners,
            [
                (partner.id, fields.Date.to_date(day), count)
                for partner, day, count in groups
            ],
            periods,
        )

    def _kam_periods_kpi_contract_compliance(self, users, periods):
        """Share (%) of the period's confirmed orders under a contract that keep
        all its terms (II.11), each order credited to the KAM who owned the account
        on the order's day."""
        date_from, date_to = self._kam_span(periods)
        owners = self._kam_ownership_periods(users, date_from, date_to)
        if not owners:
            return {}
        company = self.env.company
        start, stop = company._kam_day_bounds(date_from, date_to)
        # sudo: see _kam_periods_kpi_contracts_signed.
        orders = company._kam_business_tz_env(self.env["sale.order"].sudo())
        groups = orders._read_group(
            [
                ("kam_contract_id.partner_id", "in", list(owners)),
                ("state", "=", "sale"),
                ("company_id", "in", self.env.companies.ids),
                ("date_order", ">=", start),
                ("date_order", "<", stop),
            ],
            ["kam_contract_id", "date_order:day", "kam_contract_compliant"],
            ["__count"],
        )
        total_rows, compliant_rows = [], []
        for contract, day, compliant, count in groups:
            row = (contract.partner_id.id, fields.Date.to_date(day), count)
            total_rows.append(row)
            if compliant:
                compliant_rows.append(row)
        totals = self._kam_credit_periods(owners, total_rows, periods)
        compliant = self._kam_credit_periods(owners, compliant_rows, periods)
        return {
            period: {
                user_id: 100.0 * compliant[period].get(user_id, 0.0) / total
                for user_id, total in totals[period].items()
                if total
            }
            for period in periods
        }
