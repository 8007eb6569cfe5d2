# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCreditManagerTour(HttpCase):
    def test_credit_manager_tour(self):
        """Sevinj: the demo's two held orders, then the receivables aging."""
        self.start_tour("/odoo", "kam_role_credit_manager_tour", login="sevinj")
