# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamCron(KamCommon):
    def setUp(self):
        super().setUp()
        # Only the tiers of the test take part in the classification.
        tiers = self.tier_gold | self.tier_silver
        self.env["kam.tier"].search([("id", "not in", tiers.ids)]).active = False

    def test_renewal_activity_for_acting_kam(self):
        # Renewal dates now live on the accounts' contracts (kam.contract).
        today = self.env.company._kam_today()
        contract_a, contract_b = self.env["kam.contract"].create(
            [
                {
                    "partner_id": account.id,
                    "date_start": today - timedelta(days=300),
                    "date_end": today + timedelta(days=days),
                    "state": "active",
                }
                for account, days in ((self.account_a, 20), (self.account_b, 45))
            ]
        )
        self.user_kam.kam_absent_until = today
        Contract = self.env["kam.contract"]
        Contract._cron_kam_contract_states()
        activity_type = self.env.ref("kam_management.mail_activity_type_kam_renewal")
        activities = (contract_a | contract_b).activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(activities.res_id, contract_a.id)
        self.assertEqual(activities.user_id, self.user_kam2)
        self.assertEqual(activities.date_deadline, contract_a.date_end)
        Contract._cron_kam_contract_states()
        self.assertEqual(len(contract_a.activity_ids), 1, "no duplicate reminder")

    def test_renewal_notice_not_negative(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.kam_renewal_notice_days = -1

    def _sell(self, partner, amount):
        product = self.env["product.product"].create(
            {"name": "Bulk", "list_price": amount}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [fields.Command.create({"product_id": product.id})],
            }
        )
        order.action_confirm()

    def test_classification_proposes_or_applies(self):
        self._sell(self.account_b, 150000)  # Silver today, Gold by revenue
        self._sell(
            self.account_c, 1000
        )  # Gold today, below every threshold: left alone
        settings = Form(self.env["res.config.settings"])
        settings.kam_auto_classify = True
        settings.save().execute()

        self.env["res.partner"]._cron_kam_classify()
        self.assertEqual(self.account_b.kam_tier_id, self.tier_silver)
        self.assertEqual(self.account_b.kam_proposed_tier_id, self.tier_gold)
        self.assertIn("Tier Gold proposed", self.account_b.message_ids[0].body)
        self.assertEqual(self.account_c.kam_tier_id, self.tier_gold)
        self.assertFalse(self.account_c.kam_proposed_tier_id)

        self.account_b.with_user(self.user_manager).action_kam_apply_proposed_tier()
        self.assertEqual(self.account_b.kam_tier_id, self.tier_gold)
        self.assertFalse(self.account_b.kam_proposed_tier_id)

        self.account_b.kam_tier_id = self.tier_silver
        self.company.kam_classify_apply = True
        self.env["res.partner"]._cron_kam_classify()
        self.assertEqual(self.account_b.kam_tier_id, self.tier_gold)
        self.assertIn(
            "Tier changed from Silver to Gold", self.account_b.message_ids[0].body
        )

    def test_classification_off_by_default(self):
        self._sell(self.account_b, 150000)
        self.env["res.partner"]._cron_kam_classify()
        self.assertEqual(self.account_b.kam_tier_id, self.tier_silver)
        self.assertFalse(self.account_b.kam_proposed_tier_id)
