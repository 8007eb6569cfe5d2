# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the contract register replaces the accounts' two contract dates.

Each account with a contract date or a renewal date (the former ``res.partner``
fields ``kam_contract_date`` / ``kam_renewal_date``, whose columns Odoo leaves in
the table) gets an active contract: signed and valid from the contract date, valid
until the renewal date (a year back from it when the contract date was not set).
Open renewal reminders move from the account to its contract; the old renewal cron
goes away and the renewal activity type now belongs to contracts.
"""

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists

RENEWAL_ACTIVITY = "kam_management.mail_activity_type_kam_renewal"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    retire_partner_renewal_cron(env)
    partner_dates_to_contracts(env)


def retire_partner_renewal_cron(env):
    cron = env.ref(
        "kam_management.ir_cron_kam_renewal_activities", raise_if_not_found=False
    )
    if cron:
        cron.unlink()
    activity_type = env.ref(RENEWAL_ACTIVITY, raise_if_not_found=False)
    if activity_type:
        activity_type.res_model = "kam.contract"


def partner_dates_to_contracts(env):
    """Create the contracts of the accounts' former dates; returns them. Accounts
    that already have a contract are left alone (running it twice is harmless)."""
    cr = env.cr
    Contract = env["kam.contract"]
    if not (
        column_exists(cr, "res_partner", "kam_contract_date")
        and column_exists(cr, "res_partner", "kam_renewal_date")
    ):
        return Contract
    cr.execute(
        """
        SELECT p.id, p.kam_contract_date, p.kam_renewal_date
          FROM res_partner p
         WHERE p.id = p.commercial_partner_id
           AND (p.kam_contract_date IS NOT NULL OR p.kam_renewal_date IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM kam_contract c WHERE c.partner_id = p.id)
         ORDER BY p.id
        """
    )
    rows = cr.fetchall()
    if not rows:
        return Contract
    partners = env["res.partner"].browse([row[0] for row in rows])
    vals_list, notes = [], []
    for partner, (__, signed, renewal) in zip(partners, rows, strict=True):
        start = signed or renewal - relativedelta(years=1) + relativedelta(days=1)
        end = renewal if renewal and renewal >= start else False
        vals_list.append(
            {
                "partner_id": partner.id,
                "company_id": (
                    partner.company_id or partner.kam_user_id.company_id or env.company
                ).id,
                "date_signed": signed,
                "date_start": start,
                "date_end": end,
            }
        )
        notes.append(
            env._(
                "Created from the account's former contract date (%(signed)s) and "
                "renewal date (%(renewal)s).",
                signed=signed or env._("not set"),
                renewal=renewal or env._("not set"),
            )
        )
    contracts = Contract.create(vals_list)
    for contract, note in zip(contracts, notes, strict=True):
        contract._kam_system_note(note)
    contracts.write({"state": "active"})
    # open renewal reminders follow the account's contract
    activity_type = env.ref(RENEWAL_ACTIVITY)
    by_partner = {contract.partner_id.id: contract for contract in contracts}
    activities = env["mail.activity"].search(
        [
            ("res_model", "=", "res.partner"),
            ("res_id", "in", list(by_partner)),
            ("activity_type_id", "=", activity_type.id),
        ]
    )
    model = env["ir.model"]._get_id("kam.contract")
    for activity in activities:
        activity.write(
            {"res_model_id": model, "res_id": by_partner[activity.res_id].id}
        )
    contracts.invalidate_recordset(["activity_ids"])
    contracts._kam_update_state()
    return contracts
