# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Promotion programmes (2.18): approval by management, dates on the business
calendar, locked terms, enrolment by the KAMs and who may do what."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamPromotion(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = cls.company._kam_today()
        cls.product = cls.env["product.product"].create(
            {"name": "Promo Juice", "list_price": 10.0}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Promo -10%",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.product.id,
                            "compute_price": "percentage",
                            "percent_price": 10.0,
                        }
                    )
                ],
            }
        )

    def _promotion(self, user=None, **values):
        vals = {
            "name": "Gold Juice Weeks",
            "date_from": self.today,
            "date_to": self.today + timedelta(days=20),
            "tier_ids": [Command.set(self.tier_gold.ids)],
            "pricelist_id": self.pricelist.id,
            "budget": 1000.0,
            "goal_amount": 500.0,
        }
        vals.update(values)
        return (
            self.env["kam.promotion"]
            .with_user(user or self.user_manager)
            .create(vals)
            .with_user(self.env.user)
        )

    def _approved(self, **values):
        promotion = self._promotion(**values)
        promotion.with_user(self.user_manager).action_submit()
        promotion.with_user(self.user_director).action_approve()
        return promotion

    def _enrol(self, promotion, partner, user=None):
        return (
            self.env["kam.promotion.enrolment"]
            .with_user(user or self.user_kam)
            .create({"promotion_id": promotion.id, "partner_id": partner.id})
        )

    # ------------------------------------------------------------------
    # Approval
    # ------------------------------------------------------------------
    def test_approval_by_management(self):
        (self.user_manager | self.user_director).partner_id.email = False
        promotion = self._promotion()
        promotion.with_user(self.user_manager).action_submit()
        self.assertEqual(promotion.state, "to_approve")
        self.assertEqual(promotion.requested_by_id, self.user_manager)
        activity = promotion.activity_ids
        self.assertEqual(activity.user_id, self.user_director, "the head's head")
        with self.assertRaisesRegex(UserError, "another head of sales"):
            promotion.with_user(self.user_manager).action_approve()
        with self.assertRaises(AccessError):
            promotion.with_user(self.user_kam).action_approve()
        promotion.with_user(self.user_director).action_approve()
        self.assertEqual(promotion.state, "running", "it starts today")
        self.assertEqual(promotion.approved_by_id, self.user_director)
        self.assertFalse(promotion.activity_ids)

    def test_future_programme_waits_approved_then_runs(self):
        self.company.kam_tz = "UTC"
        today = self.company._kam_today()
        promotion = self._approved(
            date_from=today + timedelta(days=1), date_to=today + timedelta(days=1)
        )
        self.assertEqual(promotion.state, "approved")
        self.env["kam.promotion"]._cron_kam_promotion_states()
        self.assertEqual(promotion.state, "approved")
        with freeze_time(f"{today + timedelta(days=1)} 12:00:00"):
            self.env["kam.promotion"]._cron_kam_promotion_states()
            self.assertEqual(promotion.state, "running")
        with freeze_time(f"{today + timedelta(days=2)} 12:00:00"):
            self.env["kam.promotion"]._cron_kam_promotion_states()
            self.assertEqual(promotion.state, "done")

    def test_states_follow_the_business_calendar(self):
        """At 23:30 UTC on 30 November it is already 1 December in Baku and still
        30 November in Honolulu."""
        for tz, expected in (
            ("Asia/Baku", "running"),
            ("Pacific/Honolulu", "approved"),
        ):
            with self.subTest(tz=tz), freeze_time("2026-11-30 23:30:00"):
                self.company.kam_tz = tz
                promotion = self.env["kam.promotion"].create(
                    {
                        "name": f"December {tz}",
                        "date_from": fields.Date.to_date("2026-12-01"),
                        "date_to": fields.Date.to_date("2026-12-31"),
                        "product_ids": [Command.set(self.product.ids)],
                        "state": "approved",
                    }
                )
                ended = self.env["kam.promotion"].create(
                    {
                        "name": f"November {tz}",
                        "date_from": fields.Date.to_date("2026-11-01"),
                        "date_to": fields.Date.to_date("2026-11-30"),
                        "product_ids": [Command.set(self.product.ids)],
                        "state": "running",
                    }
                )
                self.env["kam.promotion"]._cron_kam_promotion_states()
                self.assertEqual(promotion.state, expected)
                self.assertEqual(
                    ended.state, "done" if expected == "running" else "running"
                )

    def test_reject_cancel_and_draft(self):
        promotion = self._promotion()
        promotion.with_user(self.user_manager).action_submit()
        promotion.with_user(self.user_director).action_reject()
        self.assertEqual(promotion.state, "draft")
        promotion.with_user(self.user_manager).action_cancel()
        self.assertEqual(promotion.state, "cancelled")
        with self.assertRaisesRegex(UserError, "cannot be approved"):
            promotion.with_user(self.user_director).action_approve()
        promotion.with_user(self.user_manager).action_draft()
        promotion.budget = 1500.0
        self.assertEqual(promotion.budget, 1500.0)

    def test_terms_are_locked_once_approved(self):
        promotion = self._approved()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            promotion.with_user(self.user_manager).budget = 5000.0
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            promotion.with_user(self.user_manager).date_to = self.today
        promotion.with_user(
            self.user_manager
        ).description = "<p>Display at the till</p>"
        with self.assertRaisesRegex(UserError, "cannot be changed or deleted"):
            promotion.unlink()

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            self._promotion(date_to=self.today - timedelta(days=1))
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._promotion(budget=-1.0)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._promotion(goal_amount=-1.0)
        bare = self._promotion(pricelist_id=False)
        with self.assertRaisesRegex(UserError, "Link a price list"):
            bare.with_user(self.user_manager).action_submit()
        self.assertEqual(bare.state, "draft")
        past = self._promotion(
            date_from=self.today - timedelta(days=9),
            date_to=self.today - timedelta(days=2),
        )
        with self.assertRaisesRegex(UserError, "ended on"):
            past.with_user(self.user_manager).action_submit()

    def test_kam_reads_approved_programmes_only(self):
        draft = self._promotion(name="Draft")
        running = self._approved(name="Running")
        Promotion = self.env["kam.promotion"]
        visible = Promotion.with_user(self.user_kam).search(
            [("id", "in", (draft | running).ids)]
        )
        self.assertEqual(visible, running)
        with self.assertRaises(AccessError):
            Promotion.with_user(self.user_kam).create(
                {"name": "Mine", "date_from": self.today, "date_to": self.today}
            )
        with self.assertRaises(AccessError):
            running.with_user(self.user_kam).write({"description": "<p>x</p>"})
        self.assertFalse(
            Promotion.with_user(self.user_kam_other_company).search(
                [("id", "=", running.id)]
            )
        )
        with self.assertRaises(AccessError):
            running.with_user(self.user_employee).read(["name"])

    # ------------------------------------------------------------------
    # Enrolment
    # ------------------------------------------------------------------
    def test_kam_enrols_own_eligible_accounts(self):
        promotion = self._approved()
        contact = self.env["res.partner"].create(
            {"name": "Buyer at A", "parent_id": self.account_a.id}
        )
        self.user_kam.partner_id.email = False
        enrolment = self._enrol(promotion, contact)
        self.assertEqual(enrolment.partner_id, self.account_a, "the commercial entity")
        self.assertEqual(enrolment.user_id, self.user_kam)
        self.assertEqual(enrolment.kam_user_id, self.user_kam)
        self.assertEqual(enrolment.date, self.today)
        with self.assertRaises(ValidationError) as duplicate:
            self._enrol(promotion, self.account_a)
        self.assertIn("already enrolled", str(duplicate.exception))
        colleagues = self.env["res.partner"].create(
            {
                "name": "Gold account of kam2",
                "is_company": True,
                "kam_tier_id": self.tier_gold.id,
                "kam_user_id": self.user_kam2.id,
            }
        )
        with self.assertRaises(AccessError):
            self._enrol(promotion, colleagues)
        # Account C is Gold but the director's, outside the head's team.
        with self.assertRaises(AccessError):
            self._enrol(promotion, self.account_c, user=self.user_manager)
        self._enrol(promotion, self.account_c, user=self.user_director)
        self.assertEqual(promotion.enrolment_count, 2)

    def test_only_targeted_accounts_while_approved_or_running(self):
        promotion = self._approved()
        self.account_b.kam_user_id = self.user_kam
        with self.assertRaisesRegex(ValidationError, "not among the accounts"):
            self._enrol(promotion, self.account_b)  # Silver
        named = self._approved(
            name="Named accounts",
            tier_ids=[Command.clear()],
            target_partner_ids=[Command.set(self.account_b.ids)],
        )
        self._enrol(named, self.account_b)
        with self.assertRaisesRegex(ValidationError, "not among the accounts"):
            self._enrol(named, self.account_a)
        draft = self._promotion(name="Not yet")
        with self.assertRaisesRegex(UserError, "approved or running"):
            self._enrol(draft, self.account_a, user=self.user_director)
        promotion.with_user(self.user_manager).action_cancel()
        with self.assertRaisesRegex(UserError, "approved or running"):
            self._enrol(promotion, self.account_a, user=self.user_director)
        with self.assertRaises(AccessError):
            self._enrol(promotion, self.account_a)

    def test_enrolment_form_from_the_programme(self):
        promotion = self._approved()
        action = promotion.with_user(self.user_kam).action_view_enrolments()
        self.assertEqual(action["context"], {"default_promotion_id": promotion.id})
        with Form(
            self.env["kam.promotion.enrolment"]
            .with_user(self.user_kam)
            .with_context(**action["context"])
        ) as form:
            form.partner_id = self.account_a
            form.note = "Shelf display set up."
        self.assertEqual(promotion.enrolment_ids.partner_id, self.account_a)

    # ------------------------------------------------------------------
    # Prices through the programme's price list
    # ------------------------------------------------------------------
    def test_quotation_of_an_enrolled_account_takes_the_price_list(self):
        promotion = self._approved()
        self._enrol(promotion, self.account_a)
        order = (
            self.env["sale.order"]
            .with_user(self.user_kam)
            .create(
                {
                    "partner_id": self.account_a.id,
                    "order_line": [Command.create({"product_id": self.product.id})],
                }
            )
        )
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertEqual(order.kam_promotion_id, promotion)
        self.assertEqual(order.order_line.price_subtotal, 9.0)
        other = self.env["sale.order"].create({"partner_id": self.account_c.id})
        self.assertNotEqual(other.pricelist_id, self.pricelist)
        self.assertFalse(other.kam_promotion_id)
