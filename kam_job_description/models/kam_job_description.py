# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Besides the chatter, only the state changes once a version is approved, and
# only through the workflow methods.
FROZEN_WRITABLE_FIELDS = {"state"}
FROZEN_STATES = ("approved", "superseded")
AGREEMENT_ROLES = ("legal", "hr", "planning", "department")


class KamJobDescription(models.Model):
    _name = "kam.job.description"
    _description = "Job Description"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "job_id, company_id, version desc"
    _rec_names_search = ["job_id.name"]

    name = fields.Char(compute="_compute_name", store=True)
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    version = fields.Integer(readonly=True, copy=False, aggregator=None)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("agreement", "In Agreement"),
            ("approved", "Approved"),
            ("superseded", "Superseded"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    effective_date = fields.Date(
        help="The date from which this version applies.", copy=False, tracking=True
    )
    previous_version_id = fields.Many2one(
        "kam.job.description", readonly=True, copy=False, index=True
    )
    next_version_id = fields.Many2one("kam.job.description", readonly=True, copy=False)
    superseded_date = fields.Date(readonly=True, copy=False)
    # I. General provisions
    category = fields.Selection(
        [
            ("manager", "Manager"),
            ("specialist", "Specialist"),
            ("technical", "Technical staff"),
        ],
        default="specialist",
        required=True,
        tracking=True,
    )
    appointed_by_job_id = fields.Many2one(
        "hr.job",
        string="Appointed and Dismissed by",
        help="The position whose order appoints and dismisses the holder.",
        check_company=True,
    )
    proposed_by_job_id = fields.Many2one(
        "hr.job",
        string="On the Proposal of",
        help="The position that proposes the candidate for appointment.",
        check_company=True,
    )
    reports_to_job_id = fields.Many2one(
        "hr.job", string="Reports to", tracking=True, check_company=True
    )
    substitute_job_id = fields.Many2one(
        "hr.job",
        string="Substitute",
        help="The position that takes over the rights and duties while the holder is "
        "absent.",
        check_company=True,
    )
    education_level = fields.Selection(
        [
            ("secondary", "Secondary"),
            ("vocational", "Vocational"),
            ("incomplete_higher", "Incomplete higher"),
            ("higher", "Higher"),
        ],
        default="higher",
    )
    experience_years = fields.Integer(string="Minimum Experience (years)")
    experience_field = fields.Char(string="Experience in", translate=True)
    other_requirements = fields.Text(translate=True)
    item_ids = fields.One2many("kam.job.description.item", "description_id", copy=True)
    general_item_ids = fields.One2many(
        "kam.job.description.item",
        "description_id",
        domain=[("section", "in", ("general", "knowledge", "guided_by"))],
        string="General Provisions",
    )
    duty_item_ids = fields.One2many(
        "kam.job.description.item",
        "description_id",
        domain=[("section", "=", "duty")],
        string="Duties",
    )
    right_item_ids = fields.One2many(
        "kam.job.description.item",
        "description_id",
        domain=[("section", "=", "right")],
        string="Rights",
    )
    responsibility_item_ids = fields.One2many(
        "kam.job.description.item",
        "description_id",
        domain=[("section", "=", "responsibility")],
        string="Responsibility",
    )
    # Agreement and approval
    agreement_line_ids = fields.One2many(
        "kam.job.description.agreement", "description_id", string="Agreed by"
    )
    approver_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.company.kam_jd_approver_id,
        domain="[('share', '=', False)]",
        tracking=True,
        copy=False,
    )
    approver_title = fields.Char(
        string="Approver's Title",
        help="Printed under APPROVED; defaults to the approver's job title.",
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approval_date = fields.Date(readonly=True, copy=False)
    checksum = fields.Char(
        readonly=True,
        copy=False,
        help="Fingerprint of the approved text; every acknowledgement confirms it.",
    )
    # Acknowledgement
    acknowledgement_ids = fields.One2many(
        "kam.job.description.acknowledgement", "description_id", readonly=True
    )
    holder_count = fields.Integer(compute="_compute_acknowledgement_counts")
    acknowledged_count = fields.Integer(compute="_compute_acknowledgement_counts")
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")
    can_edit = fields.Boolean(compute="_compute_can_edit")
    is_my_job = fields.Boolean(
        compute="_compute_is_my_job",
        search="_search_is_my_job",
        help="The current user holds this position.",
    )

    _sql_constraints = [
        (
            "version_unique",
            "unique(job_id, company_id, version)",
            "A job position has only one job description with a given version number.",
        ),
    ]

    @api.depends("job_id.name", "version")
    def _compute_name(self):
        for description in self:
            description.name = self.env._(
                "%(job)s, version %(version)s",
                job=description.job_id.name or "",
                version=description.version,
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
    @api.depends("state")
    def _compute_can_edit(self):
        for description in self:
            description.can_edit = description._kam_content_editable()

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

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("experience_years")
    def _check_experience_years(self):
        for description in self:
            if description.experience_years < 0:
                raise ValidationError(
                    self.env._("The minimum experience cannot be negative.")
                )

    @api.constrains("substitute_job_id", "reports_to_job_id", "job_id")
    def _check_job_links(self):
        for description in self:
            if (
                description.substitute_job_id
                and description.substitute_job_id == description.job_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(job)s cannot stand in for itself: choose another position "
                        "as the substitute.",
                        job=description.job_id.sudo().name,
                    )
                )
            if (
                description.reports_to_job_id
                and description.reports_to_job_id == description.job_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(job)s cannot report to itself: choose the position it "
                        "reports to.",
                        job=description.job_id.sudo().name,
                    )
                )

    @api.constrains("state", "job_id", "company_id")
    def _check_single_approved(self):
        approved = self.filtered(lambda d: d.state == "approved")
        if not approved:
            return
        groups = self._read_group(
            [
                ("state", "=", "approved"),
                ("job_id", "in", approved.job_id.ids),
                ("company_id", "in", approved.company_id.ids),
            ],
            ["job_id", "company_id"],
            ["__count"],
        )
        for job, company, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(job)s already has an approved job description in "
                        "%(company)s: create a new version of it instead of approving "
                        "a second one.",
                        job=job.name,
                        company=company.name,
                    )
                )

    def _kam_check_consistency(self):
        """The checks a draft must pass before it goes to agreement and approval."""
        for description in self:
            problems = []
            sections = set(description.item_ids.mapped("section"))
            if "duty" not in sections:
                problems.append(self.env._("list at least one duty"))
            if "right" not in sections:
                problems.append(self.env._("list at least one right"))
            if not description.item_ids.filtered("labour_code_limit"):
                problems.append(
                    self.env._(
                        "add the standard responsibility clause that limits liability "
                        "to what the labour code allows"
                    )
                )
            if not description.agreement_line_ids:
                problems.append(self.env._("add the services that agree the document"))
            for line in description.agreement_line_ids.filtered(
                lambda ln: not ln.user_id
            ):
                problems.append(
                    self.env._(
                        "choose who agrees on behalf of %(role)s",
                        role=line._kam_role_label(),
                    )
                )
            if problems:
                raise UserError(
                    self.env._(
                        "%(name)s is not ready for agreement: %(problems)s.",
                        name=description.display_name,
                        problems="; ".join(problems),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: defaults and the freeze of approved versions
    # ------------------------------------------------------------------
    @api.model
    def _kam_default_agreement_commands(self):
        return [
            Command.create({"role": role, "sequence": index})
            for index, role in enumerate(AGREEMENT_ROLES)
        ]

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "agreement_line_ids" in fields_list and not values.get("agreement_line_ids"):
            values["agreement_line_ids"] = self._kam_default_agreement_commands()
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("version") and vals.get("job_id"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["version"] = self._kam_next_version(
                    self.env["hr.job"].browse(vals["job_id"]), company
                )
            if not vals.get("agreement_line_ids"):
                vals["agreement_line_ids"] = self._kam_default_agreement_commands()
        return super().create(vals_list)

    def _kam_content_editable(self):
        """Drafts are edited by HR; a version in agreement only by an approver,
        who may amend it before signing; approved versions never."""
        self.ensure_one()
        if self.env.su:
            return self.state not in FROZEN_STATES
        if self.state in ("draft", "cancelled"):
            return True
        if self.state == "agreement":
            return self.env.user.has_group(
                "kam_job_description.group_job_description_approver"
            )
        return False

    def _kam_check_content_editable(self):
        for description in self:
            if not description._kam_content_editable():
                if description.state in FROZEN_STATES:
                    message = self.env._(
                        "%(name)s is approved and frozen: create a new version to "
                        "change it.",
                        name=description.display_name,
                    )
                else:
                    message = self.env._(
                        "%(name)s is in agreement: only an approver may amend it now, "
                        "or it must be sent back to draft.",
                        name=description.display_name,
                    )
                raise UserError(message)

    def write(self, vals):
        self.check_access("write")  # access errors first, workflow refusals second
        if not self.env.context.get("kam_jd_workflow"):
            if "state" in vals:
                raise UserError(
                    self.env._(
                        "The state of a job description changes only through its "
                        "buttons (submit, agree, approve, cancel)."
                    )
                )
            content = [
                name
                for name in vals
                if name not in FROZEN_WRITABLE_FIELDS
                and not name.startswith(("message_", "activity_"))
            ]
            if content:
                self._kam_check_content_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        for description in self:
            if description.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(name)s has left the draft stage and is kept as a record: "
                        "cancel it or let a new version supersede it.",
                        name=description.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Texts
    # ------------------------------------------------------------------
    def _kam_general_clauses(self):
        """The general provisions that come from fields, worded for the document.

        Returns a list of (number, text) in the description's language context."""
        self.ensure_one()
        # whoever may read the description may read the names of the positions it
        # names, even without access to the HR app
        doc = self.sudo()
        job = doc.job_id.name or ""
        category = dict(doc._fields["category"]._description_selection(doc.env)).get(
            doc.category, ""
        )
        clauses = [
            self.env._(
                "The %(job)s belongs to the category of %(category)s.",
                job=job,
                category=category.lower(),
            )
        ]
        if doc.appointed_by_job_id and doc.proposed_by_job_id:
            clauses.append(
                self.env._(
                    "The %(job)s is appointed to and dismissed from the position by "
                    "order of the %(appointer)s, on the proposal of the %(proposer)s.",
                    job=job,
                    appointer=doc.appointed_by_job_id.name,
                    proposer=doc.proposed_by_job_id.name,
                )
            )
        elif doc.appointed_by_job_id:
            clauses.append(
                self.env._(
                    "The %(job)s is appointed to and dismissed from the position by "
                    "order of the %(appointer)s.",
                    job=job,
                    appointer=doc.appointed_by_job_id.name,
                )
            )
        else:
            clauses.append(
                self.env._(
                    "The %(job)s is appointed to and dismissed from the position by "
                    "order of the head of the company.",
                    job=job,
                )
            )
        if doc.reports_to_job_id:
            clauses.append(
                self.env._(
                    "The %(job)s reports directly to the %(head)s.",
                    job=job,
                    head=doc.reports_to_job_id.name,
                )
            )
        else:
            clauses.append(
                self.env._(
                    "The %(job)s reports directly to the head of the company.", job=job
                )
            )
        if doc.substitute_job_id:
            clauses.append(
                self.env._(
                    "While the %(job)s is absent, the %(substitute)s takes over the "
                    "rights and duties of the position and answers for their proper "
                    "performance.",
                    job=job,
                    substitute=doc.substitute_job_id.name,
                )
            )
        else:
            clauses.append(
                self.env._(
                    "While the %(job)s is absent, the rights and duties of the "
                    "position pass to the employee named in the company's order, who "
                    "answers for their proper performance.",
                    job=job,
                )
            )
        education = dict(
            doc._fields["education_level"]._description_selection(doc.env)
        ).get(doc.education_level, "")
        requirement = self.env._(
            "A person with %(education)s education and at least %(years)s year(s) of "
            "experience%(field)s is appointed to the position of %(job)s.",
            education=education.lower() or self.env._("any"),
            years=doc.experience_years,
            field=self.env._(" in %(field)s", field=doc.experience_field)
            if doc.experience_field
            else "",
            job=job,
        )
        if doc.other_requirements:
            requirement = f"{requirement} {doc.other_requirements}"
        clauses.append(requirement)
        return [(f"1.{index}", text) for index, text in enumerate(clauses, start=1)]

    def _kam_document_text(self):
        """The canonical text of the document, in English, for the checksum."""
        self.ensure_one()
        description = self.with_context(lang="en_US")
        lines = [
            f"{number} {text}" for number, text in description._kam_general_clauses()
        ]
        for item in description.item_ids.sorted(
            lambda i: (i._kam_section_rank(), i.sequence, i.id)
        ):
            kpi = item.kpi_code or ""
            lines.append(
                f"[{item.section}] {item.number or ''} {item.text or ''} {kpi}".strip()
            )
        return "\n".join(lines)

    def _kam_compute_checksum(self):
        self.ensure_one()
        return hashlib.sha256(self._kam_document_text().encode()).hexdigest()

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        """Send a draft to the services that must agree it."""
        for description in self:
            if description.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft can be sent for agreement; %(name)s is "
                        "%(state)s.",
                        name=description.display_name,
                        state=description._kam_state_label(),
                    )
                )
        self._kam_check_consistency()
        self.item_ids._kam_link_kpis()
        for description in self:
            description.agreement_line_ids.sudo().with_context(
                kam_jd_workflow=True
            ).write({"state": "pending", "date": False, "comment": False})
            description.with_context(kam_jd_workflow=True).state = "agreement"
            for user in description.agreement_line_ids.user_id:
                description.activity_schedule(
                    "kam_job_description.mail_activity_data_jd_agreement",
                    user_id=user.id,
                    summary=self.env._("Agree the job description"),
                )
        return True

    def _kam_agreement_done(self):
        """Called when a line was signed: the approver is asked once all agreed."""
        for description in self:
            lines = description.agreement_line_ids
            if lines and all(line.state == "agreed" for line in lines):
                approver = (
                    description.approver_id or description.company_id.kam_jd_approver_id
                )
                if approver:
                    description.sudo().activity_schedule(
                        "kam_job_description.mail_activity_data_jd_approval",
                        user_id=approver.id,
                        summary=self.env._("Approve the job description"),
                    )

    def action_approve(self):
        self.ensure_one()
        if not self.env.user.has_group(
            "kam_job_description.group_job_description_approver"
        ):
            raise UserError(
                self.env._(
                    "Only a job description approver can approve %(name)s.",
                    name=self.display_name,
                )
            )
        if self.state != "agreement":
            raise UserError(
                self.env._(
                    "%(name)s must go through agreement before it is approved.",
                    name=self.display_name,
                )
            )
        pending = self.agreement_line_ids.filtered(lambda line: line.state != "agreed")
        if pending:
            raise UserError(
                self.env._(
                    "%(name)s cannot be approved yet: %(who)s have not agreed it.",
                    name=self.display_name,
                    who=", ".join(line._kam_signer_label() for line in pending),
                )
            )
        if self.approver_id and self.approver_id != self.env.user:
            raise UserError(
                self.env._(
                    "%(name)s is to be approved by %(approver)s.",
                    name=self.display_name,
                    approver=self.approver_id.name,
                )
            )
        self._kam_check_consistency()
        previous = self.search(
            [
                ("job_id", "=", self.job_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "approved"),
                ("id", "!=", self.id),
            ]
        )
        today = self.company_id._kam_today()
        if previous:
            previous.with_context(kam_jd_workflow=True).write(
                {
                    "state": "superseded",
                    "superseded_date": today,
                    "next_version_id": self.id,
                }
            )
            previous.activity_unlink(
                ["kam_job_description.mail_activity_data_jd_acknowledge"]
            )
        user = self.env.user
        title = (
            self.approver_title
            or user.sudo().employee_id.job_title
            or self.env._("Chief Executive Officer")
        )
        self.with_context(kam_jd_workflow=True).write(
            {
                "state": "approved",
                "approver_id": user.id,
                "approver_title": title,
                "approved_by_id": user.id,
                "approval_date": today,
                "effective_date": self.effective_date or today,
            }
        )
        self.with_context(kam_jd_workflow=True).checksum = self._kam_compute_checksum()
        self.activity_feedback(["kam_job_description.mail_activity_data_jd_approval"])
        self._kam_request_acknowledgements(self._kam_holders())
        return True

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
                description.sudo().activity_schedule(
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

    def action_cancel(self):
        for description in self:
            if description.state not in ("draft", "agreement"):
                raise UserError(
                    self.env._(
                        "Only a draft or a version in agreement can be cancelled; "
                        "%(name)s is %(state)s.",
                        name=description.display_name,
                        state=description._kam_state_label(),
                    )
                )
        self.activity_unlink(
            [
                "kam_job_description.mail_activity_data_jd_agreement",
                "kam_job_description.mail_activity_data_jd_approval",
            ]
        )
        self.with_context(kam_jd_workflow=True).state = "cancelled"
        return True

    def action_reset_draft(self):
        for description in self:
            if description.state not in ("cancelled", "agreement"):
                raise UserError(
                    self.env._(
                        "Only a cancelled version or one in agreement can go back to "
                        "draft."
                    )
                )
        self.activity_unlink(
            [
                "kam_job_description.mail_activity_data_jd_agreement",
                "kam_job_description.mail_activity_data_jd_approval",
            ]
        )
        self.with_context(kam_jd_workflow=True).state = "draft"
        return True

    def action_new_version(self):
        """Copy an approved version into a new draft that will supersede it."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(
                self.env._(
                    "A new version starts from the approved one; %(name)s is "
                    "%(state)s.",
                    name=self.display_name,
                    state=self._kam_state_label(),
                )
            )
        open_draft = self.search(
            [
                ("job_id", "=", self.job_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("draft", "agreement")),
            ],
            limit=1,
        )
        if open_draft:
            raise UserError(
                self.env._(
                    "%(name)s is already being prepared: finish or cancel it first.",
                    name=open_draft.display_name,
                )
            )
        new = self.copy(
            {
                "version": self._kam_next_version(self.job_id, self.company_id),
                "previous_version_id": self.id,
                "approver_id": self.company_id.kam_jd_approver_id.id,
            }
        )
        # keep who agreed last time as the default signers of the new version
        for old_line, new_line in zip(
            self.agreement_line_ids.sorted("sequence"),
            new.agreement_line_ids.sorted("sequence"),
            strict=False,
        ):
            if new_line.role == old_line.role:
                new_line.user_id = old_line.user_id
        return new._kam_form_action()

    @api.model
    def _kam_next_version(self, job, company):
        # versions the user cannot see still take their number
        groups = self.sudo()._read_group(
            [("job_id", "=", job.id), ("company_id", "=", company.id)],
            [],
            ["version:max"],
        )
        return (groups[0][0] or 0) + 1

    def _kam_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_compare_previous(self):
        self.ensure_one()
        previous = self.previous_version_id
        if not previous:
            raise UserError(
                self.env._(
                    "%(name)s is the first version: there is nothing to compare with.",
                    name=self.display_name,
                )
            )
        wizard = self.env["kam.job.description.compare"].create(
            {"old_description_id": previous.id, "new_description_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "kam_job_description.kam_job_description_report"
        ).report_action(self)

    def _kam_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env)).get(
            self.state
        )

    # ------------------------------------------------------------------
    # Printed document helpers
    # ------------------------------------------------------------------
    def _kam_report_sections(self):
        """[(roman, title, [(heading, [(number, text)])])] for the printed form."""
        self.ensure_one()
        items = self.item_ids.sorted(lambda i: (i.sequence, i.id))

        def rows(section):
            return [
                (i.number or "", i.text or "") for i in items if i.section == section
            ]

        general = [(None, self._kam_general_clauses() + rows("general"))]
        if rows("knowledge"):
            general.append(
                (self.env._("The holder of the position must know:"), rows("knowledge"))
            )
        if rows("guided_by"):
            general.append(
                (self.env._("In the work the holder is guided by:"), rows("guided_by"))
            )
        return [
            ("I", self.env._("General provisions"), general),
            ("II", self.env._("Duties"), [(None, rows("duty"))]),
            ("III", self.env._("Rights"), [(None, rows("right"))]),
            ("IV", self.env._("Responsibility"), [(None, rows("responsibility"))]),
        ]

    def _kam_report_acknowledgement_rows(self):
        """Rows of the acknowledgement sheet: who acknowledged, then the holders who
        have not yet, so the sheet can be signed on paper as well."""
        self.ensure_one()
        rows = []
        for ack in self.acknowledgement_ids.sorted("date"):
            rows.append((ack.employee_name, ack.job_name, ack.date))
        done = self.acknowledgement_ids.employee_id
        for employee in self._kam_holders().filtered(
            lambda e: e.job_id == self.job_id and e.company_id == self.company_id
        ):
            if employee not in done:
                rows.append((employee.name, self.job_id.sudo().name, False))
        return rows
