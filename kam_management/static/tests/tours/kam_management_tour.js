/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kam_management_smoke_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        {
            content: "The app opens on the KAM dashboard",
            trigger: ".o_dashboard .o-dashboard-action",
        },
        {
            content: "Open the Accounts menu",
            trigger: "button[data-menu-xmlid='kam_management.kam_accounts_menu']",
            run: "click",
        },
        {
            content: "Open the key accounts list",
            trigger: "[data-menu-xmlid='kam_management.res_partner_key_accounts_menu']",
            run: "click",
        },
        {
            content: "The accounts list is grouped by tier: open a group",
            trigger: ".o_list_view .o_group_header.o_group_has_content",
            run: "click",
        },
        {
            content: "Open an account of the group",
            trigger: ".o_list_view .o_data_row .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "The account form opens",
            trigger: ".o_form_view .o_field_widget[name='name']",
        },
    ],
});
