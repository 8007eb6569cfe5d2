# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Order advice (clauses 2.7, 2.8): what an account should order now.

* **Due again**: products the account orders regularly (at least twice in the
  history window) whose usual interval since the last order has passed: due when
  last order day + average interval between its orders <= today.
* **Assortment gap**: product categories that at least half of the accounts of the
  same market segment and tier bought within the gap window and this one did not;
  the suggested product is the one most of those accounts buy in the category.

Days are the business calendar's; figures come from confirmed orders (sale.report)
in four grouped queries for any number of accounts, whatever their history.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import float_round

HISTORY_DAYS = 730
GAP_WINDOW_DAYS = 365
GAP_MIN_SHARE = 0.5


def kam_advice_without(suggestions, products):
    """``suggestions`` less those an order holding ``products`` already covers: the
    same product, or for a gap any product of the category."""
    return [
        suggestion
        for suggestion in suggestions
        if suggestion["product_id"] not in products.ids
        and not (
            suggestion["kind"] == "gap"
            and suggestion["categ_id"] in products.categ_id.ids
        )
    ]


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_advice_count = fields.Integer(
        string="Order Suggestions",
        compute="_compute_kam_advice_count",
        groups="kam_management.group_kam_user",
    )

    @api.depends_context("company")
    def _compute_kam_advice_count(self):
        advice = self._kam_order_advice() if self.ids else {}
        for partner in self:
            partner.kam_advice_count = len(
                advice.get(partner.commercial_partner_id.id, ())
            )

    def action_kam_order_advice(self):
        self.ensure_one()
        return self.env["sale.order.advice"]._kam_open(self.commercial_partner_id)

    def _kam_order_advice(self, day=None):
        """Suggestions per account of ``self`` (commercial partners of the records).

        :param day: the local day to advise on (default: the company's today);
        :return: ``{account id: [suggestion, ...]}``, each suggestion a dict with
            ``kind`` (``"due"`` or ``"gap"``), ``product_id``, ``categ_id``,
            ``quantity`` and, for due products, ``last_date``, ``interval_days``,
            ``due_date``; for gaps, ``peer_share`` (%). Filter out what an order
            already holds with :func:`kam_advice_without`.
        """
        accounts = self.commercial_partner_id
        if not accounts:
            return {}
        day = day or self.env.company._kam_today()
        # The figures come from sale.report, an SQL view the ORM does not flush.
        self.env.flush_all()
        advice = {account.id: [] for account in accounts}
        for account_id, suggestion in self._kam_advice_due(accounts, day):
            advice[account_id].append(suggestion)
        for account_id, suggestion in self._kam_advice_gap(accounts, day):
            advice[account_id].append(suggestion)
        return advice

    @api.model
    def _kam_advice_report(self):
        # sudo: advice reads the history of the account and of its peers (other KAMs'
        # accounts); only products, categories and aggregates leave these methods.
        return self.env.company._kam_business_tz_env(self.env["sale.report"].sudo())

    @api.model
    def _kam_advice_domain(self, account_ids, date_from, day):
        """Confirmed order lines with a product of ``account_ids`` from local day
        ``date_from`` to ``day``."""
        return self.env["kam.kpi"]._kam_sale_report_domain(
            account_ids, date_from, day
        ) + [("product_id", "!=", False)]

    @api.model
    def _kam_advice_due(self, accounts, day):
        """``(account id, suggestion)`` for each product due again."""
        company = self.env.company
        groups = self._kam_advice_report()._read_group(
            self._kam_advice_domain(
                accounts.ids, day - timedelta(days=HISTORY_DAYS), day
            ),
            ["commercial_partner_id", "product_id"],
            ["date:min", "date:max", "name:count_distinct", "product_uom_qty:sum"],
        )
        result = []
        for account, product, first, last, orders, quantity in groups:
            if orders < 2 or not (product.sale_ok and product.active):
                continue
            first_day = company._kam_local_day(first)
            last_day = company._kam_local_day(last)
            interval = (last_day - first_day).days / (orders - 1)
            if interval < 1:
                continue
            due = last_day + timedelta(days=round(interval))
            if due > day:
                continue
            result.append(
                (
                    account.id,
                    {
                        "kind": "due",
                        "product_id": product.id,
                        "categ_id": product.categ_id.id,
                        "quantity": float_round(
                            quantity / orders,
                            precision_rounding=product.uom_id.rounding,
                        ),
                        "last_date": last_day,
                        "interval_days": round(interval),
                        "due_date": due,
                        "peer_share": 0.0,
                    },
                )
            )
        return result

    @api.model
    def _kam_advice_gap(self, accounts, day):
        """``(account id, suggestion)`` for each category of the assortment gap."""
        profiled = accounts.filtered(lambda a: a.kam_segment_id and a.kam_tier_id)
        if not profiled:
            return []
        # sudo: peers are other KAMs' accounts; only their ids are used.
        peers = (
            self.sudo()
            .search(
                [
                    ("kam_segment_id", "in", profiled.kam_segment_id.ids),
                    ("kam_tier_id", "in", profiled.kam_tier_id.ids),
                    ("is_key_account", "=", True),
                ]
            )
            .filtered(lambda p: p.commercial_partner_id == p)
        )
        peers_of = {
            account.id: (
                peers.filtered(
                    lambda p, a=account: (
                        p.kam_segment_id == a.kam_segment_id
                        and p.kam_tier_id == a.kam_tier_id
                    )
                )
                - account
            ).ids
            for account in profiled
        }
        since = day - timedelta(days=GAP_WINDOW_DAYS)
        bought = {}
        for partner, category in self._kam_advice_report()._read_group(
            self._kam_advice_domain((peers | profiled).ids, since, day)
            + [("categ_id", "!=", False)],
            ["commercial_partner_id", "categ_id"],
        ):
            bought.setdefault(partner.id, set()).add(category.id)
        gaps = {}
        for account_id, peer_ids in peers_of.items():
            if not peer_ids:
                continue
            counts = {}
            for peer_id in peer_ids:
                for categ_id in bought.get(peer_id, ()):
                    counts[categ_id] = counts.get(categ_id, 0) + 1
            own = bought.get(account_id, set())
            gaps[account_id] = {
                categ_id: count / len(peer_ids)
                for categ_id, count in counts.items()
                if categ_id not in own and count / len(peer_ids) >= GAP_MIN_SHARE
            }
        wanted = {categ_id for gap in gaps.values() for categ_id in gap}
        if not wanted:
            return []
        best = self._kam_advice_best_products(
            {pid for ids in peers_of.values() for pid in ids}, wanted, since, day
        )
        result = []
        for account_id, gap in gaps.items():
            for categ_id, share in sorted(gap.items(), key=lambda item: -item[1]):
                if categ_id not in best:
                    continue
                product, quantity = best[categ_id]
                result.append(
                    (
                        account_id,
                        {
                            "kind": "gap",
                            "product_id": product.id,
                            "categ_id": categ_id,
                            "quantity": quantity,
                            "last_date": False,
                            "interval_days": 0,
                            "due_date": False,
                            "peer_share": 100.0 * share,
                        },
                    )
                )
        return result

    @api.model
    def _kam_advice_best_products(self, peer_ids, categ_ids, since, day):
        """``{category id: (product, quantity per order line)}``: the product most
        peers buy in each category (then the largest quantity)."""
        groups = self._kam_advice_report()._read_group(
            self._kam_advice_domain(list(peer_ids), since, day)
            + [("categ_id", "in", list(categ_ids))],
            ["categ_id", "product_id"],
            ["commercial_partner_id:count_distinct", "product_uom_qty:sum", "nbr:sum"],
        )
        best = {}
        for category, product, buyers, quantity, lines in groups:
            if not (product.sale_ok and product.active):
                continue
            score = (buyers, quantity)
            if category.id not in best or score > best[category.id][0]:
                per_line = float_round(
                    quantity / (lines or 1),
                    precision_rounding=product.uom_id.rounding,
                )
                best[category.id] = (score, product, per_line)
        return {
            categ_id: (product, quantity)
            for categ_id, (__, product, quantity) in best.items()
        }
