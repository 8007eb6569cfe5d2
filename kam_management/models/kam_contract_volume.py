# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Progress of a contract's volume commitment over its running period (II.11).

The period is the calendar month, quarter or year holding the day (the business
calendar's today for the contract, the order's day for a quotation). Ordered is the
untaxed amount of the account's confirmed orders in company currency, as the
revenue KPI counts it (``kam.kpi._kam_revenue_rows_ordered``). A contract is behind
when ordered falls short of the commitment's share for the days elapsed.
"""

from odoo import api, fields, models
from odoo.tools import date_utils


class KamContract(models.Model):
    _inherit = "kam.contract"

    volume_date_from = fields.Date(
        string="Period From", compute="_compute_volume", compute_sudo=True
    )
    volume_date_to = fields.Date(
        string="Period To", compute="_compute_volume", compute_sudo=True
    )
    volume_ordered = fields.Monetary(
        string="Ordered This Period",
        compute="_compute_volume",
        compute_sudo=True,
    )
    volume_progress = fields.Float(
        string="Volume Progress (%)", compute="_compute_volume", compute_sudo=True
    )
    volume_expected = fields.Float(
        string="Expected by Now (%)",
        compute="_compute_volume",
        compute_sudo=True,
        help="Share of the period's days elapsed: where the orders should be by now "
        "to keep the commitment.",
    )
    volume_behind = fields.Boolean(
        string="Behind on Volume",
        compute="_compute_volume",
        search="_search_volume_behind",
        compute_sudo=True,
    )

    @api.depends("volume_amount", "volume_period", "partner_id", "company_id", "state")
    def _compute_volume(self):
        figures = self._kam_volume_figures()
        for contract in self:
            contract.update(
                figures.get(
                    contract.id,
                    {
                        "volume_date_from": False,
                        "volume_date_to": False,
                        "volume_ordered": 0.0,
                        "volume_progress": 0.0,
                        "volume_expected": 0.0,
                        "volume_behind": False,
                    },
                )
            )

    def _search_volume_behind(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        # sudo: which contracts are behind is decided on all of them; the record
        # rules still filter what the search returns.
        contracts = self.sudo().search(
            [("state", "in", ("active", "expiring")), ("volume_amount", ">", 0)]
        )
        behind = [
            contract_id
            for contract_id, values in contracts._kam_volume_figures().items()
            if values["volume_behind"]
        ]
        wanted = (operator == "=") == bool(value)
        return [("id", "in" if wanted else "not in", behind)]

    def _kam_volume_figures(self, days=None):
        """Volume commitment figures of the running period.

        :param days: ``{contract id: local day}``; by default the business
            calendar's today of each contract's company.
        :return: ``{contract id: values}`` (the ``volume_*`` fields) for the
            contracts with a commitment in force on their day; one grouped query per
            company.
        """
        days = days or {}
        by_company = {}
        for contract in self:
            if not contract.id or contract.volume_amount <= 0:
                continue
            day = days.get(contract.id) or contract.company_id._kam_today()
            if (
                contract.state == "draft"
                or contract.date_start > day
                or (contract.date_end and contract.date_end < day)
            ):
                continue
            by_company.setdefault(contract.company_id, []).append((contract, day))
        figures = {}
        for company, items in by_company.items():
            periods = {
                contract.id: (
                    date_utils.start_of(day, contract.volume_period),
                    date_utils.end_of(day, contract.volume_period),
                    day,
                )
                for contract, day in items
            }
            rows = self._kam_ordered_rows(
                company,
                {contract.partner_id.id for contract, __ in items},
                min(start for start, __, __ in periods.values()),
                max(end for __, end, __ in periods.values()),
            )
            for contract, __ in items:
                start, end, day = periods[contract.id]
                ordered = sum(
                    amount
                    for partner_id, row_day, amount in rows
                    if partner_id == contract.partner_id.id and start <= row_day <= end
                )
                figures[contract.id] = contract._kam_volume_values(
                    start, end, day, ordered
                )
        return figures

    @api.model
    def _kam_ordered_rows(self, company, partner_ids, date_from, date_to):
        """``(account id, local day, untaxed amount)`` of confirmed orders."""
        Kpi = (
            self.env["kam.kpi"]
            .with_company(company)
            .with_context(allowed_company_ids=company.ids)
        )
        # The amounts come from sale.report, an SQL view the ORM does not flush.
        self.env.flush_all()
        return Kpi._kam_revenue_rows_ordered(partner_ids, date_from, date_to)

    def _kam_volume_values(self, start, end, day, ordered):
        self.ensure_one()
        elapsed = ((day - start).days + 1) / ((end - start).days + 1)
        expected = self.volume_amount * elapsed
        return {
            "volume_date_from": start,
            "volume_date_to": end,
            "volume_ordered": ordered,
            "volume_progress": 100.0 * ordered / self.volume_amount,
            "volume_expected": 100.0 * elapsed,
            "volume_behind": self.currency_id.compare_amounts(ordered, expected) < 0,
        }
