# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Prospects in CRM: who sees which lead, the pre-assessment, the hand-over of a
won prospect and the conversion KPI."""

from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .kpi_common import KamKpiCommon


@tagged("post_install", "-at_install")
class TestCrmProspect(KamKpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"kam_tz": "UTC", "kam_new_client_min_amount": 0.0})
        cls.kpi_conversion = cls.env.ref("kam_management.kam_kpi_prospect_conversion")
        cls.Lead = cls.env["crm.lead"]
        cls.lead_kam, cls.lead_kam2, cls.lead_director, cls.lead_free = cls.Lead.create(
            [
                {"name": "KAM's prospect", "user_id": cls.user_kam.id},
                {"name": "KAM2's prospect", "user_id": cls.user_kam2.id},
                {"name": "Director's prospect", "user_id": cls.user_director.id},
                {"name": "Unassigned prospect", "user_id": False},
            ]
        )
        cls.salesman = new_test_user(
            cls.env,
            login="kam_plain_salesman",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads",
        )
        cls.lead_salesman = cls.Lead.create(
            {
                "name": "Upsell on Account A",
                "user_id": cls.salesman.id,
                "partner_id": cls.account_a.id,
            }
        )
        cls.today = cls.company._kam_today()

    # ------------------------------------------------------------------
    # Who sees which lead
    # ------------------------------------------------------------------
    def _visible(self, user):
        leads = self.lead_kam | self.lead_kam2 | self.lead_director | self.lead_free
        leads |= self.lead_salesman
        return self.Lead.with_user(user).search([("id", "in", leads.ids)])

    def test_kam_sees_own_unassigned_and_own_accounts_leads(self):
        self.assertEqual(
            self._visible(self.user_kam),
            self.lead_kam | self.lead_free | self.lead_salesman,
        )
        with self.assertRaises(AccessError):
            self.lead_kam2.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            self.lead_kam2.with_user(self.user_kam).write({"name": "Mine now"})

    def test_backup_kam_sees_the_accounts_leads(self):
        # kam2 backs up Account A: its upsell opportunity is visible to them too.
        self.assertEqual(
            self._visible(self.user_kam2),
            self.lead_kam2 | self.lead_free | self.lead_salesman,
        )

    def test_head_of_sales_sees_the_team(self):
        self.assertEqual(
            self._visible(self.user_manager),
            self.lead_kam | self.lead_kam2 | self.lead_free | self.lead_salesman,
        )
        with self.assertRaises(AccessError):
            self.lead_director.with_user(self.user_manager).read(["name"])

    def test_director_and_other_salespeople_keep_odoo_rules(self):
        everything = (
            self.lead_kam
            | self.lead_kam2
            | self.lead_director
            | self.lead_free
            | self.lead_salesman
        )
        self.assertEqual(self._visible(self.user_director), everything)
        self.assertEqual(self._visible(self.salesman), everything)
        with self.assertRaises(AccessError):
            self.lead_kam.with_user(self.user_employee).read(["name"])

    def test_sources_are_shipped(self):
        for xmlid in (
            "utm_source_exhibition",
            "utm_source_trade_fair",
            "utm_source_presentation",
            "utm_source_direct_mailing",
        ):
            self.assertTrue(self.env.ref(f"kam_management.{xmlid}").name)

    # ------------------------------------------------------------------
    # Pre-assessment
    # ------------------------------------------------------------------
    def test_assessment_score_and_suggestion(self):
        lead = self.lead_kam
        self.assertEqual(
            (
                lead.kam_assessment_score,
                lead.kam_suggested_risk_class,
                lead.kam_suggested_credit_limit,
                lead.kam_assessment_complete,
            ),
            (0, "high", 0.0, False),
        )
        lead.write(
            {
                "kam_years_in_business": 6,
                "kam_registry_checked": True,
                "kam_references_checked": True,
                "kam_financials_seen": True,
                "kam_payment_history": "good",
                "kam_expected_monthly_amount": 4000.0,
            }
        )
        self.assertEqual(lead.kam_assessment_score, 100)
        self.assertEqual(
            lead.kam_suggested_risk_class, "medium", "no low risk before the sanctions"
        )
        self.assertEqual(lead.kam_suggested_credit_limit, 2000.0)
        lead.kam_sanctions_check = "clear"
        self.assertEqual(lead.kam_suggested_risk_class, "low")
        self.assertEqual(lead.kam_suggested_credit_limit, 4000.0)
        self.assertTrue(lead.kam_assessment_complete)
        lead.write({"kam_years_in_business": 1, "kam_financials_seen": False})
        self.assertEqual(lead.kam_assessment_score, 60)
        self.assertEqual(lead.kam_suggested_risk_class, "medium")
        lead.kam_payment_history = "default"
        self.assertEqual(lead.kam_suggested_risk_class, "high")
        self.assertEqual(lead.kam_suggested_credit_limit, 0.0)
        lead.write({"kam_payment_history": "good", "kam_sanctions_check": "listed"})
        self.assertEqual(
            (lead.kam_assessment_score, lead.kam_suggested_risk_class), (0, "high")
        )

    def test_assessment_bad_input(self):
        for values in (
            {"kam_years_in_business": -1},
            {"kam_expected_monthly_amount": -10.0},
        ):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, "cannot be negative"),
            ):
                self.lead_kam.write(values)

    def test_kam_fills_the_assessment_in_the_form(self):
        lead = self.lead_kam.with_user(self.user_kam)
        lead.type = "opportunity"
        with Form(lead) as form:
            form.kam_years_in_business = 3
            form.kam_references_checked = True
            form.kam_registry_checked = True
            form.kam_expected_monthly_amount = 1000.0
            form.kam_next_contact_date = self.today + timedelta(days=2)
        self.assertEqual(lead.kam_assessment_score, 50)
        self.assertEqual(lead.kam_suggested_credit_limit, 500.0)

    # ------------------------------------------------------------------
    # A won prospect becomes a customer
    # ------------------------------------------------------------------
    def _won_prospect(self, name="Fresh Customer", user=None, **lead_values):
        partner = self.env["res.partner"].create({"name": name, "is_company": True})
        lead = self.Lead.create(
            {
                "name": f"{name} deal",
                "type": "opportunity",
                "partner_id": partner.id,
                "user_id": (user or self.user_kam).id,
                "kam_years_in_business": 6,
                "kam_registry_checked": True,
                "kam_references_checked": True,
                "kam_financials_seen": True,
                "kam_sanctions_check": "clear",
                "kam_payment_history": "good",
                "kam_expected_monthly_amount": 3000.0,
                **lead_values,
            }
        )
        return partner, lead

    def test_won_prospect_hands_over_to_the_customer(self):
        self.user_kam.partner_id.email = False
        partner, lead = self._won_prospect()
        lead.with_user(self.user_kam).action_set_won()
        self.assertEqual(partner.kam_prospect_lead_id, lead)
        self.assertEqual(partner.kam_suggested_risk_class, "low")
        self.assertEqual(partner.kam_suggested_credit_limit, 3000.0)
        self.assertEqual(partner.kam_assessment_score, 100)
        self.assertTrue(partner.kam_credit_to_confirm)
        self.assertEqual(partner.kam_user_id, self.user_kam, "the KAM who won it")
        self.assertTrue(partner.kam_assignment_ids)
        self.assertTrue(
            partner.message_ids.filtered(lambda m: "credit manager" in str(m.body))
        )
        # Winning it again does not hand it over twice.
        notes = len(partner.message_ids)
        lead.write({"stage_id": lead.stage_id.id, "probability": 100})
        self.assertEqual(len(partner.message_ids), notes)

    def test_owned_customer_keeps_its_kam(self):
        partner, lead = self._won_prospect(user=self.user_kam2)
        partner.kam_user_id = self.user_kam
        lead.action_set_won()
        self.assertEqual(partner.kam_user_id, self.user_kam)
        self.assertTrue(partner.kam_credit_to_confirm)

    def test_customer_set_after_winning(self):
        partner, lead = self._won_prospect()
        lead.partner_id = False
        lead.action_set_won()
        self.assertFalse(partner.kam_prospect_lead_id)
        lead.partner_id = partner
        self.assertEqual(partner.kam_prospect_lead_id, lead)

    # ------------------------------------------------------------------
    # Conversion KPI
    # ------------------------------------------------------------------
    def test_conversion_kpi_and_new_clients(self):
        converted, lead_1 = self._won_prospect("Converted")
        _waiting, lead_2 = self._won_prospect("Not Ordered Yet")
        existing, lead_3 = self._won_prospect("Existing Client")
        self._order(
            existing, self.today - timedelta(days=30), [(self.product_a, 1, 10)]
        )
        _other, lead_4 = self._won_prospect("Colleague's", user=self.user_kam2)
        (lead_1 | lead_2 | lead_3 | lead_4).action_set_won()
        self._order(converted, self.today, [(self.product_a, 2, 50)])
        period = (self.today - timedelta(days=1), self.today + timedelta(days=1))
        values = self._compute(self.kpi_conversion, None, *period)
        self.assertEqual(values[self.user_kam.id], 50.0)
        self.assertEqual(values[self.user_kam2.id], 0.0)
        # The converted prospect is a new client of the KAM who won it.
        new_clients = self._compute(self.kpi_new, self.user_kam, *period)
        self.assertEqual(new_clients[self.user_kam.id], 1.0)
        # Outside the period of winning, nothing.
        before = self._compute(
            self.kpi_conversion,
            None,
            self.today - timedelta(days=30),
            self.today - timedelta(days=2),
        )
        self.assertEqual(before[self.user_kam.id], 0.0)
