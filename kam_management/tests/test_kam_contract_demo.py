# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestKamContractDemo(TransactionCase):
    """The demo shows every part of the contract register and the order advice."""

    def _account(self, number):
        return self.env.ref(f"kam_management.res_partner_demo_key_account_{number:02d}")

    def test_demo_contracts(self):
        contracts = self.env["kam.contract"].search(
            [("partner_id.is_key_account", "=", True)]
        )
        self.assertGreaterEqual(len(contracts.partner_id), 20)
        expiring = contracts.filtered(lambda c: c.state == "expiring")
        self.assertTrue(expiring, "one expires within the renewal notice")
        renewal = self.env.ref("kam_management.mail_activity_type_kam_renewal")
        self.assertTrue(
            all(renewal in c.activity_ids.activity_type_id for c in expiring)
        )
        behind = self.env.ref("kam_management.kam_contract_demo_01")
        self.assertTrue(behind.volume_behind)
        self.assertIn(behind, contracts.search([("volume_behind", "=", True)]))
        self.assertEqual(self._account(1).kam_contract_id, behind)
        deviations = self.env["kam.contract.deviation"].search([])
        self.assertIn(self._account(2), deviations.partner_id)

    def test_demo_order_advice(self):
        accounts = self.env["res.partner"].browse(
            self._account(number).id for number in range(1, 21)
        )
        advice = accounts._kam_order_advice()
        kinds = {s["kind"] for suggestions in advice.values() for s in suggestions}
        self.assertEqual(kinds, {"due", "gap"})
        tea = self.env.ref("kam_management.product_demo_kam_tea")
        self.assertIn(
            tea.id,
            [
                s["product_id"]
                for s in advice[self._account(16).id]
                if s["kind"] == "due"
            ],
        )
