# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    def _subscribe_partner(self):
        """Attendees of the events mirroring visits (created in bulk by the weekly
        plan) follow their events in one subscription per attendee, whoever
        creates them: the mirror events are created without the creator's own
        subscription (see ``kam.visit._kam_create_events``)."""
        if not self.env.context.get("kam_visit_sync"):
            return super()._subscribe_partner()
        events_of = defaultdict(lambda: self.env["calendar.event"])
        for attendee in self:
            events_of[attendee.partner_id] |= attendee.event_id
        for partner, events in events_of.items():
            if partner:
                events.message_subscribe(partner_ids=partner.ids)
