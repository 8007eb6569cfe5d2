# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kam_tz = fields.Selection(related="company_id.kam_tz", readonly=False)
    kam_active_window_days = fields.Integer(
        related="company_id.kam_active_window_days",
        readonly=False,
    )
    kam_revenue_basis = fields.Selection(
        related="company_id.kam_revenue_basis",
        readonly=False,
    )
    kam_new_client_min_amount = fields.Monetary(
        related="company_id.kam_new_client_min_amount",
        readonly=False,
    )
    kam_accrual_journal_id = fields.Many2one(
        related="company_id.kam_accrual_journal_id",
        readonly=False,
    )
    kam_accrual_expense_account_id = fields.Many2one(
        related="company_id.kam_accrual_expense_account_id",
        readonly=False,
    )
    kam_renewal_notice_days = fields.Integer(
        related="company_id.kam_renewal_notice_days",
        readonly=False,
    )
    kam_auto_classify = fields.Boolean(
        related="company_id.kam_auto_classify",
        readonly=False,
    )
    kam_classify_apply = fields.Boolean(
        related="company_id.kam_classify_apply",
        readonly=False,
    )
