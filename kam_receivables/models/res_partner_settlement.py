# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _kam_settlement_domain(self, company):
        """Receivable journal items of the commercial entity in ``company``: the
        receivables engine's scope (hook)."""
        self.ensure_one()
        return self.env["kam.receivable.engine"]._kam_scope_domain(self, company)

    def _kam_settlement_statement(self, date_from, date_to, company):
        """Opening balance, documents, turnover and closing balance of a period.

        Read from the receivable journal items, the same items accounting sums into the
        partner's receivable balance; so the closing balance is accounting's at
        ``date_to``, and the open receivables of the engine as of ``date_to`` add up
        to it. ``overdue`` is the engine's overdue amount as of ``date_to``.
        """
        self.ensure_one()
        # sudo: the statement covers every receivable item of the customer, whatever the
        # reading user's record rules on journal items (KAMs have none).
        Line = self.env["account.move.line"].sudo()
        domain = self._kam_settlement_domain(company)
        [(opening,)] = Line._read_group(
            domain + [("date", "<", date_from)], [], ["balance:sum"]
        )
        groups = Line._read_group(
            domain + [("date", ">=", date_from), ("date", "<=", date_to)],
            ["move_id"],
            ["debit:sum", "credit:sum"],
        )
        kinds = dict(
            self.env["account.move"]
            ._fields["move_type"]
            ._description_selection(self.env)
        )
        currency = company.currency_id
        opening = currency.round(opening or 0.0)
        balance = opening
        lines = []
        for move, debit, credit in sorted(groups, key=lambda g: (g[0].date, g[0].id)):
            balance += debit - credit
            lines.append(
                {
                    "date": move.date,
                    "name": move.name,
                    "ref": move.ref or move.payment_reference or "",
                    "kind": kinds[move.move_type]
                    if move.move_type != "entry"
                    else (
                        move.origin_payment_id
                        and self.env._("Payment")
                        or kinds["entry"]
                    ),
                    "debit": debit,
                    "credit": credit,
                    "balance": currency.round(balance),
                }
            )
        figures = self.env["kam.receivable.engine"]._kam_receivables(
            self, company, as_of=date_to
        )[self.id]
        total_debit = currency.round(sum(line["debit"] for line in lines))
        total_credit = currency.round(sum(line["credit"] for line in lines))
        return {
            "partner": self.commercial_partner_id,
            "company": company,
            "currency": currency,
            "date_from": date_from,
            "date_to": date_to,
            "opening": opening,
            "lines": lines,
            "total_debit": total_debit,
            "total_credit": total_credit,
            "closing": currency.round(opening + total_debit - total_credit),
            "overdue": currency.round(figures["overdue"]),
        }

    @api.readonly
    def action_kam_settlement_statement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Settlement Statement"),
            "res_model": "res.partner.settlement.statement",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }


class ReportSettlementStatement(models.AbstractModel):
    _name = "report.kam_receivables.report_settlement_statement"
    _description = "Settlement Statement Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        today = self.env.company._kam_today()
        date_from = fields.Date.to_date(data.get("date_from")) or today.replace(
            month=1, day=1
        )
        date_to = fields.Date.to_date(data.get("date_to")) or today
        company = (
            self.env["res.company"].browse(data.get("statement_company_id"))
            or self.env.company
        )
        # printed from the wizard, the customer comes with the options (no docids)
        partners = self.env["res.partner"].browse(docids or data.get("partner_ids"))
        return {
            "doc_ids": partners.ids,
            "doc_model": "res.partner",
            "docs": partners,
            "statements": {
                partner.id: partner._kam_settlement_statement(
                    date_from, date_to, company
                )
                for partner in partners
            },
        }
