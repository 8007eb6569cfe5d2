# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase):
    """Each role walks its daily screens on the demo data in a real browser."""

    def test_kam_tour(self):
        """Kamala: dashboard, My Week, her accounts by tier, Caspian Retail."""
        self.start_tour("/odoo", "kam_role_kam_tour", login="kamala")

    def test_head_of_sales_tour(self):
        """Leyla: her team's attainment, Silk Way Foods' discount to approve."""
        self.start_tour("/odoo", "kam_role_head_of_sales_tour", login="leyla")
