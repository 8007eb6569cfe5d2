# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pre-assessment of a prospect's reliability and solvency (II.4, clause 2.5).

A checklist on the lead gives a score out of 100, a risk class and a suggested
initial credit limit (months of the expected purchases by risk class). When the
opportunity is won, the customer keeps the suggestion (``res_partner_prospect.py``)
for the credit manager to confirm (``kam_receivables``).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

RISK_CLASSES = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
SANCTIONS_CHECKS = [
    ("not_checked", "Not Checked"),
    ("clear", "Clear"),
    ("listed", "Listed"),
]
PAYMENT_HISTORIES = [
    ("unknown", "Unknown"),
    ("good", "Pays on Time"),
    ("late", "Pays Late"),
    ("default", "Defaulted"),
]
# Points of the checklist; they add up to 100.
YEARS_POINTS = ((5, 25), (2, 15), (1, 5))
CHECK_POINTS = {
    "kam_registry_checked": 15,
    "kam_references_checked": 20,
    "kam_financials_seen": 20,
}
PAYMENT_POINTS = {"good": 20, "late": 5}
LOW_RISK_SCORE = 70
MEDIUM_RISK_SCORE = 40
# Suggested initial credit limit: months of the expected purchases per risk class.
CREDIT_MONTHS = {"low": 1.0, "medium": 0.5, "high": 0.0}
ASSESSMENT_FIELDS = (
    "kam_years_in_business",
    *CHECK_POINTS,
    "kam_sanctions_check",
    "kam_payment_history",
    "kam_expected_monthly_amount",
)


class CrmLead(models.Model):
    _inherit = "crm.lead"

    kam_years_in_business = fields.Integer(string="Years in Business", tracking=True)
    kam_registry_checked = fields.Boolean(
        string="Registration Verified",
        tracking=True,
        help="The company and its tax number were found in the state register.",
    )
    kam_references_checked = fields.Boolean(
        string="Trade References Checked",
        tracking=True,
        help="Suppliers or banks named by the prospect confirmed the relationship.",
    )
    kam_financials_seen = fields.Boolean(
        string="Financial Statements Seen",
        tracking=True,
        help="The last annual financial statements were seen and show no loss "
        "that endangers payment.",
    )
    kam_sanctions_check = fields.Selection(
        SANCTIONS_CHECKS,
        string="Sanctions Check",
        default="not_checked",
        required=True,
        tracking=True,
        help="Listed: the prospect or its owners are on a sanctions list; no credit "
        "is suggested.",
    )
    kam_payment_history = fields.Selection(
        PAYMENT_HISTORIES,
        string="Payment History",
        default="unknown",
        required=True,
        tracking=True,
        help="What references or a credit bureau say about how the prospect pays.",
    )
    kam_expected_monthly_amount = fields.Monetary(
        string="Expected Monthly Purchases",
        currency_field="company_currency",
        tracking=True,
    )
    kam_assessment_score = fields.Integer(
        string="Pre-assessment Score",
        compute="_compute_kam_assessment",
        store=True,
        help="Out of 100: years in business, registration, references, financial "
        "statements and payment history.",
    )
    kam_suggested_risk_class = fields.Selection(
        RISK_CLASSES,
        string="Suggested Risk Class",
        compute="_compute_kam_assessment",
        store=True,
    )
    kam_suggested_credit_limit = fields.Monetary(
        string="Suggested Initial Credit Limit",
        currency_field="company_currency",
        compute="_compute_kam_assessment",
        store=True,
        help="Expected monthly purchases times one month (low risk), half a month "
        "(medium) or nothing: prepayment (high risk).",
    )
    kam_assessment_complete = fields.Boolean(
        string="Pre-assessment Complete",
        compute="_compute_kam_assessment",
        store=True,
        help="The sanctions check is done and the payment history is known.",
    )

    @api.depends(*ASSESSMENT_FIELDS, "company_id")
    def _compute_kam_assessment(self):
        for lead in self:
            score, risk, limit = lead._kam_assessment_suggestion()
            lead.kam_assessment_score = score
            lead.kam_suggested_risk_class = risk
            lead.kam_suggested_credit_limit = limit
            lead.kam_assessment_complete = (
                lead.kam_sanctions_check != "not_checked"
                and lead.kam_payment_history != "unknown"
            )

    @api.constrains("kam_years_in_business", "kam_expected_monthly_amount")
    def _check_kam_assessment(self):
        for lead in self:
            if lead.kam_years_in_business < 0 or lead.kam_expected_monthly_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The years in business and the expected monthly purchases of "
                        "%(lead)s cannot be negative.",
                        lead=lead.display_name,
                    )
                )

    def _kam_assessment_score(self):
        self.ensure_one()
        if self.kam_sanctions_check == "listed":
            return 0
        years = self.kam_years_in_business
        score = next((points for least, points in YEARS_POINTS if years >= least), 0)
        score += sum(points for name, points in CHECK_POINTS.items() if self[name])
        return score + PAYMENT_POINTS.get(self.kam_payment_history, 0)

    def _kam_assessment_suggestion(self):
        """Hook: ``(score, risk class, suggested initial credit limit)``.

        High risk, no credit, for a listed prospect or one that defaulted; low risk
        needs the score of ``LOW_RISK_SCORE`` and a clear sanctions check; medium
        the score of ``MEDIUM_RISK_SCORE``.
        """
        self.ensure_one()
        score = self._kam_assessment_score()
        if (
            self.kam_sanctions_check == "listed"
            or self.kam_payment_history == "default"
        ):
            risk = "high"
        elif score >= LOW_RISK_SCORE and self.kam_sanctions_check == "clear":
            risk = "low"
        elif score >= MEDIUM_RISK_SCORE:
            risk = "medium"
        else:
            risk = "high"
        currency = self.company_currency or self.env.company.currency_id
        limit = currency.round(self.kam_expected_monthly_amount * CREDIT_MONTHS[risk])
        return score, risk, limit
