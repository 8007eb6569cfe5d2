# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from .kam_receivable_engine import BUCKETS

# context key: the day the aging is read for (a date or "YYYY-MM-DD")
AS_OF_KEY = "kam_aging_date"


class KamReceivableAging(models.Model):
    """Open customer receivables, one row per open receivable journal item.

    The rows are the receivables engine's open items (``kam.receivable.engine``) as
    of a day: the current company's today, or the day in the context key
    ``kam_aging_date``. Debts go to due-date buckets; unapplied payments and credit
    notes go to their own column. Amounts are in company currency. Read-only, for
    pivot, graph and list.
    """

    _name = "kam.receivable.aging"
    _description = "Receivables Aging per Key Account"
    _auto = False
    _order = "date_maturity, id"
    _rec_name = "move_id"
    _depends = {
        "account.move.line": [
            "move_id",
            "partner_id",
            "company_id",
            "account_id",
            "date",
            "date_maturity",
            "amount_residual",
            "reconciled",
            "parent_state",
        ],
        "account.partial.reconcile": [
            "debit_move_id",
            "credit_move_id",
            "amount",
            "max_date",
        ],
        "account.account": ["account_type"],
        "res.partner": [
            "commercial_partner_id",
            "kam_user_id",
            "user_id",
            "kam_tier_id",
            "kam_own_payment_grace",
            "kam_payment_grace_days",
        ],
        "res.company": ["currency_id", "kam_payment_grace_days"],
    }

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
    days_overdue = fields.Integer(
        string="Days Past Due", readonly=True, aggregator="max"
    )
    amount_not_due = fields.Monetary(string="Not Due", readonly=True)
    amount_1_30 = fields.Monetary(string="1-30", readonly=True)
    amount_31_60 = fields.Monetary(string="31-60", readonly=True)
    amount_61_90 = fields.Monetary(string="61-90", readonly=True)
    amount_90_plus = fields.Monetary(string="90+", readonly=True)
    amount_unapplied = fields.Monetary(
        string="Unapplied Credits",
        readonly=True,
        help="Payments and credit notes not applied to an invoice yet (negative).",
    )
    amount_overdue = fields.Monetary(
        string="Overdue",
        readonly=True,
        help="Debts past their due date plus the customer's payment grace period: the "
        "overdue amount of the credit check, collection and KPIs.",
    )
    amount_total = fields.Monetary(string="Total", readonly=True)

    @api.model
    def _kam_user_sql(self):
        """The KAM of the customer ``cp``, else its salesperson (hook)."""
        return SQL("COALESCE(cp.kam_user_id, cp.user_id)")

    @api.model
    def _extra_select_sql(self):
        """Hook for more columns; return SQL starting with a comma, or empty SQL."""
        return SQL("")

    @api.model
    def _kam_as_of(self):
        """The day of the aging: the context's ``kam_aging_date``, else the current
        company's today."""
        return (
            fields.Date.to_date(self.env.context.get(AS_OF_KEY))
            or self.env.company._kam_today()
        )

    @property
    def _table_query(self):
        engine = self.env["kam.receivable.engine"]
        buckets = SQL(", ").join(
            SQL("%s AS %s", engine._kam_bucket_sql(low, high), SQL.identifier(name))
            for name, low, high in BUCKETS
        )
        return SQL(
            """
            SELECT item.id, item.move_id, item.partner_id,
                   %(kam)s AS kam_user_id, cp.kam_tier_id AS tier_id,
                   item.company_id, item.currency_id, item.date, item.date_maturity,
                   CASE WHEN item.residual > 0 THEN GREATEST(item.days, 0) ELSE 0 END
                       AS days_overdue,
                   %(not_due)s AS amount_not_due,
                   %(buckets)s,
                   LEAST(item.residual, 0) AS amount_unapplied,
                   CASE WHEN item.overdue THEN item.residual ELSE 0 END
                       AS amount_overdue,
                   item.residual AS amount_total
                   %(extra)s
              FROM (%(items)s) item
              JOIN res_partner cp ON cp.id = item.partner_id
            """,
            kam=self._kam_user_sql(),
            not_due=engine._kam_bucket_sql(0),
            buckets=buckets,
            extra=self._extra_select_sql(),
            items=engine._kam_items_sql(self._kam_as_of()),
        )

    def init(self):
        # the aging was a database view before it read the day as a parameter
        tools.drop_view_if_exists(self.env.cr, self._table)
