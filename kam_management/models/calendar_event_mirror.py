# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The calendar events mirroring visits, created in bulk.

The weekly plan creates a visit or call, and so a mirror event with the KAM as its
attendee, for every contact it plans: 1,400 a week for 20 KAMs. Through the ORM each
event costs its default values, its attendee, their computed fields and an UPDATE
per hundred records; here the events, their attendees and the followers are
inserted in a few queries, holding in every column what the ORM stores
(``tests/test_visit_calendar_mirror.py`` compares both ways column by column).

The insert knows the stored fields of Odoo's calendar (and crm) events and
attendees: where another module adds one, or the values ask for more than the
insert does (an all-day or recurring event, other attendee commands), the events are
created through the ORM as before.
"""

from odoo import Command, api, models

from .kam_sql_insert import (
    create_modules,
    insert_rows,
    log_values,
    new_ids,
    row_values,
    stored_columns,
)

# The stored fields of calendar.event and calendar.attendee the insert fills (Odoo
# 18 calendar and crm); the computed ones are given or computed below.
EVENT_FIELDS = {
    "id",
    "name",
    "description",
    "user_id",
    "location",
    "videocall_location",
    "access_token",
    "videocall_channel_id",
    "privacy",
    "show_as",
    "active",
    "start",
    "stop",
    "allday",
    "start_date",
    "stop_date",
    "duration",
    "res_id",
    "res_model_id",
    "res_model",
    "recurrency",
    "recurrence_id",
    "follow_recurrence",
    "opportunity_id",
    "create_uid",
    "create_date",
    "write_uid",
    "write_date",
}
# stored fields without a column (x2many) that the insert fills or leaves empty
EVENT_RELATIONS = {
    "partner_ids",
    "attendee_ids",
    "activity_ids",
    "alarm_ids",
    "categ_ids",
    "message_follower_ids",
    "message_ids",
    "website_message_ids",
    "kam_visit_ids",
}
# computed stored fields of the event, as their compute gives them for a timed
# event (not all day) without a video call
EVENT_COMPUTED = {"start_date", "stop_date", "videocall_location", "res_model"}
ATTENDEE_FIELDS = {
    "id",
    "event_id",
    "partner_id",
    "common_name",
    "access_token",
    "state",
    "availability",
    "create_uid",
    "create_date",
    "write_uid",
    "write_date",
}
# the modules whose create of events and attendees the insert does the work of
EVENT_CREATES = {
    "odoo.models",
    "odoo.addons.mail.models.mail_thread",
    "odoo.addons.calendar.models.calendar_event",
    "odoo.addons.crm.models.calendar",
}
ATTENDEE_CREATES = {"odoo.models", "odoo.addons.calendar.models.calendar_attendee"}
# values of a mirror event the insert needs (kam.visit._kam_event_values)
REQUIRED_VALUES = {"name", "start", "stop", "duration", "user_id", "partner_ids"}


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    @api.model
    def _kam_create_mirrors(self, vals_list):
        """Create the events mirroring visits (``vals_list``: their create values,
        see ``kam.visit._kam_create_events``), each with its attendees, who follow
        it. The events only mirror the visits, whose own access rules allowed the
        change; no invitation mail, alarm, creation message, tracking or follower
        but the attendees (``calendar.attendee._subscribe_partner``)."""
        events = self.sudo().with_context(
            kam_visit_sync=True,
            no_mail_to_attendees=True,
            dont_notify=True,
            tracking_disable=True,
        )
        if not vals_list:
            return events
        defaults = events._kam_mirror_defaults(vals_list)
        if defaults is None:
            return events.create(vals_list)
        return events._kam_insert_mirrors(vals_list, *defaults)

    @api.model
    def _kam_mirrors_insertable(self):
        """Whether the insert knows every stored field of the events and
        attendees, and what their ``create`` does."""
        attendee_model = self.env["calendar.attendee"]
        return not (
            _stored(self) - EVENT_FIELDS - EVENT_RELATIONS
            or _stored(attendee_model) - ATTENDEE_FIELDS
            or create_modules(self) - EVENT_CREATES
            or create_modules(attendee_model) - ATTENDEE_CREATES
        )

    @api.model
    def _kam_mirror_defaults(self, vals_list):
        """The default values the ORM would give the events of ``vals_list`` and
        their attendees (``(event defaults, attendee defaults)``, as ``create``
        asks ``default_get`` for the fields not given), or ``None`` when the insert
        cannot create them as the ORM would."""
        keys = set(vals_list[0])
        attendee_model = self.env["calendar.attendee"]
        if not REQUIRED_VALUES <= keys or not self._kam_mirrors_insertable():
            return None
        for vals in vals_list:
            if (
                set(vals) != keys
                or vals.get("allday")
                or vals.get("recurrency")
                or vals.get("videocall_location")
                or vals.get("attendee_ids")
                or not _set_ids(vals["partner_ids"])
                or vals.get("activity_ids", []) not in ([], [Command.clear()])
                or not vals["start"]
                or not vals["stop"]
                or vals["stop"] < vals["start"]
            ):
                return None
        defaults = self.default_get([name for name in self._fields if name not in keys])
        if (
            any(
                self._fields[name].type in ("one2many", "many2many")
                for name in defaults
            )
            or set(defaults) & EVENT_COMPUTED
            or defaults.get("allday")
            or defaults.get("recurrency")
            # an opportunity's meeting is logged on it (crm)
            or defaults.get("opportunity_id")
        ):
            return None
        attendee_defaults = attendee_model.default_get(
            [name for name in attendee_model._fields if name != "partner_id"]
        )
        # the attendee's computed name and its invitation token (one per attendee)
        # are the insert's
        attendee_defaults.pop("access_token", None)
        if set(attendee_defaults) - {"state", "availability", "event_id"}:
            return None
        attendee_defaults.pop("event_id", None)
        return defaults, attendee_defaults

    @api.model
    def _kam_insert_mirrors(self, vals_list, defaults, attendee_defaults):
        """Insert the events of ``vals_list``, their attendees and followers (see
        ``_kam_create_mirrors``): the columns as the ORM fills them, in a few
        queries whatever the number of events."""
        log = log_values(self.env)
        model_names = {
            model.id: model.model
            for model in self.env["ir.model"].browse(
                {vals["res_model_id"] for vals in vals_list if vals.get("res_model_id")}
            )
        }
        columns = stored_columns(self)
        events = self.browse(new_ids(self.env, self._table, len(vals_list)))
        rows = []
        for event, vals in zip(events, vals_list, strict=True):
            values = {**defaults, **vals, **log}
            if values.get("res_model_id"):
                values["res_model"] = model_names[values["res_model_id"]]
            rows.append({"id": event.id, **row_values(self, columns, values)})
        insert_rows(self.env, self._table, rows)
        partners_of = [
            list(dict.fromkeys(_set_ids(vals["partner_ids"]))) for vals in vals_list
        ]
        partner_field = self._fields["partner_ids"]
        insert_rows(
            self.env,
            partner_field.relation,
            [
                {partner_field.column1: event.id, partner_field.column2: partner_id}
                for event, partner_ids in zip(events, partners_of, strict=True)
                for partner_id in partner_ids
            ],
        )
        self._kam_insert_attendees(events, partners_of, attendee_defaults, log)
        self._kam_mirrors_created(events)
        return events

    @api.model
    def _kam_insert_attendees(self, events, partners_of, defaults, log):
        """One attendee per event and partner of ``partners_of`` (a list of partner
        ids per event), as ``calendar.attendee.create`` makes them, the attendees
        following their events."""
        attendee_model = self.env["calendar.attendee"]
        partners = self.env["res.partner"].browse(
            {pid for partner_ids in partners_of for pid in partner_ids}
        )
        partners.fetch(["name", "email"])
        user_partner = self.env.user.partner_id.id
        columns = stored_columns(attendee_model)
        rows = []
        events_of = {}
        for event, partner_ids in zip(events, partners_of, strict=True):
            for partner in partners.browse(partner_ids):
                values = {
                    **defaults,
                    **log,
                    "event_id": event.id,
                    "partner_id": partner.id,
                    "common_name": partner.name or partner.email,
                    "access_token": attendee_model._default_access_token(),
                }
                # whoever creates the event accepts their own attendance
                # (calendar.attendee.create)
                if partner.id == user_partner:
                    values["state"] = "accepted"
                rows.append(row_values(attendee_model, columns, values))
                events_of.setdefault(partner.id, []).append(event.id)
        insert_rows(self.env, attendee_model._table, rows)
        # as calendar.attendee._subscribe_partner does for the mirrors
        self.env["mail.followers"]._kam_insert_new_followers(
            "calendar.event", events_of
        )

    @api.model
    def _kam_mirrors_created(self, events):
        """The cache after inserting ``events``: what other records hold of events
        and attendees (the partners' meetings, the events' attendees) is read
        again."""
        for model_name in ("calendar.event", "calendar.attendee"):
            for field in self.env[model_name]._fields.values():
                for inverse in self.pool.field_inverses[field]:
                    self.env[inverse.model_name].invalidate_model([inverse.name])


def _stored(model):
    return {name for name, field in model._fields.items() if field.store}


def _set_ids(commands):
    """The ids of ``[Command.set(ids)]``, else ``None``."""
    if (
        isinstance(commands, list | tuple)
        and len(commands) == 1
        and commands[0][0] == Command.SET
    ):
        return commands[0][2]
    return None
