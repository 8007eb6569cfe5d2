# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, fields, models

from ..models.kam_visit_planner import KamWeekRequest


class KamVisitPlanWizard(models.TransientModel):
    """The screen of the weekly planner (``kam.visit.planner``): choose the week
    and the KAMs, see what was planned and what did not fit."""

    _name = "kam.visit.plan.wizard"
    _description = "Weekly Visit and Call Plan"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    week_start = fields.Date(
        required=True,
        default=lambda self: self.env["kam.visit.planner"]._kam_next_week_start(
            self.env.company
        ),
    )
    week_end = fields.Date(compute="_compute_week_end")
    user_ids = fields.Many2many(
        "res.users",
        string="KAMs",
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    max_visits_per_day = fields.Integer(
        default=lambda self: self.env.company.kam_visit_max_per_day
    )
    max_calls_per_day = fields.Integer(
        default=lambda self: self.env.company.kam_call_max_per_day
    )
    include_prospects = fields.Boolean(
        help="Also plan the KAMs' prospects: partners with a KAM but no key-account "
        "tier yet, by their own visit and call intervals."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True
    )
    visit_ids = fields.Many2many("kam.visit", string="Planned Contacts", readonly=True)
    leftovers = fields.Json(
        readonly=True,
        help="Contacts that fell due but did not fit in the week: account, KAM, type, "
        "due date, why.",
    )
    leftover_html = fields.Html(
        compute="_compute_leftover_html", string="Not Planned", sanitize=False
    )
    planned_count = fields.Integer(compute="_compute_counts")
    leftover_count = fields.Integer(compute="_compute_counts")

    @api.depends("week_start")
    def _compute_week_end(self):
        for wizard in self:
            wizard.week_end = wizard.week_start and wizard.week_start + timedelta(
                days=6
            )

    @api.depends("visit_ids", "leftovers")
    def _compute_counts(self):
        for wizard in self:
            wizard.planned_count = len(wizard.visit_ids)
            wizard.leftover_count = len(wizard.leftovers or [])

    @api.depends("leftovers")
    def _compute_leftover_html(self):
        planner = self.env["kam.visit.planner"]
        for wizard in self:
            wizard.leftover_html = (
                planner._kam_leftover_table(wizard.leftovers)
                if wizard.leftovers
                else False
            )

    def _kam_week_request(self):
        self.ensure_one()
        return KamWeekRequest(
            company=self.company_id,
            users=self.user_ids,
            week_start=self.week_start,
            max_visits_per_day=self.max_visits_per_day,
            max_calls_per_day=self.max_calls_per_day,
            include_prospects=self.include_prospects,
        )

    def action_generate(self):
        self.ensure_one()
        visits, leftovers = self.env["kam.visit.planner"]._kam_plan_week(
            self._kam_week_request()
        )
        self.write(
            {
                "state": "done",
                "visit_ids": [Command.set(visits.ids)],
                "leftovers": leftovers,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
