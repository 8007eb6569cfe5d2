# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.kam_management.tests.common import KamCommon


class JobDescriptionCommon(KamCommon):
    """KamCommon plus the people who draft, agree and approve job descriptions,
    the KAM job held by two KAMs, and helpers to walk the workflow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr = cls._new_user(
            "jd_hr", "kam_job_description.group_job_description_manager"
        )
        cls.user_ceo = cls._new_user(
            "jd_ceo", "kam_job_description.group_job_description_approver"
        )
        cls.user_legal = cls._new_user("jd_legal", "base.group_user")
        cls.user_planning = cls._new_user("jd_planning", "base.group_user")
        cls.company.kam_jd_approver_id = cls.user_ceo
        Job = cls.env["hr.job"]
        cls.job_kam = Job.create(
            {"name": "Key Account Manager", "company_id": cls.company.id}
        )
        cls.job_head = Job.create(
            {"name": "Head of Sales", "company_id": cls.company.id}
        )
        cls.job_director = Job.create(
            {"name": "Commercial Director", "company_id": cls.company.id}
        )
        cls.job_other = Job.create({"name": "Accountant", "company_id": cls.company.id})
        (cls.employee_kam | cls.employee_kam2).job_id = cls.job_kam
        cls.employee_manager.job_id = cls.job_head
        cls.employee_director.job_id = cls.job_director
        cls.signers = {
            "legal": cls.user_legal,
            "hr": cls.user_hr,
            "planning": cls.user_planning,
            "department": cls.user_manager,
        }

    @classmethod
    def _item_commands(
        cls, duties=("Plans sales.", "Visits clients."), rights=("Represents.",)
    ):
        commands = [
            Command.create({"section": "duty", "text": text}) for text in duties
        ]
        commands += [
            Command.create({"section": "right", "text": text}) for text in rights
        ]
        commands.append(
            Command.create(
                {
                    "section": "responsibility",
                    "text": "Within the limits of the labour code.",
                    "labour_code_limit": True,
                }
            )
        )
        return commands

    def _new_description(self, job=None, **values):
        vals = {
            "job_id": (job or self.job_kam).id,
            "reports_to_job_id": self.job_head.id,
            "substitute_job_id": self.job_head.id,
            "appointed_by_job_id": self.job_director.id,
            "experience_years": 2,
            "experience_field": "sales",
            "item_ids": self._item_commands(),
        }
        vals.update(values)
        description = (
            self.env["kam.job.description"].with_user(self.user_hr).create(vals)
        )
        self._set_signers(description)
        return description

    def _set_signers(self, description):
        for line in description.agreement_line_ids:
            line.with_user(self.user_hr).user_id = self.signers[line.role]

    def _agree_all(self, description):
        for line in description.agreement_line_ids:
            line.with_user(line.user_id).action_agree()

    def _approved_description(self, job=None, **values):
        description = self._new_description(job, **values)
        description.with_user(self.user_hr).action_submit()
        self._agree_all(description)
        description.with_user(self.user_ceo).action_approve()
        return description
