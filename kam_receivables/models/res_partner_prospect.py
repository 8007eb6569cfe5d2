# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError, UserError

CONFIRM_ACTIVITY = "kam_receivables.mail_activity_type_prospect_credit"


class ResPartner(models.Model):
    """The credit manager confirms a won prospect's credit terms (II.4, 2.5): the
    initial credit limit and risk class the pre-assessment suggested
    (``kam_management``: ``res_partner_prospect.py``)."""

    _inherit = "res.partner"

    def _kam_prospect_won(self, lead):
        result = super()._kam_prospect_won(lead)
        company = lead.company_id or self.company_id or self.env.company
        manager = company._kam_credit_manager()
        if manager:
            self._kam_system_activity(
                CONFIRM_ACTIVITY,
                user_id=manager.id,
                summary=self.env._(
                    "Confirm the credit terms of the new customer %(partner)s",
                    partner=self.display_name,
                ),
            )
        return result

    def action_kam_confirm_prospect_credit(self):
        """Write the suggested initial credit limit (in the current company) and
        risk class of won prospects."""
        if not (
            self.env.su
            or self.env.user.has_group("kam_receivables.group_credit_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only a credit manager confirms the credit terms of a new customer."
                )
            )
        company = self.env.company
        today = company._kam_today()
        for partner in self:
            if not partner.kam_credit_to_confirm:
                raise UserError(
                    self.env._(
                        "%(partner)s has no suggested credit terms to confirm.",
                        partner=partner.display_name,
                    )
                )
            currency = partner.kam_suggestion_currency_id or company.currency_id
            limit = currency._convert(
                partner.kam_suggested_credit_limit, company.currency_id, company, today
            )
            partner.with_company(company).write(
                {
                    "credit_limit": limit,
                    "kam_credit_risk_class": partner.kam_suggested_risk_class
                    or "medium",
                    "kam_credit_to_confirm": False,
                }
            )
            partner._kam_system_note(
                self.env._(
                    "Credit terms confirmed by %(user)s: credit limit %(limit)s, risk "
                    "class %(risk)s.",
                    user=self.env.user.name,
                    limit=company.currency_id.format(limit),
                    risk=dict(
                        partner._fields["kam_credit_risk_class"]._description_selection(
                            self.env
                        )
                    ).get(partner.kam_credit_risk_class),
                )
            )
        # sudo: closing the request needs no e-mail address of the credit manager.
        self.sudo().activity_feedback([CONFIRM_ACTIVITY])
        return True
