# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from typing import NamedTuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


def kam_attainment(target, achieved, higher_is_better=True):
    """Attainment in % of a target.

    Higher is better: ``achieved / target``. Lower is better (e.g. overdue ratio):
    the mirror image ``2 - achieved / target``, so half the allowed figure is 150 %
    and twice the allowed figure is 0 %. A zero target is met (100 %) or missed (0 %).
    """
    target = target or 0.0
    achieved = achieved or 0.0
    if not target:
        met = achieved >= 0 if higher_is_better else achieved <= 0
        return 100.0 if met else 0.0
    ratio = achieved / target * 100.0
    return max(ratio if higher_is_better else 200.0 - ratio, 0.0)


def kam_payout_factor(attainment, threshold=0.0, accelerator=1.0, cap=100.0):
    """Payout factor in % of a KPI's share of target pay.

    Nothing below the threshold; linear (factor = attainment) up to 100 %;
    above 100 % each point pays ``accelerator`` points; never above ``cap``.
    """
    attainment = max(attainment or 0.0, 0.0)
    if attainment < (threshold or 0.0):
        return 0.0
    if attainment <= 100.0:
        factor = attainment
    else:
        factor = 100.0 + (attainment - 100.0) * accelerator
    return min(max(factor, 0.0), max(cap, 0.0))


def kam_line_amount(target_pay, weight, factor):
    """Pay of one KPI: its weight (%) of the target pay at its payout factor (%)."""
    return max(target_pay or 0.0, 0.0) * weight / 100.0 * factor / 100.0


def kam_cap_amount(target_pay, amount, cap=100.0):
    """``amount`` brought between 0 and ``cap`` % of the target pay (clause 4.3: the
    penalty stops at the variable part, and the reward at the cap)."""
    ceiling = max(target_pay or 0.0, 0.0) * max(cap or 0.0, 0.0) / 100.0
    return min(max(amount, 0.0), ceiling)


def kam_payout(target_pay, lines, accelerator=1.0, cap=100.0, gate=None):
    """Variable pay earned.

    :param lines: iterable of ``(weight %, threshold %, attainment %)``
    :param gate: ``(gate attainment %, gate threshold %)`` or ``None``; below the
        gate nothing pays at all.
    :return: ``(amount, [payout factor per line])``; the amount lies between 0 and
        ``target_pay * cap / 100``.
    """
    lines = list(lines)
    if gate is not None and gate[0] < gate[1]:
        return 0.0, [0.0] * len(lines)
    factors = [kam_payout_factor(att, thr, accelerator, cap) for _w, thr, att in lines]
    amount = sum(
        kam_line_amount(target_pay, weight, factor)
        for (weight, _t, _a), factor in zip(lines, factors, strict=True)
    )
    return kam_cap_amount(target_pay, amount, cap), factors


class KamPayout(NamedTuple):
    """What a policy pays: the amount earned (between 0 and the cap), whether the
    gate let anything pay, and per KPI of the policy a dict with ``kpi_id``,
    ``weight``, ``threshold``, ``attainment``, ``payout_factor`` and ``amount``."""

    amount: float
    gate_passed: bool
    lines: list


class KamVariablePayPolicy(models.Model):
    _name = "kam.variable.pay.policy"
    _description = "Variable Pay Policy"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    line_ids = fields.One2many(
        "kam.variable.pay.policy.line", "policy_id", string="KPI Weights", copy=True
    )
    total_weight = fields.Float(
        compute="_compute_total_weight", string="Total Weight (%)"
    )
    accelerator = fields.Float(
        default=1.0,
        help="Payout points per attainment point above 100 %; 1.5 pays 115 % at "
        "110 % attainment.",
    )
    cap = fields.Float(
        string="Cap (%)",
        default=150.0,
        help="Highest payout, in % of the target variable pay, per KPI and in total.",
    )
    gate_kpi_id = fields.Many2one(
        "kam.kpi",
        string="Gate KPI",
        help="When set, nothing pays while this KPI's attainment is below the gate.",
    )
    gate_threshold = fields.Float(string="Gate (%)", default=80.0)

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for policy in self:
            policy.total_weight = sum(policy.line_ids.mapped("weight"))

    @api.constrains("line_ids", "accelerator", "cap", "gate_threshold")
    def _check_policy(self):
        for policy in self:
            if policy.line_ids and float_compare(
                policy.total_weight, 100.0, precision_digits=2
            ):
                raise ValidationError(
                    self.env._(
                        "The KPI weights of the policy %(policy)s add up to "
                        "%(total)s %%; they must add up to 100 %%.",
                        policy=policy.name,
                        total=round(policy.total_weight, 2),
                    )
                )
            if policy.accelerator < 0:
                raise ValidationError(self.env._("The accelerator cannot be negative."))
            if policy.cap < 100.0:
                raise ValidationError(
                    self.env._(
                        "The cap must be at least 100 % of the target variable pay."
                    )
                )
            if policy.gate_threshold < 0:
                raise ValidationError(self.env._("The gate cannot be negative."))
            kpis = policy.line_ids.kpi_id
            if len(kpis) != len(policy.line_ids):
                raise ValidationError(
                    self.env._(
                        "The policy %(policy)s weighs a KPI twice.", policy=policy.name
                    )
                )

    def _kam_payout(self, target_pay, attainments):
        """The one route from attainments to pay: what this policy pays on
        ``target_pay`` for ``{kpi: attainment %}`` (missing KPIs attain 0 %).

        Statements store what it returns; the what-if of an order and the figures
        of an approved statement on today's sales call it too.

        :rtype: KamPayout
        """
        self.ensure_one()
        gate = None
        if self.gate_kpi_id:
            gate = (attainments.get(self.gate_kpi_id, 0.0), self.gate_threshold)
        weighted = [
            (line.weight, line.threshold, attainments.get(line.kpi_id, 0.0))
            for line in self.line_ids
        ]
        amount, factors = kam_payout(
            target_pay, weighted, self.accelerator, self.cap, gate
        )
        lines = [
            {
                "kpi_id": line.kpi_id.id,
                "weight": weight,
                "threshold": threshold,
                "attainment": attainment,
                "payout_factor": factor,
                "amount": kam_line_amount(target_pay, weight, factor),
            }
            for line, (weight, threshold, attainment), factor in zip(
                self.line_ids, weighted, factors, strict=True
            )
        ]
        return KamPayout(amount, gate is None or gate[0] >= gate[1], lines)

    def _kam_total(self, target_pay, amount):
        """What a statement of this policy may total: ``amount`` (earned plus
        adjustments) brought between 0 and the cap; nothing without a policy."""
        return kam_cap_amount(target_pay, amount, self[:1].cap)
