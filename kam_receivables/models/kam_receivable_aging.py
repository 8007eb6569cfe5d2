# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class KamReceivableAging(models.Model):
    """Open customer receivables, one row per open receivable journal item.

    Amounts are the residual in company currency, split into due-date buckets as of
    today. Read-only SQL view for pivot, graph and list.
    """

    _name = "kam.receivable.aging"
    _description = "Receivables Aging per Key Account"
    _auto = False
    _order = "date_maturity, id"
    _rec_name = "move_id"

    move_id = fields.Many2one(
        comodel_name="account.move", string="Document", readonly=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", readonly=True
    )
    kam_user_id = fields.Many2one(comodel_name="res.users", string="KAM", readonly=True)
    tier_id = fields.Many2one(comodel_name="kam.tier", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    date = fields.Date(string="Document Date", readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    amount_not_due = fields.Monetary(string="Not Due", readonly=True)
    amount_1_30 = fields.Monetary(string="1-30", readonly=True)
    amount_31_60 = fields.Monetary(string="31-60", readonly=True)
    amount_61_90 = fields.Monetary(string="61-90", readonly=True)
    amount_90_plus = fields.Monetary(string="90+", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue", readonly=True)
    amount_total = fields.Monetary(string="Total", readonly=True)

    @api.model
    def _kam_user_sql(self):
        """The KAM of the customer, else its salesperson (hook)."""
        return SQL("COALESCE(cp.kam_user_id, cp.user_id)")

    @api.model
    def _extra_select_sql(self):
        """Hook for more columns; return SQL starting with a comma, or empty SQL."""
        return SQL("")

    def _bucket(self, low, high=None):
        if high is None:
            return SQL("CASE WHEN d.days > %s THEN d.residual ELSE 0 END", low)
        return SQL(
            "CASE WHEN d.days BETWEEN %s AND %s THEN d.residual ELSE 0 END", low, high
        )

    def _query(self):
        return SQL(
            """
            SELECT d.id, d.move_id, d.partner_id, d.kam_user_id, d.tier_id,
                   d.company_id, d.currency_id,
                   d.date, d.date_maturity, GREATEST(d.days, 0) AS days_overdue,
                   CASE WHEN d.days <= 0 THEN d.residual ELSE 0 END AS amount_not_due,
                   %(b1)s AS amount_1_30,
                   %(b2)s AS amount_31_60,
                   %(b3)s AS amount_61_90,
                   %(b4)s AS amount_90_plus,
                   CASE WHEN d.days > 0 THEN d.residual ELSE 0 END AS amount_overdue,
                   d.residual AS amount_total
                   %(extra)s
              FROM (
                SELECT aml.id, aml.move_id, cp.id AS partner_id, %(kam)s AS kam_user_id,
                       cp.kam_tier_id AS tier_id,
                       aml.company_id, company.currency_id, aml.date,
                       COALESCE(aml.date_maturity, aml.date) AS date_maturity,
                       CURRENT_DATE - COALESCE(aml.date_maturity, aml.date) AS days,
                       aml.amount_residual AS residual
                  FROM account_move_line aml
                  JOIN res_company company ON company.id = aml.company_id
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner cp ON cp.id = rp.commercial_partner_id
                 WHERE acc.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND NOT aml.reconciled
                   AND aml.amount_residual != 0
              ) d
            """,
            b1=self._bucket(1, 30),
            b2=self._bucket(31, 60),
            b3=self._bucket(61, 90),
            b4=self._bucket(90),
            kam=self._kam_user_sql(),
            extra=self._extra_select_sql(),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
