# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .kam_visit import VISIT_CONTACT_TYPES

PROOF_ENDS = ("check_in", "check_out")
# Written only by action_check_in / action_check_out.
PROOF_FIELDS = frozenset(
    f"{end}{suffix}"
    for end in PROOF_ENDS
    for suffix in ("", "_located", "_latitude", "_longitude", "_accuracy")
)


class KamVisit(models.Model):
    """Proof of visit: check-in and check-out times and, when the user's browser
    shares it, where they were (no map service: coordinates and a ``geo:`` link)."""

    _inherit = "kam.visit"

    is_on_site = fields.Boolean(
        compute="_compute_is_on_site",
        help="A contact at the client's premises (a visit, not a call): checked in "
        "and out.",
    )
    check_in = fields.Datetime(string="Checked In", readonly=True, copy=False)
    check_in_located = fields.Boolean(readonly=True, copy=False)
    check_in_latitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    check_in_longitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    check_in_accuracy = fields.Float(
        string="Check-in Accuracy (m)", digits=(10, 1), readonly=True, copy=False
    )
    check_in_location = fields.Char(
        compute="_compute_proof_locations", string="Check-in Location"
    )
    check_in_geo_uri = fields.Char(
        compute="_compute_proof_locations", string="Check-in Map Link"
    )
    check_out = fields.Datetime(string="Checked Out", readonly=True, copy=False)
    check_out_located = fields.Boolean(readonly=True, copy=False)
    check_out_latitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    check_out_longitude = fields.Float(digits=(10, 7), readonly=True, copy=False)
    check_out_accuracy = fields.Float(
        string="Check-out Accuracy (m)", digits=(10, 1), readonly=True, copy=False
    )
    check_out_location = fields.Char(
        compute="_compute_proof_locations", string="Check-out Location"
    )
    check_out_geo_uri = fields.Char(
        compute="_compute_proof_locations", string="Check-out Map Link"
    )
    visit_day = fields.Date(
        compute="_compute_visit_day",
        store=True,
        index=True,
        help="The company's local day of the visit: the day of the check-in, or of "
        "the planned start before checking in.",
    )

    @api.depends("visit_type")
    def _compute_is_on_site(self):
        for visit in self:
            visit.is_on_site = visit.visit_type in VISIT_CONTACT_TYPES

    @api.depends(*PROOF_FIELDS)
    def _compute_proof_locations(self):
        for visit in self:
            for end in PROOF_ENDS:
                location = uri = False
                if visit[f"{end}_located"]:
                    latitude = visit[f"{end}_latitude"]
                    longitude = visit[f"{end}_longitude"]
                    accuracy = visit[f"{end}_accuracy"]
                    location = self.env._(
                        "%(latitude)s, %(longitude)s (within %(accuracy)s m)",
                        latitude=f"{latitude:.6f}",
                        longitude=f"{longitude:.6f}",
                        accuracy=f"{accuracy:.0f}",
                    )
                    # RFC 5870: opened by the device's own map application.
                    uri = f"geo:{latitude:.6f},{longitude:.6f};u={accuracy:.0f}"
                visit[f"{end}_location"] = location
                visit[f"{end}_geo_uri"] = uri

    @api.depends("check_in", "planned_start", "company_id")
    def _compute_visit_day(self):
        for visit in self:
            moment = visit.check_in or visit.planned_start
            visit.visit_day = moment and visit.company_id._kam_local_day(moment)

    @api.model
    def _kam_planned_computed_values(self, vals_list):
        vals_list = super()._kam_planned_computed_values(vals_list)
        companies = self.env["res.company"]
        for vals in vals_list:
            if vals.get("state", "planned") == "planned" and not vals.get("check_in"):
                company = companies.browse(vals["company_id"])
                vals.setdefault(
                    "visit_day", company._kam_local_day(vals["planned_start"])
                )
        return vals_list

    @api.constrains("check_in", "check_out")
    def _check_proof_times(self):
        for visit in self:
            if visit.check_out and not visit.check_in:
                raise ValidationError(
                    self.env._(
                        "%(visit)s cannot be checked out without a check-in.",
                        visit=visit.display_name,
                    )
                )
            if visit.check_out and visit.check_out < visit.check_in:
                raise ValidationError(
                    self.env._(
                        "%(visit)s cannot be checked out before it was checked in.",
                        visit=visit.display_name,
                    )
                )

    def write(self, vals):
        if PROOF_FIELDS & set(vals) and not self.env.context.get("kam_visit_proof"):
            raise UserError(
                self.env._(
                    "Check-in and check-out are recorded with their buttons only, "
                    "as they happen."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions (called by the check-in/check-out buttons with the browser's
    # position when the user allowed it)
    # ------------------------------------------------------------------
    def action_check_in(self, latitude=None, longitude=None, accuracy=None):
        self.ensure_one()
        self._kam_check_proof_allowed()
        if self.check_in:
            raise UserError(
                self.env._(
                    "%(visit)s was already checked into.", visit=self.display_name
                )
            )
        if self.state not in ("planned", "missed"):
            raise UserError(
                self.env._(
                    "Only a planned or missed visit can be checked into: "
                    "%(visit)s is %(state)s.",
                    visit=self.display_name,
                    state=self._kam_state_label(),
                )
            )
        self._kam_write_proof("check_in", latitude, longitude, accuracy)
        return True

    def action_check_out(self, latitude=None, longitude=None, accuracy=None):
        self.ensure_one()
        self._kam_check_proof_allowed()
        if self.state == "cancelled":
            raise UserError(
                self.env._(
                    "%(visit)s is cancelled: it cannot be checked out.",
                    visit=self.display_name,
                )
            )
        if not self.check_in:
            raise UserError(
                self.env._(
                    "Check in to %(visit)s before checking out.",
                    visit=self.display_name,
                )
            )
        if self.check_out:
            raise UserError(
                self.env._(
                    "%(visit)s was already checked out.", visit=self.display_name
                )
            )
        self._kam_write_proof("check_out", latitude, longitude, accuracy)
        return True

    def _kam_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _kam_check_proof_allowed(self):
        """Only the visit's KAM proves their own presence, and only at a visit."""
        self.ensure_one()
        if not self.is_on_site:
            raise UserError(
                self.env._(
                    "Only a visit at the client's premises has a check-in and a "
                    "check-out, not %(visit)s.",
                    visit=self.display_name,
                )
            )
        if self.user_id != self.env.user:
            raise UserError(
                self.env._(
                    "Only %(kam)s, the KAM of %(visit)s, can check in and out of it.",
                    kam=self.user_id.name,
                    visit=self.display_name,
                )
            )

    def _kam_write_proof(self, end, latitude, longitude, accuracy):
        vals = {end: fields.Datetime.now()}
        vals.update(self._kam_proof_location(end, latitude, longitude, accuracy))
        self.with_context(kam_visit_proof=True).write(vals)

    def _kam_proof_location(self, end, latitude, longitude, accuracy):
        """Values of the position the browser gave, checked; none without one."""
        if latitude in (None, False) and longitude in (None, False):
            return {f"{end}_located": False}
        try:
            values = float(latitude), float(longitude), float(accuracy or 0.0)
        except (TypeError, ValueError):
            values = (math.nan,) * 3
        if not (
            -90.0 <= values[0] <= 90.0
            and -180.0 <= values[1] <= 180.0
            and 0.0 <= values[2] < math.inf
        ):
            raise ValidationError(
                self.env._(
                    "The browser gave a position that is not a place on Earth "
                    "(latitude %(latitude)s, longitude %(longitude)s, accuracy "
                    "%(accuracy)s m).",
                    latitude=latitude,
                    longitude=longitude,
                    accuracy=accuracy,
                )
            )
        return {
            f"{end}_located": True,
            f"{end}_latitude": values[0],
            f"{end}_longitude": values[1],
            f"{end}_accuracy": values[2],
        }
