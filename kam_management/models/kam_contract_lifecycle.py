# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A contract's life: draft -> active -> expiring -> renewed / expired / terminated.

Expiring is set by the daily cron the company's renewal notice (Settings) before the
end date, on the business calendar's today; it gives the acting KAM a renewal
activity. Renewing creates the next contract (a draft with the same terms, starting
the day after) and marks this one renewed.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.exceptions import UserError

RENEWAL_ACTIVITY = "kam_management.mail_activity_type_kam_renewal"


class KamContract(models.Model):
    _inherit = "kam.contract"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_activate(self):
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft contract can be activated; %(contract)s is "
                        "%(state)s.",
                        contract=contract.name,
                        state=contract._kam_state_label(),
                    )
                )
            values = {"state": "active"}
            if not contract.date_signed:
                values["date_signed"] = contract.company_id._kam_today()
            contract.write(values)
        self._kam_update_state()
        return True

    def action_terminate(self):
        for contract in self:
            today = contract.company_id._kam_today()
            if contract.state not in ("active", "expiring"):
                raise UserError(
                    self.env._(
                        "Only an active or expiring contract can be terminated; "
                        "%(contract)s is %(state)s.",
                        contract=contract.name,
                        state=contract._kam_state_label(),
                    )
                )
            if contract.date_start > today:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s has not started yet (%(start)s): set "
                        "it back to draft instead of terminating it.",
                        contract=contract.name,
                        start=contract.date_start,
                    )
                )
            values = {"state": "terminated"}
            # it is no longer in force after today
            if not contract.date_end or contract.date_end > today:
                values["date_end"] = today
            contract.write(values)
            contract._kam_close_renewal_activity(self.env._("Contract terminated."))
        return True

    def action_draft(self):
        for contract in self:
            if contract.state != "active" or (
                contract.date_start <= contract.company_id._kam_today()
            ):
                raise UserError(
                    self.env._(
                        "Only an active contract that has not started yet can go "
                        "back to draft; %(contract)s is %(state)s from %(start)s.",
                        contract=contract.name,
                        state=contract._kam_state_label(),
                        start=contract.date_start,
                    )
                )
        self.write({"state": "draft"})
        return True

    def action_renew(self):
        """Create the next contract with the same terms, starting the day after this
        one ends and lasting as long; this one is marked renewed."""
        self.ensure_one()
        if self.state not in ("active", "expiring", "expired"):
            raise UserError(
                self.env._(
                    "Only an active, expiring or expired contract can be renewed; "
                    "%(contract)s is %(state)s.",
                    contract=self.name,
                    state=self._kam_state_label(),
                )
            )
        if not self.date_end:
            raise UserError(
                self.env._(
                    "Contract %(contract)s has no end date: there is nothing to "
                    "renew. Terminate it and conclude a new one to change its terms.",
                    contract=self.name,
                )
            )
        start = self.date_end + timedelta(days=1)
        length = relativedelta(start, self.date_start)
        if length.days:
            end = start + (self.date_end - self.date_start)
        else:  # whole months or years: keep them whole
            end = start + length - timedelta(days=1)
        renewal = self.copy(
            {
                "date_start": start,
                "date_end": end,
                "previous_contract_id": self.id,
            }
        )
        self.write({"state": "renewed", "next_contract_id": renewal.id})
        self._kam_close_renewal_activity(
            self.env._("Renewed by %(contract)s.", contract=renewal.name)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "kam.contract",
            "res_id": renewal.id,
            "view_mode": "form",
            "target": "current",
        }

    def _kam_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    # ------------------------------------------------------------------
    # Expiry
    # ------------------------------------------------------------------
    @api.model
    def _cron_kam_contract_states(self):
        """Move active contracts to expiring within the renewal notice and to
        expired after their end, each company on its own today."""
        # sudo: the cron checks every company's contracts, readable or not.
        contracts = self.sudo().search(
            [("state", "in", ("active", "expiring")), ("date_end", "!=", False)]
        )
        contracts._kam_update_state()

    def _kam_update_state(self):
        """Expiring within the company's renewal notice (with a renewal activity
        for the acting KAM), expired after the end date."""
        expired = expiring = self.browse()
        for contract in self.filtered(lambda c: c.state in ("active", "expiring")):
            if not contract.date_end:
                continue
            company = contract.company_id
            today = company._kam_today()
            if contract.date_end < today:
                expired |= contract
            elif contract.date_end <= today + timedelta(
                days=company.kam_renewal_notice_days
            ):
                expiring |= contract
        expired.write({"state": "expired"})
        expiring.filtered(lambda c: c.state != "expiring").write({"state": "expiring"})
        expiring._kam_schedule_renewal_activity()

    def _kam_schedule_renewal_activity(self):
        activity_type = self.env.ref(RENEWAL_ACTIVITY)
        for contract in self:
            kam = contract.partner_id.kam_effective_user_id
            if not kam or activity_type in contract.activity_ids.activity_type_id:
                continue
            contract._kam_system_activity(
                RENEWAL_ACTIVITY,
                date_deadline=contract.date_end,
                user_id=kam.id,
                summary=self.env._(
                    "Renew contract %(contract)s of %(account)s",
                    contract=contract.name,
                    account=contract.partner_id.display_name,
                ),
            )

    def _kam_close_renewal_activity(self, feedback):
        # sudo: marking the reminder done posts a message as the acting user, who
        # needs no e-mail address for it (like _kam_system_note).
        self.sudo().activity_feedback([RENEWAL_ACTIVITY], feedback=feedback)
