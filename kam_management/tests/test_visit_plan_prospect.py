# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Prospects in the weekly plan: open opportunities of the KAM with a next contact
due by the end of the week."""

from datetime import timedelta

from odoo.tests import tagged

from .common_visit import WEEK_START, KamVisitCommon

MONDAY, TUESDAY = WEEK_START, WEEK_START + timedelta(days=1)
WEEK_END = WEEK_START + timedelta(days=6)


@tagged("post_install", "-at_install")
class TestVisitPlanProspect(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prospect = cls.env["res.partner"].create(
            {"name": "Prospect Bakery", "is_company": True, "tz": "UTC"}
        )
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)

    def _opportunity(self, partner=None, user=None, **values):
        vals = {
            "name": "Bakery supplies",
            "type": "opportunity",
            "partner_id": (partner or self.prospect).id,
            "user_id": (user or self.user_kam).id,
            "kam_next_contact_date": TUESDAY,
        }
        vals.update(values)
        return self.env["crm.lead"].create(vals)

    def _plan(self, users=None, **values):
        wizard = self._wizard(users=users, include_prospects=True, **values)
        wizard.action_generate()
        return wizard

    def test_opportunity_planned_with_its_reason(self):
        lead = self._opportunity()
        without = self._wizard()
        without.action_generate()
        self.assertFalse(without.visit_ids, "prospects only when asked")
        visit = self._plan().visit_ids
        self.assertEqual(visit.partner_id, self.prospect)
        self.assertEqual(visit.lead_id, lead)
        self.assertEqual(visit.user_id, self.user_kam)
        self.assertEqual(visit.visit_type, "visit")
        self.assertEqual(self.company._kam_local_day(visit.planned_start), TUESDAY)
        self.assertEqual(
            visit.plan_reason,
            "Prospect: opportunity Bakery supplies, next contact due 2030-01-08.",
        )
        self.assertEqual(lead.kam_visit_count, 1)
        self.assertEqual(
            lead.action_kam_view_visits()["domain"], [("lead_id", "=", lead.id)]
        )

    def test_call_and_opening_hours(self):
        self.prospect.write(
            {"kam_opening_hour_from": 14.0, "kam_opening_hour_to": 16.0}
        )
        self._opportunity(kam_next_contact_type="call")
        visit = self._plan().visit_ids
        self.assertEqual(visit.visit_type, "call")
        self.assertEqual(visit.planned_start.hour, 14)
        self.assertIn("Bakery supplies", visit.plan_reason)
        self.assertIn("14:00-16:00", visit.plan_reason)

    def test_only_open_due_opportunities_of_the_kams(self):
        self._opportunity(name="Won", stage_id=self.won_stage.id)
        self._opportunity(name="Lost").action_set_lost()
        self._opportunity(name="Later", kam_next_contact_date=WEEK_END + timedelta(1))
        self._opportunity(name="No date", kam_next_contact_date=False)
        other = self.env["res.partner"].create({"name": "Other", "is_company": True})
        self._opportunity(name="Colleague's", partner=other, user=self.user_kam2)
        self.assertFalse(self._plan().visit_ids)
        overdue = self._opportunity(
            name="Overdue", kam_next_contact_date=MONDAY - timedelta(days=9)
        )
        self.assertEqual(self._plan().visit_ids.lead_id, overdue)

    def test_one_contact_per_customer_and_kind(self):
        self._opportunity(name="First")
        self._opportunity(name="Second", kam_next_contact_date=MONDAY)
        # The prospect is also planned as an account of the KAM without tier.
        self.prospect.sudo().write(
            {
                "kam_user_id": self.user_kam.id,
                "kam_visit_interval_days": 30,
                "kam_last_visit_date": MONDAY - timedelta(days=60),
                "kam_last_call_date": MONDAY,
            }
        )
        visits = self._plan().visit_ids
        self.assertEqual(len(visits), 1)
        planned_again = self._plan().visit_ids
        self.assertFalse(planned_again, "the contact of the week is planned already")

    def test_opportunity_without_customer_gets_one(self):
        known = self.env["res.partner"].create(
            {"name": "Known Buyer", "email": "buyer@known.example.com"}
        )
        self._opportunity(
            name="From the fair", partner_id=False, partner_name="Fair Co"
        )
        matched = self._opportunity(
            name="Known e-mail", partner_id=False, email_from="buyer@known.example.com"
        )
        visits = self._plan().visit_ids
        self.assertEqual(matched.partner_id, known)
        self.assertIn("Fair Co", visits.partner_id.mapped("name"))
        self.assertIn(known, visits.partner_id)

    def test_done_contact_clears_the_next_contact(self):
        lead = self._opportunity()
        visit = self._plan().visit_ids
        visit.outcome = "Tasted the samples; price list sent."
        with self._on_planned_day(visit):
            visit.action_done()
        self.assertFalse(lead.kam_next_contact_date)

    def test_kam_plans_own_prospects_under_the_lead_rules(self):
        mine = self._opportunity()
        other = self.env["res.partner"].create({"name": "Not Mine", "is_company": True})
        self._opportunity(name="Not mine", partner=other, user=self.user_kam2)
        wizard = self._wizard(include_prospects=True).with_user(self.user_kam)
        wizard.action_generate()
        self.assertEqual(wizard.visit_ids.lead_id, mine)
        team = self._wizard(
            users=self.user_kam | self.user_kam2, include_prospects=True
        ).with_user(self.user_manager)
        team.action_generate()
        self.assertEqual(len(team.visit_ids.lead_id), 1, "kam's is planned already")
        self.assertEqual(team.visit_ids.lead_id.user_id, self.user_kam2)
