# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Fields of the org chart the head-of-sales definition reads (see res_users.py).
ORG_CHART_FIELDS = {"parent_id", "user_id", "department_id", "active", "company_id"}


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def _kam_org_chart_changed(self):
        """The heads of sales and their teams follow the org chart: forget what was
        computed from the old one, including the cached record-rule domains that
        read ``user.kam_team_user_ids``."""
        self.env["res.users"].invalidate_model(
            ["kam_head_user_id", "kam_team_user_ids"]
        )
        self.env["res.partner"].invalidate_model(["kam_access_user_ids"])
        self.env.registry.clear_cache()

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        if employees.filtered(lambda e: e.parent_id or e.user_id):
            employees._kam_org_chart_changed()
        return employees

    def write(self, vals):
        result = super().write(vals)
        if ORG_CHART_FIELDS & set(vals):
            self._kam_org_chart_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self._kam_org_chart_changed()
        return result
