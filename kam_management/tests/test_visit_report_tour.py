# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestVisitReportTour(HttpCase):
    def test_visit_report_tour(self):
        """A KAM opens a planned visit, chooses the merchandising audit, answers its
        checklist, checks in (position shared) and out (position refused) and marks
        the visit done."""
        admin = self.env.ref("base.user_admin")
        account = self.env["res.partner"].create(
            {"name": "Report Tour Account", "is_company": True, "kam_user_id": admin.id}
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
            "kam_visit_report_tour",
            login="admin",
        )
        ref = self.env.ref
        self.assertEqual(visit.state, "done")
        self.assertEqual(
            visit.purpose_ids, ref("kam_management.kam_visit_purpose_merchandising")
        )
        values = {
            answer.item_id.name: answer.value_display for answer in visit.answer_ids
        }
        self.assertEqual(
            values,
            {
                "Assortment present": "Yes",
                "Facings": "24",
                "Share of shelf (%)": False,
                "Price compliance": "No",
                "Display material": "Fully in place",
                "Photo of the shelf": False,
            },
        )
        self.assertTrue(visit.check_in_located)
        self.assertAlmostEqual(visit.check_in_latitude, 40.4093)
        self.assertAlmostEqual(visit.check_in_longitude, 49.8671)
        self.assertTrue(visit.check_out)
        self.assertFalse(visit.check_out_located)
        self.assertLessEqual(visit.check_in, visit.check_out)
