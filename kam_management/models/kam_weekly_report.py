# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

MAIL_TEMPLATE = "kam_management.kam_weekly_report_mail_template"


class KamWeeklyReport(models.Model):
    """Last week's figures (2.20), one digest per recipient and week.

    Every Monday (the company's local day) each head of sales gets a line per KAM
    of their team, and each KAM a digest with their own line, by e-mail with the
    PDF. The figures come from the KPI registry and the shared definitions
    (``kam.weekly.report.line._kam_weekly_figures``).
    """

    _name = "kam.weekly.report"
    _description = "Weekly Key Account Report"
    _order = "date_from desc, user_id"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users", string="Recipient", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Week From", required=True, readonly=True)
    date_to = fields.Date(string="Week To", required=True, readonly=True)
    is_team = fields.Boolean(
        string="Team Report",
        readonly=True,
        help="The digest of a head of sales, with a line per KAM of the team.",
    )
    line_ids = fields.One2many(
        "kam.weekly.report.line", "report_id", string="KAMs", readonly=True
    )
    sent_date = fields.Datetime(string="Sent On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "recipient_week_unique",
            "unique(user_id, company_id, date_from)",
            "A recipient gets one weekly report per week and company.",
        ),
    ]

    @api.depends("user_id.name", "date_from", "date_to")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "Weekly report %(start)s - %(end)s: %(user)s",
                start=report.date_from,
                end=report.date_to,
                user=report.user_id.name,
            )

    # ------------------------------------------------------------------
    # Recipients
    # ------------------------------------------------------------------
    @api.model
    def _kam_recipients(self, company, date_from, date_to):
        """``{recipient: (KAMs on their report, is team report)}``.

        A KAM who owned an account in the week gets their own figures; a head of
        sales gets their team's (``res.users.kam_team_user_ids``, the one team
        definition), their own among them when they own accounts.
        """
        # sudo: the cron and a director read group membership and ownership
        users = self.env["res.users"].sudo()
        kam_group = self.env.ref("kam_management.group_kam_user").sudo()
        periods = self.env["kam.kpi"]._kam_ownership_periods(
            kam_group.users, date_from, date_to
        )
        owner_ids = {user_id for rows in periods.values() for user_id, *_r in rows}
        kams = users.browse(owner_ids).filtered(
            lambda u: u.active and company in u.company_ids
        )
        recipients = {kam: (kam, False) for kam in kams}
        manager_group = self.env.ref("kam_management.group_kam_manager").sudo()
        heads = manager_group.users.filtered(
            lambda u: u.active and not u.share and company in u.company_ids
        )
        for head in heads:
            team = head.kam_team_user_ids.filtered(
                lambda u: u.active and company in u.company_ids
            )
            if team:
                recipients[head] = ((team | (kams & head)).sorted("name"), True)
        return recipients

    # ------------------------------------------------------------------
    # Generation and sending
    # ------------------------------------------------------------------
    @api.model
    def _kam_last_week(self, company):
        """Monday to Sunday of the week before the company's today."""
        today = company._kam_today()
        monday = today - timedelta(days=today.weekday())
        return monday - timedelta(days=7), monday - timedelta(days=1)

    @api.model
    def _kam_generate(self, company, date_from, date_to):
        """Create the missing reports of the week for ``company``: the figures of
        every KAM concerned are computed once, in one batch per figure."""
        recipients = self._kam_recipients(company, date_from, date_to)
        existing = self.sudo().search(
            [("company_id", "=", company.id), ("date_from", "=", date_from)]
        )
        recipients = {
            user: value
            for user, value in recipients.items()
            if user not in existing.user_id
        }
        if not recipients:
            return self.browse()
        kams = self.env["res.users"].union(*(kams for kams, _t in recipients.values()))
        lines = self.env["kam.weekly.report.line"].with_company(company)
        figures = lines.with_context(
            allowed_company_ids=company.ids
        )._kam_weekly_figures(kams, date_from, date_to)
        vals_list = []
        for user, (members, is_team) in recipients.items():
            vals_list.append(
                {
                    "user_id": user.id,
                    "company_id": company.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "is_team": is_team,
                    "line_ids": [
                        fields.Command.create({"user_id": kam.id, **figures[kam.id]})
                        for kam in members
                    ],
                }
            )
        # sudo: the reports are written by the system for their recipients
        return self.sudo().create(vals_list)

    def _kam_send(self):
        """E-mail each report with its PDF to its recipient (queued)."""
        template = self.env.ref(MAIL_TEMPLATE)
        for report in self:
            if report.user_id.partner_id.email:
                template.sudo().send_mail(report.id)
        self.sudo().sent_date = fields.Datetime.now()

    @api.model
    def _kam_generate_and_send(self, company):
        """Make last week's missing reports of ``company`` and send every report of
        that week not sent yet."""
        date_from, date_to = self._kam_last_week(company)
        self._kam_generate(company, date_from, date_to)
        self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("date_from", "=", date_from),
                ("sent_date", "=", False),
            ]
        )._kam_send()

    @api.model
    def _cron_kam_weekly_report(self):
        """From the company's Monday on (its business calendar), last week's reports
        are made and sent once."""
        companies = self.env["res.company"].search([("kam_weekly_report", "=", True)])
        for company in companies:
            self._kam_generate_and_send(company)

    @api.model
    def action_kam_generate_last_week(self):
        """Generate and send last week's missing reports of the current company."""
        if not self.env.user.has_group("kam_management.group_kam_director"):
            raise AccessError(
                self.env._("Only the commercial director sends the weekly reports.")
            )
        self._kam_generate_and_send(self.env.company)
        return {
            "type": "ir.actions.client",
            "tag": "reload",
        }
