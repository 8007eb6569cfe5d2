# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.kam_management.tests.pdf_common import KamPdfCase

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestSettlementStatementPdf(KamReceivablesCommon, KamPdfCase):
    """The printed statement, signed by both sides, names both, whichever
    wkhtmltopdf build prints it (Debian's drops the layout's header)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._kam_set_company_address(cls.company)
        cls.customer.write(
            {"street": "7 Fountain Square", "zip": "AZ2000", "city": "Ganja"}
        )
        cls.invoice = cls._invoice(
            cls.customer, 500, cls.today - timedelta(days=5), cls.today
        )

    def test_pdf_names_both_parties(self):
        wizard = (
            self.env["res.partner.settlement.statement"]
            .with_user(self.user_kam)
            .with_context(active_model="res.partner", active_id=self.customer.id)
            .create({})
        )
        text = self._pdf_text(
            "kam_receivables.report_settlement_statement",
            self.customer,
            data=wizard.action_print()["data"],
            user=self.user_kam,
        )
        self._assert_company_printed(text, self.company)
        for value in (self.customer.name, "7 Fountain Square", "Ganja", "AZ2000"):
            self.assertIn(value, text)
        self.assertIn("Statement of Mutual Settlements", text)
        self.assertIn(self.invoice.name, text)
