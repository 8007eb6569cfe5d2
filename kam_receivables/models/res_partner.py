# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

# Fields only a credit manager may change (KAMs and accountants read them).
CREDIT_PROTECTED_FIELDS = {
    "credit_limit",
    "kam_credit_risk_class",
    "kam_credit_review_date",
    "kam_payment_grace_days",
    "kam_credit_hold",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_credit_risk_class = fields.Selection(
        selection=[("low", "Low"), ("medium", "Medium"), ("high", "High")],
        string="Credit Risk Class",
        default="medium",
        tracking=True,
        help="Decides what a failed credit check does with an order "
        "(see Settings > Key Accounts > Credit and Receivables).",
    )
    kam_credit_review_date = fields.Date(
        string="Next Credit Review",
        tracking=True,
        help="The credit manager gets an activity when this date is reached.",
    )
    kam_payment_grace_days = fields.Integer(
        string="Payment Grace (days)",
        tracking=True,
        help="Days after the due date before an invoice counts as overdue for the "
        "credit check. Zero uses the company's default grace period.",
    )
    kam_credit_hold = fields.Boolean(
        string="Credit Hold",
        tracking=True,
        help="No order of this customer is confirmed without a credit manager's "
        "approval.",
    )
    kam_credit_check_date = fields.Datetime(
        string="Last Credit Check",
        readonly=True,
        copy=False,
        help="Written by every credit check of an order against the credit limit, so "
        "that two simultaneous checks of one customer cannot both pass.",
    )
    kam_credit_currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_kam_credit_currency_id",
        string="Credit Currency",
    )
    kam_credit_limit = fields.Monetary(
        string="Credit Limit (company)",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_limit",
        help="The customer's credit limit in the current company, readable by the KAM.",
    )
    kam_credit_exposure = fields.Monetary(
        string="Credit Exposure",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_figures",
        help="Open receivables (posted, unpaid), draft invoices and confirmed orders "
        "not yet invoiced, in company currency.",
    )
    kam_overdue_amount = fields.Monetary(
        string="Overdue Amount",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_figures",
        help="Open receivables past their due date plus the payment grace period.",
    )
    kam_available_credit = fields.Monetary(
        string="Available Credit",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_figures",
        help="Credit limit minus exposure (zero limit: no limit, nothing shown).",
    )
    kam_dso = fields.Float(
        string="DSO (days)",
        digits=(16, 1),
        compute="_compute_kam_credit_figures",
        help="Days sales outstanding: open receivables divided by the last 365 days' "
        "invoiced sales, times 365.",
    )
    kam_avg_days_late = fields.Float(
        string="Average Days Late",
        digits=(16, 1),
        compute="_compute_kam_payment_behaviour",
        help="Over the last 12 months, how many days after the due date invoices were "
        "paid.",
    )
    kam_paid_on_time_rate = fields.Float(
        string="Paid On Time (%)",
        digits=(16, 1),
        compute="_compute_kam_payment_behaviour",
        help="Share of the invoices paid in the last 12 months that were paid by their "
        "due date.",
    )

    kam_collection_level_id = fields.Many2one(
        comodel_name="kam.collection.level",
        string="Collection Level",
        readonly=True,
        copy=False,
        help="The last collection level this customer reached; cleared when paid up.",
    )
    kam_can_edit_credit = fields.Boolean(compute="_compute_kam_can_edit_credit")

    @api.depends_context("uid")
    def _compute_kam_can_edit_credit(self):
        self.kam_can_edit_credit = self.env.su or self.env.user.has_group(
            "kam_receivables.group_credit_manager"
        )

    @api.constrains("kam_payment_grace_days")
    def _check_kam_payment_grace_days(self):
        for partner in self:
            if partner.kam_payment_grace_days < 0:
                raise ValidationError(
                    self.env._(
                        "The payment grace period of %(partner)s cannot be negative.",
                        partner=partner.display_name,
                    )
                )

    def write(self, vals):
        self._kam_check_credit_write(vals)
        return super().write(vals)

    def _kam_check_credit_write(self, vals):
        """Only credit managers change limits, holds, risk classes and reviews."""
        protected = CREDIT_PROTECTED_FIELDS.intersection(vals)
        if not protected or self.env.su:
            return
        if self.env.user.has_group("kam_receivables.group_credit_manager"):
            return
        # sudo: compare with the current values, which the writer may not be allowed to
        # read
        for partner in self.sudo():
            for fname in protected:
                field = partner._fields[fname]
                current = field.convert_to_write(partner[fname], partner)
                if current != vals[fname] and (current or vals[fname]):
                    raise AccessError(
                        self.env._(
                            "Only a credit manager can change the credit limit, credit "
                            "hold, risk class, grace period or review date of "
                            "%(partner)s.",
                            partner=partner.display_name,
                        )
                    )

    @api.depends_context("company")
    def _compute_kam_credit_currency_id(self):
        self.kam_credit_currency_id = self.env.company.currency_id

    @api.depends_context("company")
    def _compute_kam_credit_limit(self):
        # sudo: credit_limit is restricted to accounting groups; KAMs read it here.
        for partner in self:
            partner.kam_credit_limit = partner.commercial_partner_id.sudo().credit_limit

    @api.depends_context("company")
    def _compute_kam_credit_figures(self):
        figures = self._kam_credit_figures()
        sales = self._kam_sales_12_months()
        for partner in self:
            commercial_id = partner.commercial_partner_id.id
            receivable = figures.get(commercial_id, {}).get("receivable", 0.0)
            yearly = sales.get(commercial_id, 0.0)
            partner.kam_dso = receivable / yearly * 365 if yearly > 0 else 0.0
            values = figures.get(partner.commercial_partner_id.id, {})
            partner.kam_credit_exposure = values.get("exposure", 0.0)
            partner.kam_overdue_amount = values.get("overdue", 0.0)
            limit = partner.kam_credit_limit
            partner.kam_available_credit = (
                limit - partner.kam_credit_exposure if limit else 0.0
            )

    @api.depends_context("company")
    def _compute_kam_payment_behaviour(self):
        behaviour = self._kam_payment_behaviour()
        for partner in self:
            avg_late, on_time = behaviour.get(
                partner.commercial_partner_id.id, (0.0, 0.0)
            )
            partner.kam_avg_days_late = avg_late
            partner.kam_paid_on_time_rate = on_time

    # ------------------------------------------------------------------
    # Batched figures
    # ------------------------------------------------------------------
    def _kam_credit_grace_sql(self, company):
        """SQL for the grace days of commercial partner ``cp``."""
        return SQL(
            "COALESCE(NULLIF(cp.kam_payment_grace_days, 0), %s)",
            company.kam_payment_grace_days,
        )

    def _kam_credit_figures(self, exclude_orders=None):
        """Exposure and overdue of the commercial entities of ``self``.

        One defined scope: the current company (``with_company``), every document of the
        commercial entity and its contacts, whatever the user's record rules or company
        switcher. Amounts are in company currency: ``amount_residual`` and
        ``amount_total_signed`` already are; orders are converted once, at the rate of
        their order date (``currency_rate``). Three queries for the whole batch.

        :param exclude_orders: sale orders left out of "confirmed, not invoiced"
        :return: {commercial partner id: {"receivable", "draft", "to_invoice",
                  "overdue", "exposure"}}
        """
        company = self.env.company
        commercial_ids = tuple(set(self.commercial_partner_id.ids))
        if not commercial_ids:
            return {}
        self.env.flush_all()
        today = self.env.company._kam_today()
        result = {
            pid: dict.fromkeys(("receivable", "draft", "to_invoice", "overdue"), 0.0)
            for pid in commercial_ids
        }
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id,
                       SUM(aml.amount_residual),
                       SUM(CASE WHEN aml.amount_residual > 0
                                 AND COALESCE(aml.date_maturity, aml.date) + %(grace)s
                                     < %(today)s
                            THEN aml.amount_residual ELSE 0 END)
                  FROM account_move_line aml
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner cp ON cp.id = rp.commercial_partner_id
                  JOIN account_account acc ON acc.id = aml.account_id
                 WHERE aml.company_id = %(company)s
                   AND aml.parent_state = 'posted'
                   AND acc.account_type = 'asset_receivable'
                   AND NOT aml.reconciled
                   AND rp.commercial_partner_id IN %(partners)s
                 GROUP BY rp.commercial_partner_id
                """,
                grace=self._kam_credit_grace_sql(company),
                today=today,
                company=company.id,
                partners=commercial_ids,
            )
        )
        for pid, residual, overdue in cr.fetchall():
            result[pid]["receivable"] = residual or 0.0
            result[pid]["overdue"] = overdue or 0.0
        cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id, SUM(am.amount_total_signed)
                  FROM account_move am
                  JOIN res_partner rp ON rp.id = am.partner_id
                 WHERE am.company_id = %(company)s
                   AND am.state = 'draft'
                   AND am.move_type IN ('out_invoice', 'out_refund')
                   AND rp.commercial_partner_id IN %(partners)s
                 GROUP BY rp.commercial_partner_id
                """,
                company=company.id,
                partners=commercial_ids,
            )
        )
        for pid, amount in cr.fetchall():
            result[pid]["draft"] = amount or 0.0
        excluded = tuple(exclude_orders.ids) if exclude_orders else (0,)
        cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id,
                       SUM(GREATEST(sol.price_total
                                    * (sol.product_uom_qty - sol.qty_invoiced)
                                    / sol.product_uom_qty, 0)
                           / COALESCE(NULLIF(so.currency_rate, 0), 1))
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                  JOIN res_partner rp ON rp.id = so.partner_id
                 WHERE so.company_id = %(company)s
                   AND so.state = 'sale'
                   AND so.id NOT IN %(excluded)s
                   AND sol.display_type IS NULL
                   AND sol.product_uom_qty > 0
                   AND rp.commercial_partner_id IN %(partners)s
                 GROUP BY rp.commercial_partner_id
                """,
                company=company.id,
                excluded=excluded,
                partners=commercial_ids,
            )
        )
        for pid, amount in cr.fetchall():
            result[pid]["to_invoice"] = amount or 0.0
        currency = company.currency_id
        for values in result.values():
            for key in ("receivable", "draft", "to_invoice", "overdue"):
                values[key] = currency.round(values[key])
            values["exposure"] = currency.round(
                values["receivable"] + values["draft"] + values["to_invoice"]
            )
        return result

    def _kam_sales_12_months(self):
        """Invoiced sales (tax included, net of credit notes) of the last 365 days in
        company currency, per commercial partner: one query per batch."""
        commercial_ids = tuple(set(self.commercial_partner_id.ids))
        if not commercial_ids:
            return {}
        self.env.flush_all()
        today = self.env.company._kam_today()
        self.env.cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id, SUM(am.amount_total_signed)
                  FROM account_move am
                  JOIN res_partner rp ON rp.id = am.partner_id
                 WHERE am.company_id = %(company)s
                   AND am.state = 'posted'
                   AND am.move_type IN ('out_invoice', 'out_refund')
                   AND am.invoice_date > %(since)s
                   AND rp.commercial_partner_id IN %(partners)s
                 GROUP BY rp.commercial_partner_id
                """,
                company=self.env.company.id,
                since=today - timedelta(days=365),
                partners=commercial_ids,
            )
        )
        return {pid: amount or 0.0 for pid, amount in self.env.cr.fetchall()}

    def _kam_payment_behaviour(self):
        """Average days late and share paid on time over 12 months, one query per batch.

        :return: {commercial partner id: (average days late, % paid on time)}
        """
        commercial_ids = tuple(set(self.commercial_partner_id.ids))
        if not commercial_ids:
            return {}
        self.env.flush_all()
        today = self.env.company._kam_today()
        self.env.cr.execute(
            SQL(
                """
                WITH paid AS (
                    SELECT rp.commercial_partner_id AS partner_id,
                           am.invoice_date_due AS due,
                           MAX(apr.max_date) AS paid_on
                      FROM account_move am
                      JOIN res_partner rp ON rp.id = am.partner_id
                      JOIN account_move_line aml ON aml.move_id = am.id
                      JOIN account_account acc
                        ON acc.id = aml.account_id
                       AND acc.account_type = 'asset_receivable'
                      JOIN account_partial_reconcile apr ON apr.debit_move_id = aml.id
                     WHERE am.company_id = %(company)s
                       AND am.move_type = 'out_invoice'
                       AND am.state = 'posted'
                       AND am.payment_state IN ('paid', 'in_payment')
                       AND rp.commercial_partner_id IN %(partners)s
                     GROUP BY rp.commercial_partner_id, am.id, am.invoice_date_due
                )
                SELECT partner_id,
                       AVG(GREATEST(paid_on - due, 0)),
                       100.0 * AVG(CASE WHEN paid_on <= due THEN 1 ELSE 0 END)
                  FROM paid
                 WHERE paid_on >= %(since)s
                 GROUP BY partner_id
                """,
                company=self.env.company.id,
                partners=commercial_ids,
                since=today - timedelta(days=365),
            )
        )
        return {
            pid: (float(late or 0), float(on_time or 0))
            for pid, late, on_time in self.env.cr.fetchall()
        }

    def _kam_lock_credit(self):
        """Write to the customer's row so that concurrent credit checks serialize.

        Odoo runs transactions in REPEATABLE READ: a second transaction that checked the
        same customer from an older snapshot fails on this UPDATE with a serialization
        error, and Odoo retries it against fresh data.
        """
        commercial_ids = tuple(set(self.commercial_partner_id.ids))
        if commercial_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE res_partner SET kam_credit_check_date = NOW() AT TIME ZONE "
                    "'UTC' WHERE id IN %s",
                    commercial_ids,
                ),
                log_exceptions=False,
            )
            self.commercial_partner_id.invalidate_recordset(["kam_credit_check_date"])

    def _kam_collection_user(self):
        """The KAM who calls the customer about overdue debt: the acting KAM (backup
        while the KAM is away), else the salesperson."""
        self.ensure_one()
        partner = self.commercial_partner_id
        return partner.kam_effective_user_id or partner.user_id

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_kam_credit_review(self):
        """Give the credit manager an activity for every credit review that falls
        due."""
        today = self.env.company._kam_today()
        activity_type = self.env.ref("kam_receivables.mail_activity_type_credit_review")
        partners = self.search(
            [("kam_credit_review_date", "<=", today), ("is_company", "=", True)]
        )
        pending = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        pending_ids = set(pending.mapped("res_id"))
        partners = partners.filtered(lambda p: p.id not in pending_ids)
        for partner in partners:
            company = partner.company_id or self.env.company
            manager = company._kam_credit_manager()
            if not manager:
                continue
            partner.activity_schedule(
                "kam_receivables.mail_activity_type_credit_review",
                date_deadline=partner.kam_credit_review_date,
                summary=self.env._(
                    "Credit review of %(partner)s", partner=partner.display_name
                ),
                user_id=manager.id,
            )
