# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KamAccountPlanStakeholder(models.Model):
    """A contact of the account on the plan's stakeholder map: their role in the
    buying decision, their influence and their attitude towards us."""

    _name = "kam.account.plan.stakeholder"
    _description = "Account Plan Stakeholder"
    _order = "plan_id, influence desc, id"
    _rec_name = "contact_id"

    plan_id = fields.Many2one(
        "kam.account.plan", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        related="plan_id.partner_id", store=True, index=True, string="Account"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    contact_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('commercial_partner_id', '=', partner_id), "
        "('is_company', '=', False)]",
    )
    function = fields.Char(related="contact_id.function", string="Job Position")
    role = fields.Selection(
        [
            ("decision_maker", "Decision Maker"),
            ("buyer", "Buyer"),
            ("influencer", "Influencer"),
            ("user", "User"),
            ("gatekeeper", "Gatekeeper"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    influence = fields.Selection(
        [("0", "Low"), ("1", "Medium"), ("2", "High")],
        required=True,
        default="1",
    )
    attitude = fields.Selection(
        [
            ("champion", "Champion"),
            ("supporter", "Supporter"),
            ("neutral", "Neutral"),
            ("sceptic", "Sceptic"),
            ("opponent", "Opponent"),
        ],
        required=True,
        default="neutral",
    )
    notes = fields.Text()

    _sql_constraints = [
        (
            "contact_unique",
            "unique(plan_id, contact_id)",
            "A contact appears once on the stakeholder map.",
        ),
    ]

    @api.constrains("contact_id", "plan_id")
    def _check_contact(self):
        for stakeholder in self:
            account = stakeholder.plan_id.partner_id
            contact = stakeholder.contact_id
            if contact == account or contact.commercial_partner_id != account:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(account)s: the stakeholder "
                        "map lists the account's own people.",
                        contact=contact.display_name,
                        account=account.display_name,
                    )
                )
