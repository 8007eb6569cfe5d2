# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Key Account Receivables",
    "summary": "Credit profiles, credit check on order confirmation, receivables "
    "aging, collection, settlement statements and discrepancy acts",
    "version": "18.0.1.1.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/kam-suite/kam-suite",
    "author": "KAM Suite contributors",
    "maintainers": ["kam-suite"],
    "license": "LGPL-3",
    "depends": ["kam_management", "account", "sale"],
    "data": [
        "security/kam_receivables_groups.xml",
        "security/ir.model.access.csv",
        "security/kam_receivables_rules.xml",
        "data/kam_receivables_data.xml",
        "data/kam_collection_data.xml",
        "data/kam_kpi_data.xml",
        "views/res_partner_views.xml",
        "views/kam_credit_check_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_credit_override_views.xml",
        "views/kam_receivable_aging_views.xml",
        "views/kam_collection_level_views.xml",
        "views/kam_discrepancy_act_views.xml",
        "views/res_partner_settlement_statement_views.xml",
        "report/report_settlement_statement.xml",
        "report/kam_weekly_report_report.xml",
        "views/kam_weekly_report_views.xml",
        "views/res_config_settings_views.xml",
        "data/kam_prospect_credit_data.xml",
        "views/res_partner_prospect_views.xml",
        "views/res_partner_key_account_views.xml",
        "views/sale_order_credit_hold_views.xml",
        "views/kam_dashboard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/kam_receivables_demo.xml",
        "demo/kam_story_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "kam_receivables/static/tests/tours/*.js",
        ],
    },
}
