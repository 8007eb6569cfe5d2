# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Prospecting in Odoo CRM (clauses 2.3, II.1-II.5).

A prospect is worked as a lead or opportunity whose salesperson (``user_id``) is
the KAM; who sees it follows the KAM team definition (record rule
``crm_lead_rule_kam`` in ``security/kam_management_crm_rules.xml``). Its source is
a ``utm.source`` (exhibition, fair, presentation, mailing... shipped as data). An
opportunity with a next contact date is planned by the KAM's weekly plan
(``kam_visit_planner_prospect.py``); once won with a customer, the customer takes
over the pre-assessment's suggestion (``crm_lead_assessment.py``,
``res_partner_prospect.py``).
"""

from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    kam_next_contact_date = fields.Date(
        string="Next Contact",
        tracking=True,
        copy=False,
        help="The salesperson's weekly plan places a visit or call with the prospect "
        "by this day (Plan the Week, prospects included). Cleared when that contact "
        "is done.",
    )
    kam_next_contact_type = fields.Selection(
        [("visit", "Visit"), ("call", "Call")],
        string="Next Contact Type",
        default="visit",
        required=True,
    )
    kam_visit_ids = fields.One2many(
        "kam.visit", "lead_id", string="Visits and Calls", readonly=True
    )
    kam_visit_count = fields.Integer(
        compute="_compute_kam_visit_count", string="Visit Count"
    )

    def _compute_kam_visit_count(self):
        counts = dict(
            self.env["kam.visit"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.kam_visit_count = counts.get(lead, 0)

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._kam_hand_over_won()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if {"stage_id", "partner_id", "probability", "active"} & set(vals):
            self._kam_hand_over_won()
        return result

    def _kam_hand_over_won(self):
        """A won opportunity with a customer hands the prospect over once: the
        customer gets the pre-assessment's suggestion for the credit manager and,
        when nobody owns it yet, the KAM who won it (new-clients plan)."""
        for lead in self:
            if not (
                lead.type == "opportunity"
                and lead.active
                and lead.stage_id.is_won
                and lead.partner_id
            ):
                continue
            account = lead.partner_id.commercial_partner_id
            if not account.kam_prospect_lead_id:
                account._kam_prospect_won(lead)

    @api.readonly
    def action_kam_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "kam_management.kam_visit_action"
        )
        action.update(
            domain=[("lead_id", "=", self.id)],
            context={
                "default_lead_id": self.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
                "default_user_id": (self.user_id or self.env.user).id,
                "default_visit_type": self.kam_next_contact_type,
            },
        )
        return action
