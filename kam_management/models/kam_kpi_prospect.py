# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models


class KamKpi(models.Model):
    _inherit = "kam.kpi"

    def _kam_kpi_prospect_conversion(self, users, date_from, date_to):
        """Share (%) of the prospects' opportunities the KAM won in the period whose
        customer placed a first order by the period's end (II.5).

        An opportunity belongs to its salesperson (an opportunity is not an account
        yet, so no ownership period applies). It counts as a prospect's when its
        customer had confirmed no order before the opportunity was created; the
        first order is the customer's first confirmed order (local day), the same as
        the new-clients KPI, whose plan these conversions feed: the won customer
        goes to the KAM who won it (``res.partner._kam_prospect_won``).
        """
        company = self.env.company
        start, stop = company._kam_day_bounds(date_from, date_to)
        # sudo: figures of the KAMs asked for, whoever reads the plan; only counts
        # leave this method.
        leads = (
            self.env["crm.lead"]
            .sudo()
            .search_fetch(
                [
                    ("type", "=", "opportunity"),
                    ("user_id", "in", users.ids),
                    ("stage_id.is_won", "=", True),
                    ("partner_id", "!=", False),
                    ("company_id", "in", [False, *self.env.companies.ids]),
                    ("date_closed", ">=", start),
                    ("date_closed", "<", stop),
                ],
                ["user_id", "partner_id", "create_date"],
            )
        )
        if not leads:
            return {}
        accounts = leads.partner_id.commercial_partner_id
        # sudo: see _kam_revenue_rows_ordered.
        firsts = dict(
            self.env["sale.report"]
            .sudo()
            ._read_group(
                self._kam_sale_report_domain(accounts.ids),
                ["commercial_partner_id"],
                ["date:min"],
            )
        )
        local_day = company._kam_local_day
        won = defaultdict(int)
        converted = defaultdict(int)
        for lead in leads:
            first = firsts.get(lead.partner_id.commercial_partner_id)
            first_day = local_day(first) if first else None
            if first_day and first_day < local_day(lead.create_date):
                continue  # an existing client's opportunity, not a prospect's
            won[lead.user_id.id] += 1
            if first_day and first_day <= date_to:
                converted[lead.user_id.id] += 1
        return {
            user_id: 100.0 * converted[user_id] / count
            for user_id, count in won.items()
        }
