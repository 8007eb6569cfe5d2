# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models


class KamVisit(models.Model):
    """A visit or call with a prospect is linked to its opportunity (2.3)."""

    _inherit = "kam.visit"

    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        check_company=True,
        domain="[('type', '=', 'opportunity')]",
        help="The prospect's opportunity this contact works on.",
    )

    def action_done(self):
        result = super().action_done()
        # The contact the opportunity asked for took place (it was due within the week
        # of this one): the KAM sets the next one.
        for visit in self.filtered("lead_id"):
            lead = visit.lead_id
            day = visit.company_id._kam_local_day(visit.planned_start)
            due = lead.kam_next_contact_date
            if due and due <= day + timedelta(days=6):
                lead.kam_next_contact_date = False
        return result
