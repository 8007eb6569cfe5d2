# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    kam_active_window_days = fields.Integer(
        string="Active Client Window (days)",
        default=90,
        help="A key account counts as an active client when it placed a confirmed "
        "order within this many days.",
    )
    kam_renewal_notice_days = fields.Integer(
        string="Renewal Notice (days)",
        default=30,
        help="A contract becomes Expiring, and the account's KAM gets a renewal "
        "activity, this many days before it ends.",
    )
    kam_auto_classify = fields.Boolean(
        string="Classify Key Accounts Automatically",
        help="Each month, compare every key account's revenue of the last 12 months "
        "with the tiers' minimum annual revenue.",
    )
    kam_classify_apply = fields.Boolean(
        string="Apply Proposed Tiers",
        help="Change the tier directly instead of only proposing it to the KAM.",
    )

    def _kam_active_window_start(self, day):
        """First day of the active-client window that ends on ``day``: a key account
        ordering on or after it counts as an active client on ``day``."""
        self.ensure_one()
        return day - timedelta(days=self.kam_active_window_days - 1)

    @api.constrains("kam_renewal_notice_days")
    def _check_kam_renewal_notice_days(self):
        for company in self:
            if company.kam_renewal_notice_days < 0:
                raise ValidationError(
                    self.env._(
                        "The renewal notice of %(company)s cannot be negative.",
                        company=company.display_name,
                    )
                )

    kam_revenue_basis = fields.Selection(
        [
            ("ordered", "Ordered (confirmed sales orders)"),
            ("invoiced", "Invoiced (posted invoices less credit notes)"),
            ("collected", "Collected (customer payments received)"),
        ],
        string="Revenue KPI Basis",
        default="ordered",
        required=True,
        help="Which figures the revenue KPI of sales plans counts.",
    )
    kam_new_client_min_amount = fields.Monetary(
        string="New Client Minimum Order",
        currency_field="currency_id",
        help="An account counts as a new client only when its confirmed orders in "
        "the period reach this untaxed amount.",
    )

    kam_accrual_journal_id = fields.Many2one(
        "account.journal",
        string="Variable Pay Accrual Journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
        help="With an expense account, approving variable pay books an accrual "
        "entry in this journal against its default account.",
    )
    kam_accrual_expense_account_id = fields.Many2one(
        "account.account",
        string="Variable Pay Expense Account",
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
    )

    @api.constrains("kam_active_window_days")
    def _check_kam_active_window_days(self):
        for company in self:
            if company.kam_active_window_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The active client window of %(company)s must be at least one "
                        "day.",
                        company=company.display_name,
                    )
                )

    @api.constrains("kam_new_client_min_amount")
    def _check_kam_new_client_min_amount(self):
        for company in self:
            if company.kam_new_client_min_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The new client minimum order of %(company)s cannot be "
                        "negative.",
                        company=company.display_name,
                    )
                )
