# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class KamVisitChecklistOption(models.Model):
    """One of the answers a selection question of a checklist offers."""

    _name = "kam.visit.checklist.option"
    _description = "Visit Checklist Option"
    _order = "sequence, id"

    item_id = fields.Many2one(
        "kam.visit.checklist.item",
        string="Question",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Option", required=True, translate=True)
    company_id = fields.Many2one(related="item_id.company_id", store=True, index=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        # sudo: an option chosen in any visit counts, also in visits the user
        # cannot read.
        answered = (
            self.env["kam.visit.answer"]
            .sudo()
            .search_count([("option_id", "in", self.ids)], limit=1)
        )
        if answered:
            raise UserError(
                self.env._(
                    "An option already chosen in a visit report cannot be deleted: "
                    "rename it, or archive its question and create a new one."
                )
            )
