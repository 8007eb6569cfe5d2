/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("kam_job_description_smoke_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        {
            content: "Open the job descriptions menu",
            trigger: '.o-dropdown[data-menu-xmlid="kam_job_description.kam_job_description_menu"]',
            run: "click",
        },
        {
            content: "Open the job descriptions",
            trigger: '.o-dropdown-item[data-menu-xmlid="kam_job_description.kam_job_description_all_menu"]',
            run: "click",
        },
        {
            content: "Open a job description",
            trigger: ".o_list_view .o_data_row .o_data_cell",
            run: "click",
        },
        {
            content: "The job description form opens with its duties",
            trigger: ".o_form_view .o_notebook a[name='duties']",
            run: "click",
        },
        {
            content: "The duties are listed",
            trigger: ".o_form_view .o_field_widget[name='duty_item_ids'] .o_data_row",
        },
        {
            content: "The chatter is there",
            trigger: ".o-mail-Chatter",
        },
    ],
});
