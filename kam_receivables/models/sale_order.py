# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import formatLang


class SaleOrder(models.Model):
    _inherit = "sale.order"

    kam_credit_hold = fields.Boolean(
        string="Credit Hold",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The order failed the credit check and waits for payments or a credit "
        "manager's approval.",
    )
    kam_credit_check_ids = fields.One2many(
        comodel_name="kam.credit.check",
        inverse_name="order_id",
        string="Credit Checks",
        readonly=True,
    )
    kam_company_currency_id = fields.Many2one(
        related="company_id.currency_id",
        string="Company Currency",
    )
    kam_available_credit = fields.Monetary(
        string="Available Credit",
        currency_field="kam_company_currency_id",
        compute="_compute_kam_credit_figures",
        help="The customer's credit limit minus their exposure, in company currency.",
    )
    kam_credit_limit = fields.Monetary(
        string="Customer Credit Limit",
        currency_field="kam_company_currency_id",
        compute="_compute_kam_credit_figures",
    )
    kam_overdue_amount = fields.Monetary(
        string="Customer Overdue",
        currency_field="kam_company_currency_id",
        compute="_compute_kam_credit_figures",
    )

    @api.depends("partner_id", "company_id")
    def _compute_kam_credit_figures(self):
        Exposure = self.env["kam.credit.exposure"]
        for company, orders in self.grouped("company_id").items():
            positions = Exposure._kam_credit_position(
                company or self.env.company, partners=orders.partner_id
            )
            for order in orders:
                position = positions.get(order.partner_id._origin.id, {})
                order.kam_credit_limit = position.get("limit", 0.0)
                order.kam_overdue_amount = position.get("overdue", 0.0)
                order.kam_available_credit = position.get("available", 0.0)

    def _compute_partner_credit_warning(self):
        # sudo: Odoo 18.0's warning reads the customer's credit limit and balance,
        # fields of accounting groups, as the user: once the company uses credit
        # limits, a salesperson (a KAM) without billing rights gets an AccessError
        # on every quotation (fixed upstream by odoo/odoo#189209 the same way). Only
        # the warning text leaves this method.
        return super(SaleOrder, self.sudo())._compute_partner_credit_warning()

    def write(self, vals):
        if (
            "kam_credit_hold" in vals
            and not self.env.su
            and not self.env.user.has_group("kam_receivables.group_credit_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only a credit manager can put an order on credit hold or release "
                    "it."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Confirmation
    # ------------------------------------------------------------------
    def action_confirm(self):
        """Confirm the orders that pass the credit check; hold the others.

        A refusal is not an exception (it would roll the log back): the refused orders
        stay unconfirmed, go on credit hold, and a dialog with the figures is returned.
        """
        if self.env.context.get("kam_credit_skip_check"):
            return super().action_confirm()
        if len(self) > 1:
            # one by one: each confirmed order counts in the next one's exposure
            results = [order.action_confirm() for order in self]
            return next((r for r in results if isinstance(r, dict)), True)
        # sudo: the log is the system's; the user may confirm an order of an account
        # whose log they cannot read (portal, sales support)
        checks = self.env["kam.credit.check"].sudo()
        for order in self.filtered(lambda o: o.state in ("draft", "sent")):
            checks |= order._kam_credit_check().sudo()
        blocked = checks.filtered(lambda c: c.result == "blocked")
        held = self.browse(blocked.order_id.ids)
        held._kam_credit_hold(blocked)
        released = self.browse((checks - blocked).order_id.ids).filtered(
            "kam_credit_hold"
        )
        if released:
            released._kam_credit_release()
        for check in checks.filtered(lambda c: c.result == "warned"):
            self.browse(check.order_id.id)._kam_system_note(check._kam_message())
        to_confirm = self - held
        result = super(SaleOrder, to_confirm).action_confirm() if to_confirm else True
        if blocked:
            return blocked[:1]._action_dialog()
        return result

    def _kam_credit_order_amount(self):
        """The order's amount still to invoice, in company currency at the order
        date (``kam.credit.exposure``)."""
        self.ensure_one()
        return self.env["kam.credit.exposure"]._kam_order_amounts(self)[self.id]

    def _kam_credit_check(self):
        """Check the order against its customer's credit and log the result.

        The check always runs and is logged. While the company does not block orders
        (``kam_credit_block``), a failed check only warns; when it does, the action of
        the customer's risk class applies, and overdue debt beyond the grace period
        fails the check.

        :return: the ``kam.credit.check`` written
        """
        self.ensure_one()
        company = self.company_id
        currency = company.currency_id
        # one query: the customer's limit, hold, risk class and exposure without this
        # order, this order's amount, and the lock that serializes concurrent checks.
        # It reads the customer's credit whoever confirms (KAM, portal user, payment):
        # its scope does not depend on the user's rules or companies.
        [position] = (
            self.env["kam.credit.exposure"]
            ._kam_credit_position(company, orders=self, lock=True)
            .values()
        )
        partner_id = position["partner_id"]
        limit, exposure = position["limit"], position["exposure"]
        overdue, order_amount = position["overdue"], position["orders"]
        hold, risk_class = position["hold"], position["risk_class"]
        blocking = company.kam_credit_block

        def fmt(amount):
            return formatLang(self.env, amount, currency_obj=currency)

        reasons = []
        if hold:
            reasons.append(self.env._("The customer is on credit hold."))
        if currency.compare_amounts(overdue, 0.0) > 0:
            reasons.append(
                self.env._(
                    "The customer has %(overdue)s overdue beyond the payment grace "
                    "period.",
                    overdue=fmt(overdue),
                )
            )
        if limit > 0 and currency.compare_amounts(exposure + order_amount, limit) > 0:
            reasons.append(
                self.env._(
                    "Exposure %(exposure)s plus this order %(order)s exceeds the "
                    "credit limit %(limit)s by %(excess)s.",
                    exposure=fmt(exposure),
                    order=fmt(order_amount),
                    limit=fmt(limit),
                    excess=fmt(exposure + order_amount - limit),
                )
            )
        mode = company._kam_credit_action(risk_class)
        if blocking and hold and mode == "warn":
            mode = "approval"
        if not reasons:
            result = "passed"
        elif mode == "warn":
            result = "warned"
        else:
            result = "blocked"
        # sudo: every check is logged by the system; users only read the log
        return (
            self.env["kam.credit.check"]
            .sudo()
            .create(
                {
                    "order_id": self.id,
                    "partner_id": partner_id,
                    "company_id": company.id,
                    "user_id": self.env.uid,
                    "credit_limit": limit,
                    "exposure": exposure,
                    "order_amount": order_amount,
                    "overdue_amount": overdue,
                    "credit_hold": hold,
                    "risk_class": risk_class,
                    "mode": mode,
                    "result": result,
                    "reason": "\n".join(reasons) or False,
                }
            )
            .sudo(self.env.su)
        )

    def _kam_credit_hold(self, checks):
        """Put orders that failed the check on hold and ask the credit manager."""
        for order in self:
            check = checks.filtered(lambda c, o=order: c.order_id == o)[:1]
            if order.kam_credit_hold:
                continue
            # sudo: the hold is set by the check, not by the user who confirms
            order.sudo().kam_credit_hold = True
            order._kam_system_note(check._kam_message())
            manager = order.company_id._kam_credit_manager()
            if manager:
                order._kam_system_activity(
                    "kam_receivables.mail_activity_type_credit_hold",
                    summary=self.env._("Credit hold: %(order)s", order=order.name),
                    note=check.reason,
                    user_id=manager.id,
                )

    def _kam_credit_release(self):
        """Lift the hold of orders that passed or were approved."""
        # sudo: releasing is part of the confirmation; the activity belongs to the
        # manager
        orders = self.sudo()
        orders.kam_credit_hold = False
        orders.activity_feedback(
            ["kam_receivables.mail_activity_type_credit_hold"],
            feedback=self.env._("Released from credit hold."),
        )

    def _kam_credit_check_increase(self, amounts_before=None):
        """Check confirmed orders whose amount grew (quantities raised, lines added).

        The order is already confirmed, so a refusal here is an error that undoes the
        change.
        """
        if self.env.context.get("kam_credit_skip_check"):
            return
        confirmed = self.filtered(lambda o: o.state == "sale")
        amounts = self.env["kam.credit.exposure"]._kam_order_amounts(confirmed)
        for order in confirmed:
            amount = amounts[order.id]
            before = (amounts_before or {}).get(order.id)
            if (
                before is not None
                and order.company_id.currency_id.compare_amounts(amount, before) <= 0
            ):
                continue
            check = order._kam_credit_check()
            if check.result == "blocked":
                raise UserError(
                    self.env._(
                        "The change to %(order)s does not pass the credit "
                        "check:\n%(reason)s",
                        order=order.name,
                        reason=check.reason,
                    )
                )
            if check.result == "warned":
                order._kam_system_note(check._kam_message())

    @api.readonly
    def action_kam_credit_override(self):
        self.ensure_one()
        if not self.env.user.has_group("kam_receivables.group_credit_manager"):
            raise AccessError(
                self.env._("Only a credit manager can approve an order on credit hold.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Approve Order on Credit Hold"),
            "res_model": "sale.order.credit.override",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    @api.model
    def _cron_kam_credit_recheck(self):
        """Re-check held orders (payments may have arrived) and tell the KAM."""
        orders = self.search(
            [("kam_credit_hold", "=", True), ("state", "in", ("draft", "sent"))]
        )
        for order in orders:
            try:
                with self.env.cr.savepoint():
                    order.action_confirm()
            except UserError:
                continue
            if order.state == "sale":
                kam = order._kam_responsible_user()
                order._kam_system_note(
                    Markup("<p>%s</p>")
                    % self.env._(
                        "The order passed the credit check again and was confirmed."
                    ),
                    partner_ids=kam.partner_id.ids,
                )

    def _kam_responsible_user(self):
        """The KAM to notify about this order: the acting KAM, else the salesperson."""
        self.ensure_one()
        return (
            self.partner_id.commercial_partner_id.kam_effective_user_id or self.user_id
        )
