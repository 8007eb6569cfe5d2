# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .kam_contract_check import DEVIATIONS


class KamContractDeviation(models.Model):
    """Orders and invoices departing from the account's contract (II.11): one row
    per document and deviation, by account and by the KAM who owned the account on
    the document's day. The deviations themselves are the stored checks of
    ``sale_order_contract.py`` and ``account_move_contract.py``."""

    _name = "kam.contract.deviation"
    _description = "Contract Deviations"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "name"

    name = fields.Char(string="Document", readonly=True)
    document_type = fields.Selection(
        [("order", "Sales Order"), ("invoice", "Invoice")], readonly=True
    )
    is_quotation = fields.Boolean(
        string="Quotation",
        readonly=True,
        help="Not confirmed yet: the deviation can still be fixed.",
    )
    order_id = fields.Many2one("sale.order", string="Sales Order", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    deviation = fields.Selection(DEVIATIONS, readonly=True)
    contract_id = fields.Many2one("kam.contract", readonly=True)
    date = fields.Date(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Account", readonly=True)
    user_id = fields.Many2one("res.users", string="KAM", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        string="Untaxed Amount",
        currency_field="currency_id",
        readonly=True,
        aggregator="sum",
    )
    count = fields.Integer(string="Deviations", readonly=True, aggregator="sum")

    _depends = {
        "sale.order": [
            "name",
            "state",
            "date_order",
            "user_id",
            "company_id",
            "amount_untaxed",
            "currency_rate",
            "kam_contract_id",
            "kam_contract_payment_term_differs",
            "kam_contract_pricelist_differs",
            "kam_contract_discount_exceeded",
        ],
        "account.move": [
            "name",
            "move_type",
            "state",
            "invoice_date",
            "date",
            "invoice_user_id",
            "company_id",
            "amount_untaxed_signed",
            "kam_contract_id",
            "kam_contract_payment_term_differs",
            "kam_contract_discount_exceeded",
        ],
        "kam.contract": ["partner_id"],
        "res.partner": ["tz"],
        "res.company": ["partner_id"],
        "kam.assignment": ["partner_id", "user_id", "date_from", "date_to"],
    }

    @api.readonly
    def action_open_document(self):
        self.ensure_one()
        document = self.order_id or self.move_id
        return {
            "type": "ir.actions.act_window",
            "res_model": document._name,
            "res_id": document.id,
            "view_mode": "form",
            "target": "current",
        }

    @property
    def _table_query(self):
        # The KAM is the one who owned the account on the document's local day
        # (kam.assignment), else the salesperson.
        owner = self.env["kam.assignment"]._kam_owner_sql
        order_day = self.env["res.company"]._kam_local_day_sql_by_company(
            SQL.identifier("so", "date_order"), SQL.identifier("so", "company_id")
        )
        move_day = SQL("COALESCE(am.invoice_date, am.date)")
        return SQL(
            """
            SELECT so.id * 6 + d.k AS id, 'order' AS document_type,
                   so.state IN ('draft', 'sent') AS is_quotation,
                   so.id AS order_id, NULL::integer AS move_id, so.name AS name,
                   d.deviation, so.kam_contract_id AS contract_id,
                   %(order_day)s AS date, c.partner_id,
                   COALESCE(%(order_owner)s, so.user_id) AS user_id, so.company_id,
                   so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1)
                       AS amount,
                   1 AS count
              FROM sale_order so
              JOIN kam_contract c ON c.id = so.kam_contract_id
             CROSS JOIN LATERAL (VALUES
                   (0, 'payment_term', so.kam_contract_payment_term_differs),
                   (1, 'pricelist', so.kam_contract_pricelist_differs),
                   (2, 'discount', so.kam_contract_discount_exceeded)
                   ) AS d(k, deviation, flagged)
             WHERE d.flagged AND so.state IN ('draft', 'sent', 'sale')
            UNION ALL
            SELECT am.id * 6 + 3 + d.k, 'invoice', FALSE, NULL, am.id, am.name,
                   d.deviation, am.kam_contract_id, %(move_day)s, c.partner_id,
                   COALESCE(%(move_owner)s, am.invoice_user_id), am.company_id,
                   am.amount_untaxed_signed, 1
              FROM account_move am
              JOIN kam_contract c ON c.id = am.kam_contract_id
             CROSS JOIN LATERAL (VALUES
                   (0, 'payment_term', am.kam_contract_payment_term_differs),
                   (2, 'discount', am.kam_contract_discount_exceeded)
                   ) AS d(k, deviation, flagged)
             WHERE d.flagged AND am.move_type = 'out_invoice'
               AND am.state = 'posted'
            """,
            order_day=order_day,
            order_owner=owner(SQL("c.partner_id"), order_day),
            move_day=move_day,
            move_owner=owner(SQL("c.partner_id"), move_day),
        )
