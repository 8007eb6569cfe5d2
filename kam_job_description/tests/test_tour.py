# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestKamJobDescriptionTour(HttpCase):
    def test_smoke_tour(self):
        """The job descriptions menu opens in a real browser and shows a job form."""
        self.env["hr.job"].create({"name": "Key Account Manager"})
        self.start_tour("/odoo", "kam_job_description_smoke_tour", login="admin")
