# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from .kam_refusal_reason import REFUSAL_CATEGORIES


class KamRefusalReport(models.Model):
    """Refused orders and credit notes of key accounts, by reason (2.11)."""

    _name = "kam.refusal.report"
    _description = "Refusals and Returns Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "reason_id"

    kind = fields.Selection(
        [("refusal", "Refused Order"), ("return", "Credit Note")], readonly=True
    )
    reason_id = fields.Many2one("kam.refusal.reason", readonly=True)
    category = fields.Selection(REFUSAL_CATEGORIES, readonly=True)
    date = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="KAM", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Account", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        string="Untaxed Amount",
        currency_field="currency_id",
        readonly=True,
        aggregator="sum",
    )
    count = fields.Integer(readonly=True, aggregator="sum")

    _depends = {
        "sale.order": [
            "state",
            "kam_refusal_reason_id",
            "date_order",
            "user_id",
            "partner_id",
            "company_id",
            "amount_untaxed",
            "currency_rate",
        ],
        "account.move": [
            "move_type",
            "state",
            "kam_return_reason_id",
            "invoice_date",
            "date",
            "invoice_user_id",
            "commercial_partner_id",
            "company_id",
            "amount_untaxed_signed",
        ],
        "res.partner": ["commercial_partner_id", "tz"],
        "kam.refusal.reason": ["category"],
        "res.company": ["partner_id"],
        "kam.assignment": ["partner_id", "user_id", "date_from", "date_to"],
    }

    def _kam_local_day_sql(self, column, company_column):
        """The local day of UTC timestamp ``column`` in the business calendar of
        the row's company (``company_column``), both :class:`SQL`."""
        return self.env["res.company"]._kam_local_day_sql_by_company(
            column, company_column
        )

    @property
    def _table_query(self):
        # The KAM is the one who owned the account on the document's local day
        # (kam.assignment), else the salesperson.
        owner = self.env["kam.assignment"]._kam_owner_sql
        order_day = self._kam_local_day_sql(
            SQL.identifier("so", "date_order"), SQL.identifier("so", "company_id")
        )
        move_day = SQL("COALESCE(am.invoice_date, am.date)")
        return SQL(
            """
            SELECT so.id * 2 AS id, 'refusal' AS kind,
                   so.kam_refusal_reason_id AS reason_id,
                   r.category, %(order_day)s AS date,
                   COALESCE(%(order_owner)s, so.user_id) AS user_id,
                   p.commercial_partner_id AS partner_id, so.company_id,
                   so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1)
                       AS amount,
                   1 AS count
              FROM sale_order so
              JOIN res_partner p ON p.id = so.partner_id
              JOIN kam_refusal_reason r ON r.id = so.kam_refusal_reason_id
             WHERE so.state = 'cancel'
            UNION ALL
            SELECT am.id * 2 + 1, 'return', am.kam_return_reason_id, r.category,
                   %(move_day)s,
                   COALESCE(%(move_owner)s, am.invoice_user_id),
                   am.commercial_partner_id, am.company_id,
                   -am.amount_untaxed_signed, 1
              FROM account_move am
              JOIN kam_refusal_reason r ON r.id = am.kam_return_reason_id
             WHERE am.move_type = 'out_refund' AND am.state = 'posted'
            """,
            order_day=order_day,
            order_owner=owner(SQL("p.commercial_partner_id"), order_day),
            move_day=move_day,
            move_owner=owner(SQL("am.commercial_partner_id"), move_day),
        )
