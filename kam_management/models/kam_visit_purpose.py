# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamVisitPurpose(models.Model):
    """Why a KAM visits a client (clauses 2.3, 2.10, 2.12, 2.18): a sales talk, a
    merchandising audit, a staff training, a promotion set-up, a complaint follow-up,
    a collection. Each purpose brings its checklist to the visits that have it."""

    _name = "kam.visit.purpose"
    _description = "Visit Purpose"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()
    description = fields.Text(
        translate=True, help="What a visit with this purpose is for."
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to offer the purpose in every company.",
    )
    item_ids = fields.One2many(
        "kam.visit.checklist.item",
        "purpose_id",
        string="Checklist",
        copy=True,
    )
    item_count = fields.Integer(compute="_compute_item_count", string="Questions")
    mandatory_count = fields.Integer(
        compute="_compute_item_count", string="Mandatory Questions"
    )

    @api.depends("item_ids.required")
    def _compute_item_count(self):
        for purpose in self:
            purpose.item_count = len(purpose.item_ids)
            purpose.mandatory_count = len(purpose.item_ids.filtered("required"))

    @api.ondelete(at_uninstall=True)
    def _unlink_checklist(self):
        """Delete the questions through the ORM: their rules about answers apply
        (the database would only cascade)."""
        self.with_context(active_test=False).item_ids.unlink()
