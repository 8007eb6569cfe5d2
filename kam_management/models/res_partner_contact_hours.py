# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""When an account may be contacted: preferred contact days and opening hours.

The weekly planner (``kam.visit.planner``, see ``kam_visit_planner_hours.py``)
places a contact only on the account's preferred days and inside its opening
hours, read in the account's time zone (its own, else the company's business time
zone).
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Monday first, as date.weekday().
CONTACT_DAY_FIELDS = (
    "kam_contact_mon",
    "kam_contact_tue",
    "kam_contact_wed",
    "kam_contact_thu",
    "kam_contact_fri",
    "kam_contact_sat",
    "kam_contact_sun",
)
OPENING_FIELDS = ("kam_opening_hour_from", "kam_opening_hour_to")


def format_hour(value):
    """10.5 -> '10:30'."""
    minutes = round(value * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_contact_mon = fields.Boolean(string="Monday")
    kam_contact_tue = fields.Boolean(string="Tuesday")
    kam_contact_wed = fields.Boolean(string="Wednesday")
    kam_contact_thu = fields.Boolean(string="Thursday")
    kam_contact_fri = fields.Boolean(string="Friday")
    kam_contact_sat = fields.Boolean(string="Saturday")
    kam_contact_sun = fields.Boolean(string="Sunday")
    kam_opening_hour_from = fields.Float(
        string="Opens At",
        help="Opening time of the account, in its own time zone (else the company's "
        "business time zone). Leave both times at 00:00 when any time of the KAM's "
        "working day suits.",
    )
    kam_opening_hour_to = fields.Float(string="Closes At")
    kam_contact_hours_summary = fields.Char(
        string="Contact Days and Hours",
        compute="_compute_kam_contact_hours_summary",
        help="The preferred contact days and opening hours the weekly plan respects.",
    )

    @api.depends(*CONTACT_DAY_FIELDS, *OPENING_FIELDS)
    @api.depends_context("lang")
    def _compute_kam_contact_hours_summary(self):
        for partner in self:
            partner.kam_contact_hours_summary = partner._kam_contact_hours_text()

    @api.constrains(*OPENING_FIELDS)
    def _check_kam_opening_hours(self):
        for partner in self:
            opens, closes = partner.kam_opening_hour_from, partner.kam_opening_hour_to
            if not (opens or closes):
                continue
            if not 0 <= opens < closes <= 24:
                raise ValidationError(
                    self.env._(
                        "The opening hours of %(account)s must lie between 00:00 and "
                        "24:00 and close after they open (%(opens)s - %(closes)s).",
                        account=partner.display_name,
                        opens=format_hour(opens),
                        closes=format_hour(closes),
                    )
                )

    # ------------------------------------------------------------------
    # What the planner asks
    # ------------------------------------------------------------------
    def _kam_contact_hours_by_partner(self):
        """{partner id: (preferred weekdays, has opening hours)} for the partners of
        ``self``, each field read once for all of them. The weekdays are numbers (0
        = Monday), none when any day suits."""
        result = {id_: (set(), False) for id_ in self._ids}
        for weekday, name in enumerate(CONTACT_DAY_FIELDS):
            for id_, value in zip(self._ids, self.mapped(name), strict=True):
                if value:
                    result[id_][0].add(weekday)
        for id_, opens, closes in zip(
            self._ids,
            self.mapped("kam_opening_hour_from"),
            self.mapped("kam_opening_hour_to"),
            strict=True,
        ):
            if opens or closes:
                result[id_] = (result[id_][0], True)
        return result

    def _kam_contact_weekdays(self):
        """The preferred weekdays (0 = Monday); empty when any day suits."""
        self.ensure_one()
        return self._kam_contact_hours_by_partner()[self._ids[0]][0]

    def _kam_has_opening_hours(self):
        self.ensure_one()
        return self._kam_contact_hours_by_partner()[self._ids[0]][1]

    def _kam_contact_tz(self):
        """The account's time zone: its own, else the company's business one."""
        self.ensure_one()
        if self.tz in pytz.all_timezones_set:
            return pytz.timezone(self.tz)
        return (self.company_id or self.env.company)._kam_tz()

    def _kam_opening_windows(self, day):
        """The opening hours of local ``day`` as aware (start, stop) datetimes, or
        ``None`` when the account has none (any time suits)."""
        self.ensure_one()
        if not self._kam_has_opening_hours():
            return None
        tz = self._kam_contact_tz()
        midnight = datetime.combine(day, time.min)
        return [
            (
                tz.localize(midnight + timedelta(hours=self.kam_opening_hour_from)),
                tz.localize(midnight + timedelta(hours=self.kam_opening_hour_to)),
            )
        ]

    def _kam_contact_hours_text(self):
        """'Tuesday, Thursday; 10:00-12:00' (translated), or '' without any."""
        self.ensure_one()
        parts = []
        days = sorted(self._kam_contact_weekdays())
        if days:
            parts.append(
                ", ".join(
                    self._fields[CONTACT_DAY_FIELDS[weekday]]._description_string(
                        self.env
                    )
                    for weekday in days
                )
            )
        if self._kam_has_opening_hours():
            opens = format_hour(self.kam_opening_hour_from)
            parts.append(f"{opens}-{format_hour(self.kam_opening_hour_to)}")
        return "; ".join(parts)
