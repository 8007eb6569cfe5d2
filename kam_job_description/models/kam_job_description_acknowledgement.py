# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class KamJobDescriptionAcknowledgement(models.Model):
    """An employee's confirmation that they have read an approved version."""

    _name = "kam.job.description.acknowledgement"
    _description = "Job Description Acknowledgement"
    _order = "date desc, id desc"

    description_id = fields.Many2one(
        "kam.job.description",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True
    )
    employee_name = fields.Char(related="employee_id.name", string="Employee Name")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    job_id = fields.Many2one(related="description_id.job_id", store=True)
    job_name = fields.Char(related="description_id.job_id.name", string="Position")
    version = fields.Integer(related="description_id.version")
    company_id = fields.Many2one(
        related="description_id.company_id", store=True, index=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    checksum = fields.Char(
        readonly=True, help="Fingerprint of the approved text the employee confirmed."
    )
    is_current = fields.Boolean(
        compute="_compute_is_current",
        help="The confirmed text is the text of the approved version.",
    )

    _sql_constraints = [
        (
            "employee_description_unique",
            "unique(description_id, employee_id)",
            "An employee acknowledges a job description version once.",
        ),
    ]

    @api.depends("checksum", "description_id.checksum")
    def _compute_is_current(self):
        for ack in self:
            ack.is_current = (
                bool(ack.checksum) and ack.checksum == ack.description_id.checksum
            )

    @api.model_create_multi
    def create(self, vals_list):
        descriptions = self.env["kam.job.description"]
        for vals in vals_list:
            description = descriptions.browse(vals.get("description_id"))
            employee = self.env["hr.employee"].sudo().browse(vals.get("employee_id"))
            if not self.env.su and employee.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "You can acknowledge a job description only for yourself, not "
                        "for %(employee)s.",
                        employee=employee.name,
                    )
                )
            if description.state != "approved":
                raise UserError(
                    self.env._(
                        "Only the approved version of a job description can be "
                        "acknowledged; %(name)s is not.",
                        name=description.display_name,
                    )
                )
            if (
                employee.job_id != description.job_id
                or employee.company_id != description.company_id
            ):
                raise UserError(
                    self.env._(
                        "%(employee)s does not hold the position %(job)s in "
                        "%(company)s.",
                        employee=employee.name,
                        job=description.job_id.sudo().name,
                        company=description.company_id.name,
                    )
                )
            if employee in description.acknowledgement_ids.employee_id:
                raise UserError(
                    self.env._(
                        "%(employee)s has already acknowledged %(name)s.",
                        employee=employee.name,
                        name=description.display_name,
                    )
                )
            vals["checksum"] = description.checksum
            vals.pop("date", None)
        acks = super().create(vals_list)
        for ack in acks:
            # the employee cannot write the job description; their own activity
            # on it is closed for them
            ack.description_id.sudo().activity_feedback(
                ["kam_job_description.mail_activity_data_jd_acknowledge"],
                user_id=ack.user_id.id,
            )
        return acks

    def write(self, vals):
        if vals:
            raise UserError(
                self.env._("An acknowledgement cannot be changed once given.")
            )
        return super().write(vals)
