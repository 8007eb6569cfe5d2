# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Posted invoices, payments and their reconciliations for the benchmark data
(``bench.generate.Generator``): a prototype invoice and payment made and posted
through the ORM, then copied in bulk SQL (``bench.clone``)."""

from datetime import timedelta

from odoo import Command

from bench.clone import allocate_ids, clone, plan_table, scaled

AML_AMOUNTS = (
    "debit",
    "credit",
    "balance",
    "amount_currency",
    "quantity",
    "price_subtotal",
    "price_total",
    "tax_base_amount",
    "amount_residual",
    "amount_residual_currency",
)
MOVE_AMOUNTS = (
    "amount_untaxed",
    "amount_tax",
    "amount_total",
    "amount_untaxed_signed",
    "amount_untaxed_in_currency_signed",
    "amount_tax_signed",
    "amount_total_signed",
    "amount_total_in_currency_signed",
    "quick_edit_total_amount",
)


class InvoiceGenerator:
    """Part of ``Generator``: its ``env``, ``cr``, ``rng``, ``company``, ``today``,
    ``_protos``, ``product()``, ``proto_partner()`` and ``_namer()``."""

    def proto_invoice(self, lines):
        """A posted invoice of ``lines`` lines, and the same one paid in full."""
        key = ("invoice", lines)
        if key not in self._protos:
            product = self.product()
            moves = self.env["account.move"].create(
                [
                    {
                        "move_type": "out_invoice",
                        "partner_id": self.proto_partner().id,
                        "invoice_date": self.today,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "quantity": 1 + i % 3,
                                    "price_unit": 10.0 + 2.5 * i,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                            for i in range(lines)
                        ],
                    }
                    for _ in range(2)
                ]
            )
            moves.action_post()
            invoice, paid = moves
            payment = self._proto_payment(paid)
            self._protos[key] = (invoice, paid, payment)
        return self._protos[key]

    def _proto_payment(self, invoice):
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1
        )
        receivable = invoice.line_ids.filtered(
            lambda l: l.account_id.account_type == "asset_receivable"
        )
        amount = invoice.amount_total
        payment = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": self.today,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": journal.default_account_id.id,
                            "partner_id": invoice.partner_id.id,
                            "debit": amount,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": receivable.account_id.id,
                            "partner_id": invoice.partner_id.id,
                            "credit": amount,
                        }
                    ),
                ],
            }
        )
        payment.action_post()
        (receivable | payment.line_ids.filtered(lambda l: l.credit)).reconcile()
        return payment

    # ------------------------------------------------------------------
    # Invoices and payments
    # ------------------------------------------------------------------
    def invoices(self, rows, lines=1):
        """Posted invoices, one per row (partner_id, user_id, day, factor, paid
        share 0..1 as 0, 0.4 or 1); returns the number of invoices."""
        invoice, paid_proto, payment = self.proto_invoice(lines)
        self.env.flush_all()
        total = invoice.amount_total
        inv_name = self._namer(invoice)
        pay_name = self._namer(payment)
        term_days = 30
        plan = []
        for n, (partner_id, user_id, day, factor, share) in enumerate(rows):
            amount = round(total * factor, 2)
            paid = round(amount * share, 2) if share < 1 else amount
            pay_day = min(day + timedelta(days=self.rng.randint(5, 60)), self.today)
            name, prefix, seq = inv_name(day)
            pname, pprefix, pseq = pay_name(pay_day) if paid else (None, None, None)
            state = (
                "not_paid" if not paid else ("paid" if paid == amount else "partial")
            )
            plan.append(
                (
                    n,
                    partner_id,
                    user_id,
                    day,
                    day + timedelta(days=term_days),
                    factor,
                    paid,
                    pay_day,
                    name,
                    prefix,
                    seq,
                    pname,
                    pprefix,
                    pseq,
                    state,
                )
            )
        cr = self.cr
        plan_table(
            cr,
            "bench_inv",
            "n int, partner_id int, user_id int, day date, due date, factor int, "
            "paid numeric, pay_day date, name varchar, prefix varchar, seq int, "
            "pay_name varchar, pay_prefix varchar, pay_seq int, state varchar",
            plan,
        )
        for column, table in (
            ("move_id", "account_move"),
            ("rec_line_id", "account_move_line"),
            ("pay_move_id", "account_move"),
            ("pay_line_id", "account_move_line"),
            ("partial_id", "account_partial_reconcile"),
            ("full_id", "account_full_reconcile"),
        ):
            allocate_ids(cr, "bench_inv", column, table)
        paid_state = paid_proto.payment_state
        cr.execute("UPDATE bench_inv SET state = %s WHERE state = 'paid'", [paid_state])
        cr.execute(
            "UPDATE bench_inv SET full_id = NULL WHERE state != %s", [paid_state]
        )
        matching = (
            f"CASE WHEN p.full_id IS NOT NULL THEN {self._full_matching()} "
            "WHEN p.paid > 0 THEN 'P' || p.partial_id END"
        )
        now = "(NOW() AT TIME ZONE 'UTC')"
        partner_name = "(SELECT name FROM res_partner WHERE id = p.partner_id)"
        partial = self.env["account.partial.reconcile"].search(
            [("debit_move_id.move_id", "=", paid_proto.id)], limit=1
        )
        clone(
            cr,
            "account_full_reconcile",
            partial.full_reconcile_id.id,
            "bench_inv",
            {"id": "p.full_id", "create_date": now, "write_date": now},
            "p.full_id IS NOT NULL",
        )
        clone(
            cr,
            "account_move",
            invoice.id,
            "bench_inv",
            {
                **scaled(MOVE_AMOUNTS),
                "id": "p.move_id",
                "name": "p.name",
                "sequence_prefix": "p.prefix",
                "sequence_number": "p.seq",
                "partner_id": "p.partner_id",
                "commercial_partner_id": "p.partner_id",
                "partner_shipping_id": "p.partner_id",
                "invoice_partner_display_name": partner_name,
                "invoice_user_id": "COALESCE(p.user_id, t.invoice_user_id)",
                "date": "p.day",
                "invoice_date": "p.day",
                "invoice_date_due": "p.due",
                "payment_reference": "p.name",
                "access_token": "NULL",
                "amount_residual": "t.amount_total * p.factor - p.paid",
                "amount_residual_signed": "t.amount_total_signed * p.factor - p.paid",
                "payment_state": "p.state",
                "create_date": now,
                "write_date": now,
            },
        )
        common = {
            **scaled(AML_AMOUNTS),
            "move_id": "p.move_id",
            "move_name": "p.name",
            "partner_id": "p.partner_id",
            "date": "p.day",
            "invoice_date": "p.day",
            "create_date": now,
            "write_date": now,
        }
        for line in invoice.line_ids:
            overrides = dict(common, id="nextval('account_move_line_id_seq')")
            if line.account_id.account_type == "asset_receivable":
                overrides.update(
                    id="p.rec_line_id",
                    name="p.name",
                    date_maturity="p.due",
                    amount_residual="t.balance * p.factor - p.paid",
                    amount_residual_currency="t.balance * p.factor - p.paid",
                    reconciled="p.full_id IS NOT NULL",
                    matching_number=matching,
                    full_reconcile_id="p.full_id",
                )
            clone(cr, "account_move_line", line.id, "bench_inv", overrides)
        # payments: a bank entry per paid invoice, reconciled through one partial
        prorate = f"/ {total} * p.paid"
        pay_amounts = (
            "amount_total",
            "amount_total_signed",
            "amount_total_in_currency_signed",
            "amount_untaxed",
            "amount_untaxed_signed",
            "amount_untaxed_in_currency_signed",
        )
        paid_only = "p.paid > 0"
        clone(
            cr,
            "account_move",
            payment.id,
            "bench_inv",
            {
                **{name: f"t.{name} {prorate}" for name in pay_amounts},
                "id": "p.pay_move_id",
                "name": "p.pay_name",
                "sequence_prefix": "p.pay_prefix",
                "sequence_number": "p.pay_seq",
                "partner_id": "p.partner_id",
                "commercial_partner_id": "p.partner_id",
                "date": "p.pay_day",
                "create_date": now,
                "write_date": now,
            },
            where=paid_only,
        )
        payment_amounts = (
            "debit",
            "credit",
            "balance",
            "amount_currency",
            "amount_residual",
            "amount_residual_currency",
        )
        for line in payment.line_ids:
            overrides = {
                **{name: f"t.{name} {prorate}" for name in payment_amounts},
                "id": "nextval('account_move_line_id_seq')",
                "move_id": "p.pay_move_id",
                "move_name": "p.pay_name",
                "partner_id": "p.partner_id",
                "date": "p.pay_day",
                "create_date": now,
                "write_date": now,
            }
            if line.account_id.account_type == "asset_receivable":
                overrides.update(
                    id="p.pay_line_id",
                    matching_number=matching,
                    full_reconcile_id="p.full_id",
                )
            clone(cr, "account_move_line", line.id, "bench_inv", overrides, paid_only)
        clone(
            cr,
            "account_partial_reconcile",
            partial.id,
            "bench_inv",
            {
                "id": "p.partial_id",
                "debit_move_id": "p.rec_line_id",
                "credit_move_id": "p.pay_line_id",
                "full_reconcile_id": "p.full_id",
                "amount": "p.paid",
                "debit_amount_currency": "p.paid",
                "credit_amount_currency": "p.paid",
                "max_date": "p.pay_day",
                "create_date": now,
                "write_date": now,
            },
            paid_only,
        )
        self.env.invalidate_all()
        return len(plan)

    def _full_matching(self):
        """How Odoo numbers a full reconciliation: its id, as text."""
        return "p.full_id::varchar"
