# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestKamJobDescriptionTour(HttpCase):
    def test_smoke_tour(self):
        """The job descriptions menu opens in a real browser and shows a description."""
        job = self.env["hr.job"].create({"name": "Key Account Manager"})
        template = self.env.ref("kam_job_description.kam_job_description_template_kam")
        template._kam_create_description(job, self.env.company)
        self.start_tour("/odoo", "kam_job_description_smoke_tour", login="admin")
