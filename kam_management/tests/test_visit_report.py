# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_visit_report import KamVisitReportCommon

# A 1x1 PNG.
PIXEL = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010802000000"
        "907753de0000000c49444154789c63382127070002b6010534a675aa00"
        "00000049454e44ae426082"
    )
)


@tagged("post_install", "-at_install")
class TestVisitReport(KamVisitReportCommon):
    def test_shipped_purposes_and_checklists(self):
        """The six purposes of clauses 2.3-2.18 ship with their checklists."""
        ref = self.env.ref
        merchandising = ref("kam_management.kam_visit_purpose_merchandising")
        self.assertEqual(
            merchandising.item_ids.mapped("answer_type"),
            ["yes_no", "number", "number", "yes_no", "selection", "photo"],
        )
        self.assertEqual(len(merchandising.item_ids.filtered("required")), 3)
        display = ref("kam_management.kam_visit_checklist_item_merchandising_display")
        self.assertEqual(len(display.option_ids), 3)
        training = ref("kam_management.kam_visit_purpose_training")
        self.assertEqual(
            training.item_ids.mapped("name"),
            ["Topic", "Attendees", "Material handed out", "Follow-up date"],
        )
        collection = ref("kam_management.kam_visit_purpose_collection")
        self.assertEqual(collection.item_ids.mapped("answer_type"), ["number", "date"])
        self.assertTrue(all(collection.item_ids.mapped("required")))
        for code in ("sales_talk", "promotion", "complaint"):
            self.assertTrue(ref(f"kam_management.kam_visit_purpose_{code}").item_ids)

    def test_answers_follow_purposes(self):
        """One answer per question of the purposes, created when purposes are set
        and dropped when a purpose is taken off."""
        visit = self._visit()
        self.assertFalse(visit.answer_ids)
        visit.purpose_ids = self.purpose
        self.assertEqual(visit.answer_ids.item_id, self.purpose.item_ids)
        self.assertEqual(visit.checklist_count, 7)
        self.assertEqual(visit.checklist_missing_count, 2)
        visit.purpose_ids = [Command.link(self.purpose_2.id)]
        self.assertEqual(
            visit.answer_ids.item_id, self.purpose.item_ids | self.item_amount
        )
        kept = self._answer(visit, self.item_amount)
        visit.purpose_ids = [Command.unlink(self.purpose.id)]
        self.assertEqual(visit.answer_ids, kept)
        # Every answer carries the visit's figures for reporting.
        self.assertEqual(kept.partner_id, self.account)
        self.assertEqual(kept.user_id, self.user_kam)
        self.assertEqual(kept.visit_day, date(2030, 1, 8))
        self.assertEqual(kept.visit_state, "planned")

    def test_batch_creation(self):
        visits = self.env["kam.visit"].create(
            [
                {
                    "partner_id": self.account.id,
                    "planned_start": f"2030-01-0{day} 10:00:00",
                    "purpose_ids": [Command.set(purposes.ids)],
                }
                for day, purposes in (
                    (7, self.purpose),
                    (8, self.purpose_2),
                    (9, self.purpose | self.purpose_2),
                )
            ]
        )
        self.assertEqual([len(v.answer_ids) for v in visits], [7, 1, 8])

    def test_new_and_archived_questions_reach_open_reports(self):
        planned = self._report_visit()
        done = self._report_visit()
        self._answer_mandatory(done)
        with self._on_planned_day(done):
            done.action_done()
        question = self.env["kam.visit.checklist.item"].create(
            {
                "purpose_id": self.purpose.id,
                "name": "Competitor promotion seen?",
                "answer_type": "yes_no",
                "required": True,
            }
        )
        self.assertIn(question, planned.answer_ids.item_id)
        self.assertNotIn(question, done.answer_ids.item_id)
        self._answer(planned, self.item_text).value_text = "Kept when archived"
        (question | self.item_text).active = False
        self.assertNotIn(question, planned.answer_ids.item_id)
        self.assertIn(self.item_text, planned.answer_ids.item_id)

    def test_report_in_the_form(self):
        """The KAM chooses the purposes, saves, and answers the checklist inline."""
        form = Form(self.env["kam.visit"].with_user(self.user_kam))
        form.partner_id = self.account
        form.planned_start = "2030-01-08 10:00:00"
        form.purpose_ids.add(self.purpose_2)
        visit = form.save()
        self.assertEqual(len(form.answer_ids), 1)
        with form.answer_ids.edit(0) as line:
            self.assertFalse(line.value_number_input)
            line.value_number_input = "1 200"
        form.outcome = "Promise of payment"
        form.save()
        self.assertEqual(visit.answer_ids.item_id, self.item_amount)
        self.assertEqual(visit.answer_ids.value_number, 1200)
        self.assertTrue(visit.answer_ids.is_answered)
        with self._on_planned_day(visit):
            visit.action_done()
        self.assertEqual(visit.state, "done")

    def test_typed_answers(self):
        visit = self._report_visit()
        self._answer(visit, self.item_yes_no).value_yes_no = "no"
        self._answer(visit, self.item_number).value_number = 0
        self._answer(visit, self.item_selection).option_id = self.option_full
        self._answer(visit, self.item_date).value_date = date(2030, 2, 1)
        self._answer(visit, self.item_text).value_text = "Shelf moved to aisle 3"
        self._answer(visit, self.item_photo).value_photo = PIXEL
        self._answer(visit, self.item_signed).value_number = -4
        self.assertTrue(all(visit.answer_ids.mapped("is_answered")))
        self.assertEqual(
            visit.answer_ids.mapped("value_display"),
            ["No", "0", "Full", "2030-02-01", "Shelf moved to aisle 3", "Photo", "-4"],
        )
        self.assertEqual(sum(visit.answer_ids.mapped("yes_count")), 0)
        self.assertEqual(sum(visit.answer_ids.mapped("answered_count")), 7)
        # Zero is an answer; clearing the number (False over RPC) takes it back.
        number = self._answer(visit, self.item_number)
        number.write({"value_number": False})
        self.assertFalse(number.is_answered)
        self.assertEqual(visit.checklist_missing_count, 1)

    def test_zero_is_no_number_for_other_questions(self):
        """Clients send the number field's default (zero) with other fields: it
        neither answers a number question nor mistypes another one."""
        visit = self._report_visit()
        yes_no = self._answer(visit, self.item_yes_no)
        yes_no.write({"value_yes_no": "yes", "value_number": 0})
        self.assertTrue(yes_no.is_answered)
        self.assertFalse(yes_no.number_answered)
        text = self._answer(visit, self.item_text)
        number = self._answer(visit, self.item_number)
        (text | number).write({"value_number": 0})
        self.assertTrue(number.is_answered)
        self.assertFalse(text.is_answered)

    def test_number_as_typed(self):
        visit = self._report_visit()
        answer = self._answer(visit, self.item_number)
        self.assertFalse(answer.value_number_input)
        for typed, number, shown in (
            ("0", 0.0, "0"),
            ("12,5", 12.5, "12.5"),
            (" 1 250.75 ", 1250.75, "1250.75"),
            ("1,250.75", 1250.75, "1250.75"),
            ("2500000", 2500000.0, "2500000"),
        ):
            with self.subTest(typed=typed):
                answer.value_number_input = typed
                answer.invalidate_recordset(["value_number_input"])
                self.assertTrue(answer.is_answered)
                self.assertEqual(answer.value_number, number)
                self.assertEqual(answer.value_number_input, shown)
                self.assertEqual(answer.value_display, shown)
        answer.value_number_input = ""
        self.assertFalse(answer.is_answered)
        for typed in ("twelve", "1.2.3", "nan", "inf"):
            with (
                self.subTest(typed=typed),
                self.assertRaisesRegex(ValidationError, "is not a number"),
                self.cr.savepoint(),
            ):
                answer.value_number_input = typed
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            answer.value_number_input = "-3"

    def test_wrong_type_of_answer(self):
        visit = self._report_visit()
        cases = [
            (self.item_yes_no, {"value_text": "yes"}, "answered with Yes/No"),
            (self.item_number, {"value_yes_no": "yes"}, "not with Yes/No"),
            (self.item_text, {"value_number": 3}, "not with Number"),
            (self.item_date, {"option_id": self.option_full.id}, "not with Selection"),
            (self.item_selection, {"value_date": "2030-01-01"}, "not with Date"),
            (self.item_text, {"value_photo": PIXEL}, "not with Photo"),
        ]
        for item, vals, message in cases:
            with (
                self.subTest(item=item.name, vals=list(vals)),
                self.assertRaisesRegex(ValidationError, message),
                self.cr.savepoint(),
            ):
                self._answer(visit, item).write(vals)

    def test_selection_value_not_in_options(self):
        visit = self._report_visit(purposes=self.purpose)
        other = self.env.ref(
            "kam_management.kam_visit_checklist_option_merchandising_display_none"
        )
        with self.assertRaisesRegex(ValidationError, "not one of the options"):
            self._answer(visit, self.item_selection).option_id = other

    def test_negative_number(self):
        visit = self._report_visit()
        with self.assertRaisesRegex(ValidationError, "Facings cannot be negative"):
            self._answer(visit, self.item_number).value_number = -1
        self._answer(visit, self.item_signed).value_number = -1
        self.assertTrue(self._answer(visit, self.item_signed).is_answered)

    def test_one_answer_per_question(self):
        visit = self._report_visit()
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["kam.visit.answer"].create(
                {"visit_id": visit.id, "item_id": self.item_text.id}
            )

    def test_mandatory_questions_block_done(self):
        visit = self._report_visit(purposes=self.purpose | self.purpose_2)
        self._answer(visit, self.item_yes_no).value_yes_no = "yes"
        with self._on_planned_day(visit), self.assertRaises(UserError) as error:
            visit.action_done()
        message = str(error.exception)
        self.assertIn("Answer the mandatory questions", message)
        self.assertIn("Test Audit: Facings", message)
        self.assertIn("Test Collection: Promised amount", message)
        self.assertNotIn("Shelf complete?", message)
        self.assertNotIn("Notes", message)
        self.assertEqual(visit.state, "planned")
        # Writing the state directly is refused too.
        with self.assertRaises(ValidationError) as error:
            visit.write({"state": "done"})
        self.assertIn("Test Audit: Facings", str(error.exception))
        self.assertEqual(visit.state, "planned")
        self._answer_mandatory(visit)
        with self._on_planned_day(visit):
            visit.action_done()
        self.assertEqual(visit.state, "done")

    def test_purposes_and_done_in_one_write(self):
        """Setting the purposes and closing at once still asks their questions."""
        visit = self._visit(outcome="Audited")
        with self.assertRaises(ValidationError) as error:
            visit.write(
                {"purpose_ids": [Command.set(self.purpose.ids)], "state": "done"}
            )
        self.assertIn("Test Audit: Facings", str(error.exception))

    def test_done_report_is_locked(self):
        visit = self._report_visit()
        self._answer_mandatory(visit)
        with self._on_planned_day(visit):
            visit.action_done()
        answer = self._answer(visit, self.item_text)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            answer.value_text = "Afterthought"
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            answer.unlink()
        with self.assertRaisesRegex(UserError, "purposes of .* cannot change"):
            visit.purpose_ids = [Command.link(self.purpose_2.id)]
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.env["kam.visit.answer"].create(
                {"visit_id": visit.id, "item_id": self.item_amount.id}
            )

    def test_configuration_rules(self):
        with self.assertRaisesRegex(ValidationError, "at least one option"):
            self.env["kam.visit.checklist.item"].create(
                {
                    "purpose_id": self.purpose.id,
                    "name": "Choice without options",
                    "answer_type": "selection",
                }
            )
        visit = self._report_visit()
        self._answer(visit, self.item_text).value_text = "Answered"
        self._answer(visit, self.item_selection).option_id = self.option_none
        with self.assertRaisesRegex(UserError, "archive it instead"):
            self.item_text.unlink()
        with self.assertRaisesRegex(UserError, "answer type of a question"):
            self.item_text.answer_type = "number"
        with self.assertRaisesRegex(UserError, "option already chosen"):
            self.option_none.unlink()
        # Unanswered questions and options may still change.
        self.item_date.answer_type = "text"
        self.option_full.unlink()
        self.item_signed.unlink()
        self.assertNotIn(self.item_signed.id, visit.answer_ids.item_id.ids)

    def test_purpose_deletion(self):
        visit = self._report_visit(purposes=self.purpose_2)
        self.purpose.unlink()
        self.assertFalse(self.item_text.exists())
        self._answer(visit, self.item_amount).value_number = 10
        with self.assertRaisesRegex(UserError, "archive it instead"):
            self.purpose_2.unlink()
