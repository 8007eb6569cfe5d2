# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The credit manager confirms the credit terms a won prospect's pre-assessment
suggested (II.4)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestProspectCredit(KamReceivablesCommon):
    def _won_prospect(self, **values):
        partner = self.env["res.partner"].create(
            {"name": "Won Prospect", "is_company": True}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Won Prospect deal",
                "type": "opportunity",
                "partner_id": partner.id,
                "user_id": self.user_kam.id,
                "kam_years_in_business": 3,
                "kam_registry_checked": True,
                "kam_references_checked": True,
                "kam_sanctions_check": "clear",
                "kam_payment_history": "good",
                "kam_expected_monthly_amount": 2000.0,
                **values,
            }
        )
        lead.with_user(self.user_kam).action_set_won()
        return partner

    def test_credit_manager_confirms_the_suggestion(self):
        (self.user_kam | self.user_credit_manager).partner_id.email = False
        partner = self._won_prospect()
        activity = partner.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("kam_receivables.mail_activity_type_prospect_credit")
            )
        )
        self.assertEqual(activity.user_id, self.user_credit_manager)
        # 15 + 15 + 20 + 20 = 70, clear sanctions: low risk, one month.
        self.assertEqual(partner.kam_suggested_risk_class, "low")
        self.assertEqual(partner.kam_suggested_credit_limit, 2000.0)
        with self.assertRaises(AccessError):
            partner.with_user(self.user_kam).action_kam_confirm_prospect_credit()
        self.assertTrue(partner.kam_credit_to_confirm)
        partner.with_user(self.user_credit_manager).action_kam_confirm_prospect_credit()
        self.assertEqual(partner.with_company(self.company).credit_limit, 2000.0)
        self.assertEqual(partner.kam_credit_risk_class, "low")
        self.assertFalse(partner.kam_credit_to_confirm)
        self.assertFalse(partner.activity_ids & activity)
        with self.assertRaisesRegex(UserError, "no suggested credit terms"):
            partner.with_user(
                self.user_credit_manager
            ).action_kam_confirm_prospect_credit()

    def test_high_risk_prospect_gets_no_credit(self):
        partner = self._won_prospect(kam_sanctions_check="listed")
        partner.with_user(self.user_credit_manager).action_kam_confirm_prospect_credit()
        self.assertEqual(partner.with_company(self.company).credit_limit, 0.0)
        self.assertEqual(partner.kam_credit_risk_class, "high")

    def test_kam_cannot_write_the_credit_terms_directly(self):
        partner = self._won_prospect()
        with self.assertRaises(AccessError):
            partner.with_user(self.user_kam).write({"kam_credit_risk_class": "low"})
