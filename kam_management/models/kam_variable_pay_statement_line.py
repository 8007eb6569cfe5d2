# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class KamVariablePayStatementLine(models.Model):
    _name = "kam.variable.pay.statement.line"
    _description = "Variable Pay Statement KPI Line"
    _inherit = ["kam.lock.mixin"]
    _kam_lock_parent = "statement_id"
    _kam_lock_states = ("approved", "paid")
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

    @api.depends("statement_id.name", "kpi_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.statement_id.name or ''}: {line.kpi_id.name or ''}"
            )

    def _kam_lock_message(self):
        self.ensure_one()
        return self.env._(
            "%(record)s cannot be changed: %(statement)s is %(state)s and its figures "
            "are frozen; carry differences into the next period.",
            record=self.display_name,
            statement=self.statement_id.display_name,
            state=self._kam_lock_state_label(),
        )
