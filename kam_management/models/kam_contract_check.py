# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contracts as the reference of orders and invoices (II.11).

* :meth:`KamContract._kam_in_force` -- the contract of an account in force on a day
  (one query for any number of accounts and days);
* :meth:`KamContract._kam_deviations` -- how a document departs from the contract's
  terms.

Orders (``sale_order_contract.py``) and invoices (``account_move_contract.py``) store
the result; a contract change marks the documents it may apply to for recomputation.
"""

from odoo import api, models
from odoo.tools import float_compare

from .kam_contract import SIGNED_STATES

DEVIATIONS = [
    ("payment_term", "Payment terms differ"),
    ("pricelist", "Price list differs"),
    ("discount", "Discount above the ceiling"),
]

# Contract fields whose change re-checks the account's documents (and the state,
# when a contract is signed or set back to draft).
DOCUMENT_TRIGGERS = {
    "partner_id",
    "company_id",
    "date_start",
    "date_end",
    "discount_max",
    "pricelist_id",
    "payment_term_id",
}


class KamContract(models.Model):
    _inherit = "kam.contract"

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        contracts._kam_recompute_documents()
        return contracts

    def write(self, vals):
        triggered = DOCUMENT_TRIGGERS & set(vals) or (
            "state" in vals
            and (vals["state"] == "draft" or "draft" in self.mapped("state"))
        )
        # the documents of the old account and dates must be re-checked too
        before = self._kam_documents() if triggered else {}
        result = super().write(vals)
        if triggered:
            self._kam_recompute_documents(before)
        return result

    def _kam_documents(self):
        """``{model: records}``: the orders and invoices of the contracts' accounts
        dated from the earliest start on, which their terms may apply to."""
        if not self:
            return {}
        since = min(self.mapped("date_start"))
        documents = {}
        for model, date_field in (
            ("sale.order", "date_order"),
            ("account.move", "date"),
        ):
            # sudo: the contract's author may not read every document of the
            # account; only their compliance fields get recomputed.
            documents[model] = (
                self.env[model]
                .sudo()
                .search(
                    [
                        ("partner_id", "child_of", self.partner_id.ids),
                        (date_field, ">=", since),
                    ]
                )
            )
        return documents

    def _kam_recompute_documents(self, before=None):
        """Mark the stored compliance fields of the contracts' documents (and of
        ``before``, the documents they applied to before a change) for
        recomputation."""
        before = before or {}
        for model, documents in self._kam_documents().items():
            documents |= before.get(model, documents.browse())
            Document = self.env[model]
            for name in Document._kam_contract_check_fields():
                self.env.add_to_compute(Document._fields[name], documents)

    # ------------------------------------------------------------------
    # The contract in force, and a document's deviations from it
    # ------------------------------------------------------------------
    @api.model
    def _kam_in_force(self, keys):
        """The contract in force for each ``(account id, company id, local day)``.

        :param keys: iterable of such triples (the account is the commercial
            partner).
        :return: ``{key: kam.contract}`` (an empty recordset when none), in one
            query. A contract is in force from its start to its end date (included)
            once signed (any state but draft); terminated contracts end on their
            termination day.
        """
        keys = [key for key in keys if key[0] and key[2]]
        if not keys:
            return {}
        days = [day for __, __, day in keys]
        # sudo: documents are checked against the contract whoever edits them; the
        # contract records are returned for compute methods, not listed to the user.
        contracts = self.sudo().search(
            [
                ("partner_id", "in", list({key[0] for key in keys})),
                ("state", "in", SIGNED_STATES),
                ("date_start", "<=", max(days)),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", min(days)),
            ],
            order="date_start desc, id desc",
        )
        by_account = {}
        for contract in contracts:
            by_account.setdefault(
                (contract.partner_id.id, contract.company_id.id), []
            ).append(contract)
        empty = self.browse()
        result = {}
        for key in keys:
            partner_id, company_id, day = key
            result[key] = next(
                (
                    contract.with_env(self.env)
                    for contract in by_account.get((partner_id, company_id), ())
                    if contract.date_start <= day
                    and (not contract.date_end or day <= contract.date_end)
                ),
                empty,
            )
        return result

    def _kam_deviations(self, payment_term=None, pricelist=None, discounts=()):
        """How a document departs from this contract's terms.

        :param payment_term: the document's ``account.payment.term``;
        :param pricelist: the document's ``product.pricelist`` (``None``: a
            document without a price list, such as an invoice);
        :param discounts: the line discounts (%) of the document.
        :return: the set of deviation codes (see ``DEVIATIONS``).
        """
        self.ensure_one()
        deviations = set()
        if self.payment_term_id and payment_term != self.payment_term_id:
            deviations.add("payment_term")
        if (
            self.pricelist_id
            and pricelist is not None
            and pricelist != self.pricelist_id
        ):
            deviations.add("pricelist")
        if self.discount_max:
            precision = self.env["decimal.precision"].precision_get("Discount")
            if any(
                float_compare(discount, self.discount_max, precision_digits=precision)
                > 0
                for discount in discounts
            ):
                deviations.add("discount")
        return deviations
