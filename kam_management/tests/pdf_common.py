# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import subprocess
import tempfile
from pathlib import Path

from odoo.tests import HttpCase


def pdf_text(content):
    """The text a person reads on the printed pages, whitespace collapsed.

    ``pdftotext`` (poppler-utils) reads the PDF's text layer. The wkhtmltopdf of
    Debian and Ubuntu (Qt 5, "unpatched qt") draws web fonts such as Odoo's Lato as
    curves, leaving no text layer; then the pages are rendered (``pdftoppm``) and
    read by OCR (``tesseract``).
    """
    text = _run(["pdftotext", "-enc", "UTF-8", "-", "-"], content)
    if not re.search(r"\w", text):
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "report.pdf"
            pdf.write_bytes(content)
            _run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), f"{tmp}/page"])
            pages = sorted(Path(tmp).glob("page*.png"))
            text = "\n".join(_run(["tesseract", str(page), "-"]) for page in pages)
    return " ".join(text.split())


def _run(command, stdin=None):
    return subprocess.run(
        command, input=stdin, capture_output=True, check=True
    ).stdout.decode()


class KamPdfCase(HttpCase):
    """Prints reports to real PDF files and reads their text back (``pdf_text``).

    Tests get HTML from ``_render_qweb_pdf`` unless ``force_report_rendering`` is set;
    with it wkhtmltopdf runs and fetches the report's styles from the test server
    (hence an HttpCase). Whatever wkhtmltopdf leaves out, such as the layout's
    separate header with the unpatched build, is not in the text.

    Mix it in after an add-on's common base: ``class T(KamCommon, KamPdfCase)``.
    """

    @classmethod
    def _kam_set_company_address(cls, company):
        company.write(
            {
                "street": "12 Nizami Street",
                "zip": "AZ1000",
                "city": "Baku",
                "state_id": False,
                "country_id": cls.env.ref("base.az").id,
                "vat": "1234567891",
            }
        )

    def _pdf_text(self, report_ref, records, data=None, user=None):
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            report = report.with_user(user)
        content, report_type = report._render_qweb_pdf(
            report_ref, records.ids, data=data
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        return pdf_text(content)

    def _assert_company_printed(self, text, company):
        """The issuing company's name, address and tax ID are on the printed page."""
        for value in (company.name, company.street, company.zip, company.city):
            self.assertIn(value, text)
        self.assertIn(company.vat, text)
