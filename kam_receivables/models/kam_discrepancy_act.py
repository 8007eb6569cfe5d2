# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class KamDiscrepancyAct(models.Model):
    """An act on a shortage, damage or wrong charge that ends in a credit note
    (2.14)."""

    _name = "kam.discrepancy.act"
    _description = "Discrepancy Act"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        tracking=True,
        index=True,
    )
    invoice_id = fields.Many2one(
        comodel_name="account.move",
        required=True,
        tracking=True,
        index=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('commercial_partner_id', '=', partner_id)]",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="invoice_id.currency_id", string="Currency")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._kam_today()
    )
    discrepancy_type = fields.Selection(
        selection=[
            ("shortage", "Shortage"),
            ("damage", "Damage"),
            ("wrong_price", "Wrong Price"),
            ("wrong_charge", "Wrong Charge"),
        ],
        string="Type",
        required=True,
        default="shortage",
        tracking=True,
    )
    description = fields.Html()
    line_ids = fields.One2many(
        comodel_name="kam.discrepancy.act.line",
        inverse_name="act_id",
        string="Lines",
        copy=True,
    )
    amount_total = fields.Monetary(
        string="Claimed Amount",
        compute="_compute_amount_total",
        store=True,
        help="Untaxed amount claimed, in the invoice's currency.",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    credit_note_id = fields.Many2one(
        comodel_name="account.move",
        readonly=True,
        copy=False,
    )

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for act in self:
            act.amount_total = sum(act.line_ids.mapped("amount"))

    @api.onchange("invoice_id")
    def _onchange_invoice_id(self):
        if self.invoice_id:
            self.partner_id = self.invoice_id.commercial_partner_id
            self.company_id = self.invoice_id.company_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("kam.discrepancy.act") or "/"
                )
        return super().create(vals_list)

    @api.constrains("invoice_id", "partner_id", "company_id")
    def _check_invoice(self):
        for act in self:
            invoice = act.invoice_id
            if invoice.move_type != "out_invoice" or invoice.state != "posted":
                raise ValidationError(
                    self.env._(
                        "A discrepancy act refers to a posted customer invoice, not "
                        "%(move)s.",
                        move=invoice.name,
                    )
                )
            if invoice.commercial_partner_id != act.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Invoice %(invoice)s is not an invoice of %(partner)s.",
                        invoice=invoice.name,
                        partner=act.partner_id.display_name,
                    )
                )
            if invoice.company_id != act.company_id:
                raise ValidationError(
                    self.env._(
                        "The act and invoice %(invoice)s belong to different "
                        "companies.",
                        invoice=invoice.name,
                    )
                )

    @api.constrains("line_ids", "invoice_id", "state")
    def _check_amount(self):
        for act in self.filtered(lambda a: a.state != "cancel"):
            # sudo: acts of other KAMs on the same invoice count too
            others = self.sudo().search(
                [
                    ("invoice_id", "=", act.invoice_id.id),
                    ("state", "!=", "cancel"),
                    ("id", "!=", act.id),
                ]
            )
            claimed = act.amount_total + sum(others.mapped("amount_total"))
            if (
                act.currency_id.compare_amounts(claimed, act.invoice_id.amount_untaxed)
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The discrepancy acts on %(invoice)s claim %(claimed)s, more "
                        "than the invoice's untaxed amount of %(invoiced)s.",
                        invoice=act.invoice_id.name,
                        claimed=act.currency_id.format(claimed),
                        invoiced=act.currency_id.format(act.invoice_id.amount_untaxed),
                    )
                )

    def _check_state(self, *states):
        for act in self:
            if act.state not in states:
                raise UserError(
                    self.env._(
                        "%(act)s is %(state)s: this step is not possible now.",
                        act=act.name,
                        state=dict(
                            act._fields["state"]._description_selection(self.env)
                        )[act.state],
                    )
                )

    def action_confirm(self):
        self._check_state("draft")
        for act in self:
            if not act.line_ids or act.currency_id.is_zero(act.amount_total):
                raise UserError(
                    self.env._(
                        "Add the lines and amounts claimed to %(act)s first.",
                        act=act.name,
                    )
                )
        self.state = "confirmed"

    def action_approve(self):
        """Approve the acts and create their draft credit notes."""
        if not (
            self.env.user.has_group("kam_receivables.group_credit_manager")
            or self.env.user.has_group("account.group_account_invoice")
        ):
            raise AccessError(
                self.env._(
                    "Only a credit manager or an accountant can approve a discrepancy "
                    "act."
                )
            )
        self._check_state("confirmed")
        for act in self:
            act.credit_note_id = self.env["account.move"].create(
                act._prepare_credit_note_vals()
            )
            act.state = "approved"
            act._kam_system_note(
                self.env._(
                    "Draft credit note %(move)s created.",
                    move=act.credit_note_id.display_name,
                )
            )

    def _prepare_credit_note_vals(self):
        self.ensure_one()
        invoice = self.invoice_id
        return {
            "move_type": "out_refund",
            "partner_id": invoice.partner_id.id,
            "company_id": invoice.company_id.id,
            "journal_id": invoice.journal_id.id,
            "currency_id": invoice.currency_id.id,
            "invoice_date": self.env.company._kam_today(),
            "reversed_entry_id": invoice.id,
            "invoice_origin": self.name,
            "ref": self.env._(
                "%(act)s on %(invoice)s", act=self.name, invoice=invoice.name
            ),
            "invoice_line_ids": [
                Command.create(line._prepare_credit_note_line_vals())
                for line in self.line_ids
            ],
        }

    def action_done(self):
        self._check_state("approved")
        for act in self:
            if act.credit_note_id.state != "posted":
                raise UserError(
                    self.env._("Post the credit note of %(act)s first.", act=act.name)
                )
        self.state = "done"

    def action_cancel(self):
        self._check_state("draft", "confirmed")
        self.state = "cancel"

    def action_draft(self):
        self._check_state("confirmed", "cancel")
        self.state = "draft"

    @api.readonly
    def action_view_credit_note(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.credit_note_id.id,
            "view_mode": "form",
        }
