# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_kpi_promotion_uptake(self, users, date_from, date_to):
        """Share (%) of the accounts enrolled in promotions running in the period
        that ordered promoted products in it (2.18).

        Each enrolment counts over the part of its programme inside the KPI period
        and is credited to the owner of the account on the last day of that part
        (``kam.assignment``). One sales query per programme, whatever the number of
        accounts.
        """
        periods = self._kam_ownership_periods(users, date_from, date_to)
        if not periods:
            return {}
        # sudo: figures of the KAMs asked for, whoever reads the plan; only counts
        # leave this method.
        enrolments = (
            self.env["kam.promotion.enrolment"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", list(periods)),
                    ("promotion_id.state", "in", ("running", "done")),
                    ("promotion_id.company_id", "in", self.env.companies.ids),
                    ("promotion_id.date_from", "<=", date_to),
                    ("promotion_id.date_to", ">=", date_from),
                ]
            )
        )
        enrolled, ordered = [], []
        for promotion in enrolments.promotion_id:
            mine = enrolments.filtered(lambda e, p=promotion: e.promotion_id == p)
            start = max(promotion.date_from, date_from)
            end = min(promotion.date_to, date_to)
            sales = promotion._kam_sales_by_account(mine.partner_id.ids, start, end)
            for enrolment in mine:
                row = (enrolment.partner_id.id, end, 1.0)
                enrolled.append(row)
                if sales.get(enrolment.partner_id.id, (0.0, 0))[1]:
                    ordered.append(row)
        counts = self._kam_credit(periods, enrolled)
        uptakes = self._kam_credit(periods, ordered)
        return {
            user_id: 100.0 * uptakes.get(user_id, 0.0) / count
            for user_id, count in counts.items()
        }
