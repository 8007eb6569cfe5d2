# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models


class KamJobDescriptionEvidenceRecord(models.Model):
    """The duty evidence of an employee for a period, kept (issue 14: the duty
    evidence is stored per period, not only shown on screen).

    The figures are those of the Duty Evidence screen
    (``kam.job.description.evidence``), which also decides who may record them;
    a record is written by the system and recomputed on demand.
    """

    _name = "kam.job.description.evidence.record"
    _description = "Duty Evidence Record"
    _order = "date_from desc, employee_id"

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
    description_id = fields.Many2one(
        "kam.job.description", string="Job Description", readonly=True
    )
    computed_date = fields.Datetime(string="Computed On", readonly=True)
    line_ids = fields.One2many(
        "kam.job.description.evidence.record.line",
        "record_id",
        string="Duties",
        readonly=True,
    )
    duty_count = fields.Integer(compute="_compute_counts", store=True)
    evidenced_count = fields.Integer(compute="_compute_counts", store=True)

    _sql_constraints = [
        (
            "employee_period_unique",
            "unique(employee_id, date_from, date_to)",
            "An employee has one evidence record per period.",
        ),
    ]

    @api.depends("employee_id.name", "date_from", "date_to")
    def _compute_name(self):
        for record in self:
            record.name = self.env._(
                "%(employee)s: %(start)s - %(end)s",
                employee=record.employee_id.name,
                start=record.date_from,
                end=record.date_to,
            )

    @api.depends("line_ids.evidenced")
    def _compute_counts(self):
        for record in self:
            record.duty_count = len(record.line_ids)
            record.evidenced_count = len(record.line_ids.filtered("evidenced"))

    @api.model
    def _kam_record(self, employee, date_from, date_to):
        """Compute the evidence of ``employee`` for the period with the Duty
        Evidence screen (its access check included) and keep it: the record of that
        employee and period is created or replaced."""
        screen = self.env["kam.job.description.evidence"].create(
            {"employee_id": employee.id, "date_from": date_from, "date_to": date_to}
        )
        screen.action_compute()
        lines = [Command.clear()] + [
            Command.create(
                {
                    "sequence": line.sequence,
                    "number": line.number,
                    "text": line.text,
                    "kpi_name": line.kpi_name,
                    "value": line.value,
                    "evidenced": line.evidenced,
                }
            )
            for line in screen.line_ids
        ]
        values = {
            "description_id": screen.description_id.id,
            "computed_date": fields.Datetime.now(),
            "line_ids": lines,
        }
        # sudo: the screen's access check above decided who may record the
        # evidence; nobody writes the figures by hand.
        records = self.sudo()
        record = records.search(
            [
                ("employee_id", "=", employee.id),
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
            ],
            limit=1,
        )
        if record:
            record.write(values)
        else:
            record = records.create(
                {
                    "employee_id": employee.id,
                    "company_id": employee.sudo().company_id.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    **values,
                }
            )
        return record.with_env(self.env)

    def action_recompute(self):
        for record in self:
            self._kam_record(record.employee_id, record.date_from, record.date_to)
        return True

    @api.model
    def _cron_kam_record_last_month(self):
        """Keep last month's evidence of every employee whose position has an
        approved job description with KPI-linked duties (once per month)."""
        descriptions = self.env["kam.job.description"].search(
            [("state", "=", "approved")]
        )
        for description in descriptions.filtered(
            lambda d: d.item_ids.filtered(lambda i: i.section == "duty" and i.kpi_id)
        ):
            company = description.company_id
            first = company._kam_today().replace(day=1)
            date_from = first - relativedelta(months=1)
            date_to = first - relativedelta(days=1)
            employees = self.env["hr.employee"].search(
                [
                    ("job_id", "=", description.job_id.id),
                    ("company_id", "=", company.id),
                    ("user_id", "!=", False),
                ]
            )
            done = self.search(
                [
                    ("employee_id", "in", employees.ids),
                    ("date_from", "=", date_from),
                    ("date_to", "=", date_to),
                ]
            ).employee_id
            for employee in employees - done:
                self.with_company(company)._kam_record(employee, date_from, date_to)
