# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class KamSalesPlanTargetMixin(models.AbstractModel):
    """A target of a sales plan: locked once its plan is confirmed (2.1).

    Models using it have a ``plan_id`` and list the fields that make up the
    target in ``_kam_lock_fields``.
    """

    _name = "kam.sales.plan.target.mixin"
    _inherit = ["kam.lock.mixin"]
    _description = "Sales Plan Target"
    _kam_lock_parent = "plan_id"
    _kam_lock_states = ("confirmed", "closed")
    _kam_lock_fields = ("target", "plan_id")

    def _kam_lock_message(self):
        self.ensure_one()
        return self.env._(
            "%(record)s cannot be changed: the plan %(plan)s is %(state)s; reset it "
            "to draft first.",
            record=self.display_name,
            plan=self.plan_id.display_name,
            state=self._kam_lock_state_label(),
        )
