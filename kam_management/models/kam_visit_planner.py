# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta
from typing import NamedTuple

from pytz import utc

from odoo import api, models
from odoo.exceptions import UserError

from .kam_visit import DEFAULT_DURATIONS, VISIT_CONTACT_TYPES
from .kam_visit_planner_tools import (
    first_free_slot,
    has_coordinates,
    nearest_neighbour_route,
    place_in_intervals,
    to_utc_naive,
)


def _kind_of(visit_type):
    return "visit" if visit_type in VISIT_CONTACT_TYPES else "call"


class KamWeekRequest(NamedTuple):
    """What to plan: the KAMs of a company for the week starting ``week_start``
    (a Monday), under daily caps of visits and calls."""

    company: object
    users: object
    week_start: object
    max_visits_per_day: int
    max_calls_per_day: int
    include_prospects: bool = False

    @property
    def week_days(self):
        return [self.week_start + timedelta(days=offset) for offset in range(7)]


class KamVisitPlanner(models.AbstractModel):
    """The weekly visit and call planner (clauses 2.2, 2.3) and its cron.

    Plans every contact falling due by the end of the week on each KAM's working
    days (their resource calendar, leaves and public holidays), most overdue first,
    under the daily caps, visits as a nearest-neighbour route. The days are the
    company's local days (the business calendar). The wizard
    ``kam.visit.plan.wizard`` is only its screen.
    """

    _name = "kam.visit.planner"
    _description = "Weekly Visit and Call Planner"

    @api.model
    def _kam_next_week_start(self, company):
        """The Monday after the company's today."""
        today = company._kam_today()
        return today + timedelta(days=7 - today.weekday())

    @api.model
    def _kam_check_request(self, request):
        if not request.users:
            raise UserError(self.env._("Choose the KAMs to plan for."))
        user = self.env.user
        if request.users != user and not user.has_group(
            "kam_management.group_kam_manager"
        ):
            raise UserError(
                self.env._(
                    "You can plan your own week only; a head of sales plans the team's."
                )
            )
        # a head of sales plans their own team (res.users.kam_team_user_ids); the
        # commercial director and the scheduled plan any KAM
        outside = request.users - user - user.kam_team_user_ids
        if outside and not (
            self.env.su or user.has_group("kam_management.group_kam_director")
        ):
            raise UserError(
                self.env._(
                    "%(kams)s are not in your team: a head of sales plans the weeks of "
                    "the team only.",
                    kams=", ".join(outside.mapped("name")),
                )
            )
        if request.max_visits_per_day < 0 or request.max_calls_per_day < 0:
            raise UserError(
                self.env._("The daily limits of visits and calls cannot be negative.")
            )
        if not request.max_visits_per_day and not request.max_calls_per_day:
            raise UserError(self.env._("Allow at least one visit or one call per day."))

    @api.model
    def _kam_plan_week(self, request):
        """Plan the week of ``request`` (a ``KamWeekRequest``).

        :return: ``(visits, leftovers)``: the planned ``kam.visit`` records and, per
            contact that fell due but did not fit, a dict with the account, KAM,
            type, due date and why.
        """
        self._kam_check_request(request)
        workdays = self._kam_workdays(request)
        partners = self.env["res.partner"].search_fetch(
            self._kam_plan_partner_domain(request),
            self._kam_plan_partner_fields(),
            order="id",
        )
        taken, used = self._kam_existing_contacts(request, partners)
        candidates = self._kam_due_contacts(request, partners, taken)
        planned, leftovers = self._kam_assign_days(request, candidates, workdays, used)
        visits = self._kam_create_visits(request, planned, workdays)
        return visits, leftovers

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    @api.model
    def _kam_plan_partner_domain(self, request):
        """Accounts the plan covers: the KAMs' key accounts, and prospects if asked.

        A prospect is a commercial partner with a KAM but no key-account tier yet; it is
        planned by its own interval override.
        """
        domain = [
            ("kam_user_id", "in", request.users.ids),
            ("company_id", "in", [False, request.company.id]),
            "|",
            ("is_company", "=", True),
            ("parent_id", "=", False),
            "|",
            ("kam_effective_visit_interval", ">", 0),
            ("kam_effective_call_interval", ">", 0),
        ]
        if request.include_prospects:
            return domain
        return domain + [("is_key_account", "=", True)]

    @api.model
    def _kam_plan_partner_fields(self):
        """Hook: the fields of the accounts the plan reads, in the query that finds
        them (the rest would be fetched with every other field of the partners)."""
        return [
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
            "commercial_partner_id",
            "company_id",
        ]

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    @api.model
    def _kam_workdays(self, request):
        """{user: {local day: [(start, stop), ...]}} of the working time left after
        leaves, from each KAM's resource calendar; the day of an interval is the
        company's local day (the business calendar).

        One work-intervals computation per resource calendar, for all its KAMs at once.
        """
        company = request.company
        week_days = request.week_days
        # Employee records are HR-restricted; only their schedule and resource are read
        # here.
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                [
                    ("user_id", "in", request.users.ids),
                    ("company_id", "=", company.id),
                ],
                ["user_id", "resource_id", "resource_calendar_id"],
            )
        )
        employee_of = {employee.user_id: employee for employee in employees}
        per_calendar = defaultdict(list)
        for user in request.users:
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
                    day = company._kam_local_day(to_utc_naive(begin))
                    if day in week_days and end > begin:
                        days[day].append((begin, end))
                result[user] = {
                    day: sorted(days[day]) for day in week_days if days.get(day)
                }
        return result

    @api.model
    def _kam_existing_contacts(self, request, partners):
        """Accounts already contacted (planned or done) in the week, as a set of
        ``(account id, kind)``, and the contacts each KAM has on each local day
        (``{(user id, day, kind): count}``)."""
        week_days = request.week_days
        start, stop = request.company._kam_day_bounds(week_days[0], week_days[-1])
        existing = self.env["kam.visit"].search_fetch(
            [
                ("state", "in", ("planned", "done")),
                ("planned_start", ">=", start),
                ("planned_start", "<", stop),
                "|",
                ("user_id", "in", request.users.ids),
                ("commercial_partner_id", "in", partners.ids),
            ],
            ["user_id", "commercial_partner_id", "visit_type", "planned_start"],
        )
        taken = set()
        used = defaultdict(int)
        for visit in existing:
            local_day = request.company._kam_local_day(visit.planned_start)
            kind = _kind_of(visit.visit_type)
            taken.add((visit.commercial_partner_id.id, kind))
            used[visit.user_id.id, local_day, kind] += 1
        return taken, used

    @api.model
    def _kam_due_contacts(self, request, partners, taken):
        """Contacts falling due by the end of the week, most overdue first."""
        week_end = request.week_days[-1]
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

    @api.model
    def _kam_assign_days(self, request, candidates, workdays, used):
        """Spread the contacts over each KAM's working days under the daily caps."""
        caps = {
            "visit": request.max_visits_per_day,
            "call": request.max_calls_per_day,
        }
        planned = defaultdict(list)
        leftovers = []
        for candidate in candidates:
            user, kind = candidate["user"], candidate["kind"]
            days = workdays.get(user, {})
            allowed = self._kam_allowed_days(candidate, days)
            uid = user.id
            free = [day for day in allowed if used[uid, day, kind] < caps[kind]]
            if not free:
                why = self._kam_leftover_why(candidate, days, allowed)
                leftovers.append(self._kam_leftover_values(request, candidate, why))
                continue
            preferred = [day for day in free if day >= candidate["due_date"]] or free
            day = min(preferred, key=lambda d: (used[uid, d, kind], d))
            used[uid, day, kind] += 1
            planned[user, day].append(candidate)
        return planned, leftovers

    @api.model
    def _kam_create_visits(self, request, planned, workdays):
        visit_model = self.env["kam.visit"]
        type_names = visit_model._kam_type_names()
        vals_list = []
        for (user, day), contacts in planned.items():
            visits = nearest_neighbour_route(
                [c for c in contacts if c["kind"] == "visit"]
            )
            calls = [c for c in contacts if c["kind"] == "call"]
            intervals = workdays[user][day]
            busy = []
            for contact in visits + calls:
                visit_type = "visit" if contact["kind"] == "visit" else "call"
                hours = DEFAULT_DURATIONS[visit_type]
                start = self._kam_place_contact(contact, day, intervals, busy, hours)
                busy.append((start, start + timedelta(hours=hours)))
                vals = self._kam_visit_values(
                    request, contact, day, visit_type, start, hours
                )
                # the subject as the visit computes it, given: no new record per visit
                # to precompute it
                vals.setdefault(
                    "name",
                    visit_model._kam_subject(
                        visit_type, contact["partner"], type_names
                    ),
                )
                vals_list.append(vals)
        # No creation message nor tracking per contact, and the followers that
        # mail.thread would subscribe one by one (the creator, the KAM as the
        # responsible user) subscribed in one insert; the KAM sees the week in
        # their calendar rather than an assignment notification per contact.
        # Contacts created planned change none of the accounts' done-contact dates:
        # not recomputed for every account planned.
        visit_model._kam_planned_computed_values(vals_list)
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list}
        )
        if any(vals.get("state", "planned") == "done" for vals in vals_list):
            partners = partners.browse()
        with self.env.protecting(
            partners._kam_done_contact_fields(), partners.commercial_partner_id
        ):
            visits = visit_model.with_context(
                mail_create_nolog=True, tracking_disable=True
            )._kam_create_planned(vals_list)
        self._kam_subscribe_followers(visits)
        return visits

    @api.model
    def _kam_subscribe_followers(self, visits):
        """The KAM follows each of their planned contacts, and so does whoever plans
        them (as mail.thread subscribes the creator unless told not to)."""
        res_ids_of = defaultdict(list)
        for visit in visits:
            if visit.user_id.active:
                res_ids_of[visit.user_id.partner_id.id].append(visit.id)
        user = self.env.user
        if user.active and not self.env.context.get("mail_create_nosubscribe"):
            res_ids_of[user.partner_id.id] = visits.ids
        self.env["mail.followers"]._kam_insert_new_followers("kam.visit", res_ids_of)

    # ------------------------------------------------------------------
    # Hooks of a contact: the days and hours it may take, what it creates
    # ------------------------------------------------------------------
    @api.model
    def _kam_allowed_days(self, candidate, days):
        """Hook: the working days of ``days`` (``{day: intervals}``) on which the
        contact may be placed, in order (every one by default)."""
        return list(days)

    @api.model
    def _kam_contact_intervals(self, contact, day, intervals):
        """Hook: the parts of the KAM's working ``intervals`` of ``day`` inside which
        the contact must take place (all of them by default)."""
        return intervals

    @api.model
    def _kam_place_contact(self, contact, day, intervals, busy, hours):
        """Start of the contact on ``day``: the first free slot of ``hours`` inside
        its intervals, the day's contacts in route order (``busy``: the slots taken
        so far). When nothing is free the contact follows the last one (the daily
        caps are the planner's limit), or, bound to its own hours, starts at the
        first slot of those hours."""
        allowed = self._kam_contact_intervals(contact, day, intervals)
        start = first_free_slot(allowed, busy, hours)
        if start:
            return start
        if allowed is intervals:
            cursor = max((stop for _begin, stop in busy), default=intervals[0][0])
            return place_in_intervals(intervals, cursor, hours)
        return first_free_slot(allowed, [], hours) or allowed[0][0]

    @api.model
    def _kam_visit_values(self, request, contact, day, visit_type, start, hours):
        """Hook: the values of the ``kam.visit`` planned for ``contact``."""
        return {
            "partner_id": contact["partner"].id,
            "user_id": contact["user"].id,
            "company_id": request.company.id,
            "visit_type": visit_type,
            "planned_start": to_utc_naive(start),
            "duration": hours,
            "is_generated": True,
            "plan_reason": self._kam_reason(contact, day),
        }
