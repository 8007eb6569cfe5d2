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
        "data/kam_kpi_data.xml",
        "views/kam_kpi_views.xml",
        "data/kam_sales_plan_cron.xml",
        "report/kam_variable_pay_statement_report.xml",
        "wizards/kam_sales_plan_split_views.xml",
        "views/kam_sales_plan_views.xml",
        "views/kam_sales_plan_line_views.xml",
        "views/kam_variable_pay_policy_views.xml",
        "views/kam_variable_pay_statement_views.xml",
        "views/sale_order_views.xml",
        "views/res_partner_views.xml",
        "views/kam_tier_views.xml",
        "views/kam_assignment_views.xml",
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
        "demo/kam_sales_plan_demo.xml",
    ],
}
