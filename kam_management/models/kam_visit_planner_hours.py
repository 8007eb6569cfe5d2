# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .kam_visit import DEFAULT_DURATIONS
from .kam_visit_planner_tools import first_free_slot, intersect_intervals
from .res_partner_contact_hours import CONTACT_DAY_FIELDS, OPENING_FIELDS


class KamVisitPlanner(models.AbstractModel):
    """The weekly planner respects each account's preferred contact days and opening
    hours (``res_partner_contact_hours.py``) and names them in its reasons."""

    _inherit = "kam.visit.planner"

    @api.model
    def _kam_plan_partner_fields(self):
        return [
            *super()._kam_plan_partner_fields(),
            *CONTACT_DAY_FIELDS,
            *OPENING_FIELDS,
            "tz",
        ]

    @api.model
    def _kam_due_contacts(self, request, partners, taken):
        candidates = super()._kam_due_contacts(request, partners, taken)
        hours_of = partners._kam_contact_hours_by_partner()
        for candidate in candidates:
            hours = hours_of.get(candidate["partner"].id)
            if hours is not None:
                candidate.setdefault("contact_hours", hours)
        return candidates

    @api.model
    def _kam_contact_hours(self, contact):
        """``(weekdays, opening hours?)`` of the contact's account (see
        ``res.partner._kam_contact_hours_by_partner``), read once for all the
        accounts planned: the planner asks for every day of the week, and again for
        its reasons."""
        hours = contact.get("contact_hours")
        if hours is None:
            partner = contact["partner"]
            hours = contact["contact_hours"] = partner._kam_contact_hours_by_partner()[
                partner.id
            ]
        return hours

    @api.model
    def _kam_allowed_days(self, candidate, days):
        allowed = super()._kam_allowed_days(candidate, days)
        weekdays, _opening = self._kam_contact_hours(candidate)
        hours = DEFAULT_DURATIONS["visit" if candidate["kind"] == "visit" else "call"]
        return [
            day
            for day in allowed
            if (not weekdays or day.weekday() in weekdays)
            and first_free_slot(
                self._kam_contact_intervals(candidate, day, days[day]), [], hours
            )
        ]

    @api.model
    def _kam_contact_intervals(self, contact, day, intervals):
        intervals = super()._kam_contact_intervals(contact, day, intervals)
        if not self._kam_contact_hours(contact)[1]:
            return intervals
        windows = contact["partner"]._kam_opening_windows(day)
        if windows is None:
            return intervals
        return intersect_intervals(intervals, windows)

    @api.model
    def _kam_hours_text(self, contact):
        """The account's contact days and hours in words, '' without any."""
        if contact.get("contact_hours_text") is None:
            weekdays, opening = self._kam_contact_hours(contact)
            contact["contact_hours_text"] = (
                contact["partner"]._kam_contact_hours_text()
                if weekdays or opening
                else ""
            )
        return contact["contact_hours_text"]

    @api.model
    def _kam_leftover_why(self, candidate, days, allowed):
        if days and not allowed:
            return self.env._(
                "The KAM works no time of the week when %(account)s may be contacted "
                "(%(hours)s).",
                account=candidate["partner"].display_name,
                hours=self._kam_hours_text(candidate),
            )
        return super()._kam_leftover_why(candidate, days, allowed)

    @api.model
    def _kam_reason(self, contact, day):
        reason = super()._kam_reason(contact, day)
        hours = self._kam_hours_text(contact)
        if not hours:
            return reason
        return self.env._(
            "%(reason)s Contact days and hours: %(hours)s.", reason=reason, hours=hours
        )
