# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KamVariablePayPolicyLine(models.Model):
    _name = "kam.variable.pay.policy.line"
    _description = "Variable Pay Policy KPI Weight"
    _order = "sequence, id"

    policy_id = fields.Many2one(
        "kam.variable.pay.policy", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="policy_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    kpi_id = fields.Many2one(
        "kam.kpi", string="KPI", required=True, ondelete="restrict"
    )
    weight = fields.Float(string="Weight (%)", required=True)
    threshold = fields.Float(
        string="Threshold (%)",
        default=0.0,
        help="Below this attainment the KPI pays nothing.",
    )

    @api.constrains("weight", "threshold")
    def _check_weight(self):
        for line in self:
            if line.weight <= 0 or line.weight > 100:
                raise ValidationError(
                    self.env._(
                        "The weight of %(kpi)s must be between 0 and 100 %%.",
                        kpi=line.kpi_id.name,
                    )
                )
            if line.threshold < 0:
                raise ValidationError(
                    self.env._(
                        "The threshold of %(kpi)s cannot be negative.",
                        kpi=line.kpi_id.name,
                    )
                )
