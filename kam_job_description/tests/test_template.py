# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestJobDescriptionTemplate(JobDescriptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template_kam = cls.env.ref(
            "kam_job_description.kam_job_description_template_kam"
        )
        cls.template_csm = cls.env.ref(
            "kam_job_description.kam_job_description_template_csm"
        )

    def _numbers(self, template, section):
        return template.item_ids.filtered(lambda i: i.section == section).mapped(
            "number"
        )

    def test_key_account_manager_template_covers_every_clause(self):
        template = self.template_kam
        self.assertEqual(template.category, "specialist")
        self.assertEqual(template.education_level, "higher")
        self.assertEqual(template.experience_years, 2)
        self.assertEqual(
            self._numbers(template, "duty"), [f"2.{n}" for n in range(1, 24)]
        )
        self.assertEqual(
            self._numbers(template, "right"), [f"3.{n}" for n in range(1, 7)]
        )
        self.assertEqual(
            self._numbers(template, "responsibility"), ["4.1", "4.2", "4.3"]
        )
        self.assertEqual(len(self._numbers(template, "guided_by")), 5)
        kpis = {i.number: i.kpi_code for i in template.item_ids if i.kpi_code}
        self.assertEqual(kpis["2.1"], "revenue")
        self.assertEqual(kpis["2.2"], "visit_compliance")
        self.assertEqual(kpis["2.3"], "visit_compliance")
        self.assertEqual(kpis["2.4"], "contracts_signed")
        self.assertEqual(kpis["2.8"], "assortment")
        self.assertEqual(kpis["2.9"], "discount_within_authority")
        self.assertEqual(kpis["2.11"], "refusal_rate")
        self.assertEqual(kpis["2.13"], "overdue_ratio")
        self.assertEqual(kpis["2.16"], "intel_freshness")
        self.assertEqual(kpis["2.17"], "proposals")
        self.assertEqual(kpis["4.3"], "plan_attainment")
        self.assertTrue(template.item_ids.filtered("labour_code_limit"))

    def test_client_service_manager_template_covers_every_clause(self):
        template = self.template_csm
        self.assertEqual(template.category, "manager")
        self.assertEqual(
            self._numbers(template, "duty"), [f"2.{n}" for n in range(1, 15)]
        )
        self.assertEqual(
            self._numbers(template, "right"), [f"3.{n}" for n in range(1, 7)]
        )
        self.assertEqual(
            self._numbers(template, "responsibility"), ["4.1", "4.2", "4.3"]
        )
        self.assertEqual(len(self._numbers(template, "knowledge")), 11)
        texts = " ".join(template.item_ids.mapped("text"))
        for words in (
            "complaints",
            "entertainment expenses",
            "client database",
            "competitors",
        ):
            self.assertIn(words, texts)

    def test_wizard_creates_a_draft_from_the_template(self):
        wizard = Form(
            self.env["kam.job.description.template.apply"]
            .with_user(self.user_hr)
            .with_context(active_model="hr.job", active_id=self.job_kam.id)
        )
        self.assertEqual(wizard.job_id, self.job_kam)
        wizard.template_id = self.template_kam
        wizard.appointed_by_job_id = self.job_director
        wizard.proposed_by_job_id = self.job_director
        wizard.reports_to_job_id = self.job_head
        wizard.substitute_job_id = self.job_head
        action = wizard.save().action_apply()
        description = self.env["kam.job.description"].browse(action["res_id"])
        self.assertEqual(description.state, "draft")
        self.assertEqual(description.job_id, self.job_kam)
        self.assertEqual(description.reports_to_job_id, self.job_head)
        self.assertEqual(description.experience_years, 2)
        self.assertEqual(len(description.item_ids), len(self.template_kam.item_ids))
        self.assertEqual(
            description.item_ids.mapped("text"),
            self.template_kam.item_ids.mapped("text"),
        )
        self.assertEqual(len(description.duty_item_ids), 23)
        # clauses whose KPI exists are linked to it, the others keep their code
        revenue = self.env.ref("kam_management.kam_kpi_revenue")
        by_number = {i.number: i for i in description.duty_item_ids}
        self.assertEqual(by_number["2.1"].kpi_id, revenue)
        self.assertEqual(
            by_number["2.8"].kpi_id, self.env.ref("kam_management.kam_kpi_assortment")
        )
        self.assertEqual(by_number["2.13"].kpi_code, "overdue_ratio")
        if not self.env["kam.kpi"].search([("code", "=", "overdue_ratio")]):
            self.assertFalse(by_number["2.13"].kpi_id)
        self._set_signers(description)
        description.with_user(self.user_hr).action_submit()
        self.assertEqual(
            description.state, "agreement", "a template draft is consistent"
        )

        with self.assertRaisesRegex(UserError, "already being prepared"):
            self.env["kam.job.description.template.apply"].with_user(
                self.user_hr
            ).create(
                {"template_id": self.template_kam.id, "job_id": self.job_kam.id}
            ).action_apply()

    def test_a_kpi_installed_later_links_on_submit(self):
        description = self.template_kam._kam_create_description(
            self.job_kam, self.company
        )
        clause = description.duty_item_ids.filtered(lambda i: i.number == "2.13")
        kpi = self.env["kam.kpi"].search([("code", "=", "overdue_ratio")])
        if kpi:
            self.assertEqual(clause.kpi_id, kpi)
            return
        self.assertFalse(clause.kpi_id)
        kpi = self.env["kam.kpi"].create(
            {"name": "Overdue Ratio", "code": "overdue_ratio", "unit": "percent"}
        )
        self._set_signers(description)
        description.with_user(self.user_hr).action_submit()
        self.assertEqual(clause.kpi_id, kpi)

    def test_choosing_a_kpi_sets_its_code(self):
        description = self._new_description()
        revenue = self.env.ref("kam_management.kam_kpi_revenue")
        with (
            Form(description.with_user(self.user_hr)) as form,
            form.duty_item_ids.edit(0) as duty,
        ):
            duty.kpi_id = revenue
        self.assertEqual(description.duty_item_ids[0].kpi_code, "revenue")
