# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .kam_visit import CALL_CONTACT_TYPES, VISIT_CONTACT_TYPES


class ResPartner(models.Model):
    """Visit and call cadence of a key account (clauses 2.2, 2.3)."""

    _inherit = "res.partner"

    kam_visit_ids = fields.One2many(
        "kam.visit", "commercial_partner_id", string="Visits and Calls"
    )
    kam_visit_count = fields.Integer(
        compute="_compute_kam_visit_count", string="Visit Count"
    )
    kam_visit_interval_days = fields.Integer(
        string="Visit Interval Override (days)",
        help="Days between two visits for this account; 0 takes the tier's interval.",
    )
    kam_call_interval_days = fields.Integer(
        string="Call Interval Override (days)",
        help="Days between two calls for this account; 0 takes the tier's interval.",
    )
    kam_effective_visit_interval = fields.Integer(
        compute="_compute_kam_effective_intervals",
        store=True,
        string="Visit Interval (days)",
    )
    kam_effective_call_interval = fields.Integer(
        compute="_compute_kam_effective_intervals",
        store=True,
        string="Call Interval (days)",
    )
    kam_last_visit_date = fields.Date(
        compute="_compute_kam_last_contact_dates",
        store=True,
        readonly=False,
        string="Last Visit",
        help="Date of the last visit marked done (can be set by hand for history from "
        "before).",
    )
    kam_last_call_date = fields.Date(
        compute="_compute_kam_last_contact_dates",
        store=True,
        readonly=False,
        string="Last Call",
        help="Date of the last call or video call marked done.",
    )
    kam_next_visit_date = fields.Date(
        compute="_compute_kam_next_contact_dates",
        store=True,
        string="Next Visit Due",
    )
    kam_next_call_date = fields.Date(
        compute="_compute_kam_next_contact_dates",
        store=True,
        string="Next Call Due",
    )
    kam_visit_overdue = fields.Boolean(
        compute="_compute_kam_overdue",
        store=True,
        string="Visit Overdue",
    )
    kam_call_overdue = fields.Boolean(
        compute="_compute_kam_overdue",
        store=True,
        string="Call Overdue",
    )

    @api.constrains("kam_visit_interval_days", "kam_call_interval_days")
    def _check_kam_contact_intervals(self):
        for partner in self:
            if (
                partner.kam_visit_interval_days < 0
                or partner.kam_call_interval_days < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The visit and call intervals of %(partner)s cannot be "
                        "negative.",
                        partner=partner.display_name,
                    )
                )

    def _compute_kam_visit_count(self):
        counts = dict(
            self.env["kam.visit"]._read_group(
                [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.kam_visit_count = counts.get(partner.commercial_partner_id, 0)

    @api.depends(
        "kam_visit_interval_days",
        "kam_call_interval_days",
        "kam_tier_id.visit_interval_days",
        "kam_tier_id.call_interval_days",
        "commercial_partner_id",
    )
    def _compute_kam_effective_intervals(self):
        for partner in self:
            if partner.commercial_partner_id != partner:
                # Contacts are visited through their company, which carries the cadence.
                partner.kam_effective_visit_interval = (
                    partner.kam_effective_call_interval
                ) = 0
                continue
            partner.kam_effective_visit_interval = (
                partner.kam_visit_interval_days
                or partner.kam_tier_id.visit_interval_days
                or 0
            )
            partner.kam_effective_call_interval = (
                partner.kam_call_interval_days
                or partner.kam_tier_id.call_interval_days
                or 0
            )

    @api.depends(
        "kam_visit_ids.state", "kam_visit_ids.planned_start", "kam_visit_ids.visit_type"
    )
    def _compute_kam_last_contact_dates(self):
        last = {}
        for partner, visit_type, planned_start in self.env["kam.visit"]._read_group(
            [("commercial_partner_id", "in", self.ids), ("state", "=", "done")],
            ["commercial_partner_id", "visit_type"],
            ["planned_start:max"],
        ):
            last[partner.id, visit_type] = self.env.company._kam_local_day(
                planned_start
            )
        for partner in self:
            visit_dates = [last.get((partner.id, t)) for t in VISIT_CONTACT_TYPES]
            call_dates = [last.get((partner.id, t)) for t in CALL_CONTACT_TYPES]
            # Keep a date set by hand (contacts from before the visits were recorded).
            partner.kam_last_visit_date = max(
                filter(None, [*visit_dates, partner.kam_last_visit_date]), default=False
            )
            partner.kam_last_call_date = max(
                filter(None, [*call_dates, partner.kam_last_call_date]), default=False
            )

    @api.model
    def _kam_done_contact_fields(self):
        """The stored fields that follow the contacts done (last contact dates, and
        from them next due dates and overdue flags): contacts created planned leave
        them as they are, see _compute_kam_last_contact_dates."""
        return [
            self._fields[name]
            for name in (
                "kam_last_visit_date",
                "kam_last_call_date",
                "kam_next_visit_date",
                "kam_next_call_date",
                "kam_visit_overdue",
                "kam_call_overdue",
            )
        ]

    @api.depends(
        "kam_last_visit_date",
        "kam_last_call_date",
        "kam_effective_visit_interval",
        "kam_effective_call_interval",
    )
    def _compute_kam_next_contact_dates(self):
        for partner in self:
            # An account never contacted is due from the day it was created.
            start = (
                self.env.company._kam_local_day(partner.create_date)
                or self.env.company._kam_today()
            )
            visit_interval = partner.kam_effective_visit_interval
            call_interval = partner.kam_effective_call_interval
            partner.kam_next_visit_date = (
                (
                    partner.kam_last_visit_date + timedelta(days=visit_interval)
                    if partner.kam_last_visit_date
                    else start
                )
                if visit_interval
                else False
            )
            partner.kam_next_call_date = (
                (
                    partner.kam_last_call_date + timedelta(days=call_interval)
                    if partner.kam_last_call_date
                    else start
                )
                if call_interval
                else False
            )

    @api.depends("kam_next_visit_date", "kam_next_call_date")
    def _compute_kam_overdue(self):
        today = self.env.company._kam_today()
        for partner in self:
            partner.kam_visit_overdue = bool(
                partner.kam_next_visit_date and partner.kam_next_visit_date < today
            )
            partner.kam_call_overdue = bool(
                partner.kam_next_call_date and partner.kam_next_call_date < today
            )

    @api.model
    def _kam_refresh_overdue(self):
        """The overdue flags depend on today: refresh those that turned (daily cron)."""
        today = self.env.company._kam_today()
        stale = self.with_context(active_test=False).search(
            [
                "|",
                "|",
                "|",
                "&",
                ("kam_visit_overdue", "=", False),
                ("kam_next_visit_date", "<", today),
                "&",
                ("kam_visit_overdue", "=", True),
                ("kam_next_visit_date", ">=", today),
                "&",
                ("kam_call_overdue", "=", False),
                ("kam_next_call_date", "<", today),
                "&",
                ("kam_call_overdue", "=", True),
                ("kam_next_call_date", ">=", today),
            ]
        )
        if stale:
            self.env.add_to_compute(self._fields["kam_visit_overdue"], stale)
            self.env.add_to_compute(self._fields["kam_call_overdue"], stale)
            stale.flush_recordset(["kam_visit_overdue", "kam_call_overdue"])
        return stale

    @api.readonly
    def action_kam_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "kam_management.kam_visit_action"
        )
        action.update(
            domain=[("commercial_partner_id", "=", self.commercial_partner_id.id)],
            context={
                "default_partner_id": self.commercial_partner_id.id,
                "default_user_id": (self.kam_user_id or self.env.user).id,
            },
        )
        return action

    @api.readonly
    def action_kam_new_visit(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "kam.visit",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_partner_id": self.commercial_partner_id.id,
                "default_user_id": (self.kam_user_id or self.env.user).id,
            },
        }
