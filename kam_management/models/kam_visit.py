# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.misc import format_date

VISIT_TYPES = [("visit", "Visit"), ("call", "Call"), ("video", "Video Call")]
# Contacts that count as a visit for the cadence; the others count as calls.
VISIT_CONTACT_TYPES = ("visit",)
CALL_CONTACT_TYPES = ("call", "video")
DEFAULT_DURATIONS = {"visit": 1.0, "call": 0.25, "video": 0.5}
TYPE_COLORS = {"visit": 10, "call": 4, "video": 2}


class KamVisit(models.Model):
    _name = "kam.visit"
    _description = "Key Account Visit or Call"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Subject",
        compute="_compute_name",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Account",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Commercial Entity",
    )
    user_id = fields.Many2one(
        "res.users",
        string="KAM",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    visit_type = fields.Selection(
        VISIT_TYPES,
        string="Type",
        required=True,
        default="visit",
        tracking=True,
    )
    type_color = fields.Integer(compute="_compute_type_color", store=True)
    planned_start = fields.Datetime(
        required=True,
        index=True,
        tracking=True,
        default=fields.Datetime.now,
    )
    duration = fields.Float(
        string="Duration (hours)",
        compute="_compute_duration",
        store=True,
        precompute=True,
        readonly=False,
    )
    planned_stop = fields.Datetime(
        compute="_compute_planned_stop", string="Planned End"
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("missed", "Missed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="planned",
        index=True,
        tracking=True,
        copy=False,
    )
    objective = fields.Text()
    outcome = fields.Text(copy=False, tracking=True)
    next_step = fields.Text(copy=False)
    date_done = fields.Datetime(string="Done On", copy=False, readonly=True)
    done_on_time = fields.Boolean(
        compute="_compute_done_on_time",
        store=True,
        help="Done no later than the grace period after the planned start.",
    )
    plan_reason = fields.Char(
        string="Why Planned",
        readonly=True,
        copy=False,
        help="Set by the weekly plan: days since the last completed contact against "
        "the interval.",
    )
    is_generated = fields.Boolean(string="From Weekly Plan", readonly=True, copy=False)
    sale_order_ids = fields.One2many("sale.order", "kam_visit_id", string="Orders")
    sale_order_count = fields.Integer(
        compute="_compute_sale_order_count", string="Order Count"
    )
    calendar_event_id = fields.Many2one(
        "calendar.event",
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )

    @api.depends("visit_type", "partner_id")
    def _compute_name(self):
        type_names = self._kam_type_names()
        for visit in self:
            if visit.partner_id:
                visit.name = self._kam_subject(
                    visit.visit_type, visit.partner_id, type_names
                )
            elif not visit.name:
                visit.name = type_names.get(visit.visit_type, "")

    @api.model
    def _kam_type_names(self):
        """{visit type: its label in the user's language}"""
        return dict(self._fields["visit_type"]._description_selection(self.env))

    @api.model
    def _kam_subject(self, visit_type, partner, type_names):
        """The default subject of a contact of ``visit_type`` with ``partner``
        (``type_names``: see ``_kam_type_names``)."""
        return self.env._(
            "%(type)s: %(account)s",
            type=type_names.get(visit_type, ""),
            account=partner.display_name,
        )

    @api.model
    def _kam_planned_computed_values(self, vals_list):
        """Complete the create values of contacts created planned (``vals_list``,
        with their account, type, company and planned start) with the stored fields
        computed after the insert, as their computes give them: the flush then finds
        them unchanged instead of updating every contact the weekly plan creates,
        and its insert (``_kam_create_planned``) stores them as given: they must be
        what the computes give (``tests/test_visit_plan_insert.py`` compares with
        the ORM's).

        :return: ``vals_list``, completed in place
        """
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list}
        )
        partners.fetch(["commercial_partner_id"])
        for vals in vals_list:
            if vals.get("state", "planned") != "planned":
                continue
            partner = partners.browse(vals["partner_id"])
            vals.setdefault("commercial_partner_id", partner.commercial_partner_id.id)
            vals.setdefault("type_color", TYPE_COLORS.get(vals["visit_type"], 0))
            vals.setdefault("done_on_time", False)
        return vals_list

    @api.depends("visit_type")
    def _compute_type_color(self):
        for visit in self:
            visit.type_color = TYPE_COLORS.get(visit.visit_type, 0)

    @api.depends("visit_type")
    def _compute_duration(self):
        for visit in self:
            visit.duration = DEFAULT_DURATIONS.get(visit.visit_type, 1.0)

    @api.depends("planned_start", "duration")
    def _compute_planned_stop(self):
        for visit in self:
            visit.planned_stop = (
                visit.planned_start
                and visit.planned_start + timedelta(hours=visit.duration or 0.0)
            )

    @api.depends(
        "state", "date_done", "planned_start", "company_id.kam_visit_grace_days"
    )
    def _compute_done_on_time(self):
        for visit in self:
            visit.done_on_time = bool(
                visit.state == "done"
                and visit.date_done
                and visit.date_done
                <= visit.planned_start
                + timedelta(days=visit.company_id.kam_visit_grace_days)
            )

    @api.depends("sale_order_ids")
    def _compute_sale_order_count(self):
        counts = dict(
            self.env["sale.order"]._read_group(
                [("kam_visit_id", "in", self.ids)], ["kam_visit_id"], ["__count"]
            )
        )
        for visit in self:
            visit.sale_order_count = counts.get(visit, 0)

    @api.constrains("duration")
    def _check_duration(self):
        for visit in self:
            if visit.duration < 0 or visit.duration > 24:
                raise ValidationError(
                    self.env._(
                        "The duration of %(visit)s must be between 0 and 24 hours.",
                        visit=visit.display_name,
                    )
                )

    @api.constrains("outcome", "state")
    def _check_outcome(self):
        for visit in self:
            if visit.state == "done" and not (visit.outcome or "").strip():
                raise ValidationError(
                    self.env._(
                        "Record the outcome of %(visit)s before marking it done.",
                        visit=visit.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_done(self):
        for visit in self:
            if visit.state not in ("planned", "missed"):
                raise UserError(
                    self.env._(
                        "Only a planned or missed contact can be marked done: "
                        "%(visit)s.",
                        visit=visit.display_name,
                    )
                )
            if not (visit.outcome or "").strip():
                raise UserError(
                    self.env._(
                        "Record the outcome of %(visit)s before marking it done.",
                        visit=visit.display_name,
                    )
                )
            # the day it took place (visit_day: the check-in's, else the planned one)
            day = visit.visit_day
            if day and day > visit.company_id._kam_today():
                raise UserError(
                    self.env._(
                        "%(visit)s is planned for %(day)s: it can be marked done from "
                        "that day on. Move it to today if it took place earlier.",
                        visit=visit.display_name,
                        day=format_date(self.env, day),
                    )
                )
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        return True

    def action_cancel(self):
        if any(visit.state == "done" for visit in self):
            raise UserError(self.env._("A contact that is done cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_reset_to_planned(self):
        if any(visit.state == "done" for visit in self):
            raise UserError(
                self.env._("A contact that is done cannot be planned again.")
            )
        self.write({"state": "planned"})
        return True

    @api.readonly
    def action_new_quotation(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action.update(
            views=[(False, "form")],
            context={
                "default_partner_id": self.partner_id.id,
                "default_kam_visit_id": self.id,
                "default_user_id": self.user_id.id,
            },
        )
        return action

    @api.readonly
    def action_view_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("sale.action_orders")
        action.update(
            domain=[("kam_visit_id", "=", self.id)],
            context={"default_kam_visit_id": self.id},
        )
        return action

    @api.model
    def _cron_mark_missed(self):
        """Planned contacts past their grace period become missed."""
        now = fields.Datetime.now()
        domain = [("state", "=", "planned")]
        companies = self.env["res.company"].concat(
            *(company for (company,) in self._read_group(domain, ["company_id"]))
        )
        per_company = [
            [
                "&",
                ("company_id", "=", company.id),
                (
                    "planned_start",
                    "<",
                    now - timedelta(days=company.kam_visit_grace_days),
                ),
            ]
            for company in companies
        ]
        if not per_company:
            return
        visits = self.search(expression.AND([domain, expression.OR(per_company)]))
        visits.write({"state": "missed"})
        self.env["res.partner"]._kam_refresh_overdue()
