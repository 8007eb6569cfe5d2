# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The job-description chapter of the demo story (see ``kam_management/demo``).

Gunel (HR) drafts the Key Account Manager's and the Client Service Manager's job
descriptions from the templates; the heads of legal, HR, economic planning and the
commercial director agree them, the general director approves them and the holders
acknowledge them (all but Farid, who has not read his yet). A second version of the
KAM's description, with the weekly report among the duties, is in agreement: HR and
legal have agreed it, economic planning and the commercial director have not.
"""

from odoo import Command, api, models

WEEKLY_REPORT_DUTY = (
    "Reports every Monday to the head of sales on the past week's visits and calls, "
    "orders, overdue receivables and complaints."
)


class KamDemo(models.AbstractModel):
    _inherit = "kam.demo"

    @api.model
    def _kam_demo_job_descriptions(self):
        company = self._kam_demo_company()
        hr = self._kam_demo_ref("user_demo_hr")
        ceo = self._kam_demo_ref("user_demo_ceo")
        signers = {
            "legal": self._kam_demo_ref("user_demo_legal"),
            "hr": hr,
            "planning": self._kam_demo_ref("user_demo_accountant"),
            "department": self._kam_demo_ref("user_demo_director"),
        }
        jobs = {
            name: self._kam_demo_ref(f"job_demo_{name}")
            for name in ("general_director", "commercial_director", "head_of_sales")
        }
        kam_job = self._kam_demo_ref("job_demo_kam")
        csm_job = self._kam_demo_ref("job_demo_csm")
        templates = self.env["kam.job.description.template"].with_user(hr)
        kam = templates.browse(
            self._kam_demo_ref(
                "kam_job_description.kam_job_description_template_kam"
            ).id
        )._kam_create_description(
            kam_job,
            company,
            {
                "appointed_by_job_id": jobs["general_director"].id,
                "proposed_by_job_id": jobs["commercial_director"].id,
                "reports_to_job_id": jobs["head_of_sales"].id,
                "substitute_job_id": csm_job.id,
            },
        )
        csm = templates.browse(
            self._kam_demo_ref(
                "kam_job_description.kam_job_description_template_csm"
            ).id
        )._kam_create_description(
            csm_job,
            company,
            {
                "appointed_by_job_id": jobs["general_director"].id,
                "proposed_by_job_id": jobs["commercial_director"].id,
                "reports_to_job_id": jobs["commercial_director"].id,
                "substitute_job_id": kam_job.id,
            },
        )
        for description in kam | csm:
            self._kam_demo_agreement_lines(description, signers)
            description.action_submit()
            self._kam_demo_agree(description, signers.values())
            description.with_user(ceo).action_approve()
        late = self._kam_demo_ref("user_demo_kam4")
        for description in kam | csm:
            for employee in description._kam_holders():
                if employee.user_id and employee.user_id != late:
                    description.with_user(employee.user_id).action_acknowledge()
        draft = self._kam_demo_new_version(kam, hr)
        self._kam_demo_agree(draft, (signers["hr"], signers["legal"]))
        self.env["kam.job.description.evidence.record"]._cron_kam_record_last_month()
        self._kam_demo_register(
            {
                "kam_job_description_demo_kam": kam,
                "kam_job_description_demo_csm": csm,
                "kam_job_description_demo_kam_v2": draft,
            },
            "kam_job_description",
        )

    @api.model
    def _kam_demo_agreement_lines(self, description, signers):
        """Name who agrees on behalf of each service of the AGREED block."""
        for line in description.agreement_line_ids:
            line.user_id = signers[line.role]

    @api.model
    def _kam_demo_agree(self, description, users):
        for user in users:
            description.agreement_line_ids.filtered(
                lambda line, u=user: line.user_id == u
            ).with_user(user).action_agree()

    @api.model
    def _kam_demo_new_version(self, approved, hr):
        """HR starts version 2 of ``approved`` with one more duty and sends it for
        agreement."""
        approved.with_user(hr).action_new_version()
        draft = approved.search(
            [("previous_version_id", "=", approved.id), ("state", "=", "draft")]
        ).with_user(hr)
        duties = draft.item_ids.filtered(lambda item: item.section == "duty")
        draft.item_ids = [
            Command.create(
                {
                    "section": "duty",
                    "sequence": max(duties.mapped("sequence"), default=0) + 1,
                    "text": WEEKLY_REPORT_DUTY,
                }
            )
        ]
        draft.action_submit()
        return draft
