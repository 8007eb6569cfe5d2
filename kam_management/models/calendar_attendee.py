# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    def _subscribe_partner(self):
        """Attendees of the events mirroring visits follow their events, whoever
        creates them, in one insert of the followers: the mirror events are created
        without the creator's own subscription, so nobody follows them yet (the
        ORM's way of ``calendar.event._kam_create_mirrors``, which inserts the same
        followers when it inserts the events)."""
        if not self.env.context.get("kam_visit_sync"):
            return super()._subscribe_partner()
        events_of = defaultdict(list)
        for attendee in self:
            events_of[attendee.partner_id.id].append(attendee.event_id.id)
        self.env["mail.followers"]._kam_insert_new_followers(
            "calendar.event", events_of
        )
