# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    kam_visit_id = fields.Many2one(
        "kam.visit",
        string="From Visit",
        index="btree_not_null",
        copy=False,
        check_company=True,
        help="The visit or call this order came from.",
    )
