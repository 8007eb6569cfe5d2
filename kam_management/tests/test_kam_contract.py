# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .contract_common import KamContractCommon

RENEWAL = "kam_management.mail_activity_type_kam_renewal"


@tagged("post_install", "-at_install")
class TestKamContract(KamContractCommon):
    def _renewal_activities(self, contracts):
        activity_type = self.env.ref(RENEWAL)
        return contracts.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def test_register_through_the_form(self):
        form = Form(self.Contract.with_user(self.user_kam))
        form.partner_id = self.account_a
        form.date_start = date(2026, 1, 1)
        form.date_end = date(2026, 12, 31)
        form.payment_term_id = self.term_30
        form.volume_amount = 5000
        form.volume_period = "quarter"
        form.delivery_lead_days = 2
        contract = form.save()
        self.assertEqual(contract.state, "draft")
        self.assertNotEqual(contract.name, "New", "numbered from the sequence")
        self.assertEqual(contract.user_id, self.user_kam)
        self.assertEqual(contract.company_id, self.company)

    def test_activation_signs_and_applies_expiry(self):
        contract = self._contract(self.account_a, activate=False)
        self.assertFalse(contract.date_signed)
        contract.action_activate()
        self.assertEqual(contract.state, "active")
        self.assertEqual(contract.date_signed, self.today)
        with self._raises(UserError, "Only a draft contract"):
            contract.action_activate()

    def test_expiring_within_notice(self):
        # the reminder itself: test_kam_cron.test_renewal_activity_for_acting_kam
        self.company.kam_renewal_notice_days = 30
        near = self._contract(
            self.account_a,
            date_start=self.today - timedelta(days=300),
            date_end=self.today + timedelta(days=30),
        )
        far = self._contract(
            self.account_b,
            date_start=self.today - timedelta(days=300),
            date_end=self.today + timedelta(days=31),
        )
        self.assertEqual(near.state, "expiring")
        self.assertEqual(far.state, "active")
        self.assertTrue(self._renewal_activities(near))
        self.assertFalse(self._renewal_activities(far))
        self.company.kam_renewal_notice_days = 31
        self.Contract._cron_kam_contract_states()
        self.assertEqual(far.state, "expiring")

    def test_expired_after_end(self):
        contract = self._contract(
            self.account_a,
            date_start=self.today - timedelta(days=400),
            date_end=self.today - timedelta(days=1),
        )
        self.assertEqual(contract.state, "expired")
        # still in force over its validity for the documents of that time
        key = (self.account_a.id, self.company.id, self.today - timedelta(days=1))
        self.assertEqual(self.Contract._kam_in_force([key])[key], contract)
        key = (self.account_a.id, self.company.id, self.today)
        self.assertFalse(self.Contract._kam_in_force([key])[key])

    def test_expiry_follows_the_business_calendar(self):
        # 30 Nov 23:30 UTC is 1 Dec in Baku, still 30 Nov in Honolulu: a contract
        # ending on 31 Dec is within a 30-day notice in Baku only.
        self.company.kam_renewal_notice_days = 30
        for tz, expected in (("Asia/Baku", "expiring"), ("Pacific/Honolulu", "active")):
            for moment in ("2026-11-30 23:30:00", "2026-12-01 00:30:00"):
                with self.subTest(tz=tz, moment=moment), freeze_time(moment):
                    self.company.kam_tz = tz
                    contract = self.Contract.create(
                        {
                            "partner_id": self.account_b.id,
                            "date_start": date(2026, 1, 1),
                            "date_end": date(2026, 12, 31),
                        }
                    )
                    contract.action_activate()
                    self.assertEqual(contract.state, expected)
                    contract.unlink()

    def test_renewal_creates_the_next_contract(self):
        self.company.kam_renewal_notice_days = 30
        contract = self._contract(
            self.account_a,
            date_start=self.today - timedelta(days=354),
            date_end=self.today + timedelta(days=10),
            payment_term_id=self.term_30.id,
            volume_amount=1000,
        )
        self.assertEqual(contract.state, "expiring")
        self.assertTrue(self._renewal_activities(contract))
        action = contract.with_user(self.user_kam).action_renew()
        renewal = self.Contract.browse(action["res_id"])
        self.assertEqual(contract.state, "renewed")
        self.assertEqual(contract.next_contract_id, renewal)
        self.assertEqual(renewal.previous_contract_id, contract)
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(renewal.date_start, contract.date_end + timedelta(days=1))
        self.assertEqual(
            renewal.date_end - renewal.date_start,
            contract.date_end - contract.date_start,
        )
        self.assertEqual(renewal.payment_term_id, self.term_30)
        self.assertEqual(renewal.volume_amount, 1000)
        self.assertNotEqual(renewal.name, contract.name)
        self.assertFalse(self._renewal_activities(contract), "reminder done")
        renewal.action_activate()
        self.assertEqual(renewal.state, "active")

    def test_renewal_keeps_whole_years(self):
        contract = self._contract(
            self.account_a,
            date_start=date(2025, 3, 1),
            date_end=date(2026, 2, 28),
        )
        renewal = self.Contract.browse(contract.action_renew()["res_id"])
        self.assertEqual(renewal.date_start, date(2026, 3, 1))
        self.assertEqual(renewal.date_end, date(2027, 2, 28))

    def test_terminate_ends_today(self):
        contract = self._contract(self.account_a)
        contract.with_user(self.user_kam).action_terminate()
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.date_end, self.today)
        # a new contract may start tomorrow
        self._contract(
            self.account_a,
            date_start=self.today + timedelta(days=1),
            date_end=self.today + timedelta(days=366),
        )

    def test_bad_input(self):
        with self._raises(ValidationError, "cannot end"):
            self._contract(
                self.account_a,
                date_start=self.today,
                date_end=self.today - timedelta(days=1),
            )
        with self._raises(ValidationError, "cannot be negative"):
            self._contract(self.account_a, volume_amount=-10)
        with self._raises(ValidationError, "cannot be negative"):
            self._contract(self.account_a, delivery_lead_days=-1)
        with self._raises(ValidationError, "between 0 and 100"):
            self._contract(self.account_a, discount_max=120)
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.account_a.id}
        )
        with self._raises(ValidationError, "not with its contact"):
            self._contract(contact)
        self.assertFalse(self.Contract.search([("partner_id", "=", self.account_a.id)]))

    def test_overlapping_contracts_refused(self):
        first = self._contract(self.account_a)
        second = self._contract(
            self.account_a,
            activate=False,
            date_start=first.date_end - timedelta(days=10),
            date_end=first.date_end + timedelta(days=300),
        )
        with self._raises(ValidationError, "overlaps contract"):
            second.action_activate()
        self.assertEqual(second.state, "draft", "nothing half-written")
        # another account, or after the first one ends, is fine
        self._contract(self.account_b)
        second.date_start = first.date_end + timedelta(days=1)
        second.action_activate()
        self.assertEqual(second.state, "active")
        # an indefinite contract overlaps everything after its start
        with self._raises(ValidationError, "overlaps contract"):
            self._contract(
                self.account_a,
                date_start=first.date_start - timedelta(days=400),
                date_end=False,
            )

    def test_wrong_transitions(self):
        draft = self._contract(self.account_a, activate=False)
        with self._raises(UserError, "can be terminated"):
            draft.action_terminate()
        with self._raises(UserError, "can be renewed"):
            draft.action_renew()
        open_ended = self._contract(self.account_b, date_end=False)
        with self._raises(UserError, "no end date"):
            open_ended.action_renew()
        with self._raises(UserError, "not started yet"):
            open_ended.action_draft()
        future = self._contract(
            self.account_c,
            date_start=self.today + timedelta(days=5),
            date_end=self.today + timedelta(days=100),
        )
        with self._raises(UserError, "has not started yet"):
            future.action_terminate()
        future.action_draft()
        self.assertEqual(future.state, "draft")

    def test_reminder_for_a_kam_without_email(self):
        self.user_kam.email = False
        self.company.kam_renewal_notice_days = 30
        contract = self.Contract.with_user(self.user_kam).create(
            {
                "partner_id": self.account_a.id,
                "date_start": self.today - timedelta(days=300),
                "date_end": self.today + timedelta(days=5),
            }
        )
        contract.action_activate()
        self.assertEqual(contract.state, "expiring")
        self.assertEqual(self._renewal_activities(contract).user_id, self.user_kam)
        contract.action_renew()
        self.assertEqual(contract.state, "renewed")

    def test_account_smart_button_and_contract_in_force(self):
        contract = self._contract(self.account_a)
        account = self.account_a.with_user(self.user_kam)
        self.assertEqual(account.kam_contract_count, 1)
        self.assertEqual(account.kam_contract_id, contract)
        self.assertEqual(account.kam_contract_date_end, contract.date_end)
        action = account.action_kam_contracts()
        self.assertEqual(
            self.Contract.search(action["domain"]), contract.with_user(self.user_kam)
        )
        # another KAM's account: the contract is not shown to kam_user
        other = self._contract(self.account_b)
        self.assertTrue(other)
        self.assertFalse(self.account_b.with_user(self.user_kam).kam_contract_id)
        renewal_due = self.env["res.partner"].search(
            [("kam_contract_ids.state", "=", "expiring")]
        )
        self.assertNotIn(self.account_a, renewal_due)
