# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_visit import KamVisitCommon


@tagged("post_install", "-at_install")
class TestVisitWorkflow(KamVisitCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls._account("Baku Foods")

    def test_done_without_outcome_is_refused(self):
        visit = self._visit()
        with self.assertRaisesRegex(UserError, "Record the outcome"):
            visit.action_done()
        visit.outcome = "   "
        with self.assertRaisesRegex(UserError, "Record the outcome"):
            visit.action_done()
        with self.assertRaises(ValidationError) as error:
            visit.write({"state": "done"})
        self.assertIn("Record the outcome", str(error.exception))
        self.assertEqual(visit.state, "planned")

    def test_done_stamps_last_visit_and_next_due(self):
        visit = self._visit(planned_start=datetime(2030, 1, 8, 10, 0))
        visit.outcome = "Agreed a 3-month trial of the new range."
        with self._on_planned_day(visit):
            visit.with_user(self.user_kam).action_done()
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.date_done)
        self.assertEqual(self.account.kam_last_visit_date, date(2030, 1, 8))
        self.assertEqual(self.account.kam_next_visit_date, date(2030, 2, 5))
        self.assertFalse(self.account.kam_last_call_date, "a visit is not a call")

    def test_call_stamps_last_call(self):
        visit = self._visit(
            visit_type="video",
            planned_start=datetime(2030, 1, 9, 9, 0),
            outcome="Price list sent",
        )
        with self._on_planned_day(visit):
            visit.action_done()
        self.assertEqual(self.account.kam_last_call_date, date(2030, 1, 9))
        self.assertEqual(self.account.kam_next_call_date, date(2030, 1, 16))
        self.assertFalse(self.account.kam_last_visit_date)

    def test_done_on_contact_person_counts_for_company(self):
        contact = self.env["res.partner"].create(
            {"name": "Leyla Mammadova", "parent_id": self.account.id}
        )
        visit = self._visit(partner=contact, outcome="Met the buyer")
        with self._on_planned_day(visit):
            visit.action_done()
        self.assertEqual(self.account.kam_last_visit_date, date(2030, 1, 8))

    def test_done_visit_cannot_be_cancelled(self):
        visit = self._visit(outcome="Signed")
        with self._on_planned_day(visit):
            visit.action_done()
        with self.assertRaisesRegex(UserError, "cannot be cancelled"):
            visit.action_cancel()
        with (
            self._on_planned_day(visit),
            self.assertRaisesRegex(UserError, "Only a planned or missed"),
        ):
            visit.action_done()

    def test_cadence_override_and_never_contacted(self):
        account = self._account("New Horizons")
        self.assertEqual(account.kam_effective_visit_interval, 28)
        self.assertEqual(
            account.kam_next_visit_date,
            self.company._kam_local_day(account.create_date),
            "never visited: due at once",
        )
        account.kam_last_visit_date = date(2030, 1, 1)
        self.assertEqual(account.kam_next_visit_date, date(2030, 1, 29))
        account.kam_visit_interval_days = 10
        self.assertEqual(account.kam_effective_visit_interval, 10)
        self.assertEqual(account.kam_next_visit_date, date(2030, 1, 11))
        self.tier.call_interval_days = 3
        self.assertEqual(account.kam_effective_call_interval, 3)

    def test_negative_interval_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.account.kam_visit_interval_days = -5

    def test_overdue_is_stored_and_searchable(self):
        today = self.env.company._kam_today()
        self.account.kam_last_visit_date = today - timedelta(days=40)
        self.account.kam_last_call_date = today
        self.assertTrue(self.account.kam_visit_overdue)
        self.assertFalse(self.account.kam_call_overdue)
        overdue = self.env["res.partner"].search([("kam_visit_overdue", "=", True)])
        self.assertIn(self.account, overdue)
        self.account.kam_last_visit_date = today
        self.assertNotIn(
            self.account,
            self.env["res.partner"].search([("kam_visit_overdue", "=", True)]),
        )

    def test_refresh_turns_accounts_overdue(self):
        today = self.env.company._kam_today()
        self.account.kam_last_call_date = today - timedelta(days=7)
        self.assertFalse(self.account.kam_call_overdue, "due today, not overdue yet")
        # Tomorrow the account is overdue: the stored flag is refreshed by the daily
        # cron.
        self.env.cr.execute(
            "UPDATE res_partner SET kam_next_call_date = %s WHERE id = %s",
            (today - timedelta(days=1), self.account.id),
        )
        self.env.invalidate_all()
        refreshed = self.env["res.partner"]._kam_refresh_overdue()
        self.assertIn(self.account, refreshed)
        self.assertTrue(self.account.kam_call_overdue)

    def test_cron_marks_missed_after_grace(self):
        now = fields.Datetime.now()
        old = self._visit(planned_start=now - timedelta(days=3))
        recent = self._visit(planned_start=now - timedelta(hours=5))
        done = self._visit(
            planned_start=now - timedelta(days=3), outcome="Done in time"
        )
        done.action_done()
        self.env["kam.visit"]._cron_mark_missed()
        self.assertEqual(old.state, "missed")
        self.assertEqual(
            recent.state, "planned", "still inside the one-day grace period"
        )
        self.assertEqual(done.state, "done")
        self.assertTrue(old.calendar_event_id, "a missed visit keeps its event")

    def test_grace_period_from_settings(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.kam_visit_grace_days, 1)
        settings.kam_visit_grace_days = 5
        settings.save().execute()
        self.assertEqual(self.company.kam_visit_grace_days, 5)
        visit = self._visit(planned_start=fields.Datetime.now() - timedelta(days=3))
        self.env["kam.visit"]._cron_mark_missed()
        self.assertEqual(visit.state, "planned")
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.kam_visit_grace_days = -1

    def test_missed_visit_done_late_is_not_on_time(self):
        visit = self._visit(
            planned_start=fields.Datetime.now() - timedelta(days=4),
            outcome="Caught up by phone",
        )
        self.env["kam.visit"]._cron_mark_missed()
        self.assertEqual(visit.state, "missed")
        visit.action_done()
        self.assertFalse(visit.done_on_time)
        on_time = self._visit(
            planned_start=fields.Datetime.now() - timedelta(hours=2), outcome="Fine"
        )
        on_time.action_done()
        self.assertTrue(on_time.done_on_time)

    def test_order_from_visit(self):
        visit = self._visit()
        action = visit.action_new_quotation()
        self.assertEqual(action["context"]["default_kam_visit_id"], visit.id)
        product = self.env["product.product"].create(
            {"name": "Tea 1 kg", "list_price": 10}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.account.id,
                "kam_visit_id": visit.id,
                "order_line": [fields.Command.create({"product_id": product.id})],
            }
        )
        self.assertEqual(visit.sale_order_ids, order)
        self.assertEqual(visit.sale_order_count, 1)

    def test_contacts_carry_no_cadence_of_their_own(self):
        contact = self.env["res.partner"].create(
            {"name": "Rashad Guliyev", "parent_id": self.account.id}
        )
        self.assertEqual(contact.kam_tier_id, self.tier, "the tier follows the company")
        self.assertEqual(contact.kam_effective_visit_interval, 0)
        self.assertFalse(contact.kam_next_visit_date)
        self.assertFalse(contact.kam_visit_overdue)

    def test_visit_company_must_match_account(self):
        foreign = self._account(
            "Other Company Account", company_id=self.company_2.id, kam_tier_id=False
        )
        with self.assertRaises(UserError):
            self._visit(partner=foreign)
