# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the shipped templates link a KPI to every duty that has one.

The template items are ``noupdate`` data, so an upgrade would keep their former
links. Each shipped item still holding the link it was shipped with (or none) gets
the new one; an item someone changed by hand keeps theirs.
"""

from odoo import SUPERUSER_ID, api

# XML id of the template item: (KPI code shipped before, KPI code now)
KPI_LINKS = {
    "kam_job_description_template_item_kam_d4": ("new_clients", "contracts_signed"),
    "kam_job_description_template_item_kam_d9": (None, "discount_within_authority"),
    "kam_job_description_template_item_kam_d10": (None, "checklist_compliance"),
    "kam_job_description_template_item_kam_d11": (None, "refusal_rate"),
    "kam_job_description_template_item_kam_d16": (None, "intel_freshness"),
    "kam_job_description_template_item_kam_d17": (None, "proposals"),
    "kam_job_description_template_item_kam_s3": ("revenue", "plan_attainment"),
    "kam_job_description_template_item_csm_d10": ("assortment", "checklist_compliance"),
    "kam_job_description_template_item_csm_d11": (None, "contract_compliance"),
    "kam_job_description_template_item_csm_d12": (None, "complaints_on_time"),
    "kam_job_description_template_item_csm_d14": (None, "intel_freshness"),
}


def migrate(cr, version):
    if not version:
        return
    update_kpi_links(api.Environment(cr, SUPERUSER_ID, {}))


def update_kpi_links(env):
    for name, (before, now) in KPI_LINKS.items():
        item = env.ref(f"kam_job_description.{name}", raise_if_not_found=False)
        if item and (item.kpi_code or None) == before:
            item.kpi_code = now
