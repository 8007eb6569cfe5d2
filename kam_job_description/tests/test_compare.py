# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionCompare(JobDescriptionCommon):
    def test_section_by_section_changes(self):
        first = self._approved_description()
        with self.assertRaisesRegex(UserError, "first version"):
            first.action_compare_previous()
        second = self.env["kam.job.description"].browse(
            first.with_user(self.user_hr).action_new_version()["res_id"]
        )
        with Form(second.with_user(self.user_hr)) as form:
            form.reports_to_job_id = self.job_director
            with form.duty_item_ids.edit(0) as duty:
                duty.text = (
                    "Plans sales volumes and targets from the department's plan."
                )
            form.duty_item_ids.remove(1)
            with form.right_item_ids.new() as right:
                right.text = "Requests information from other departments."
        action = second.action_compare_previous()
        wizard = self.env["kam.job.description.compare"].browse(action["res_id"])
        changes = [
            (c["section"], c["number"], c["change"], c["old_text"], c["new_text"])
            for c in wizard._kam_changes()
        ]
        self.assertIn(
            (
                "general",
                "1.3",
                "reworded",
                "The Key Account Manager reports directly to the Head of Sales.",
                "The Key Account Manager reports directly to the Commercial Director.",
            ),
            changes,
        )
        self.assertIn(
            (
                "duty",
                "2.1",
                "reworded",
                "Plans sales.",
                "Plans sales volumes and targets from the department's plan.",
            ),
            changes,
        )
        self.assertIn(("duty", "2.2", "removed", "Visits clients.", False), changes)
        self.assertIn(
            (
                "right",
                "3.2",
                "added",
                False,
                "Requests information from other departments.",
            ),
            changes,
        )
        self.assertEqual(len(changes), 4, "unchanged clauses are not listed")
        html = str(wizard.difference_html)
        self.assertIn("Reworded", html)
        self.assertIn("Removed", html)
        self.assertIn("Added", html)
        self.assertIn("department&#39;s plan", html)

    def test_identical_versions(self):
        first = self._approved_description()
        second = self.env["kam.job.description"].browse(
            first.with_user(self.user_hr).action_new_version()["res_id"]
        )
        wizard = self.env["kam.job.description.compare"].create(
            {"old_description_id": first.id, "new_description_id": second.id}
        )
        self.assertEqual(wizard._kam_changes(), [])
        self.assertIn("say the same", str(wizard.difference_html))

    def test_only_versions_of_one_position(self):
        one = self._new_description()
        other = self._new_description(self.job_other)
        with self.assertRaisesRegex(ValidationError, "same position"):
            self.env["kam.job.description.compare"].create(
                {"old_description_id": one.id, "new_description_id": other.id}
            )
