# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    kam_visit_ids = fields.One2many(
        "kam.visit", "calendar_event_id", string="Key Account Visits"
    )

    def write(self, vals):
        res = super().write(vals)
        if self.env.context.get("kam_visit_sync"):
            return res
        # Only events mirroring a visit (res_model is read with the event, no extra
        # query).
        visits = self.filtered(
            lambda event: event.res_model == "kam.visit"
        ).kam_visit_ids
        if not visits:
            return res
        if vals.get("active") is False:
            visits.filtered(lambda v: v.state == "planned").with_context(
                kam_visit_sync=True
            ).write({"state": "cancelled", "calendar_event_id": False})
        elif {"start", "stop", "duration", "start_date", "stop_date"} & set(vals):
            visits.filtered(
                lambda v: v.state in ("planned", "missed")
            )._kam_sync_from_events()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_kam_visits_cancel(self):
        if self.env.context.get("kam_visit_sync"):
            return
        mirrors = self.filtered(lambda event: event.res_model == "kam.visit")
        visits = mirrors.kam_visit_ids.filtered(lambda v: v.state == "planned")
        visits.with_context(kam_visit_sync=True).write(
            {"state": "cancelled", "calendar_event_id": False}
        )
