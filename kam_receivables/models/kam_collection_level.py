# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KamCollectionLevel(models.Model):
    """A step of the collection follow-up, reached after so many days overdue."""

    _name = "kam.collection.level"
    _description = "Collection Level"
    _order = "company_id, days_overdue, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    days_overdue = fields.Integer(
        required=True,
        help="Reached when the customer's oldest overdue receivable (past due date "
        "plus the payment grace period) is this many days past its due date.",
    )
    send_email = fields.Boolean(string="Send E-mail")
    mail_template_id = fields.Many2one(
        comodel_name="mail.template",
        string="E-mail Template",
        domain=[("model", "=", "res.partner")],
    )
    schedule_call = fields.Boolean(string="Call Activity for the KAM")
    set_credit_hold = fields.Boolean(string="Put on Credit Hold")
    note = fields.Html(
        translate=True, help="Instructions for the KAM, added to the call activity."
    )

    _sql_constraints = [
        (
            "days_company_unique",
            "UNIQUE(company_id, days_overdue)",
            "Two collection levels of one company cannot start on the same day.",
        ),
    ]

    @api.constrains("days_overdue", "send_email", "mail_template_id")
    def _check_level(self):
        for level in self:
            if level.days_overdue < 1:
                raise ValidationError(
                    self.env._(
                        "The collection level %(level)s must start at least one day "
                        "overdue.",
                        level=level.name,
                    )
                )
            if level.send_email and not level.mail_template_id:
                raise ValidationError(
                    self.env._(
                        "The collection level %(level)s sends an e-mail: choose its "
                        "template.",
                        level=level.name,
                    )
                )

    @api.model
    def _cron_kam_collection(self):
        """Escalate each overdue customer once per level reached; reset when paid up."""
        for (company,) in self._read_group([], ["company_id"]):
            levels = self.search([("company_id", "=", company.id)])
            overdue_days = self.env["kam.receivable.engine"]._kam_overdue_customers(
                company
            )
            Partner = self.env["res.partner"].with_company(company)
            paid_up = Partner.search(
                [
                    ("kam_collection_level_id.company_id", "=", company.id),
                    ("id", "not in", list(overdue_days)),
                ]
            )
            paid_up.kam_collection_level_id = False
            for partner in Partner.browse(list(overdue_days)):
                days = overdue_days[partner.id]
                current = partner.kam_collection_level_id
                if current.company_id != company:
                    current = self.browse()
                reached = levels.filtered(
                    lambda lvl, d=days, c=current: (
                        lvl.days_overdue <= d
                        and (not c or lvl.days_overdue > c.days_overdue)
                    )
                )
                for level in reached:
                    level._kam_escalate(partner, days)
                if reached:
                    partner.kam_collection_level_id = reached[-1]

    def _kam_escalate(self, partner, days):
        """Apply this level's actions to ``partner`` and log it in the chatter."""
        self.ensure_one()
        done = []
        if self.send_email and self.mail_template_id:
            partner.message_post_with_source(
                self.mail_template_id, subtype_xmlid="mail.mt_comment"
            )
            done.append(self.env._("reminder e-mailed"))
        if self.schedule_call:
            kam = partner._kam_collection_user()
            partner._kam_system_activity(
                "mail.mail_activity_data_call",
                summary=self.env._("Collection call: %(level)s", level=self.name),
                note=self.note,
                user_id=kam.id or self.env.uid,
            )
            done.append(
                self.env._(
                    "call scheduled for %(user)s", user=(kam or self.env.user).name
                )
            )
        if self.set_credit_hold and not partner.kam_credit_hold:
            # sudo: the collection cron puts customers on hold on the credit manager's
            # behalf
            partner.sudo().kam_credit_hold = True
            done.append(self.env._("put on credit hold"))
        partner._kam_system_note(
            Markup("<p>%s</p>")
            % self.env._(
                "Collection level %(level)s reached (%(days)s days overdue): "
                "%(actions)s.",
                level=self.name,
                days=days,
                actions=", ".join(done) or self.env._("no action"),
            )
        )
