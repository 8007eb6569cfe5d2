# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError

# Fields of the chatter: a locked record still takes notes, followers and activities.
CHATTER_PREFIXES = ("message_", "activity_")


class KamLockMixin(models.AbstractModel):
    """Locked once the parent is approved or confirmed: the one rule behind plan
    targets, variable pay statements and their lines and adjustments, job
    descriptions and their clauses and agreement lines.

    A model using it says, as class attributes:

    * ``_kam_lock_parent``: the Many2one to the record whose state locks this one
      (``plan_id``, ``statement_id``, ...); ``None`` when the record's own state
      locks it (a statement, a job description);
    * ``_kam_lock_states``: the states of that record that lock;
    * ``_kam_lock_fields``: the fields a write may not change while locked; empty
      means every field but the chatter's (and, for a record locked by its own
      state, the state itself, which only the workflow changes).

    Creating a record under a locked parent, writing a locked field and deleting
    a locked record raise a UserError naming the record. Models refine the rule
    through ``_kam_lock_reason`` (who may still amend) and the wording through
    ``_kam_lock_message``.
    """

    _name = "kam.lock.mixin"
    _description = "Locked Once the Parent Is Approved"

    _kam_lock_parent = None
    _kam_lock_states = ()
    _kam_lock_fields = ()

    def _kam_lock_parent_record(self):
        """The record whose state locks ``self`` (``self`` itself without parent)."""
        self.ensure_one()
        return self[self._kam_lock_parent] if self._kam_lock_parent else self

    def _kam_lock_state_label(self):
        parent = self._kam_lock_parent_record()
        return dict(parent._fields["state"]._description_selection(self.env)).get(
            parent.state, parent.state
        )

    def _kam_lock_reason(self):
        """Hook: why ``self`` may not be created, changed or deleted now, in the
        user's words, or ``False`` when it may."""
        self.ensure_one()
        if self._kam_lock_parent_record().state not in self._kam_lock_states:
            return False
        return self._kam_lock_message()

    def _kam_lock_message(self):
        """Hook: the refusal of a locked record, naming it."""
        self.ensure_one()
        parent = self._kam_lock_parent_record()
        if parent == self:
            return self.env._(
                "%(record)s is %(state)s: it cannot be changed or deleted any more.",
                record=self.display_name,
                state=self._kam_lock_state_label(),
            )
        return self.env._(
            "%(record)s cannot be changed: %(parent)s is %(state)s.",
            record=self.display_name,
            parent=parent.display_name,
            state=self._kam_lock_state_label(),
        )

    def _kam_check_unlocked(self):
        for record in self:
            reason = record._kam_lock_reason()
            if reason:
                raise UserError(reason)

    def _kam_lock_touches(self, vals):
        """Hook: whether writing ``vals`` changes a locked field."""
        if self._kam_lock_fields:
            return not set(self._kam_lock_fields).isdisjoint(vals)
        free = () if self._kam_lock_parent else ("state",)
        return any(
            not name.startswith(CHATTER_PREFIXES) and name not in free for name in vals
        )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._kam_lock_parent:
            records._kam_check_unlocked()
        return records

    def write(self, vals):
        if self._kam_lock_touches(vals):
            self._kam_check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self._kam_check_unlocked()
