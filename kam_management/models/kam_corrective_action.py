# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

ACTIVITY_TYPE = "kam_management.mail_activity_type_kam_corrective_action"
EFFECTS = [
    ("pending", "Not Measured Yet"),
    ("better", "Fewer Repeats"),
    ("same", "No Change"),
    ("worse", "More Repeats"),
]


class KamCorrectiveAction(models.Model):
    """A step taken so that a refusal or return reason does not recur (2.11).

    Its effect is the repeat rate of the reason on its accounts (incidents per 100
    orders placed, ``kam.kpi._kam_refusal_rows``) in two windows of the same length
    just before and from the day the action was completed.
    """

    _name = "kam.corrective.action"
    _description = "Corrective Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state_sequence, date_deadline, id desc"

    name = fields.Char(string="Action", required=True, tracking=True)
    reason_id = fields.Many2one(
        "kam.refusal.reason",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "kam_corrective_action_partner_rel",
        "action_id",
        "partner_id",
        string="Accounts",
        domain=[("is_company", "=", True)],
        help="The accounts where the reason occurred and the action applies.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    description = fields.Html(help="What is done so that the reason does not recur.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    date_done = fields.Date(string="Completed On", readonly=True, copy=False)
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue")
    window_days = fields.Integer(
        string="Window (days)",
        default=lambda self: self.env.company.kam_corrective_window_days,
        help="Length of the windows before and after completion in which the repeat "
        "rate is compared; shorter while less time has passed since completion.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    # The effect: computed on reading, from the refusal analysis.
    before_date_from = fields.Date(string="Before From", compute="_compute_effect")
    after_date_to = fields.Date(string="After Until", compute="_compute_effect")
    before_count = fields.Integer(string="Repeats Before", compute="_compute_effect")
    after_count = fields.Integer(string="Repeats After", compute="_compute_effect")
    before_rate = fields.Float(
        string="Repeat Rate Before (%)",
        digits=(16, 2),
        compute="_compute_effect",
        help="Refusals and returns with this reason per 100 orders placed by the "
        "accounts in the window before completion (before today while not done).",
    )
    after_rate = fields.Float(
        string="Repeat Rate After (%)",
        digits=(16, 2),
        compute="_compute_effect",
        help="The same in the window of the same length from the completion day.",
    )
    effect = fields.Selection(EFFECTS, compute="_compute_effect")

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"in_progress": 0, "draft": 1, "done": 2, "cancelled": 3}
        for action in self:
            action.state_sequence = order.get(action.state, 9)

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        for action in self:
            action.is_overdue = bool(
                action.state in ("draft", "in_progress")
                and action.date_deadline
                and action.date_deadline < action.company_id._kam_today()
            )

    @api.constrains("window_days")
    def _check_window_days(self):
        for action in self:
            if action.window_days < 1:
                raise ValidationError(
                    self.env._(
                        "The window of the corrective action %(action)s must be at "
                        "least one day.",
                        action=action.name,
                    )
                )

    @api.constrains("partner_ids", "state")
    def _check_partner_ids(self):
        for action in self:
            if action.state != "cancelled" and not action.partner_ids:
                raise ValidationError(
                    self.env._(
                        "Choose the accounts the corrective action %(action)s applies "
                        "to.",
                        action=action.name,
                    )
                )

    # ------------------------------------------------------------------
    # Effect
    # ------------------------------------------------------------------
    def _kam_effect_windows(self):
        """``(before_from, before_to, after_from, after_to)`` of the action; the
        after window is empty (``None``) until the action is done."""
        self.ensure_one()
        today = self.company_id._kam_today()
        window = max(self.window_days, 1)
        if not self.date_done:
            return today - timedelta(days=window), today - timedelta(days=1), None, None
        done = self.date_done
        length = max(min(window, (today - done).days + 1), 1)
        return (
            done - timedelta(days=length),
            done - timedelta(days=1),
            done,
            done + timedelta(days=length - 1),
        )

    @api.depends_context("company")
    @api.depends("date_done", "window_days", "partner_ids", "reason_id", "state")
    def _compute_effect(self):
        """Two queries for the whole recordset: the refusal rows and orders of all
        its accounts over the span of all windows, summed per window in Python."""
        windows = {action: action._kam_effect_windows() for action in self}
        accounts = self.partner_ids.commercial_partner_id
        incidents, orders = [], []
        if accounts and windows:
            start = min(w[0] for w in windows.values())
            stop = max(w[3] or w[1] for w in windows.values())
            incidents, orders = self.env["kam.kpi"]._kam_refusal_rows(
                accounts.ids, start, stop
            )
        rate = self.env["kam.kpi"]._kam_refusal_rate

        def total(rows, partner_ids, date_from, date_to, reason_id=None):
            return sum(
                row[-1]
                for row in rows
                if row[0] in partner_ids
                and date_from <= row[1] <= date_to
                and (reason_id is None or row[2] == reason_id)
            )

        for action in self:
            before_from, before_to, after_from, after_to = windows[action]
            partner_ids = set(action.partner_ids.commercial_partner_id.ids)
            reason_id = action.reason_id.id
            before = total(incidents, partner_ids, before_from, before_to, reason_id)
            before_orders = total(orders, partner_ids, before_from, before_to)
            action.before_date_from = before_from
            action.before_count = before
            action.before_rate = rate(before, before_orders)
            if after_from is None:
                action.after_date_to = False
                action.after_count = 0
                action.after_rate = 0.0
                action.effect = "pending"
                continue
            after = total(incidents, partner_ids, after_from, after_to, reason_id)
            action.after_date_to = after_to
            action.after_count = after
            action.after_rate = rate(
                after, total(orders, partner_ids, after_from, after_to)
            )
            difference = action.after_rate - action.before_rate
            action.effect = (
                "better" if difference < 0 else "worse" if difference > 0 else "same"
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions.filtered(
            lambda a: a.state in ("draft", "in_progress")
        )._kam_schedule_owner_activity()
        return actions

    def write(self, vals):
        result = super().write(vals)
        if "user_id" in vals or "date_deadline" in vals:
            self.filtered(
                lambda a: a.state in ("draft", "in_progress")
            )._kam_schedule_owner_activity()
        return result

    def _kam_schedule_owner_activity(self):
        """An activity for the owner, due on the deadline, when someone else assigns
        the action; an existing one moves with the owner and the deadline."""
        activity_type = self.env.ref(ACTIVITY_TYPE)
        for action in self:
            activities = action.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            if activities:
                activities.sudo().write(
                    {
                        "user_id": action.user_id.id,
                        "date_deadline": action.date_deadline
                        or action.company_id._kam_today(),
                    }
                )
            elif action.user_id != self.env.user:
                action._kam_system_activity(
                    ACTIVITY_TYPE,
                    user_id=action.user_id.id,
                    date_deadline=action.date_deadline
                    or action.company_id._kam_today(),
                    summary=self.env._("Carry out the corrective action"),
                )

    def action_start(self):
        if any(action.state != "draft" for action in self):
            raise UserError(self.env._("Only a draft corrective action can start."))
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        for action in self:
            if action.state not in ("draft", "in_progress"):
                raise UserError(
                    self.env._(
                        "The corrective action %(action)s is already closed.",
                        action=action.name,
                    )
                )
            if is_html_empty(action.description):
                raise UserError(
                    self.env._(
                        "Describe what was done in %(action)s before marking it done.",
                        action=action.name,
                    )
                )
        for action in self:
            action.write({"state": "done", "date_done": action.company_id._kam_today()})
        # sudo: the owner's activity is closed by whoever completes the action, and
        # closing it posts a note no e-mail address is needed for.
        self.sudo().activity_feedback(
            [ACTIVITY_TYPE],
            feedback=self.env._("Corrective action done."),
        )
        return True

    def action_cancel(self):
        if any(action.state == "done" for action in self):
            raise UserError(self.env._("A completed corrective action stays done."))
        self.write({"state": "cancelled"})
        self.sudo().activity_unlink([ACTIVITY_TYPE])
        return True

    def action_reset(self):
        if any(action.state != "cancelled" for action in self):
            raise UserError(
                self.env._("Only a cancelled corrective action can be reopened.")
            )
        self.write({"state": "draft"})
        return True
