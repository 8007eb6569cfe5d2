# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Job Descriptions",
    "summary": "Versioned job descriptions with agreement, approval, acknowledgement "
    "and a printable document in the standard form",
    "version": "18.0.1.1.0",
    "category": "Human Resources/Employees",
    "website": "https://github.com/kam-suite/kam-suite",
    "author": "KAM Suite contributors",
    "maintainers": ["kam-suite"],
    "license": "LGPL-3",
    "depends": ["hr", "kam_management"],
    "data": [
        "security/kam_job_description_groups.xml",
        "security/ir.model.access.csv",
        "security/kam_job_description_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/kam_job_description_template_data.xml",
        "report/kam_job_description_report.xml",
        "views/kam_job_description_wizard_views.xml",
        "views/hr_job_views.xml",
        "views/res_config_settings_views.xml",
        "views/kam_job_description_views.xml",
        "views/kam_job_description_template_views.xml",
        "views/kam_job_description_ack_report_views.xml",
        "data/kam_job_description_evidence_cron.xml",
        "views/kam_job_description_evidence_record_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/kam_job_description_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "kam_job_description/static/tests/tours/*.js",
        ],
    },
}
