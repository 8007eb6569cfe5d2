# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo's visits and calls: 14 months of contacts at each tier's cadence (most
done on time, some late, a few missed), then this week planned by the weekly planner
itself, the days already past done."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

from ..models.kam_visit import DEFAULT_DURATIONS
from ..models.kam_visit_planner import KamWeekRequest
from .kam_demo import HISTORY_ACCOUNTS

VISIT_OUTCOMES = (
    "Shelves checked with the store manager; the juice facings are back to six.",
    "Agreed the spring assortment: two new rice formats listed from next month.",
    "Presented the new price list; the buyer asks for a volume bonus above 5,000.",
    "Trained four shop assistants on storing and displaying the oil range.",
    "The owner is happy with deliveries; an order for next week is promised.",
    "Competitor's promotion seen on the tea shelf: reported to the head of sales.",
    "Collected the signed delivery notes and agreed the payment date of the invoice.",
    "Walked the warehouse with the logistics manager; morning slots confirmed.",
)
CALL_OUTCOMES = (
    "Took the weekly order by phone.",
    "Confirmed the delivery for Thursday morning.",
    "Reminded the accountant of the invoice due this week; payment promised.",
    "The buyer is on leave; call again on Monday.",
    "Discussed the new juice range; samples to bring on the next visit.",
    "Checked stock levels; no order this week.",
)
NEXT_STEPS = (
    "Send the updated price list.",
    "Bring samples of the new range.",
    "Follow up the payment on Friday.",
    False,
)


class KamDemo(models.AbstractModel):
    _inherit = "kam.demo"

    @api.model
    def _kam_demo_visits(self):
        self._kam_demo_contact_history()
        self._kam_demo_plan_this_week()

    @api.model
    def _kam_demo_contact_history(self):
        """Contacts of every key account, back from last week to 14 months ago, one
        per tier interval; the KAM is whoever owned the account on the day."""
        company = self._kam_demo_company()
        today = self._kam_demo_today()
        monday = today - timedelta(days=today.weekday())
        oldest = today - relativedelta(months=14)
        grace = company.kam_visit_grace_days
        accounts = self.env["res.partner"].search(
            [("is_key_account", "=", True), ("kam_user_id", "!=", False)], order="id"
        )
        planned = []
        for number, account in enumerate(accounts):
            for kind, interval, hour in (
                ("visit", account.kam_effective_visit_interval, 10.0),
                ("call", account.kam_effective_call_interval, 15.0),
            ):
                if not interval:
                    continue
                day = monday - timedelta(days=1 + (number * 3) % interval)
                count = 0
                while day >= oldest:
                    # weekends move to the Friday before
                    workday = day - timedelta(days=max(day.weekday() - 4, 0))
                    planned.append((account, kind, workday, hour, number + count))
                    day -= timedelta(days=interval)
                    count += 1
        owners = self.env["kam.assignment"]._kam_owner_map(
            (account.id, day) for account, _kind, day, _hour, _seed in planned
        )
        vals_list = []
        for account, kind, day, hour, seed in planned:
            owner = owners[account.id, day]
            if not owner:
                continue
            start = self._kam_demo_moment(day, hour + seed % 3)
            vals = {
                "partner_id": account.id,
                "user_id": owner.id,
                "company_id": company.id,
                "visit_type": kind if kind == "visit" or seed % 4 else "video",
                "planned_start": start,
                "is_generated": bool(seed % 5),
                "state": "done",
            }
            vals.update(self._kam_demo_contact_result(kind, start, seed, grace))
            vals_list.append(vals)
        self.env["kam.visit"].with_context(
            tracking_disable=True, mail_create_nolog=True, kam_visit_no_event=True
        ).create(vals_list)

    @api.model
    def _kam_demo_contact_result(self, kind, start, seed, grace):
        """How a past contact went: missed, done late or done on time."""
        luck = (seed * 7) % 23
        if luck == 0:
            return {"state": "missed"}
        outcomes = VISIT_OUTCOMES if kind == "visit" else CALL_OUTCOMES
        hours = DEFAULT_DURATIONS["visit" if kind == "visit" else "call"]
        done = start + timedelta(hours=hours)
        if luck in (1, 2):
            done += timedelta(days=grace + luck)
        return {
            "date_done": done,
            "outcome": outcomes[seed % len(outcomes)],
            "next_step": NEXT_STEPS[seed % len(NEXT_STEPS)],
        }

    @api.model
    def _kam_demo_plan_this_week(self):
        """The weekly planner plans this week for every KAM (and next week once the
        company's plan day has come, as its cron does); the contacts of the days
        already past are done."""
        company = self._kam_demo_company()
        today = self._kam_demo_today()
        monday = today - timedelta(days=today.weekday())
        users = self.env["res.users"].concat(
            *(self._kam_demo_ref(name) for name, _accounts in HISTORY_ACCOUNTS)
        )
        weeks = [monday]
        if today.weekday() >= int(company.kam_visit_plan_weekday or 4):
            weeks.append(monday + timedelta(days=7))
        planner = self.env["kam.visit.planner"].with_company(company)
        planned = self.env["kam.visit"]
        for week_start in weeks:
            visits, _leftovers = planner._kam_plan_week(
                KamWeekRequest(
                    company=company,
                    users=users,
                    week_start=week_start,
                    max_visits_per_day=company.kam_visit_max_per_day,
                    max_calls_per_day=company.kam_call_max_per_day,
                )
            )
            planned |= visits
        grace = company.kam_visit_grace_days
        for seed, visit in enumerate(
            planned.filtered(lambda v: company._kam_local_day(v.planned_start) < today)
        ):
            result = self._kam_demo_contact_result(
                visit.visit_type, visit.planned_start, seed + 1, grace
            )
            if result.get("state") == "missed":
                visit.state = "missed"
            else:
                visit.write({**result, "state": "done"})
