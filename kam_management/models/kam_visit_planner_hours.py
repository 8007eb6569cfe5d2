# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .kam_visit import DEFAULT_DURATIONS
from .kam_visit_planner_tools import first_free_slot, intersect_intervals


class KamVisitPlanner(models.AbstractModel):
    """The weekly planner respects each account's preferred contact days and opening
    hours (``res_partner_contact_hours.py``) and names them in its reasons."""

    _inherit = "kam.visit.planner"

    @api.model
    def _kam_allowed_days(self, candidate, days):
        allowed = super()._kam_allowed_days(candidate, days)
        weekdays = candidate["partner"]._kam_contact_weekdays()
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
        windows = contact["partner"]._kam_opening_windows(day)
        if windows is None:
            return intervals
        return intersect_intervals(intervals, windows)

    @api.model
    def _kam_leftover_why(self, candidate, days, allowed):
        if days and not allowed:
            return self.env._(
                "The KAM works no time of the week when %(account)s may be contacted "
                "(%(hours)s).",
                account=candidate["partner"].display_name,
                hours=candidate["partner"]._kam_contact_hours_text(),
            )
        return super()._kam_leftover_why(candidate, days, allowed)

    @api.model
    def _kam_reason(self, contact, day):
        reason = super()._kam_reason(contact, day)
        hours = contact["partner"]._kam_contact_hours_text()
        if not hours:
            return reason
        return self.env._(
            "%(reason)s Contact days and hours: %(hours)s.", reason=reason, hours=hours
        )
