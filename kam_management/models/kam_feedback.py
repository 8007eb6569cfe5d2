# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty


class KamFeedback(models.Model):
    _name = "kam.feedback"
    _description = "Key Account Feedback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_deadline asc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Account",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    kam_user_id = fields.Many2one(
        "res.users",
        string="KAM",
        compute="_compute_kam_user_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    feedback_type = fields.Selection(
        [
            ("complaint", "Complaint"),
            ("need", "Need"),
            ("suggestion", "Suggestion"),
            ("praise", "Praise"),
        ],
        string="Type",
        required=True,
        default="complaint",
        tracking=True,
    )
    description = fields.Html()
    severity = fields.Selection(
        [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Critical")],
        default="1",
        tracking=True,
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("cancelled", "Cancelled"),
        ],
        default="new",
        required=True,
        tracking=True,
        index=True,
    )
    root_cause = fields.Html()
    resolution = fields.Html()
    date_resolved = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("partner_id")
    def _compute_kam_user_id(self):
        for feedback in self:
            account = feedback.partner_id.commercial_partner_id
            feedback.kam_user_id = account.kam_effective_user_id or feedback.kam_user_id

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        for feedback in self:
            feedback.is_overdue = bool(
                feedback.state in ("new", "in_progress")
                and feedback.date_deadline
                and feedback.date_deadline < feedback.company_id._kam_today()
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        domain = [
            ("state", "in", ("new", "in_progress")),
            ("date_deadline", "<", self.env.company._kam_today()),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.constrains("state", "resolution")
    def _check_resolution(self):
        for feedback in self:
            if feedback.state == "resolved" and is_html_empty(feedback.resolution):
                raise ValidationError(
                    self.env._(
                        "Describe how %(feedback)s was resolved before closing it.",
                        feedback=feedback.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for feedback in records.filtered(
            lambda f: f.kam_user_id and f.kam_user_id != self.env.user
        ):
            feedback.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=feedback.date_deadline,
                user_id=feedback.kam_user_id.id,
                summary=self.env._("Handle client feedback"),
            )
        return records

    def action_start(self):
        for feedback in self:
            if feedback.state != "new":
                raise UserError(
                    self.env._(
                        "Only new feedback can be started: %(f)s.", f=feedback.name
                    )
                )
        self.state = "in_progress"

    def action_resolve(self):
        for feedback in self:
            if feedback.state not in ("new", "in_progress"):
                raise UserError(self.env._("%(f)s is already closed.", f=feedback.name))
            if is_html_empty(feedback.resolution):
                raise ValidationError(
                    self.env._(
                        "Describe how %(feedback)s was resolved before closing it.",
                        feedback=feedback.display_name,
                    )
                )
        for feedback in self:
            feedback.write(
                {
                    "state": "resolved",
                    "date_resolved": feedback.company_id._kam_today(),
                }
            )
        self.activity_ids.action_feedback(feedback=self.env._("Feedback resolved."))

    def action_cancel(self):
        self.write({"state": "cancelled"})
        self.activity_ids.unlink()

    def action_reset(self):
        self.write({"state": "new", "date_resolved": False})
