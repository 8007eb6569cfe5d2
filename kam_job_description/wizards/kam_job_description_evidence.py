# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class KamJobDescriptionEvidence(models.TransientModel):
    """Each duty of an employee's approved description with the current value of
    the KPI that measures it."""

    _name = "kam.job.description.evidence"
    _description = "Duty Evidence"

    employee_id = fields.Many2one("hr.employee", required=True)
    date_from = fields.Date(
        required=True,
        default=lambda self: self.env.company._kam_today().replace(day=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: (
            self.env.company._kam_today().replace(day=1)
            + relativedelta(months=1, days=-1)
        ),
    )
    description_id = fields.Many2one("kam.job.description", readonly=True)
    line_ids = fields.One2many(
        "kam.job.description.evidence.line", "evidence_id", readonly=True
    )
    evidenced_count = fields.Integer(compute="_compute_counts")
    duty_count = fields.Integer(compute="_compute_counts")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "employee_id" in fields_list and not values.get("employee_id"):
            values["employee_id"] = self.env.user.employee_id.id
        return values

    @api.depends("line_ids.evidenced")
    def _compute_counts(self):
        for wizard in self:
            wizard.duty_count = len(wizard.line_ids)
            wizard.evidenced_count = len(wizard.line_ids.filtered("evidenced"))

    def _kam_check_access(self):
        """The employee, their head of sales (``res.users`` in kam_management: the
        one definition of a KAM's team), the Commercial Director of the employee's
        company and HR may look."""
        self.ensure_one()
        user = self.env.user
        employee = self.employee_id.sudo()
        if self.env.su or employee.user_id == user:
            return
        if user.has_group("kam_job_description.group_job_description_manager"):
            return
        if (
            user.has_group("kam_management.group_kam_director")
            and employee.company_id in user.company_ids
        ):
            return
        heads = self.env["res.users"]._kam_heads_of_employees(employee)
        if heads.get(employee.id) == user:
            return
        raise AccessError(
            self.env._(
                "Only %(employee)s, their managers and HR can see the evidence of "
                "their duties.",
                employee=employee.name,
            )
        )

    def action_compute(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period must start before it ends."))
        self._kam_check_access()
        employee = self.employee_id.sudo()
        # read as superuser: the access check above decides who may see it
        description = (
            self.env["kam.job.description"]
            .sudo()
            .search(
                [
                    ("job_id", "=", employee.job_id.id),
                    ("company_id", "=", employee.company_id.id),
                    ("state", "=", "approved"),
                ],
                limit=1,
            )
        )
        if not description:
            raise UserError(
                self.env._(
                    "%(employee)s has no approved job description for their position.",
                    employee=employee.name,
                )
            )
        duties = description.item_ids.filtered(lambda i: i.section == "duty").sorted(
            "sequence"
        )
        values = self._kam_kpi_values(duties, employee.user_id)
        lines = [Command.clear()]
        for index, item in enumerate(duties):
            kpi = item.kpi_id
            value = values.get(kpi.id) if kpi else None
            lines.append(
                Command.create(
                    {
                        "sequence": index,
                        "number": item.number,
                        "text": item.text,
                        "kpi_name": kpi.display_name if kpi else False,
                        "value": value or 0.0,
                        # the KPI knows which way is good (lower-is-better KPIs)
                        "evidenced": bool(kpi) and kpi._kam_is_evidenced(value),
                    }
                )
            )
        self.write({"description_id": description.id, "line_ids": lines})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _kam_kpi_values(self, duties, user):
        """{kpi id: value for ``user``}: the KPIs computed together, sharing what
        they read."""
        if not user:
            return {}
        period = (self.date_from, self.date_to)
        # the formulas read sales of the employee's accounts, which a head or HR may
        # not open themselves; _kam_check_access decided who may look
        figures = duties.kpi_id.sudo()._kam_compute_batch(user, [period])
        return {
            kpi_id: by_period[period].get(user.id, 0.0)
            for kpi_id, by_period in figures.items()
        }
