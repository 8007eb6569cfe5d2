# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .kam_contract import SIGNED_STATES


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_kpi_contracts_signed(self, users, date_from, date_to):
        """Contracts signed in the period, new ones and renewals alike (2.4),
        credited to the KAM who owned the account on the signing day."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        # sudo: KPIs are figures for the plan's reader, not a listing of contracts;
        # the domain limits them to the owned accounts.
        groups = (
            self.env["kam.contract"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", list(periods)),
                    ("state", "in", SIGNED_STATES),
                    ("company_id", "in", self.env.companies.ids),
                    ("date_signed", ">=", date_from),
                    ("date_signed", "<=", date_to),
                ],
                ["partner_id", "date_signed:day"],
                ["__count"],
            )
        )
        return self._kam_credit(
            periods,
            [
                (partner.id, fields.Date.to_date(day), count)
                for partner, day, count in groups
            ],
        )

    def _kam_kpi_contract_compliance(self, users, date_from, date_to):
        """Share (%) of the period's confirmed orders under a contract that keep
        all its terms (II.11), each order credited to the KAM who owned the account
        on the order's day."""
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        company = self.env.company
        start, stop = company._kam_day_bounds(date_from, date_to)
        # sudo: see _kam_kpi_contracts_signed.
        orders = company._kam_business_tz_env(self.env["sale.order"].sudo())
        groups = orders._read_group(
            [
                ("kam_contract_id.partner_id", "in", list(periods)),
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
        totals = self._kam_credit(periods, total_rows)
        compliant = self._kam_credit(periods, compliant_rows)
        return {
            user_id: 100.0 * compliant.get(user_id, 0.0) / total
            for user_id, total in totals.items()
            if total
        }
