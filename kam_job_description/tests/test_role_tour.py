# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestHrTour(HttpCase):
    def test_hr_tour(self):
        """Gunel: the approved job descriptions, version 2 in agreement, and
        Farid's still to acknowledge."""
        self.start_tour(
            "/odoo/action-kam_job_description.kam_job_description_action",
            "kam_role_hr_tour",
            login="gunel",
        )
        self.start_tour(
            "/odoo/action-kam_job_description.kam_job_description_ack_report_action",
            "kam_role_hr_ack_tour",
            login="gunel",
        )
