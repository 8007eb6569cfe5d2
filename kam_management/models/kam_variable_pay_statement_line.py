# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class KamVariablePayStatementLine(models.Model):
    _name = "kam.variable.pay.statement.line"
    _description = "Variable Pay Statement KPI Line"
    _order = "statement_id, id"

    statement_id = fields.Many2one(
        "kam.variable.pay.statement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    user_id = fields.Many2one(related="statement_id.user_id", store=True, string="KAM")
    currency_id = fields.Many2one(related="statement_id.currency_id")
    kpi_id = fields.Many2one(
        "kam.kpi", string="KPI", required=True, ondelete="restrict"
    )
    unit = fields.Selection(related="kpi_id.unit")
    target = fields.Float(readonly=True)
    achieved = fields.Float(readonly=True)
    attainment = fields.Float(string="Attainment (%)", readonly=True)
    weight = fields.Float(string="Weight (%)", readonly=True)
    threshold = fields.Float(string="Threshold (%)", readonly=True)
    payout_factor = fields.Float(string="Payout (%)", readonly=True)
    amount = fields.Monetary(currency_field="currency_id", readonly=True)

    def _check_not_frozen(self):
        if any(line.statement_id.state in ("approved", "paid") for line in self):
            raise UserError(
                self.env._(
                    "An approved statement is frozen; carry differences into the "
                    "next period."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_not_frozen()
        return lines

    def write(self, vals):
        self._check_not_frozen()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        self._check_not_frozen()
