# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models

from .kam_visit_planner import KamWeekRequest


class KamVisitPlanner(models.AbstractModel):
    """The weekly cron of the planner and what it tells the KAMs: the contacts
    that did not fit in the week."""

    _inherit = "kam.visit.planner"

    @api.model
    def _kam_leftover_table(self, items):
        """The contacts that did not fit, as an HTML table."""
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
            request = KamWeekRequest(
                company=company,
                users=users,
                week_start=self._kam_next_week_start(company),
                max_visits_per_day=company.kam_visit_max_per_day,
                max_calls_per_day=company.kam_call_max_per_day,
            )
            _visits, leftovers = self.with_company(company)._kam_plan_week(request)
            self._kam_notify_leftovers(request, leftovers)

    @api.model
    def _kam_notify_leftovers(self, request, leftovers):
        """Tell each KAM which of their due contacts did not fit (the cron has no
        screen)."""
        per_user = defaultdict(list)
        for item in leftovers:
            per_user[item["user_id"]].append(item)
        for user in self.env["res.users"].browse(list(per_user)):
            items = per_user[user.id]
            # sudo: the system tells the KAM; no e-mail address is needed of whoever
            # runs the plan.
            self.env["mail.thread"].sudo().message_notify(
                partner_ids=user.partner_id.ids,
                subject=self.env._(
                    "Weekly plan: %(count)s contacts did not fit in the week of "
                    "%(week)s",
                    count=len(items),
                    week=fields.Date.to_string(request.week_start),
                ),
                body=self._kam_leftover_table(items),
                subtype_xmlid="mail.mt_note",
            )
