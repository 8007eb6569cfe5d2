# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class KamSalesPlanTargetMixin(models.AbstractModel):
    """A target of a sales plan: read-only once its plan is confirmed (2.1).

    Models using it have a ``plan_id`` and list the fields that make up the
    target in ``_kam_locked_fields``.
    """

    _name = "kam.sales.plan.target.mixin"
    _description = "Sales Plan Target"
    _kam_locked_fields = ("target", "plan_id")

    def _check_plan_editable(self):
        if any(line.plan_id.state != "draft" for line in self):
            raise UserError(
                self.env._(
                    "The targets of a confirmed plan cannot be changed; reset it to "
                    "draft first."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_plan_editable()
        return lines

    def write(self, vals):
        if set(self._kam_locked_fields) & vals.keys():
            self._check_plan_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed_plan(self):
        self._check_plan_editable()
