# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A planned visit's mirror in the KAM's Odoo calendar: created, moved and removed
with the visit; moving the event in the calendar moves the visit."""

from odoo import Command, api, fields, models
from odoo.tools import SQL

# Fields of a visit mirrored on its calendar event.
EVENT_FIELDS = {
    "name",
    "planned_start",
    "duration",
    "user_id",
    "partner_id",
    "visit_type",
    "objective",
}


class KamVisit(models.Model):
    _inherit = "kam.visit"

    # ------------------------------------------------------------------
    # CRUD and calendar synchronisation
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        if not self.env.context.get("kam_visit_no_event"):
            visits.filtered(
                lambda v: v.state == "planned" and not v.calendar_event_id
            )._kam_create_events()
        return visits

    def write(self, vals):
        res = super().write(vals)
        if self.env.context.get("kam_visit_sync"):
            return res
        if vals.get("state") in ("cancelled",):
            self._kam_unlink_events()
        elif vals.get("state") == "planned":
            self.filtered(lambda v: not v.calendar_event_id)._kam_create_events()
        if EVENT_FIELDS & set(vals):
            self.filtered("calendar_event_id")._kam_update_events()
        return res

    def unlink(self):
        self._kam_unlink_events()
        return super().unlink()

    def _kam_event_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.planned_start,
            "stop": self.planned_stop,
            "duration": self.duration,
            "user_id": self.user_id.id,
            "partner_ids": [Command.set(self.user_id.partner_id.ids)],
            "description": self.objective or False,
            "location": self.visit_type == "visit"
            and self.partner_id._display_address(without_company=True)
            or False,
        }

    def _kam_create_events(self):
        if not self:
            return
        # The event only mirrors the visit (see calendar.event._kam_create_mirrors).
        events = self.env["calendar.event"]._kam_create_mirrors(
            self._kam_event_create_values()
        )
        self._kam_link_events(events)

    def _kam_event_create_values(self):
        """The create values of the events mirroring the visits of ``self``."""
        model = self.env["ir.model"]._get("kam.visit")
        vals_list = []
        for visit in self:
            vals = visit._kam_event_values()
            vals.update(
                res_model_id=model.id,
                res_id=visit.id,
                # The visit itself is the follow-up; no extra "Meeting" activity on it.
                activity_ids=[Command.clear()],
            )
            vals_list.append(vals)
        return vals_list

    def _kam_link_events(self, events):
        """Link each visit of ``self`` to the event of ``events`` at the same
        position, in one UPDATE (the link is the mirror's, nobody edits it)."""
        self.flush_recordset(["calendar_event_id"])
        self.env.execute_query(
            SQL(
                "UPDATE kam_visit AS v SET calendar_event_id = e.event_id"
                " FROM (VALUES %s) AS e(visit_id, event_id) WHERE v.id = e.visit_id",
                SQL(", ").join(
                    SQL("(%s, %s)", visit.id, event.id)
                    for visit, event in zip(self, events, strict=True)
                ),
            )
        )
        self.invalidate_recordset(["calendar_event_id"])
        events.invalidate_recordset(["kam_visit_ids"])
        self.modified(["calendar_event_id"])

    def _kam_update_events(self):
        for visit in self:
            # Mirror only: the visit's access rules already allowed this change.
            visit.calendar_event_id.sudo().with_context(
                kam_visit_sync=True, no_mail_to_attendees=True, dont_notify=True
            ).write(visit._kam_event_values())

    def _kam_unlink_events(self):
        events = self.calendar_event_id
        if events:
            self.with_context(kam_visit_sync=True).calendar_event_id = False
            # Mirror only: see _kam_create_events.
            events.sudo().with_context(
                kam_visit_sync=True, no_mail_to_attendees=True
            ).unlink()

    def _kam_sync_from_events(self):
        """Take the times of the calendar events moved in the calendar."""
        for visit in self:
            event = visit.calendar_event_id
            vals = {"planned_start": event.start, "duration": event.duration}
            if visit.state == "missed" and event.start > fields.Datetime.now():
                vals["state"] = "planned"
            visit.with_context(kam_visit_sync=True).write(vals)
