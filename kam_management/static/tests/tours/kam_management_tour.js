/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kam_management_smoke_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        {
            content: "The accounts kanban shows at least one account",
            trigger: ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)",
            run: "click",
        },
        {
            content: "The account form opens",
            trigger: ".o_form_view .o_field_widget[name='name']",
        },
    ],
});
