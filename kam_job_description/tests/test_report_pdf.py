# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.kam_management.tests.pdf_common import KamPdfCase

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionPdf(JobDescriptionCommon, KamPdfCase):
    """The printed job description names the employer, whichever wkhtmltopdf
    build prints it (Debian's drops the layout's header)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._kam_set_company_address(cls.company)

    def test_pdf_names_the_company(self):
        description = self._approved_description()
        description.with_user(self.user_kam).action_acknowledge()
        text = self._pdf_text(
            "kam_job_description.kam_job_description_report",
            description,
            user=self.user_hr,
        )
        self._assert_company_printed(text, self.company)
        # the document itself is all there, the signed blocks included
        for value in ("APPROVED", "JOB DESCRIPTION", "AGREED", "Acknowledgement sheet"):
            self.assertIn(value, text)
