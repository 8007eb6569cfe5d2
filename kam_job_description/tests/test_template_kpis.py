# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import JobDescriptionCommon

# KPIs other add-on slices ship; their clauses link once the KPI exists.
PENDING_CODES = set()


@tagged("post_install", "-at_install")
class TestTemplateKpis(JobDescriptionCommon):
    """A KPI for every duty that has a working feature (issue 14)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.template_kam = ref("kam_job_description.kam_job_description_template_kam")
        cls.template_csm = ref("kam_job_description.kam_job_description_template_csm")

    def _codes(self, template):
        return {i.number: i.kpi_code for i in template.item_ids if i.kpi_code}

    def test_every_linked_code_is_a_kpi(self):
        known = set(
            self.env["kam.kpi"]
            .with_context(active_test=False)
            .search([])
            .mapped("code")
        )
        for template in (self.template_kam, self.template_csm):
            for number, code in self._codes(template).items():
                if code not in PENDING_CODES:
                    self.assertIn(code, known, f"{template.name} {number}")

    def test_key_account_manager_links(self):
        codes = self._codes(self.template_kam)
        # visits and calls (2.2, 2.3) are measured by the visit plan's compliance
        self.assertEqual(codes["2.2"], "visit_compliance")
        self.assertEqual(codes["2.3"], "visit_compliance")
        # 2.4 is about contracts, not first orders
        self.assertNotEqual(codes["2.4"], "new_clients")
        self.assertEqual(codes["4.3"], "plan_attainment")
        # merchandising at the client (2.10): the visit reports' checklists
        self.assertEqual(codes["2.10"], "checklist_compliance")
        plan_kpis = self.env["kam.kpi"]._kam_plan_kpis()
        self.assertEqual(
            set(plan_kpis.mapped("code")), {"revenue", "active_clients", "new_clients"}
        )

    def test_client_service_manager_links(self):
        codes = self._codes(self.template_csm)
        self.assertEqual(codes["2.12"], "complaints_on_time")
        self.assertEqual(codes["2.14"], "intel_freshness")
        # 2.10 checks the range and display samples at the client: what clients buy
        # (assortment) does not measure it
        self.assertNotEqual(codes.get("2.10"), "assortment")
        self.assertEqual(codes["2.10"], "checklist_compliance")
        # II.11: orders keep the terms of the client's contract
        self.assertEqual(codes["2.11"], "contract_compliance")

    def test_draft_from_template_links_the_kpis(self):
        wizard = self.env["kam.job.description.template.apply"].with_user(self.user_hr)
        action = wizard.create(
            {
                "job_id": self.job_kam.id,
                "template_id": self.template_kam.id,
                "appointed_by_job_id": self.job_director.id,
                "proposed_by_job_id": self.job_director.id,
                "reports_to_job_id": self.job_head.id,
                "substitute_job_id": self.job_head.id,
            }
        ).action_apply()
        description = self.env["kam.job.description"].browse(action["res_id"])
        by_number = {i.number: i for i in description.item_ids}
        self.assertEqual(
            by_number["2.11"].kpi_id,
            self.env.ref("kam_management.kam_kpi_refusal_rate"),
        )
        self.assertEqual(
            by_number["4.3"].kpi_id,
            self.env.ref("kam_management.kam_kpi_plan_attainment"),
        )
