# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A won prospect becomes a customer (II.4, II.5).

The customer keeps the won opportunity's pre-assessment: the suggested initial
credit limit and risk class wait for the credit manager, who confirms them
(``kam_receivables`` adds that step and its activity by overriding
:meth:`_kam_prospect_won`). A customer nobody owns yet goes to the KAM who won it,
so its first order counts for that KAM's new-clients plan.
"""

from odoo import fields, models

from .crm_lead_assessment import RISK_CLASSES


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_prospect_lead_id = fields.Many2one(
        "crm.lead",
        string="Won Opportunity",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The opportunity whose winning made this prospect a customer.",
    )
    kam_assessment_score = fields.Integer(
        string="Pre-assessment Score", readonly=True, copy=False
    )
    kam_suggested_risk_class = fields.Selection(
        RISK_CLASSES, string="Suggested Risk Class", readonly=True, copy=False
    )
    kam_suggestion_currency_id = fields.Many2one(
        "res.currency", string="Suggestion Currency", readonly=True, copy=False
    )
    kam_suggested_credit_limit = fields.Monetary(
        string="Suggested Initial Credit Limit",
        currency_field="kam_suggestion_currency_id",
        readonly=True,
        copy=False,
    )
    kam_credit_to_confirm = fields.Boolean(
        string="Credit Terms to Confirm",
        readonly=True,
        copy=False,
        help="A won prospect whose suggested credit limit and risk class the credit "
        "manager has not confirmed yet.",
    )

    def _kam_prospect_won(self, lead):
        """Hook: the commercial partner ``self`` became a customer by winning
        ``lead``."""
        self.ensure_one()
        self.write(
            {
                "kam_prospect_lead_id": lead.id,
                "kam_assessment_score": lead.kam_assessment_score,
                "kam_suggested_risk_class": lead.kam_suggested_risk_class,
                "kam_suggestion_currency_id": lead.company_currency.id,
                "kam_suggested_credit_limit": lead.kam_suggested_credit_limit,
                "kam_credit_to_confirm": True,
            }
        )
        kam = lead.user_id
        if not self.kam_user_id and kam.has_group("kam_management.group_kam_user"):
            # sudo: only a head of sales assigns accounts; a new customer nobody owns
            # goes to the KAM who won it, whoever marks the opportunity won.
            self.sudo().kam_user_id = kam
        risk_names = dict(
            self._fields["kam_suggested_risk_class"]._description_selection(self.env)
        )
        self._kam_system_note(
            self.env._(
                "Won opportunity %(lead)s: pre-assessment score %(score)s/100, "
                "suggested risk class %(risk)s and initial credit limit %(limit)s, "
                "to be confirmed by the credit manager.",
                lead=lead.name,
                score=lead.kam_assessment_score,
                risk=risk_names.get(lead.kam_suggested_risk_class, ""),
                limit=lead.company_currency.format(lead.kam_suggested_credit_limit),
            )
        )
