# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import html

from odoo.tests import tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionReport(JobDescriptionCommon):
    def _render(self, description, user=None):
        report = self.env["ir.actions.report"].with_user(user or self.user_hr)
        content, report_type = report._render_qweb_pdf(
            "kam_job_description.kam_job_description_report", description.ids
        )
        # tests render HTML instead of PDF
        self.assertEqual(report_type, "html")
        return html.fromstring(content)

    def _text(self, node):
        return " ".join(node.text_content().split())

    def test_printed_document_has_every_block(self):
        description = self._approved_description()
        description.with_user(self.user_kam).action_acknowledge()
        doc = self._render(description)

        approved = doc.xpath("//div[contains(@class, 'o_kam_jd_approved')]")
        self.assertEqual(len(approved), 1)
        self.assertIn("text-end", approved[0].get("class"), "top right of page one")
        approved_text = self._text(approved[0])
        self.assertIn("APPROVED", approved_text)
        self.assertIn("Chief Executive Officer", approved_text)
        self.assertIn(self.user_ceo.name, approved_text)
        self.assertIn("____", approved_text, "signature line")

        agreed = self._text(doc.xpath("//div[contains(@class, 'o_kam_jd_agreed')]")[0])
        self.assertIn("AGREED", agreed)
        for role, user in self.signers.items():
            self.assertIn(user.name, agreed, role)
        self.assertIn("Head of Legal", agreed)
        self.assertIn("Head of Economic Planning", agreed)

        sections = [
            self._text(h)
            for h in doc.xpath("//div[contains(@class, 'o_kam_jd_section')]/h5")
        ]
        self.assertEqual(
            sections,
            [
                "I. General provisions",
                "II. Duties",
                "III. Rights",
                "IV. Responsibility",
            ],
        )
        body = self._text(doc)
        self.assertIn(
            "1.3 The Key Account Manager reports directly to the Head of Sales.", body
        )
        self.assertIn("2.1 Plans sales.", body)
        self.assertIn("at least 2 year(s) of experience in sales", body)

        sheet = doc.xpath("//div[contains(@class, 'o_kam_jd_acknowledgement_sheet')]")[
            0
        ]
        headers = [self._text(th) for th in sheet.xpath(".//th")]
        self.assertEqual(headers, ["No.", "Name", "Position", "Date", "Signature"])
        rows = [
            [self._text(td) for td in tr.xpath("./td")]
            for tr in sheet.xpath(".//tbody/tr")
        ]
        self.assertEqual(
            rows[0][:3], ["1", self.employee_kam.name, "Key Account Manager"]
        )
        self.assertTrue(rows[0][3], "acknowledged with a date")
        self.assertEqual(
            rows[1][:3], ["2", self.employee_kam2.name, "Key Account Manager"]
        )
        self.assertFalse(rows[1][3], "not yet acknowledged")
        self.assertEqual(len(rows), 5, "two holders and three blank lines")

    def test_draft_prints_blank_approval(self):
        description = self._new_description()
        doc = self._render(description)
        approved = self._text(
            doc.xpath("//div[contains(@class, 'o_kam_jd_approved')]")[0]
        )
        self.assertIn("APPROVED", approved)
        self.assertIn(
            self.user_ceo.name, approved, "the default approver from Settings"
        )
        self.assertIn("20__", approved)

    def test_employee_prints_their_own_description(self):
        description = self._approved_description()
        action = description.with_user(self.user_kam).action_print()
        self.assertEqual(
            action["report_name"], "kam_job_description.report_kam_job_description"
        )
        doc = self._render(description, self.user_hr)
        self.assertTrue(doc.xpath("//div[contains(@class, 'o_kam_jd_document')]"))
