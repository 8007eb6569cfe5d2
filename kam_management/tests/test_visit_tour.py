# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVisitTour(HttpCase):
    def test_my_week_tour(self):
        """A KAM finds this week's visit in "My Week" and closes it with its outcome."""
        admin = self.env.ref("base.user_admin")
        account = self.env["res.partner"].create(
            {"name": "Tour Account", "is_company": True, "kam_user_id": admin.id}
        )
        visit = self.env["kam.visit"].create(
            {
                "partner_id": account.id,
                "user_id": admin.id,
                "planned_start": fields.Datetime.now(),
            }
        )
        self.start_tour(
            "/odoo/action-kam_management.kam_visit_action_my_week",
            "kam_visit_my_week_tour",
            login="admin",
        )
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.outcome, "Signed a one-year supply contract")
        self.assertTrue(account.kam_last_visit_date)
