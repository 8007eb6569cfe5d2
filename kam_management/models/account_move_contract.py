# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer invoices checked against the account's contract in force (II.11):
payment terms and discounts (an invoice has no price list). See
``sale_order_contract.py`` for orders."""

from odoo import api, fields, models

CHECK_FIELDS = (
    "kam_contract_id",
    "kam_contract_payment_term_differs",
    "kam_contract_discount_exceeded",
    "kam_contract_compliant",
)


class AccountMove(models.Model):
    _inherit = "account.move"

    kam_contract_id = fields.Many2one(
        "kam.contract",
        string="Contract",
        compute="_compute_kam_contract_check",
        store=True,
        index="btree_not_null",
        help="The account's contract in force on the invoice date.",
    )
    kam_contract_payment_term_differs = fields.Boolean(
        string="Payment Terms Differ from Contract",
        compute="_compute_kam_contract_check",
        store=True,
    )
    kam_contract_discount_exceeded = fields.Boolean(
        string="Discount Above Contract Ceiling",
        compute="_compute_kam_contract_check",
        store=True,
    )
    kam_contract_compliant = fields.Boolean(
        string="Complies with Contract",
        compute="_compute_kam_contract_check",
        store=True,
    )

    @api.model
    def _kam_contract_check_fields(self):
        """The stored fields of the check (recomputed when a contract changes)."""
        return CHECK_FIELDS

    @api.depends(
        "move_type",
        "commercial_partner_id",
        "company_id",
        "invoice_date",
        "date",
        "invoice_payment_term_id",
        "invoice_line_ids.discount",
        "invoice_line_ids.display_type",
    )
    def _compute_kam_contract_check(self):
        invoices = self.filtered(lambda move: move.move_type == "out_invoice")
        keys = {
            move: (
                move.commercial_partner_id.id,
                move.company_id.id,
                move.invoice_date or move.date,
            )
            for move in invoices
        }
        in_force = self.env["kam.contract"]._kam_in_force(keys.values())
        for move in self:
            contract = self.env["kam.contract"]
            if move in keys:
                contract = in_force.get(keys[move]) or contract
            deviations = set()
            if contract:
                deviations = contract._kam_deviations(
                    payment_term=move.invoice_payment_term_id,
                    discounts=move.invoice_line_ids.filtered(
                        lambda line: line.display_type == "product"
                    ).mapped("discount"),
                )
            move.kam_contract_id = contract
            move.kam_contract_payment_term_differs = "payment_term" in deviations
            move.kam_contract_discount_exceeded = "discount" in deviations
            move.kam_contract_compliant = bool(contract) and not deviations
