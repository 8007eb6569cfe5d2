# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools.misc import formatLang


class KamCreditCheck(models.Model):
    _name = "kam.credit.check"
    _description = "Credit Check of a Sales Order"
    _order = "date desc, id desc"
    _rec_name = "order_id"

    order_id = fields.Many2one(
        comodel_name="sale.order",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        readonly=True,
        index=True,
        help="The commercial entity whose credit was checked.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        readonly=True,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Checked By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    credit_limit = fields.Monetary(readonly=True, currency_field="currency_id")
    exposure = fields.Monetary(
        readonly=True,
        currency_field="currency_id",
        help="Exposure before this order: open receivables, draft invoices and "
        "confirmed orders not yet invoiced.",
    )
    order_amount = fields.Monetary(
        string="This Order",
        readonly=True,
        currency_field="currency_id",
        help="The order's amount still to invoice, in company currency at the order "
        "date.",
    )
    overdue_amount = fields.Monetary(
        string="Overdue", readonly=True, currency_field="currency_id"
    )
    available_credit = fields.Monetary(
        compute="_compute_available_credit",
        currency_field="currency_id",
        help="Credit limit minus exposure minus this order.",
    )
    credit_hold = fields.Boolean(string="Customer on Credit Hold", readonly=True)
    risk_class = fields.Selection(
        selection=[("low", "Low"), ("medium", "Medium"), ("high", "High")],
        readonly=True,
    )
    mode = fields.Selection(
        selection=[
            ("warn", "Warn and confirm"),
            ("approval", "Hold for approval"),
            ("block", "Block"),
        ],
        string="Configured Action",
        readonly=True,
    )
    result = fields.Selection(
        selection=[
            ("passed", "Passed"),
            ("warned", "Warned"),
            ("blocked", "Blocked"),
            ("overridden", "Overridden"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    reason = fields.Text(readonly=True)
    can_override = fields.Boolean(compute="_compute_can_override")

    def _compute_available_credit(self):
        Exposure = self.env["kam.credit.exposure"]
        for check in self:
            check.available_credit = Exposure._kam_available_credit(
                check.credit_limit, check.exposure + check.order_amount
            )

    @api.depends_context("uid")
    def _compute_can_override(self):
        is_manager = self.env.user.has_group("kam_receivables.group_credit_manager")
        # sudo: whether the order is still held, whoever reads the log
        held = self.order_id.sudo().filtered(
            lambda o: o.kam_credit_hold and o.state in ("draft", "sent")
        )
        for check in self:
            check.can_override = (
                is_manager
                and check.result == "blocked"
                and check.mode != "block"
                and check.order_id.id in held.ids
            )

    @api.readonly
    def action_open_override(self):
        self.ensure_one()
        return self.order_id.action_kam_credit_override()

    def _action_dialog(self):
        """The dialog shown instead of confirming an order that failed the check."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit Check: %(order)s", order=self.order_id.name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "kam_receivables.kam_credit_check_view_form_dialog"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
        }

    def _kam_message(self):
        """The check as a chatter message: result, reason and figures."""
        self.ensure_one()

        def fmt(amount):
            return formatLang(self.env, amount, currency_obj=self.currency_id)

        result = dict(self._fields["result"]._description_selection(self.env))[
            self.result
        ]
        lines = [
            self.env._("Credit check: %(result)s", result=result),
            *(self.reason or "").splitlines(),
            self.env._(
                "Limit %(limit)s, exposure %(exposure)s, this order %(order)s, overdue "
                "%(overdue)s.",
                limit=fmt(self.credit_limit),
                exposure=fmt(self.exposure),
                order=fmt(self.order_amount),
                overdue=fmt(self.overdue_amount),
            ),
        ]
        return Markup("<br/>").join(lines)
