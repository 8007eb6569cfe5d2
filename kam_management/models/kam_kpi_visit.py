# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_kpi_visit_compliance(self, users, date_from, date_to):
        """Share (%) of the period's decided visits and calls done on time."""
        figures = self.env["kam.visit"]._kam_compliance(users, date_from, date_to)
        return {user_id: values["on_time_rate"] for user_id, values in figures.items()}
