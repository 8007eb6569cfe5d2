# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    @api.model
    def _kam_checklist_domain(self, users, date_from, date_to):
        """Answers of the visits ``users`` made and completed on the local days of
        the period (dates inclusive)."""
        return [
            ("user_id", "in", users.ids),
            ("company_id", "in", self.env.companies.ids),
            ("visit_state", "=", "done"),
            ("visit_day", ">=", date_from),
            ("visit_day", "<=", date_to),
        ]

    def _kam_periods_kpi_checklist_compliance(self, users, periods):
        """Share (%) of the checklist questions of the period's done visits that
        were answered, optional ones included (mandatory ones must be answered to
        close a visit), credited to the KAM who made the visit. One query."""
        # sudo: a KPI is a figure for the reader of a plan or report, not a listing
        # of answers they may open; the domain limits it to the users' visits.
        groups = (
            self.env["kam.visit.answer"]
            .sudo()
            ._read_group(
                self._kam_checklist_domain(users, *self._kam_span(periods)),
                ["user_id", "visit_day:day"],
                ["__count", "answered_count:sum"],
            )
        )
        rows = self._kam_sorted_by_day(
            [
                (user.id, fields.Date.to_date(day), count, answered)
                for user, day, count, answered in groups
            ]
        )
        result = {}
        for period in periods:
            totals = {}
            for user_id, _day, count, answered in self._kam_rows_in(rows, *period):
                total = totals.setdefault(user_id, [0, 0])
                total[0] += count
                total[1] += answered
            result[period] = {
                user_id: round(100.0 * answered / count, 2)
                for user_id, (count, answered) in totals.items()
                if count
            }
        return result
