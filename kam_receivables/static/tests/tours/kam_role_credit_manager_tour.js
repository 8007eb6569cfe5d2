/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function openReceivablesMenu(item, content) {
    return [
        {
            content: "Open the receivables menu",
            trigger: '.o-dropdown[data-menu-xmlid="kam_receivables.kam_receivables_menu"]',
            run: "click",
        },
        {
            content: `Open ${content}`,
            trigger: `.o-dropdown-item[data-menu-xmlid="kam_receivables.${item}"]`,
            run: "click",
        },
    ];
}

// Sevinj (Credit Manager) on the demo: the held orders, then the aging.
registry.category("web_tour.tours").add("kam_role_credit_manager_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        ...openReceivablesMenu("sale_order_kam_credit_hold_menu", "Orders on Credit Hold"),
        {
            content: "Shirvan Distribution's order is held over its credit limit",
            trigger: ".o_list_view .o_data_row:contains('Shirvan Distribution')",
        },
        {
            content: "Sumgait Supermarkets' order is held on its overdue debt",
            trigger: ".o_list_view .o_data_row:contains('Sumgait Supermarkets')",
        },
        ...openReceivablesMenu("kam_receivable_aging_menu", "Receivables Aging"),
        {
            content: "The aging shows Sumgait Supermarkets' debt under its KAM",
            trigger: ".o_pivot_view:not(.o_view_sample_data) th:contains('Sumgait Supermarkets')",
        },
    ],
});
