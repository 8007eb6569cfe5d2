# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import html

from odoo.tests import tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionTranslations(JobDescriptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("az_AZ", "ru_RU"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(
            ["kam_job_description"], ["az_AZ", "ru_RU"], overwrite=True
        )
        cls.template = cls.env.ref(
            "kam_job_description.kam_job_description_template_kam"
        )

    def test_templates_are_translated(self):
        self.assertEqual(
            self.template.with_context(lang="az_AZ").name, "Əsas hesab meneceri"
        )
        self.assertEqual(
            self.template.with_context(lang="ru_RU").name,
            "Менеджер по работе с ключевыми клиентами",
        )
        duty = self.env.ref(
            "kam_job_description.kam_job_description_template_item_kam_d13"
        )
        self.assertIn("debitor borclarını", duty.with_context(lang="az_AZ").text)
        self.assertIn("дебиторской задолженности", duty.with_context(lang="ru_RU").text)
        untranslated = self.template.item_ids.with_context(lang="ru_RU").filtered(
            lambda item: item.text == item.with_context(lang="en_US").text
        )
        self.assertFalse(
            untranslated.mapped("number"), "every clause has a Russian text"
        )

    def test_draft_from_template_keeps_the_translations(self):
        description = self.template.with_user(self.user_hr)._kam_create_description(
            self.job_kam, self.company
        )
        clause = description.duty_item_ids.filtered(lambda item: item.number == "2.13")
        self.assertIn("receivables", clause.with_context(lang="en_US").text)
        self.assertIn("debitor borclarını", clause.with_context(lang="az_AZ").text)
        self.assertIn(
            "дебиторской задолженности", clause.with_context(lang="ru_RU").text
        )

    def test_ui_and_printed_form_are_translated(self):
        Item = self.env["kam.job.description.item"]
        sections = dict(
            Item.with_context(lang="ru_RU")
            ._fields["section"]
            ._description_selection(Item.with_context(lang="ru_RU").env)
        )
        self.assertEqual(sections["duty"], "Должностные обязанности")
        description = self._approved_description()
        self.user_hr.lang = "ru_RU"
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_hr)
            .with_context(lang="ru_RU")
            ._render_qweb_pdf(
                "kam_job_description.kam_job_description_report", description.ids
            )
        )
        text = " ".join(html.fromstring(content).text_content().split())
        self.assertIn("УТВЕРЖДАЮ", text)
        self.assertIn("СОГЛАСОВАНО", text)
        self.assertIn("II. Должностные обязанности", text)
        self.assertIn("Лист ознакомления", text)
