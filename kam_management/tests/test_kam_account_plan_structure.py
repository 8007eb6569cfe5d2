# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamAccountPlanStructure(KamCommon):
    """The structured account plan (2.15-2.17): objectives, stakeholders, review;
    and the market segment's outlook and proposals (2.17)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer, cls.ceo = cls.env["res.partner"].create(
            [
                {"name": "Aysel Buyer", "parent_id": cls.account_a.id},
                {"name": "Orkhan CEO", "parent_id": cls.account_a.id},
            ]
        )
        cls.contact_b = cls.env["res.partner"].create(
            {"name": "B's buyer", "parent_id": cls.account_b.id}
        )
        cls.today = cls.company._kam_today()

    def _open_plan(self, user, account=None):
        action = (account or self.account_a).with_user(user).action_kam_account_plan()
        return self.env["kam.account.plan"].with_user(user).browse(action["res_id"])

    def test_kam_structures_the_plan(self):
        plan = self._open_plan(self.user_kam)
        self.assertEqual(plan.partner_id, self.account_a)
        self.assertEqual(self._open_plan(self.user_kam), plan, "one plan per account")
        with Form(plan) as form:
            form.plan = "<p>Become sole supplier</p>"
            form.review_date = self.today + timedelta(days=30)
            with form.objective_ids.new() as objective:
                objective.name = "Listing in 20 more stores"
                objective.date_deadline = self.today - timedelta(days=1)
                objective.state = "on_track"
            with form.stakeholder_ids.new() as stakeholder:
                stakeholder.contact_id = self.buyer
                stakeholder.role = "buyer"
                stakeholder.influence = "2"
                stakeholder.attitude = "supporter"
        self.assertEqual(plan.objective_ids.user_id, self.user_kam)
        self.assertTrue(plan.objective_ids.is_overdue)
        self.assertEqual(plan.stakeholder_ids.contact_id, self.buyer)
        self.assertFalse(plan.review_due)
        # the free-text plan stays the summary shown on the account
        self.assertIn(
            "sole supplier", self.account_a.with_user(self.user_kam).kam_account_plan
        )

    def test_stakeholders_are_the_accounts_people(self):
        plan = self._open_plan(self.user_kam)
        Stakeholder = self.env["kam.account.plan.stakeholder"].with_user(self.user_kam)
        for contact in (self.account_a, self.contact_b):
            with self.assertRaisesRegex(ValidationError, "is not a contact of"):
                Stakeholder.create({"plan_id": plan.id, "contact_id": contact.id})
        Stakeholder.create({"plan_id": plan.id, "contact_id": self.ceo.id})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Stakeholder.create({"plan_id": plan.id, "contact_id": self.ceo.id})

    def test_review_activity_when_due(self):
        self.user_kam.partner_id.email = False
        plan = self._open_plan(self.user_kam)
        plan.review_date = self.today + timedelta(days=1)
        Plan = self.env["kam.account.plan"]
        Plan._cron_kam_plan_review()
        self.assertFalse(plan.activity_ids, "not due yet")
        plan.review_date = self.today
        Plan._cron_kam_plan_review()
        Plan._cron_kam_plan_review()
        self.assertEqual(len(plan.activity_ids), 1, "one activity, not one per run")
        self.assertEqual(plan.activity_ids.user_id, self.user_kam)
        self.assertTrue(plan.review_due)
        self.assertIn(
            plan, Plan.with_user(self.user_kam).search([("review_due", "=", True)])
        )
        plan.action_kam_reviewed()
        self.assertFalse(plan.activity_ids)
        self.assertEqual(plan.date_reviewed, self.today)
        self.assertGreater(plan.review_date, self.today)
        self.assertFalse(plan.review_due)

    def test_review_activity_goes_to_the_backup_while_away(self):
        plan = self._open_plan(self.user_kam)
        plan.review_date = self.today
        self.user_kam.kam_absent_until = self.today + timedelta(days=3)
        self.env["kam.account.plan"]._cron_kam_plan_review()
        self.assertEqual(plan.activity_ids.user_id, self.user_kam2)

    def test_access_per_role(self):
        plan_a = self._open_plan(self.user_kam)
        plan_a.write(
            {
                "objective_ids": [Command.create({"name": "Grow A"})],
                "stakeholder_ids": [Command.create({"contact_id": self.buyer.id})],
            }
        )
        plan_b = self._open_plan(self.user_kam2, self.account_b)
        plan_b.objective_ids = [Command.create({"name": "Grow B"})]
        Objective = self.env["kam.account.plan.objective"]
        domain = [("plan_id", "in", (plan_a | plan_b).ids)]
        self.assertEqual(
            Objective.with_user(self.user_kam).search(domain).name, "Grow A"
        )
        self.assertEqual(len(Objective.with_user(self.user_manager).search(domain)), 2)
        self.assertEqual(len(Objective.with_user(self.user_director).search(domain)), 2)
        with self.assertRaises(AccessError):
            plan_b.objective_ids.with_user(self.user_kam).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.account_b.with_user(self.user_kam).action_kam_account_plan()
        with self.assertRaises(AccessError):
            self.env["kam.account.plan.stakeholder"].with_user(
                self.user_employee
            ).search([])
        self.assertFalse(
            self.env["kam.account.plan.stakeholder"]
            .with_user(self.user_kam2)
            .search([("plan_id", "=", plan_b.id)])
        )
        # a KAM of another company does not see the plans
        self.assertFalse(
            Objective.with_user(self.user_kam_other_company).search(domain)
        )


@tagged("post_install", "-at_install")
class TestKamSegment(KamCommon):
    """Market segment outlook and proposals on assortment and prices (2.17)."""

    def test_head_of_sales_writes_outlook_kams_read_it(self):
        segment = (
            self.env["kam.segment"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": "Retail chains",
                    "outlook": "<p>Chains grow 8% a year</p>",
                    "assortment_proposal": "<p>Add family packs</p>",
                    "price_proposal": "<p>Volume tiers</p>",
                }
            )
        )
        (self.account_a | self.account_b).kam_segment_id = segment
        as_kam = segment.with_user(self.user_kam)
        self.assertIn("8%", as_kam.outlook)
        self.assertIn("family packs", as_kam.assortment_proposal)
        self.assertEqual(as_kam.partner_count, 2)
        with self.assertRaises(AccessError):
            as_kam.write({"price_proposal": "<p>Lower prices</p>"})
        with self.assertRaises(AccessError):
            self.env["kam.segment"].with_user(self.user_kam).create({"name": "Mine"})
        # proposals answer the segment's outlook
        proposal = (
            self.env["kam.proposal"]
            .with_user(self.user_kam)
            .create(
                {
                    "name": "Family packs for chains",
                    "proposal_type": "assortment",
                    "segment_id": segment.id,
                    "description": "<p>Six-packs</p>",
                }
            )
        )
        self.assertEqual(proposal.segment_id, segment)

    def test_segment_is_per_company(self):
        segment = self.env["kam.segment"].create({"name": "Horeca"})
        self.assertFalse(
            self.env["kam.segment"]
            .with_user(self.user_kam_other_company)
            .search([("id", "=", segment.id)])
        )
