# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import tagged

from .common import load_migration
from .contract_common import KamContractCommon


@tagged("post_install", "-at_install")
class TestKamContractMigration(KamContractCommon):
    """18.0.1.1.0 turns the accounts' former contract and renewal dates into
    contracts. The columns Odoo leaves behind are recreated for the test (the DDL
    is rolled back with the test)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.migration = load_migration("kam_management", "18.0.1.1.0")

    def setUp(self):
        super().setUp()
        self.env.cr.execute(
            "ALTER TABLE res_partner ADD COLUMN kam_contract_date date, "
            "ADD COLUMN kam_renewal_date date"
        )

    def _set_dates(self, partner, contract_date, renewal_date):
        self.env.cr.execute(
            "UPDATE res_partner SET kam_contract_date = %s, kam_renewal_date = %s "
            "WHERE id = %s",
            (contract_date, renewal_date, partner.id),
        )

    def test_dates_become_contracts(self):
        self.company.kam_renewal_notice_days = 30
        self._set_dates(
            self.account_a, date(2025, 6, 1), self.today + timedelta(days=10)
        )
        self._set_dates(self.account_b, None, date(2030, 3, 31))
        self._set_dates(self.account_c, date(2025, 1, 1), None)
        # an old reminder on the account follows it to the contract
        activity = self.account_a._kam_system_activity(
            "kam_management.mail_activity_type_kam_renewal",
            user_id=self.user_kam.id,
            date_deadline=self.today + timedelta(days=10),
        )
        self.migration.migrate(self.env.cr, "18.0.1.0.0")
        contracts = self.Contract.search(
            [
                (
                    "partner_id",
                    "in",
                    (self.account_a | self.account_b | self.account_c).ids,
                )
            ]
        )
        by_account = {c.partner_id: c for c in contracts}
        self.assertEqual(len(contracts), 3)
        a = by_account[self.account_a]
        self.assertEqual(
            (a.date_signed, a.date_start, a.date_end, a.state),
            (
                date(2025, 6, 1),
                date(2025, 6, 1),
                self.today + timedelta(days=10),
                "expiring",
            ),
        )
        self.assertEqual(activity.res_model, "kam.contract")
        self.assertEqual(activity.res_id, a.id)
        self.assertEqual(len(a.activity_ids), 1, "no second reminder")
        b = by_account[self.account_b]
        self.assertEqual(
            (b.date_signed, b.date_start, b.date_end, b.state),
            (False, date(2029, 4, 1), date(2030, 3, 31), "active"),
        )
        c = by_account[self.account_c]
        self.assertEqual(
            (c.date_start, c.date_end, c.state), (date(2025, 1, 1), False, "active")
        )
        self.assertTrue(
            any("former contract date" in message.body for message in a.message_ids)
        )
        # run again: nothing new
        self.migration.migrate(self.env.cr, "18.0.1.0.0")
        self.assertEqual(
            self.Contract.search_count(
                [("partner_id", "in", contracts.partner_id.ids)]
            ),
            3,
        )

    def test_old_cron_and_activity_model(self):
        activity_type = self.env.ref("kam_management.mail_activity_type_kam_renewal")
        activity_type.res_model = "res.partner"
        cron = self.env["ir.cron"].create(
            {
                "name": "old renewal cron",
                "model_id": self.env.ref("base.model_res_partner").id,
                "state": "code",
                "code": "model.browse()",
            }
        )
        self.env["ir.model.data"].create(
            {
                "module": "kam_management",
                "name": "ir_cron_kam_renewal_activities",
                "model": "ir.cron",
                "res_id": cron.id,
            }
        )
        self.migration.migrate(self.env.cr, "18.0.1.0.0")
        self.assertFalse(cron.exists())
        self.assertEqual(activity_type.res_model, "kam.contract")

    def test_fresh_install_does_nothing(self):
        self._set_dates(self.account_a, date(2025, 6, 1), date(2026, 5, 31))
        self.migration.migrate(self.env.cr, None)
        self.assertFalse(self.Contract.search([("partner_id", "=", self.account_a.id)]))
