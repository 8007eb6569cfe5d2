# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestKamManagementTour(HttpCase):
    def test_smoke_tour(self):
        """The Key Accounts app opens in a real browser and shows an account form."""
        self.start_tour("/odoo", "kam_management_smoke_tour", login="admin")
