# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .kpi_common import KamKpiCommon

# Asia/Baku is UTC+4: 2025-02-28 20:30 UTC is already 1 March 00:30 there.
LATE_EVENING = datetime(2025, 2, 28, 19, 0)  # 23:00 in Baku, 28 February
AFTER_MIDNIGHT = datetime(2025, 2, 28, 20, 30)  # 00:30 in Baku, 1 March
EVE = date(2025, 2, 28)
HAND_OVER = date(2025, 3, 1)


@tagged("post_install", "-at_install")
class TestKamOwnerAgreement(KamKpiCommon):
    """On a hand-over day every screen credits the same KAM: kam.assignment is the
    one "owner of an account on a day", in Python and in SQL, and the day is the
    company's local day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Baku"
        cls.account = cls.account_1
        cls.account.kam_tier_id = cls.tier_gold
        cls._own(cls.account, cls.user_kam)
        # user_kam hands the account over to user_kam2 on 1 March
        history = cls.account.kam_assignment_ids
        history.date_to = EVE
        cls.env["kam.assignment"].create(
            {
                "partner_id": cls.account.id,
                "user_id": cls.user_kam2.id,
                "date_from": HAND_OVER,
                "company_id": cls.company.id,
            }
        )
        cls.reason = cls.env.ref("kam_management.kam_refusal_reason_price")

    def _orders_at(self, moment, amount, refused=False):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.account.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product_a.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                        }
                    )
                ],
            }
        )
        if refused:
            order.kam_refusal_reason_id = self.reason
            order.with_context(kam_refusal_reason_given=True).action_cancel()
        else:
            order.action_confirm()
        order.date_order = moment
        return order

    def _credit_note(self, day, amount):
        refund = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": self.account.id,
                "invoice_date": day,
                "kam_return_reason_id": self.reason.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product_a.id,
                            "price_unit": amount,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        refund.action_post()
        return refund

    def test_history(self):
        self.assertRecordValues(
            self.env["kam.assignment"].search([("partner_id", "=", self.account.id)]),
            [
                {"user_id": self.user_kam2.id, "date_to": False},
                {"user_id": self.user_kam.id, "date_to": EVE},
            ],
        )

    def test_owner_agrees_across_kpi_refusal_report_and_owner_map(self):
        before = self._orders_at(LATE_EVENING, 100.0)
        after = self._orders_at(AFTER_MIDNIGHT, 200.0)
        self._orders_at(LATE_EVENING, 30.0, refused=True)
        self._orders_at(AFTER_MIDNIGHT, 40.0, refused=True)
        self._credit_note(EVE, 5.0)
        self._credit_note(HAND_OVER, 7.0)

        # Python: the owner of each order's local day
        owners = self.env["kam.assignment"]._kam_owner_map(
            [
                (before.partner_id.id, before.date_order),
                (after.partner_id.id, after.date_order),
            ]
        )
        self.assertEqual(list(owners.values()), [self.user_kam, self.user_kam2])

        # KPI: revenue credited to the owner of the order's local day
        revenue = self._compute(
            self.kpi_revenue, date_from=date(2025, 2, 1), date_to=date(2025, 3, 31)
        )
        self.assertEqual(revenue, {self.user_kam.id: 100.0, self.user_kam2.id: 200.0})

        # SQL: the refusal analysis credits the same KAM, on the same local day
        baku = new_test_user(
            self.env,
            login="kam_owner_baku",
            groups="base.group_user,kam_management.group_kam_director",
            tz="Asia/Baku",
        )
        honolulu = new_test_user(
            self.env,
            login="kam_owner_honolulu",
            groups="base.group_user,kam_management.group_kam_director",
            tz="Pacific/Honolulu",
        )
        expected = [
            {
                "kind": "refusal",
                "date": EVE,
                "user_id": self.user_kam.id,
                "amount": 30.0,
            },
            {
                "kind": "refusal",
                "date": HAND_OVER,
                "user_id": self.user_kam2.id,
                "amount": 40.0,
            },
            {
                "kind": "return",
                "date": EVE,
                "user_id": self.user_kam.id,
                "amount": 5.0,
            },
            {
                "kind": "return",
                "date": HAND_OVER,
                "user_id": self.user_kam2.id,
                "amount": 7.0,
            },
        ]
        for reader in (baku, honolulu):
            rows = (
                self.env["kam.refusal.report"]
                .with_user(reader)
                .search(
                    [("partner_id", "=", self.account.id)],
                    order="kind, date, id",
                )
            )
            self.assertRecordValues(rows, expected)

    def test_sql_helper_matches_python(self):
        """``_kam_owner_sql`` and ``_kam_owner_map`` answer alike for every day
        around the hand-over, including days nobody owned the account."""
        days = [date(1999, 12, 31), EVE, HAND_OVER, date(2030, 1, 1)]
        assignment = self.env["kam.assignment"]
        python = assignment._kam_owner_map([(self.account.id, day) for day in days])
        for day in days:
            self.env.cr.execute(
                SQL(
                    "SELECT %s",
                    assignment._kam_owner_sql(
                        SQL("%s", self.account.id), SQL("%s::date", day)
                    ),
                )
            )
            (owner_id,) = self.env.cr.fetchone()
            self.assertEqual(owner_id or False, python[(self.account.id, day)].id, day)
