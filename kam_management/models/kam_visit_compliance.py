# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

COMPLIANCE_KEYS = (
    "planned",
    "done",
    "missed",
    "open",
    "done_on_time",
    "on_time_rate",
    "overdue_accounts",
)


class KamVisit(models.Model):
    """Compliance figures of the visit plan, per KAM and period (report and KPI)."""

    _inherit = "kam.visit"

    @api.model
    def _kam_compliance_domain(self, users, date_from, date_to):
        """Contacts of ``users`` planned in the period (dates inclusive), cancelled ones
        aside."""
        start, stop = self.env.company._kam_day_bounds(date_from, date_to)
        return [
            ("user_id", "in", users.ids),
            ("company_id", "in", self.env.companies.ids),
            ("state", "!=", "cancelled"),
            ("planned_start", ">=", start),
            ("planned_start", "<", stop),
        ]

    @api.model
    def _kam_compliance(self, users, date_from, date_to):
        """``{user_id: {planned, done, missed, open, done_on_time, on_time_rate,
        overdue_accounts}}``.

        ``planned`` counts every contact planned in the period (done, missed or still
        open); ``on_time_rate`` is the share, in %, of the decided contacts (done or
        missed) that were done within the grace period; ``overdue_accounts`` counts the
        KAM's key accounts overdue for a visit or a call today. Two grouped queries.
        """
        result = {user_id: dict.fromkeys(COMPLIANCE_KEYS, 0) for user_id in users.ids}
        for user, state, done_on_time, count in self._read_group(
            self._kam_compliance_domain(users, date_from, date_to),
            ["user_id", "state", "done_on_time"],
            ["__count"],
        ):
            figures = result[user.id]
            figures["planned"] += count
            figures["open" if state == "planned" else state] += count
            if done_on_time:
                figures["done_on_time"] += count
        for user, count in self.env["res.partner"]._read_group(
            [
                ("kam_user_id", "in", users.ids),
                ("company_id", "in", [False, *self.env.companies.ids]),
                ("is_key_account", "=", True),
                "|",
                ("kam_visit_overdue", "=", True),
                ("kam_call_overdue", "=", True),
            ],
            ["kam_user_id"],
            ["__count"],
        ):
            result[user.id]["overdue_accounts"] = count
        for figures in result.values():
            decided = figures["done"] + figures["missed"]
            figures["on_time_rate"] = (
                round(100.0 * figures["done_on_time"] / decided, 2) if decided else 0.0
            )
        return result
