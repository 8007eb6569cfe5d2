/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function openMenu(parent, item, content) {
    return [
        {
            content: `Open the ${content} menu`,
            trigger: `.o-dropdown[data-menu-xmlid="kam_management.${parent}"]`,
            run: "click",
        },
        {
            content: `Open ${content}`,
            trigger: `.o-dropdown-item[data-menu-xmlid="kam_management.${item}"]`,
            run: "click",
        },
    ];
}

// Kamala (a KAM) on the demo: her dashboard, her week, her accounts by tier.
registry.category("web_tour.tours").add("kam_role_kam_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        {
            content: "The dashboard lists this week's contacts",
            trigger: ".o_dashboard .o-dashboard-action .o_list_view .o_data_row",
        },
        ...openMenu("kam_visit_menu_root", "kam_visit_my_week_menu", "My Week"),
        {
            content: "My Week opens on the calendar",
            trigger: ".o_calendar_view",
        },
        {
            content: "Switch My Week to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Her visits to Caspian Retail are listed",
            trigger: ".o_list_view .o_data_row:contains('Caspian Retail')",
        },
        ...openMenu("kam_accounts_menu", "res_partner_key_accounts_menu", "Accounts"),
        {
            content: "The accounts are grouped by tier: open Platinum",
            trigger: ".o_list_view .o_group_header:contains('Platinum')",
            run: "click",
        },
        {
            content: "Open Caspian Retail",
            trigger: ".o_list_view .o_data_row .o_data_cell[name='name']:contains('Caspian Retail')",
            run: "click",
        },
        {
            content: "The account form opens",
            trigger: ".o_form_view .o_field_widget[name='name']",
        },
        {
            content: "The account form shows Caspian Retail",
            trigger: ".o_last_breadcrumb_item:contains('Caspian Retail')",
        },
    ],
});

// Leyla (Head of Sales North): her team's attainment and the discount to approve.
registry.category("web_tour.tours").add("kam_role_head_of_sales_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        ...openMenu("kam_reporting_menu", "kam_sales_plan_line_menu_dashboard", "Team Attainment"),
        {
            content: "Team Attainment opens on the graph",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "Kamala's attainment is a row of the pivot",
            trigger: ".o_pivot_view th:contains('Kamala Aliyeva')",
        },
        ...openMenu("kam_accounts_menu", "sale_order_kam_to_approve_menu", "Discounts to Approve"),
        {
            content: "Silk Way Foods' discount waits for approval",
            trigger: ".o_list_view .o_data_row:contains('Silk Way Foods')",
        },
    ],
});
