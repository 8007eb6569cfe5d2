# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Orders checked against the account's contract in force (II.11).

The check is stored (it feeds the deviation report and the contract compliance KPI)
and shown on the quotation before confirmation, which it never blocks. It costs one
query per batch of orders whatever the account's history; the volume progress one
grouped query more.
"""

from odoo import api, fields, models
from odoo.tools.misc import format_amount

CHECK_FIELDS = (
    "kam_contract_id",
    "kam_contract_payment_term_differs",
    "kam_contract_pricelist_differs",
    "kam_contract_discount_exceeded",
    "kam_contract_compliant",
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    kam_contract_id = fields.Many2one(
        "kam.contract",
        string="Contract",
        compute="_compute_kam_contract_check",
        store=True,
        index="btree_not_null",
        help="The account's contract in force on the order date.",
    )
    kam_contract_payment_term_differs = fields.Boolean(
        string="Payment Terms Differ from Contract",
        compute="_compute_kam_contract_check",
        store=True,
    )
    kam_contract_pricelist_differs = fields.Boolean(
        string="Price List Differs from Contract",
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
        help="The order has a contract in force and keeps all its terms.",
    )
    kam_contract_warning = fields.Text(
        string="Contract Deviations",
        compute="_compute_kam_contract_warning",
        compute_sudo=True,
    )
    # amounts of the commitment are in company currency (kam_plan_currency_id)
    kam_contract_volume_amount = fields.Monetary(
        string="Volume Commitment",
        currency_field="kam_plan_currency_id",
        compute="_compute_kam_contract_volume",
        compute_sudo=True,
    )
    kam_contract_volume_date_from = fields.Date(
        string="Commitment Period From",
        compute="_compute_kam_contract_volume",
        compute_sudo=True,
    )
    kam_contract_volume_date_to = fields.Date(
        string="Commitment Period To",
        compute="_compute_kam_contract_volume",
        compute_sudo=True,
    )
    kam_contract_volume_ordered = fields.Monetary(
        string="Ordered in Period",
        currency_field="kam_plan_currency_id",
        compute="_compute_kam_contract_volume",
        compute_sudo=True,
    )
    kam_contract_volume_progress = fields.Float(
        string="Volume Progress (%)",
        compute="_compute_kam_contract_volume",
        compute_sudo=True,
    )
    kam_contract_volume_progress_after = fields.Float(
        string="Volume Progress With This Order (%)",
        compute="_compute_kam_contract_volume",
        compute_sudo=True,
    )
    kam_contract_volume_behind = fields.Boolean(
        string="Behind on Volume Commitment",
        compute="_compute_kam_contract_volume",
        compute_sudo=True,
    )

    @api.model
    def _kam_contract_check_fields(self):
        """The stored fields of the check (recomputed when a contract changes)."""
        return CHECK_FIELDS

    @api.depends(
        "partner_id.commercial_partner_id",
        "company_id",
        "date_order",
        "payment_term_id",
        "pricelist_id",
        "order_line.discount",
        "order_line.display_type",
    )
    def _compute_kam_contract_check(self):
        keys = {
            order: (
                order.partner_id.commercial_partner_id.id,
                order.company_id.id,
                order.company_id._kam_local_day(order.date_order),
            )
            for order in self
        }
        in_force = self.env["kam.contract"]._kam_in_force(keys.values())
        for order in self:
            contract = in_force.get(keys[order]) or self.env["kam.contract"]
            deviations = set()
            if contract:
                deviations = contract._kam_deviations(
                    payment_term=order.payment_term_id,
                    pricelist=order.pricelist_id,
                    discounts=order.order_line.filtered(
                        lambda line: not line.display_type
                    ).mapped("discount"),
                )
            order.kam_contract_id = contract
            order.kam_contract_payment_term_differs = "payment_term" in deviations
            order.kam_contract_pricelist_differs = "pricelist" in deviations
            order.kam_contract_discount_exceeded = "discount" in deviations
            order.kam_contract_compliant = bool(contract) and not deviations

    @api.depends(
        "date_order",
        "company_id",
        "state",
        "amount_untaxed",
        "currency_id",
        "kam_contract_id",
    )
    def _compute_kam_contract_volume(self):
        empty = {
            "kam_contract_volume_amount": 0.0,
            "kam_contract_volume_date_from": False,
            "kam_contract_volume_date_to": False,
            "kam_contract_volume_ordered": 0.0,
            "kam_contract_volume_progress": 0.0,
            "kam_contract_volume_progress_after": 0.0,
            "kam_contract_volume_behind": False,
        }
        # one grouped query per order day (a form shows one order)
        by_day = {}
        for order in self:
            order.update(empty)
            contract = order.kam_contract_id
            if contract.volume_amount > 0:
                day = order.company_id._kam_local_day(order.date_order)
                by_day.setdefault(day, []).append(order)
        for day, orders in by_day.items():
            contracts = self.env["kam.contract"].concat(
                *(order.kam_contract_id for order in orders)
            )
            figures = contracts._kam_volume_figures(dict.fromkeys(contracts.ids, day))
            for order in orders:
                order._kam_set_volume(figures.get(order.kam_contract_id.id), day)

    def _kam_set_volume(self, figures, day):
        self.ensure_one()
        if not figures:
            return
        contract = self.kam_contract_id
        company = contract.company_id
        ordered = figures["volume_ordered"]
        after = ordered
        if self.state in ("draft", "sent"):
            after += self.currency_id._convert(
                self.amount_untaxed, company.currency_id, company, day
            )
        expected = contract.volume_amount * figures["volume_expected"] / 100.0
        self.update(
            {
                "kam_contract_volume_amount": contract.volume_amount,
                "kam_contract_volume_date_from": figures["volume_date_from"],
                "kam_contract_volume_date_to": figures["volume_date_to"],
                "kam_contract_volume_ordered": ordered,
                "kam_contract_volume_progress": figures["volume_progress"],
                "kam_contract_volume_progress_after": 100.0
                * after
                / contract.volume_amount,
                "kam_contract_volume_behind": company.currency_id.compare_amounts(
                    after, expected
                )
                < 0,
            }
        )

    @api.depends(
        "kam_contract_id",
        "kam_contract_payment_term_differs",
        "kam_contract_pricelist_differs",
        "kam_contract_discount_exceeded",
        "kam_contract_volume_behind",
    )
    def _compute_kam_contract_warning(self):
        for order in self:
            contract = order.kam_contract_id
            messages = []
            if order.kam_contract_payment_term_differs:
                messages.append(
                    self.env._(
                        "Payment terms: %(order)s on the order, %(contract)s agreed.",
                        order=order.payment_term_id.name or self.env._("none"),
                        contract=contract.payment_term_id.name,
                    )
                )
            if order.kam_contract_pricelist_differs:
                messages.append(
                    self.env._(
                        "Price list: %(order)s on the order, %(contract)s agreed.",
                        order=order.pricelist_id.name or self.env._("none"),
                        contract=contract.pricelist_id.name,
                    )
                )
            if order.kam_contract_discount_exceeded:
                messages.append(
                    self.env._(
                        "Discounts above the agreed ceiling of %(ceiling).2f%%.",
                        ceiling=contract.discount_max,
                    )
                )
            if order.kam_contract_volume_behind:
                messages.append(
                    self.env._(
                        "Volume commitment behind: %(progress).0f%% of %(amount)s "
                        "for %(start)s to %(end)s with this order.",
                        progress=order.kam_contract_volume_progress_after,
                        amount=format_amount(
                            self.env,
                            order.kam_contract_volume_amount,
                            contract.currency_id,
                        ),
                        start=order.kam_contract_volume_date_from,
                        end=order.kam_contract_volume_date_to,
                    )
                )
            order.kam_contract_warning = (
                "\n".join(
                    [
                        self.env._(
                            "This order departs from contract %(contract)s:",
                            contract=contract.name,
                        ),
                        *(f"- {message}" for message in messages),
                    ]
                )
                if messages
                else False
            )
