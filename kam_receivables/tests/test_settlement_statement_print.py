# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import timedelta
from urllib.parse import quote

from odoo.tests import HttpCase, tagged

from .common import KamReceivablesCommon


@tagged("post_install", "-at_install")
class TestSettlementStatementPrint(KamReceivablesCommon, HttpCase):
    """*Print* in the statement wizard fetches the report the way the web client
    does: an action with options is requested at ``/report/<type>/<report>`` with
    the options and the context in the query string, and no record ids."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice(
            cls.customer, 500, cls.today - timedelta(days=5), cls.today
        )

    def _client_url(self, action, converter):
        """``getReportUrl`` of web/static/src/webclient/actions/reports/utils.js."""
        url = f"/report/{converter}/{action['report_name']}"
        if action.get("data"):
            return (
                f"{url}?options={quote(json.dumps(action['data']))}"
                f"&context={quote(json.dumps(action.get('context') or {}))}"
            )
        return f"{url}/{','.join(map(str, action['context']['active_ids']))}"

    def test_print_from_wizard_renders_the_customer(self):
        wizard = (
            self.env["res.partner.settlement.statement"]
            .with_user(self.user_kam)
            .with_context(active_model="res.partner", active_id=self.customer.id)
            .create({})
        )
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.authenticate(self.user_kam.login, self.user_kam.login)
        response = self.url_open(self._client_url(action, "html"))
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn("Statement of Mutual Settlements", html)
        self.assertIn(self.customer.name, html)
        self.assertIn(self.invoice.name, html)
