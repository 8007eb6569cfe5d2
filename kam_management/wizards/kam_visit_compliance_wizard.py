# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


class KamVisitComplianceWizard(models.TransientModel):
    _name = "kam.visit.compliance.wizard"
    _description = "Visit Plan Compliance"

    def _default_date_from(self):
        return self.env.company._kam_today().replace(day=1)

    def _default_date_to(self):
        return self.env.company._kam_today().replace(day=1) + relativedelta(
            months=1, days=-1
        )

    def _default_user_ids(self):
        if self.env.user.has_group("kam_management.group_kam_manager"):
            owners = self.env["res.partner"]._read_group(
                [("kam_user_id", "!=", False)], ["kam_user_id"]
            )
            return self.env["res.users"].concat(*(user for (user,) in owners))
        return self.env.user

    date_from = fields.Date(
        required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_date_to())
    user_ids = fields.Many2many(
        "res.users", string="KAMs", default=lambda self: self._default_user_ids()
    )
    line_ids = fields.One2many(
        "kam.visit.compliance.wizard.line", "wizard_id", readonly=True
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    def action_compute(self):
        self.ensure_one()
        if not self.user_ids:
            raise UserError(self.env._("Choose the KAMs to report on."))
        figures = self.env["kam.visit"]._kam_compliance(
            self.user_ids, self.date_from, self.date_to
        )
        self.line_ids = [Command.clear()] + [
            Command.create(dict(values, user_id=user_id))
            for user_id, values in figures.items()
        ]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }
