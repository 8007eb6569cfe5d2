# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import Form, new_test_user, tagged

from .common import KamCommon


@tagged("post_install", "-at_install")
class TestKamSaleUser(KamCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_support = new_test_user(
            cls.env,
            login="kam_sales_support",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads",
        )

    def test_order_goes_to_the_kam_when_support_enters_it(self):
        form = Form(self.env["sale.order"].with_user(self.user_support))
        form.partner_id = self.account_a
        self.assertEqual(form.user_id, self.user_kam)
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.account_b.id}
        )
        form.partner_id = contact
        self.assertEqual(form.user_id, self.user_kam2)

    def test_order_goes_to_the_backup_while_kam_absent(self):
        self.user_kam.kam_absent_until = self.env.company._kam_today() + timedelta(
            days=3
        )
        form = Form(self.env["sale.order"].with_user(self.user_support))
        form.partner_id = self.account_a
        self.assertEqual(form.user_id, self.user_kam2)

    def test_other_customers_keep_odoo_default(self):
        customer = self.env["res.partner"].create(
            {"name": "Walk-in", "is_company": True}
        )
        form = Form(self.env["sale.order"].with_user(self.user_support))
        form.partner_id = customer
        self.assertEqual(form.user_id, self.user_support)
