# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class KamSalesPlanTargetMixin(models.AbstractModel):
    """A target of a sales plan: locked once its plan is confirmed (2.1).

    Models using it have a ``plan_id`` and an ``achieved`` figure, and list the
    fields that make up the target in ``_kam_lock_fields``.
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

    def _kam_store_achieved(self, achieved):
        """Store the figures ``{record id: achieved}`` (0 for a record of ``self``
        without one) in one UPDATE, the lock rule applying as to a ``write``;
        what depends on them (attainment, the plan's revenue) is recomputed."""
        if not self:
            return
        if self._kam_lock_touches({"achieved": True}):
            self._kam_check_unlocked()
        self.flush_recordset(["achieved"])
        values = SQL(", ").join(
            SQL("(%s, %s::float8)", record_id, achieved.get(record_id) or 0.0)
            for record_id in self.ids
        )
        self.env.execute_query(
            SQL(
                "UPDATE %(table)s AS t SET achieved = v.achieved, write_uid = %(uid)s,"
                " write_date = %(now)s FROM (VALUES %(values)s) AS v(id, achieved)"
                " WHERE t.id = v.id",
                table=SQL.identifier(self._table),
                uid=self.env.uid,
                now=self.env.cr.now(),
                values=values,
            )
        )
        self.invalidate_recordset(["achieved", "write_uid", "write_date"])
        self.modified(["achieved"])
