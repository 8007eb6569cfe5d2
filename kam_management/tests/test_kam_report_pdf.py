# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .pay_common import KamPayCommon
from .pdf_common import KamPdfCase


@tagged("post_install", "-at_install")
class TestKamVariablePayPdf(KamPayCommon, KamPdfCase):
    """The printed pay statement names the company paying it, whichever
    wkhtmltopdf build prints it (Debian's drops the layout's header)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._kam_set_company_address(cls.company)
        cls._sell(cls.account_1, 900.0)
        cls.statement = cls._statement(cls.plan_kam)
        cls.statement.action_compute()

    def test_pdf_names_company_and_kam(self):
        text = self._pdf_text(
            "kam_management.kam_variable_pay_statement_report",
            self.statement,
            user=self.user_kam,
        )
        self._assert_company_printed(text, self.company)
        self.assertIn(self.user_kam.name, text)
        self.assertIn("Total variable pay", text)
