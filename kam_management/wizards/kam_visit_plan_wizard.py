# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

from markupsafe import Markup, escape
from pytz import utc

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.kam_visit import (
    CALL_CONTACT_TYPES,
    DEFAULT_DURATIONS,
    VISIT_CONTACT_TYPES,
)
from .kam_visit_planner import (
    has_coordinates,
    nearest_neighbour_route,
    place_in_intervals,
    to_utc_naive,
)

# The two cadences: a planned contact of the kind satisfies the account for the week.
KINDS = {"visit": VISIT_CONTACT_TYPES, "call": CALL_CONTACT_TYPES}


def _kind_of(visit_type):
    return "visit" if visit_type in VISIT_CONTACT_TYPES else "call"


class KamVisitPlanWizard(models.TransientModel):
    _name = "kam.visit.plan.wizard"
    _description = "Weekly Visit and Call Plan"

    def _default_week_start(self):
        today = self.env.company._kam_today()
        return today + timedelta(days=7 - today.weekday())

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    week_start = fields.Date(
        required=True, default=lambda self: self._default_week_start()
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
        for wizard in self:
            wizard.leftover_html = (
                wizard._kam_leftover_table(wizard.leftovers)
                if wizard.leftovers
                else False
            )

    def _kam_leftover_table(self, items):
        headers = (
            self.env._("Account"),
            self.env._("KAM"),
            self.env._("Type"),
            self.env._("Due Since"),
            self.env._("Why Not Planned"),
        )
        type_names = dict(
            self.env["kam.visit"]._fields["visit_type"]._description_selection(self.env)
        )
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                item["partner_name"],
                item["user_name"],
                type_names.get(item["visit_type"], item["visit_type"]),
                item["due_date"],
                item["reason"],
            )
            for item in items
        )
        head = Markup("").join(
            Markup("<th>%s</th>") % escape(header) for header in headers
        )
        return Markup(
            '<table class="table table-sm o_kam_visit_leftovers">'
            "<thead><tr>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (head, rows)

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _kam_plan_partner_domain(self):
        """Accounts the plan covers: the KAMs' key accounts, and prospects if asked.

        A prospect is a commercial partner with a KAM but no key-account tier yet; it is
        planned by its own interval override.
        """
        self.ensure_one()
        domain = [
            ("kam_user_id", "in", self.user_ids.ids),
            ("company_id", "in", [False, self.company_id.id]),
            "|",
            ("is_company", "=", True),
            ("parent_id", "=", False),
            "|",
            ("kam_effective_visit_interval", ">", 0),
            ("kam_effective_call_interval", ">", 0),
        ]
        if self.include_prospects:
            return domain
        return domain + [("is_key_account", "=", True)]

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    def action_generate(self):
        self.ensure_one()
        if not self.user_ids:
            raise UserError(self.env._("Choose the KAMs to plan for."))
        if self.user_ids != self.env.user and not self.env.user.has_group(
            "kam_management.group_kam_manager"
        ):
            raise UserError(
                self.env._(
                    "You can plan your own week only; a head of sales plans the team's."
                )
            )
        if self.max_visits_per_day < 0 or self.max_calls_per_day < 0:
            raise UserError(
                self.env._("The daily limits of visits and calls cannot be negative.")
            )
        if not self.max_visits_per_day and not self.max_calls_per_day:
            raise UserError(self.env._("Allow at least one visit or one call per day."))
        week_days = [self.week_start + timedelta(days=offset) for offset in range(7)]
        workdays = self._kam_workdays(week_days)
        partners = self.env["res.partner"].search_fetch(
            self._kam_plan_partner_domain(),
            [
                "kam_user_id",
                "kam_effective_visit_interval",
                "kam_effective_call_interval",
                "kam_last_visit_date",
                "kam_last_call_date",
                "kam_next_visit_date",
                "kam_next_call_date",
                "partner_latitude",
                "partner_longitude",
                "complete_name",
            ],
            order="id",
        )
        taken, used = self._kam_existing_contacts(partners, week_days)
        candidates = self._kam_due_contacts(partners, taken)
        planned, leftovers = self._kam_assign_days(candidates, workdays, used)
        visits = self._kam_create_visits(planned, workdays)
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

    def _kam_workdays(self, week_days):
        """{user: {date: [(start, stop), ...]}} of the working time left after leaves.

        One work-intervals computation per resource calendar, for all its KAMs at once.
        """
        company = self.company_id
        # Employee records are HR-restricted; only their schedule and resource are read
        # here.
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                [("user_id", "in", self.user_ids.ids), ("company_id", "=", company.id)],
                ["user_id", "resource_id", "resource_calendar_id"],
            )
        )
        employee_of = {employee.user_id: employee for employee in employees}
        per_calendar = defaultdict(list)
        for user in self.user_ids:
            employee = employee_of.get(user)
            calendar = (
                employee and employee.resource_calendar_id
            ) or company.resource_calendar_id
            per_calendar[calendar].append((user, employee and employee.resource_id))
        # A day of margin on both sides catches every time zone.
        start = utc.localize(
            datetime.combine(week_days[0] - timedelta(days=1), time.min)
        )
        stop = utc.localize(
            datetime.combine(week_days[-1] + timedelta(days=2), time.min)
        )
        result = {}
        for calendar, members in per_calendar.items():
            if not calendar:
                for user, _resource in members:
                    result[user] = {}
                continue
            resources = self.env["resource.resource"].concat(
                *(resource for _user, resource in members if resource)
            )
            intervals = calendar._work_intervals_batch(start, stop, resources=resources)
            for user, resource in members:
                days = defaultdict(list)
                for begin, end, _meta in intervals[resource.id if resource else False]:
                    if begin.date() in week_days and end > begin:
                        days[begin.date()].append((begin, end))
                result[user] = {
                    day: sorted(days[day]) for day in week_days if days.get(day)
                }
        return result

    def _kam_existing_contacts(self, partners, week_days):
        """Accounts already contacted (planned or done) in the week and the slots they
        use."""
        start = datetime.combine(week_days[0] - timedelta(days=1), time.min)
        stop = datetime.combine(week_days[-1] + timedelta(days=2), time.min)
        existing = self.env["kam.visit"].search_fetch(
            [
                ("state", "in", ("planned", "done")),
                ("planned_start", ">=", start),
                ("planned_start", "<", stop),
                "|",
                ("user_id", "in", self.user_ids.ids),
                ("commercial_partner_id", "in", partners.ids),
            ],
            ["user_id", "commercial_partner_id", "visit_type", "planned_start"],
        )
        taken = set()
        used = defaultdict(int)
        for visit in existing:
            local_day = self.company_id._kam_local_day(visit.planned_start)
            if local_day not in week_days:
                continue
            kind = _kind_of(visit.visit_type)
            taken.add((visit.commercial_partner_id.id, kind))
            used[visit.user_id, local_day, kind] += 1
        return taken, used

    def _kam_due_contacts(self, partners, taken):
        """Contacts falling due by the end of the week, most overdue first."""
        week_end = self.week_start + timedelta(days=6)
        candidates = []
        for partner in partners:
            for kind, interval, last_date, next_date in (
                (
                    "visit",
                    partner.kam_effective_visit_interval,
                    partner.kam_last_visit_date,
                    partner.kam_next_visit_date,
                ),
                (
                    "call",
                    partner.kam_effective_call_interval,
                    partner.kam_last_call_date,
                    partner.kam_next_call_date,
                ),
            ):
                if not interval or not next_date or next_date > week_end:
                    continue
                if (partner.id, kind) in taken:
                    continue
                candidates.append(
                    {
                        "partner": partner,
                        "user": partner.kam_user_id,
                        "kind": kind,
                        "interval": interval,
                        "last_date": last_date,
                        "due_date": next_date,
                        "point": (
                            (partner.partner_latitude, partner.partner_longitude)
                            if has_coordinates(
                                partner.partner_latitude, partner.partner_longitude
                            )
                            else None
                        ),
                    }
                )
        candidates.sort(key=lambda c: (c["due_date"], c["partner"].id, c["kind"]))
        return candidates

    def _kam_assign_days(self, candidates, workdays, used):
        """Spread the contacts over each KAM's working days under the daily caps."""
        caps = {"visit": self.max_visits_per_day, "call": self.max_calls_per_day}
        planned = defaultdict(list)
        leftovers = []
        for candidate in candidates:
            user, kind = candidate["user"], candidate["kind"]
            days = workdays.get(user, {})
            free = [day for day in days if used[user, day, kind] < caps[kind]]
            if not free:
                leftovers.append(self._kam_leftover_values(candidate, bool(days)))
                continue
            preferred = [day for day in free if day >= candidate["due_date"]] or free
            day = min(preferred, key=lambda d: (used[user, d, kind], d))
            used[user, day, kind] += 1
            planned[user, day].append(candidate)
        return planned, leftovers

    def _kam_create_visits(self, planned, workdays):
        vals_list = []
        for (user, day), contacts in planned.items():
            visits = nearest_neighbour_route(
                [c for c in contacts if c["kind"] == "visit"]
            )
            calls = [c for c in contacts if c["kind"] == "call"]
            intervals = workdays[user][day]
            cursor = intervals[0][0]
            for contact in visits + calls:
                visit_type = "visit" if contact["kind"] == "visit" else "call"
                hours = DEFAULT_DURATIONS[visit_type]
                start = place_in_intervals(intervals, cursor, hours)
                cursor = start + timedelta(hours=hours)
                vals_list.append(
                    {
                        "partner_id": contact["partner"].id,
                        "user_id": user.id,
                        "company_id": self.company_id.id,
                        "visit_type": visit_type,
                        "planned_start": to_utc_naive(start),
                        "duration": hours,
                        "is_generated": True,
                        "plan_reason": self._kam_reason(contact, day),
                    }
                )
        return (
            self.env["kam.visit"].with_context(mail_create_nolog=True).create(vals_list)
        )

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

    def _kam_leftover_values(self, candidate, has_workdays):
        if has_workdays:
            why = self.env._(
                "The daily limit is reached on every working day of the week."
            )
        else:
            why = self.env._(
                "No working day in the week (leave, public holidays or no working "
                "schedule)."
            )
        return {
            "partner_id": candidate["partner"].id,
            "partner_name": candidate["partner"].complete_name,
            "user_id": candidate["user"].id,
            "user_name": candidate["user"].name,
            "visit_type": "visit" if candidate["kind"] == "visit" else "call",
            "due_date": fields.Date.to_string(candidate["due_date"]),
            "reason": " ".join((self._kam_reason(candidate, self.week_start), why)),
        }

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_generate_weekly_plan(self):
        """On each company's plan day, plan next week for every KAM owning accounts."""
        # pylint: disable=no-search-all
        for company in self.env["res.company"].search([]):
            # each company plans on its own local plan day
            today = company._kam_today()
            if company.kam_visit_plan_weekday != str(today.weekday()):
                continue
            owners = self.env["res.partner"]._read_group(
                [
                    ("kam_user_id", "!=", False),
                    ("company_id", "in", [False, company.id]),
                ],
                ["kam_user_id"],
            )
            users = (
                self.env["res.users"]
                .concat(*(user for (user,) in owners))
                .filtered(lambda user, company=company: company in user.company_ids)
            )
            if not users:
                continue
            wizard = self.with_company(company).create(
                {
                    "company_id": company.id,
                    "user_ids": [Command.set(users.ids)],
                    "week_start": today + timedelta(days=7 - today.weekday()),
                    "max_visits_per_day": company.kam_visit_max_per_day,
                    "max_calls_per_day": company.kam_call_max_per_day,
                }
            )
            wizard.with_company(company).action_generate()
            wizard._kam_notify_leftovers()

    def _kam_notify_leftovers(self):
        """Tell each KAM which of their due contacts did not fit (the cron has no
        screen)."""
        self.ensure_one()
        per_user = defaultdict(list)
        for item in self.leftovers or []:
            per_user[item["user_id"]].append(item)
        for user in self.env["res.users"].browse(list(per_user)):
            items = per_user[user.id]
            self.env["mail.thread"].message_notify(
                partner_ids=user.partner_id.ids,
                subject=self.env._(
                    "Weekly plan: %(count)s contacts did not fit in the week of "
                    "%(week)s",
                    count=len(items),
                    week=fields.Date.to_string(self.week_start),
                ),
                body=self._kam_leftover_table(items),
                subtype_xmlid="mail.mt_note",
            )
