# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class KamJobDescription(models.Model):
    """The employees who hold the position: who must read and acknowledge the
    approved version, and whether the current user is one of them."""

    _inherit = "kam.job.description"

    holder_count = fields.Integer(compute="_compute_acknowledgement_counts")
    acknowledged_count = fields.Integer(compute="_compute_acknowledgement_counts")
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")
    is_my_job = fields.Boolean(
        compute="_compute_is_my_job",
        search="_search_is_my_job",
        help="The current user holds this position.",
    )

    def _kam_holders(self):
        """Employees who hold the job of these descriptions, in the same company."""
        if not self:
            return self.env["hr.employee"]
        return (
            self.env["hr.employee"]
            .sudo()  # plain employees cannot read hr.employee; only ids leave here
            .search(
                [
                    ("job_id", "in", self.job_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )

    @api.depends("acknowledgement_ids", "job_id", "company_id")
    def _compute_acknowledgement_counts(self):
        holders = self._kam_holders()
        for description in self:
            mine = holders.filtered(
                lambda e, d=description: (
                    e.job_id == d.job_id and e.company_id == d.company_id
                )
            )
            description.holder_count = len(mine)
            description.acknowledged_count = len(
                description.acknowledgement_ids.employee_id & mine
            )

    @api.depends_context("uid")
    @api.depends("state", "acknowledgement_ids")
    def _compute_can_acknowledge(self):
        # plain employees cannot read hr.employee: look at their own ones as superuser
        employees = self.env.user.sudo().employee_ids
        for description in self:
            employee = description._kam_own_employee(employees)
            description.can_acknowledge = bool(
                description.state == "approved"
                and employee
                and employee not in description.acknowledgement_ids.employee_id
            )

    @api.depends_context("uid")
    @api.depends("job_id", "company_id")
    def _compute_is_my_job(self):
        # plain employees cannot read hr.employee: look at their own ones as superuser
        employees = self.env.user.sudo().employee_ids
        for description in self:
            description.is_my_job = bool(description._kam_own_employee(employees))

    def _search_is_my_job(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'is my job'."))
        employees = self.env.user.sudo().employee_ids
        domain = [("id", "=", 0)]
        for employee in employees.filtered("job_id"):
            domain = [
                "|",
                "&",
                ("job_id", "=", employee.job_id.id),
                ("company_id", "=", employee.company_id.id),
            ] + domain
        if (operator == "=") != value:
            domain = ["!"] + domain
        return domain

    def _kam_own_employee(self, employees=None):
        """The current user's employee that holds this job, if any."""
        self.ensure_one()
        # plain employees cannot read hr.employee: look at their own ones as superuser
        employees = (
            self.env.user.sudo().employee_ids if employees is None else employees
        )
        return employees.filtered(
            lambda e: e.job_id == self.job_id and e.company_id == self.company_id
        )[:1]

    def _kam_request_acknowledgements(self, employees):
        """Give each employee holding the job an activity to read and acknowledge."""
        activity_type = self.env.ref(
            "kam_job_description.mail_activity_data_jd_acknowledge"
        )
        for description in self.filtered(lambda d: d.state == "approved"):
            acknowledged = description.acknowledgement_ids.employee_id
            waiting = description.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).user_id
            for employee in employees:
                if (
                    employee.job_id != description.job_id
                    or employee.company_id != description.company_id
                    or not employee.user_id
                    or employee in acknowledged
                    or employee.user_id in waiting
                ):
                    continue
                description._kam_system_activity(
                    "kam_job_description.mail_activity_data_jd_acknowledge",
                    user_id=employee.user_id.id,
                    summary=self.env._("Read and acknowledge your job description"),
                )
                waiting |= employee.user_id

    def action_acknowledge(self):
        """The current user confirms they have read the approved text."""
        self.ensure_one()
        employee = self._kam_own_employee()
        if not employee:
            raise UserError(
                self.env._(
                    "You do not hold the position %(job)s, so there is nothing for you "
                    "to acknowledge in %(name)s.",
                    job=self.job_id.sudo().name,
                    name=self.display_name,
                )
            )
        self.env["kam.job.description.acknowledgement"].create(
            {"description_id": self.id, "employee_id": employee.id}
        )
        return True
