# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import TransactionCase, tagged

from odoo.addons.kam_management.tests.common import load_migration


@tagged("post_install", "-at_install")
class TestTemplateKpiMigration(TransactionCase):
    """18.0.1.1.0 links the shipped template items to their KPIs in databases
    installed before, and leaves a link someone changed alone."""

    def test_shipped_links_follow_hand_made_links_stay(self):
        migration = load_migration("kam_job_description", "18.0.1.1.0")
        ref = self.env.ref
        merchandising = ref(
            "kam_job_description.kam_job_description_template_item_kam_d10"
        )
        contracts = ref("kam_job_description.kam_job_description_template_item_kam_d4")
        samples = ref("kam_job_description.kam_job_description_template_item_csm_d10")
        # as shipped before, except the sample check someone linked by hand
        merchandising.kpi_code = False
        contracts.kpi_code = "new_clients"
        samples.kpi_code = "visit_compliance"
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.assertEqual(merchandising.kpi_code, "checklist_compliance")
        self.assertEqual(contracts.kpi_code, "contracts_signed")
        self.assertEqual(samples.kpi_code, "visit_compliance")
        # a new database has nothing to migrate
        contracts.kpi_code = "new_clients"
        migration.migrate(self.env.cr, None)
        self.assertEqual(contracts.kpi_code, "new_clients")
