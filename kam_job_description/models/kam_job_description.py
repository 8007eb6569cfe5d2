# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Versions that can no longer change (besides the chatter, and the state through
# the workflow); their clauses and agreement lines are locked with them.
LOCKED_STATES = ("approved", "superseded")
AGREEMENT_ROLES = ("legal", "hr", "planning", "department")


class KamJobDescription(models.Model):
    """A version of the job description of a position in a company.

    The content it shares with templates comes from
    ``kam.job.description.content.mixin``; the workflow (agreement, approval,
    acknowledgement, new versions) is in ``kam_job_description_workflow.py``, the
    printed document and its checksum in ``kam_job_description_document.py``.
    Approved versions are locked through ``kam.lock.mixin``.
    """

    _name = "kam.job.description"
    _description = "Job Description"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "kam.job.description.content.mixin",
        "kam.lock.mixin",
    ]
    _kam_lock_states = LOCKED_STATES
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
    category = fields.Selection(tracking=True)
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
    can_edit = fields.Boolean(compute="_compute_can_edit")

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

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_can_edit(self):
        for description in self:
            description.can_edit = description._kam_content_editable()

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # CRUD: defaults and the lock of approved versions
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
            return self.state not in LOCKED_STATES
        if self.state in ("draft", "cancelled"):
            return True
        if self.state == "agreement":
            return self.env.user.has_group(
                "kam_job_description.group_job_description_approver"
            )
        return False

    def _kam_lock_reason(self):
        self.ensure_one()
        if self._kam_content_editable():
            return False
        if self.state in LOCKED_STATES:
            return self.env._(
                "%(name)s is approved and frozen: create a new version to change it.",
                name=self.display_name,
            )
        return self.env._(
            "%(name)s is in agreement: only an approver may amend it now, "
            "or it must be sent back to draft.",
            name=self.display_name,
        )

    def _kam_lock_touches(self, vals):
        # the workflow methods write the state and the approval
        if self.env.context.get("kam_jd_workflow"):
            return False
        return super()._kam_lock_touches(vals)

    def write(self, vals):
        self.check_access("write")  # access errors first, workflow refusals second
        if "state" in vals and not self.env.context.get("kam_jd_workflow"):
            raise UserError(
                self.env._(
                    "The state of a job description changes only through its "
                    "buttons (submit, agree, approve, cancel)."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        # stricter than the lock: a version that left the draft stage is a record
        for description in self:
            if description.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(name)s has left the draft stage and is kept as a record: "
                        "cancel it or let a new version supersede it.",
                        name=description.display_name,
                    )
                )

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

    def _kam_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env)).get(
            self.state
        )
