/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kam_receivables_smoke_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        {
            content: "Open the receivables menu",
            trigger: '.o-dropdown[data-menu-xmlid="kam_receivables.kam_receivables_menu"]',
            run: "click",
        },
        {
            content: "Open the overdue invoices",
            trigger: '.o-dropdown-item[data-menu-xmlid="kam_receivables.account_move_kam_overdue_menu"]',
            run: "click",
        },
        {
            content: "Open an overdue invoice",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        {
            content: "The invoice form opens",
            trigger: ".o_form_view .o_field_widget[name='partner_id']",
        },
        {
            content: "Open the receivables menu again",
            trigger: '.o-dropdown[data-menu-xmlid="kam_receivables.kam_receivables_menu"]',
            run: "click",
        },
        {
            content: "Open the receivables aging",
            trigger: '.o-dropdown-item[data-menu-xmlid="kam_receivables.kam_receivable_aging_menu"]',
            run: "click",
        },
        {
            content: "The aging opens as a pivot with the overdue invoice",
            trigger: ".o_pivot_view .o_pivot_cell_value",
        },
        {
            content: "Open the receivables menu once more",
            trigger: '.o-dropdown[data-menu-xmlid="kam_receivables.kam_receivables_menu"]',
            run: "click",
        },
        {
            content: "Open the orders on credit hold",
            trigger: '.o-dropdown-item[data-menu-xmlid="kam_receivables.sale_order_kam_credit_hold_menu"]',
            run: "click",
        },
        {
            content: "The held order is listed",
            trigger: ".o_list_view .o_data_row:contains('Tour Overdue Customer')",
        },
    ],
});
