# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# Why orders are refused or returned; the refusal analysis reports the same list.
REFUSAL_CATEGORIES = [
    ("price", "Price"),
    ("quality", "Quality"),
    ("delivery", "Delivery"),
    ("credit", "Credit"),
    ("competitor", "Competitor"),
    ("other", "Other"),
]


class KamRefusalReason(models.Model):
    _name = "kam.refusal.reason"
    _description = "Refusal or Return Reason"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        REFUSAL_CATEGORIES,
        required=True,
        default="other",
    )
    company_id = fields.Many2one("res.company", index=True)
