# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Key Account Management",
    "summary": "Key-account tiers, KAM ownership, account plans, visits, "
    "sales plans and plan-linked variable pay",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/kam-suite/kam-suite",
    "author": "KAM Suite contributors",
    "maintainers": ["kam-suite"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["sale_management", "calendar", "hr", "mail"],
    "data": [
        "security/kam_management_groups.xml",
        "security/ir.model.access.csv",
        "security/kam_management_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/kam_refusal_reason_data.xml",
        "views/res_partner_views.xml",
        "views/kam_tier_views.xml",
        "views/kam_assignment_views.xml",
        "views/kam_feedback_views.xml",
        "views/kam_segment_views.xml",
        "views/kam_competitor_views.xml",
        "views/kam_refusal_reason_views.xml",
        "views/sale_order_views.xml",
        "views/account_move_views.xml",
        "views/res_users_views.xml",
        "wizards/sale_order_refuse_views.xml",
        "wizards/account_move_reversal_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "kam_management/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/kam_management_demo.xml",
    ],
}
