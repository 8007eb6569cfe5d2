# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class KamJobDescriptionAckReport(models.Model):
    """Who holds a job with an approved description, and whether they acknowledged
    it."""

    _name = "kam.job.description.ack.report"
    _description = "Job Description Acknowledgement Report"
    _auto = False
    _order = "acknowledged, description_id, employee_id"
    _depends = {
        "kam.job.description": ["job_id", "company_id", "state", "approval_date"],
        "kam.job.description.acknowledgement": [
            "description_id",
            "employee_id",
            "date",
        ],
        "hr.employee": ["job_id", "company_id", "active", "user_id", "department_id"],
    }

    description_id = fields.Many2one("kam.job.description", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    user_id = fields.Many2one("res.users", readonly=True)
    job_id = fields.Many2one("hr.job", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    approval_date = fields.Date(readonly=True)
    acknowledged = fields.Boolean(readonly=True)
    acknowledgement_date = fields.Datetime(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT
                    row_number() OVER (ORDER BY d.id, e.id) AS id,
                    d.id AS description_id,
                    e.id AS employee_id,
                    e.user_id AS user_id,
                    d.job_id AS job_id,
                    d.company_id AS company_id,
                    e.department_id AS department_id,
                    d.approval_date AS approval_date,
                    a.id IS NOT NULL AS acknowledged,
                    a.date AS acknowledgement_date
                FROM kam_job_description d
                JOIN hr_employee e
                    ON e.job_id = d.job_id
                   AND e.company_id = d.company_id
                   AND e.active
                LEFT JOIN kam_job_description_acknowledgement a
                    ON a.description_id = d.id AND a.employee_id = e.id
                WHERE d.state = 'approved'
            )
            """,
                SQL.identifier(self._table),
            )
        )
