# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Key Account Receivables",
    "summary": "Credit profiles, credit check on order confirmation, receivables "
    "aging, collection, settlement statements and discrepancy acts",
    "version": "18.0.1.0.0",
    "category": "Accounting/Accounting",
    "website": "https://github.com/kam-suite/kam-suite",
    "author": "KAM Suite contributors",
    "maintainers": ["kam-suite"],
    "license": "LGPL-3",
    "depends": ["kam_management", "account"],
    "data": [
        "security/kam_receivables_groups.xml",
        "security/ir.model.access.csv",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "kam_receivables/static/tests/tours/*.js",
        ],
    },
}
