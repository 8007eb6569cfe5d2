# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..models.kam_variable_pay_policy import (
    kam_attainment,
    kam_payout,
    kam_payout_factor,
)

percent = st.floats(min_value=0, max_value=400, allow_nan=False)
threshold = st.floats(min_value=0, max_value=100, allow_nan=False)
accelerator = st.floats(min_value=0, max_value=5, allow_nan=False)
cap = st.floats(min_value=100, max_value=300, allow_nan=False)
money = st.floats(min_value=0, max_value=1e7, allow_nan=False)


@tagged("post_install", "-at_install")
class TestPayoutFormula(BaseCase):
    """The pure payout formula, checked on generated inputs."""

    def test_examples(self):
        self.assertEqual(kam_payout_factor(79, threshold=80), 0.0)
        self.assertEqual(kam_payout_factor(80, threshold=80), 80.0)
        self.assertEqual(kam_payout_factor(110, accelerator=1.5, cap=150), 115.0)
        self.assertEqual(kam_payout_factor(200, accelerator=2, cap=150), 150.0)
        amount, factors = kam_payout(1000, [(60, 80, 100), (40, 50, 50)], cap=150)
        self.assertAlmostEqual(amount, 600 + 200)
        self.assertEqual(factors, [100.0, 50.0])
        # The gate stops everything.
        self.assertEqual(kam_payout(1000, [(100, 0, 150)], gate=(79, 80))[0], 0.0)

    def test_attainment_examples(self):
        self.assertEqual(kam_attainment(200, 250), 125.0)
        self.assertEqual(kam_attainment(10, 5, higher_is_better=False), 150.0)
        self.assertEqual(kam_attainment(10, 25, higher_is_better=False), 0.0)
        self.assertEqual(kam_attainment(0, 0), 100.0)
        self.assertEqual(kam_attainment(0, 3, higher_is_better=False), 0.0)

    @settings(max_examples=200, deadline=None)
    @given(a=percent, b=percent, thr=threshold, acc=accelerator, cp=cap)
    def test_factor_monotone_in_attainment(self, a, b, thr, acc, cp):
        low, high = sorted((a, b))
        self.assertLessEqual(
            kam_payout_factor(low, thr, acc, cp), kam_payout_factor(high, thr, acc, cp)
        )

    @settings(max_examples=200, deadline=None)
    @given(att=percent, thr=threshold, acc=accelerator, cp=cap)
    def test_factor_bounds(self, att, thr, acc, cp):
        factor = kam_payout_factor(att, thr, acc, cp)
        self.assertGreaterEqual(factor, 0.0)
        self.assertLessEqual(factor, cp)
        if att < thr:
            self.assertEqual(factor, 0.0)

    @settings(max_examples=200, deadline=None)
    @given(
        pay=money,
        lines=st.lists(st.tuples(threshold, percent), min_size=1, max_size=5),
        acc=accelerator,
        cp=cap,
        gate=st.none() | st.tuples(percent, threshold),
        bump=st.floats(min_value=0, max_value=100, allow_nan=False),
    )
    def test_payout_properties(self, pay, lines, acc, cp, gate, bump):
        weight = 100.0 / len(lines)
        weighted = [(weight, thr, att) for thr, att in lines]
        amount, factors = kam_payout(pay, weighted, acc, cp, gate)
        self.assertGreaterEqual(amount, 0.0)
        self.assertLessEqual(amount, pay * cp / 100.0 + 1e-6)
        if gate is not None and gate[0] < gate[1]:
            self.assertEqual(amount, 0.0)
        for (_w, thr, att), factor in zip(weighted, factors, strict=True):
            if att < thr:
                self.assertEqual(factor, 0.0)
        # More attainment on any KPI never pays less.
        better = [(w, thr, att + bump) for w, thr, att in weighted]
        self.assertGreaterEqual(
            kam_payout(pay, better, acc, cp, gate)[0], amount - 1e-6
        )

    @settings(max_examples=200, deadline=None)
    @given(
        target=st.floats(min_value=0.01, max_value=1e6),
        a=money,
        b=money,
        hib=st.booleans(),
    )
    def test_attainment_monotone_and_not_negative(self, target, a, b, hib):
        low, high = sorted((a, b))
        att_low, att_high = (
            kam_attainment(target, low, hib),
            kam_attainment(target, high, hib),
        )
        self.assertGreaterEqual(min(att_low, att_high), 0.0)
        if hib:
            self.assertLessEqual(att_low, att_high)
        else:
            self.assertGreaterEqual(att_low, att_high)
