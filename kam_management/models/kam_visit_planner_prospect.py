# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .kam_visit_planner_tools import has_coordinates


class KamVisitPlanner(models.AbstractModel):
    """Prospects in the weekly plan (2.2, 2.3): with "prospects" ticked, the plan
    also places a visit or call for every open opportunity of the KAMs whose next
    contact falls due by the end of the week, linked to the opportunity and with a
    reason naming it."""

    _inherit = "kam.visit.planner"

    @api.model
    def _kam_due_contacts(self, request, partners, taken):
        candidates = super()._kam_due_contacts(request, partners, taken)
        if not request.include_prospects:
            return candidates
        planned = set(taken) | {(c["partner"].id, c["kind"]) for c in candidates}
        candidates += self._kam_prospect_contacts(request, planned)
        candidates.sort(key=lambda c: (c["due_date"], c["partner"].id, c["kind"]))
        return candidates

    @api.model
    def _kam_prospect_domain(self, request):
        """Open opportunities of the KAMs with a next contact due by the week's
        end (lost ones are archived, won ones are in a won stage)."""
        return [
            ("type", "=", "opportunity"),
            ("user_id", "in", request.users.ids),
            ("company_id", "in", [False, request.company.id]),
            ("stage_id.is_won", "=", False),
            ("kam_next_contact_date", "!=", False),
            ("kam_next_contact_date", "<=", request.week_days[-1]),
        ]

    @api.model
    def _kam_prospect_contacts(self, request, planned):
        """The contacts of the prospects' opportunities; one per customer and kind
        of contact, none where one is already planned (``planned``: a set of
        ``(partner id, kind)``, updated)."""
        leads = self.env["crm.lead"].search(
            self._kam_prospect_domain(request), order="kam_next_contact_date, id"
        )
        # A contact needs a customer: as Odoo's conversion to an opportunity does,
        # take the partner with the lead's e-mail address or create one from the
        # lead's contact details.
        for lead in leads.filtered(lambda lead: not lead.partner_id):
            lead._handle_partner_assignment(
                force_partner_id=lead._find_matching_partner(email_only=True).id
            )
        contacts = []
        for lead in leads:
            partner = lead.partner_id.commercial_partner_id
            kind = lead.kam_next_contact_type
            if (partner.id, kind) in planned:
                continue
            planned.add((partner.id, kind))
            contacts.append(
                {
                    "partner": partner,
                    "user": lead.user_id,
                    "kind": kind,
                    "interval": 0,
                    "last_date": False,
                    "due_date": lead.kam_next_contact_date,
                    "lead": lead,
                    "point": (
                        (partner.partner_latitude, partner.partner_longitude)
                        if has_coordinates(
                            partner.partner_latitude, partner.partner_longitude
                        )
                        else None
                    ),
                }
            )
        return contacts

    @api.model
    def _kam_visit_values(self, request, contact, day, visit_type, start, hours):
        values = super()._kam_visit_values(
            request, contact, day, visit_type, start, hours
        )
        if contact.get("lead"):
            values["lead_id"] = contact["lead"].id
        return values

    @api.model
    def _kam_reason(self, contact, day):
        lead = contact.get("lead")
        if not lead:
            return super()._kam_reason(contact, day)
        return self.env._(
            "Prospect: opportunity %(opportunity)s, next contact due %(date)s.",
            opportunity=lead.name,
            date=fields.Date.to_string(contact["due_date"]),
        )
