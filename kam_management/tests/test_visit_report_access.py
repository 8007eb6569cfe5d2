# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common_visit_report import KamVisitReportCommon


@tagged("post_install", "-at_install")
class TestVisitReportAccess(KamVisitReportCommon):
    """Answers follow their visit's access; the purposes and checklists are
    configured by heads of sales and read by KAMs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        purposes = [Command.set(cls.purpose.ids)]
        Visit = cls.env["kam.visit"]
        cls.visit_a, cls.visit_b, cls.visit_c = Visit.create(
            [
                {
                    "partner_id": account.id,
                    "user_id": user.id,
                    "planned_start": "2030-01-08 10:00:00",
                    "purpose_ids": purposes,
                }
                for account, user in (
                    (cls.account_a, cls.user_kam),
                    (cls.account_b, cls.user_kam2),
                    (cls.account_c, cls.user_director),
                )
            ]
        )
        cls.account_other = cls.env["res.partner"].create(
            {
                "name": "Second Company Account",
                "is_company": True,
                "company_id": cls.company_2.id,
                "kam_user_id": cls.user_kam_other_company.id,
            }
        )
        cls.visit_other = (
            Visit.with_company(cls.company_2)
            .with_user(cls.user_kam_other_company)
            .create(
                {
                    "partner_id": cls.account_other.id,
                    "planned_start": "2030-01-08 10:00:00",
                    "purpose_ids": purposes,
                }
            )
        )
        cls.purpose_other_company = cls.env["kam.visit.purpose"].create(
            {"name": "Second Company Purpose", "company_id": cls.company_2.id}
        )

    def _answers(self, user, companies=None):
        visits = self.visit_a | self.visit_b | self.visit_c | self.visit_other
        answers = self.env["kam.visit.answer"].with_user(user)
        if companies:
            answers = answers.with_context(allowed_company_ids=companies.ids)
        return answers.search([("visit_id", "in", visits.ids)])

    def test_answers_follow_the_visit(self):
        a, b, c = (v.answer_ids for v in (self.visit_a, self.visit_b, self.visit_c))
        self.assertEqual(self._answers(self.user_kam), a)
        # kam2 is the backup KAM of account A.
        self.assertEqual(self._answers(self.user_kam2), a | b)
        self.assertEqual(self._answers(self.user_manager), a | b)
        # The director works in both companies.
        other = self.visit_other.answer_ids
        self.assertEqual(self._answers(self.user_director), a | b | c | other)
        self.assertEqual(
            self._answers(self.user_director, companies=self.company), a | b | c
        )
        self.assertEqual(
            self._answers(self.user_kam_other_company), self.visit_other.answer_ids
        )
        with self.assertRaises(AccessError):
            b.with_user(self.user_kam).read(["value_display"])
        with self.assertRaises(AccessError):
            c.with_user(self.user_manager).read(["value_display"])
        with self.assertRaises(AccessError):
            a.with_user(self.user_kam_other_company).read(["value_display"])

    def test_outsiders_see_no_answers_nor_purposes(self):
        for user in (self.user_employee, self.user_portal):
            with self.assertRaises(AccessError, msg=user.login):
                self.visit_a.answer_ids.with_user(user).read(["value_display"])
            with self.assertRaises(AccessError, msg=user.login):
                self.purpose.with_user(user).read(["name"])
            with self.assertRaises(AccessError, msg=user.login):
                self.item_yes_no.with_user(user).read(["name"])

    def test_kam_answers_own_visit_only(self):
        answer = self._answer(self.visit_a, self.item_text).with_user(self.user_kam)
        answer.value_text = "Shelf moved"
        self.assertTrue(answer.is_answered)
        # The backup KAM and the head of sales report on the account too.
        self._answer(self.visit_a, self.item_yes_no).with_user(
            self.user_kam2
        ).value_yes_no = "yes"
        self._answer(self.visit_b, self.item_yes_no).with_user(
            self.user_manager
        ).value_yes_no = "no"
        with self.assertRaises(AccessError):
            self._answer(self.visit_b, self.item_text).with_user(
                self.user_kam
            ).value_text = "Not mine"
        with self.assertRaises(AccessError):
            self._answer(self.visit_c, self.item_text).with_user(
                self.user_manager
            ).value_text = "Outside the team"

    def test_kam_sets_purposes_of_own_visit(self):
        visit = self.visit_a.with_user(self.user_kam)
        visit.purpose_ids = [Command.set(self.purpose_2.ids)]
        self.assertEqual(visit.answer_ids.item_id, self.item_amount)
        with self.assertRaises(AccessError):
            self.visit_b.with_user(self.user_kam).purpose_ids = [
                Command.set(self.purpose_2.ids)
            ]

    def test_kam_reads_configuration_but_does_not_change_it(self):
        purpose = self.purpose.with_user(self.user_kam)
        self.assertEqual(purpose.item_ids.option_ids.mapped("name"), ["None", "Full"])
        with self.assertRaises(AccessError):
            purpose.name = "Renamed"
        with self.assertRaises(AccessError):
            self.env["kam.visit.purpose"].with_user(self.user_kam).create(
                {"name": "Mine"}
            )
        with self.assertRaises(AccessError):
            self.env["kam.visit.checklist.item"].with_user(self.user_kam).create(
                {"purpose_id": self.purpose.id, "name": "Extra"}
            )
        with self.assertRaises(AccessError):
            self.option_full.with_user(self.user_kam).name = "Complete"

    def test_head_of_sales_configures_checklists_for_every_kam(self):
        """A question added by a head of sales reaches every open report with the
        purpose, also of visits outside the head's team."""
        item = (
            self.env["kam.visit.checklist.item"]
            .with_user(self.user_manager)
            .create(
                {
                    "purpose_id": self.purpose.id,
                    "name": "Competitor on the shelf?",
                    "answer_type": "selection",
                    "option_ids": [Command.create({"name": "Yes, more facings"})],
                }
            )
        )
        for visit in (self.visit_a, self.visit_b, self.visit_c, self.visit_other):
            self.assertIn(item, visit.answer_ids.item_id)
        purpose = (
            self.env["kam.visit.purpose"]
            .with_user(self.user_manager)
            .create({"name": "Team meeting"})
        )
        purpose.name = "Team Meeting"
        purpose.unlink()

    def test_purposes_of_other_companies(self):
        self.assertFalse(
            self.env["kam.visit.purpose"]
            .with_user(self.user_kam)
            .search([("id", "=", self.purpose_other_company.id)])
        )
        with self.assertRaises(AccessError):
            self.purpose_other_company.with_user(self.user_kam).read(["name"])
        for purposes in (
            [Command.link(self.purpose_other_company.id)],
            [Command.set(self.purpose_other_company.ids)],
        ):
            with self.assertRaises(ValidationError) as error:
                self.visit_a.purpose_ids = purposes
            self.assertIn("cannot have the purpose", str(error.exception))

    def test_report_read_group_as_kam(self):
        """The analysis groups only what the KAM may read."""
        groups = (
            self.env["kam.visit.answer"]
            .with_user(self.user_kam)
            ._read_group(
                [("visit_id.planned_start", "=", "2030-01-08 10:00:00")],
                ["partner_id"],
                ["__count"],
            )
        )
        self.assertEqual(groups, [(self.account_a, 7)])

    def test_head_of_sales_deletes_a_done_visit_with_its_report(self):
        visit = self.visit_b
        self._answer(visit, self.item_yes_no).value_yes_no = "yes"
        self._answer(visit, self.item_number).value_number = 4
        visit.outcome = "Audited"
        with self._on_planned_day(visit):
            visit.action_done()
        answers = visit.answer_ids
        with self.assertRaises(AccessError):
            visit.with_user(self.user_kam2).unlink()
        visit.with_user(self.user_manager).unlink()
        self.assertFalse(answers.exists())
