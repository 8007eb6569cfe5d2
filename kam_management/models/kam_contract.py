# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contract register of key accounts (clauses 2.4, II.6, II.9, II.11).

This file holds the contract itself: its terms and their validation. Elsewhere:

* ``kam_contract_check.py``: the contract in force on a day and how a document
  (order, invoice) departs from it -- the definitions other code calls;
* ``kam_contract_lifecycle.py``: activation, the daily expiry cron, renewal,
  termination;
* ``kam_contract_volume.py``: the volume commitment's progress.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# States in which a contract has been in force (over its validity dates).
SIGNED_STATES = ("active", "expiring", "renewed", "expired", "terminated")


class KamContract(models.Model):
    _name = "kam.contract"
    _description = "Key Account Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(
        string="Number",
        required=True,
        copy=False,
        tracking=True,
        default=lambda self: self.env._("New"),
        help="Left at 'New', the number is given from the contract sequence on saving.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Account",
        required=True,
        index=True,
        tracking=True,
        domain="['|', ('is_company', '=', True), ('parent_id', '=', False)]",
    )
    user_id = fields.Many2one(
        related="partner_id.kam_user_id", string="KAM", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    contract_type = fields.Selection(
        [
            ("supply", "Supply Agreement"),
            ("framework", "Framework Agreement"),
            ("distribution", "Distribution Agreement"),
            ("service", "Service Agreement"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="supply",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expiring", "Expiring"),
            ("renewed", "Renewed"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Active contracts become Expiring the renewal notice (Settings) before "
        "their end date, and Expired after it unless renewed.",
    )
    date_signed = fields.Date(
        string="Signed On",
        copy=False,
        tracking=True,
        help="Set to today on activation when left empty.",
    )
    date_start = fields.Date(
        string="Valid From",
        required=True,
        tracking=True,
        default=lambda self: self.env.company._kam_today(),
    )
    date_end = fields.Date(
        string="Valid Until",
        tracking=True,
        help="Last day of validity; empty for a contract of indefinite term.",
    )
    document_ids = fields.Many2many(
        "ir.attachment",
        "kam_contract_document_rel",
        "contract_id",
        "attachment_id",
        string="Signed Documents",
        copy=False,
    )
    # Special terms (II.9)
    discount_max = fields.Float(
        string="Discount Ceiling (%)",
        digits="Discount",
        tracking=True,
        help="Highest line discount agreed with the client. 0 means the contract "
        "agrees no discount ceiling (agree a price list instead).",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Agreed Price List",
        tracking=True,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Agreed Payment Terms",
        tracking=True,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    credit_limit = fields.Monetary(
        string="Agreed Credit Limit",
        tracking=True,
        help="For information: the credit manager still sets the account's credit "
        "limit.",
    )
    volume_amount = fields.Monetary(
        string="Volume Commitment",
        tracking=True,
        help="Untaxed amount the client commits to order in each period.",
    )
    volume_period = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
        string="Per",
        required=True,
        default="month",
        tracking=True,
    )
    delivery_lead_days = fields.Integer(
        string="Delivery Lead Time (days)",
        tracking=True,
        help="Service level: days from order to delivery agreed with the client.",
    )
    service_level_note = fields.Text(string="Other Service Levels")
    note = fields.Html(string="Special Terms")
    previous_contract_id = fields.Many2one(
        "kam.contract",
        string="Renews",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    next_contract_id = fields.Many2one(
        "kam.contract", string="Renewed By", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "name_company_unique",
            "unique(name, company_id)",
            "A contract with this number already exists in the company.",
        ),
    ]

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s cannot end (%(end)s) before it starts "
                        "(%(start)s).",
                        contract=contract.name,
                        end=contract.date_end,
                        start=contract.date_start,
                    )
                )

    @api.constrains(
        "discount_max", "volume_amount", "credit_limit", "delivery_lead_days"
    )
    def _check_terms(self):
        for contract in self:
            if not 0 <= contract.discount_max <= 100:
                raise ValidationError(
                    self.env._(
                        "The discount ceiling of contract %(contract)s must be "
                        "between 0 and 100%%.",
                        contract=contract.name,
                    )
                )
            negative = [
                contract._fields[name].get_description(self.env)["string"]
                for name in ("volume_amount", "credit_limit", "delivery_lead_days")
                if contract[name] < 0
            ]
            if negative:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s: %(terms)s cannot be negative.",
                        contract=contract.name,
                        terms=", ".join(negative),
                    )
                )

    @api.constrains("partner_id")
    def _check_partner(self):
        for contract in self:
            account = contract.partner_id.commercial_partner_id
            if contract.partner_id != account:
                raise ValidationError(
                    self.env._(
                        "A contract is concluded with the account %(account)s, not "
                        "with its contact %(contact)s.",
                        account=account.display_name,
                        contact=contract.partner_id.display_name,
                    )
                )

    @api.constrains("state", "date_start", "date_end", "partner_id", "company_id")
    def _check_overlap(self):
        signed = self.filtered(lambda c: c.state in SIGNED_STATES)
        if not signed:
            return
        # sudo: an overlapping contract must be found even when the user cannot
        # read it; only its number leaves this method.
        others = self.sudo().search(
            [
                ("partner_id", "in", signed.partner_id.ids),
                ("company_id", "in", signed.company_id.ids),
                ("state", "in", SIGNED_STATES),
            ]
        )
        for contract in signed:
            for other in others:
                if (
                    other.id != contract.id
                    and other.partner_id == contract.partner_id
                    and other.company_id == contract.company_id
                    and contract._kam_overlaps(other)
                ):
                    raise ValidationError(
                        self.env._(
                            "Contract %(contract)s of %(account)s overlaps contract "
                            "%(other)s (%(start)s to %(end)s): an account has one "
                            "contract in force at a time. Terminate or renew the "
                            "other first.",
                            contract=contract.name,
                            account=contract.partner_id.display_name,
                            other=other.name,
                            start=other.date_start,
                            end=other.date_end or self.env._("indefinite"),
                        )
                    )

    def _kam_overlaps(self, other):
        self.ensure_one()
        return (not other.date_end or self.date_start <= other.date_end) and (
            not self.date_end or other.date_start <= self.date_end
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        new = self.env._("New")
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == new:
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("kam.contract")
                    or new
                )
        return super().create(vals_list)
