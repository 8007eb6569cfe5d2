# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The weekly planner's words: why a contact is planned, why one did not fit."""

from odoo import api, fields, models


class KamVisitPlanner(models.AbstractModel):
    _inherit = "kam.visit.planner"

    # ------------------------------------------------------------------
    # Texts
    # ------------------------------------------------------------------
    @api.model
    def _kam_reason(self, contact, day):
        interval = contact["interval"]
        last_date = contact["last_date"]
        if contact["kind"] == "visit":
            if not last_date:
                return self.env._(
                    "No visit recorded yet; visit every %(interval)s days.",
                    interval=interval,
                )
            return self.env._(
                "%(days)s days since the last visit; visit every %(interval)s days.",
                days=(day - last_date).days,
                interval=interval,
            )
        if not last_date:
            return self.env._(
                "No call recorded yet; call every %(interval)s days.", interval=interval
            )
        return self.env._(
            "%(days)s days since the last call; call every %(interval)s days.",
            days=(day - last_date).days,
            interval=interval,
        )

    @api.model
    def _kam_leftover_why(self, candidate, days, allowed):
        """Why a contact did not fit: ``days`` are the KAM's working days of the
        week, ``allowed`` those the contact may take (see ``_kam_allowed_days``)."""
        if not days:
            return self.env._(
                "No working day in the week (leave, public holidays or no working "
                "schedule)."
            )
        return self.env._(
            "The daily limit is reached on every working day of the week."
        )

    @api.model
    def _kam_leftover_values(self, request, candidate, why):
        return {
            "partner_id": candidate["partner"].id,
            "partner_name": candidate["partner"].complete_name,
            "user_id": candidate["user"].id,
            "user_name": candidate["user"].name,
            "visit_type": "visit" if candidate["kind"] == "visit" else "call",
            "due_date": fields.Date.to_string(candidate["due_date"]),
            "reason": " ".join((self._kam_reason(candidate, request.week_start), why)),
        }
