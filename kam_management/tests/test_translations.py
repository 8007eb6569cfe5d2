# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import KamCommon

LANGS = ("az_AZ", "ru_RU")


@tagged("post_install", "-at_install")
class TestKamTranslations(KamCommon):
    """The Azerbaijani and Russian terms load (a bad .po logs a warning, which
    fails the run) and reach menus, fields, selections, data and messages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in LANGS:
            cls.env["res.lang"]._activate_lang(code)
        # Every add-on of the suite that is installed: their terms must all load.
        modules = (
            cls.env["ir.module.module"]
            .search(
                [
                    (
                        "name",
                        "in",
                        ["kam_management", "kam_receivables", "kam_job_description"],
                    ),
                    ("state", "=", "installed"),
                ]
            )
            .mapped("name")
        )
        cls.env["ir.module.module"]._load_module_terms(
            modules, list(LANGS), overwrite=True
        )

    def _in(self, lang, record):
        return record.with_context(lang=lang)

    def test_menus(self):
        root = self.env.ref("kam_management.kam_root_menu")
        self.assertEqual(self._in("az_AZ", root).name, "Əsas müştərilər")
        self.assertEqual(self._in("ru_RU", root).name, "Ключевые клиенты")
        plans = self.env.ref("kam_management.kam_sales_plan_menu")
        self.assertEqual(self._in("az_AZ", plans).name, "Satış planları")
        self.assertEqual(self._in("ru_RU", plans).name, "Планы продаж")
        self.assertEqual(self._in("en_US", plans).name, "Sales Plans")

    def test_field_label_and_selection(self):
        for lang, label, call in (
            ("az_AZ", "Əsas müştəri səviyyəsi", "Zəng"),
            ("ru_RU", "Категория ключевого клиента", "Звонок"),
        ):
            Partner = self.env["res.partner"].with_context(lang=lang)
            fields = Partner.fields_get(["kam_tier_id"], ["string"])
            self.assertEqual(fields["kam_tier_id"]["string"], label)
            Visit = self.env["kam.visit"].with_context(lang=lang)
            types = dict(Visit._fields["visit_type"]._description_selection(Visit.env))
            self.assertEqual(types["call"], call)

    def test_view_terms(self):
        """Terms inside views (stat buttons, alerts) are translated too."""
        view = self.env.ref("kam_management.res_partner_view_form")
        for lang, term in (
            ("az_AZ", "Gəlir (12 ay)"),
            ("ru_RU", "Выручка за 12 мес."),
            ("en_US", "Revenue 12m"),
        ):
            self.assertIn(term, self._in(lang, view).arch_db)

    def test_kpi_name(self):
        kpi = self.env.ref("kam_management.kam_kpi_revenue")
        self.assertEqual(self._in("az_AZ", kpi).name, "Gəlir")
        self.assertEqual(self._in("ru_RU", kpi).name, "Выручка")
        self.assertEqual(self._in("en_US", kpi).name, "Revenue")

    def test_error_message_is_translated_and_formatted(self):
        """A ValidationError raised for a Russian user comes in Russian, with its
        %(name)s placeholders and literal %% filled in."""
        kpi = self.env.ref("kam_management.kam_kpi_revenue")
        for lang, expected in (
            ("ru_RU", "Сумма весов KPI в схеме Half составляет 50.0 %;"),
            ("az_AZ", "Half siyasətinin KPI çəkilərinin cəmi 50.0 % təşkil edir;"),
        ):
            with self.assertRaises(ValidationError) as caught:
                self.env["kam.variable.pay.policy"].with_context(lang=lang).create(
                    {
                        "name": "Half",
                        "line_ids": [Command.create({"kpi_id": kpi.id, "weight": 50})],
                    }
                )
            self.assertIn(expected, str(caught.exception))
