/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function openJobDescriptionMenu(item, content) {
    return [
        {
            content: "Open the job descriptions menu",
            trigger: '.o-dropdown[data-menu-xmlid="kam_job_description.kam_job_description_menu"]',
            run: "click",
        },
        {
            content: `Open ${content}`,
            trigger: `.o-dropdown-item[data-menu-xmlid="kam_job_description.${item}"]`,
            run: "click",
        },
    ];
}

// Gunel (HR, job-description manager) on the demo: the job descriptions and who
// has not acknowledged theirs yet.
registry.category("web_tour.tours").add("kam_role_hr_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("kam_management.kam_root_menu", "Open Key Accounts"),
        ...openJobDescriptionMenu("kam_job_description_all_menu", "Job Descriptions"),
        {
            content: "The KAM's job description is approved",
            trigger: ".o_list_view .o_data_row:contains('Key Account Manager'):contains('Approved')",
        },
        {
            content: "Its version 2 is in agreement",
            trigger: ".o_list_view .o_data_row:contains('Key Account Manager'):contains('In Agreement')",
        },
        {
            content: "The Client Service Manager's is approved",
            trigger: ".o_list_view .o_data_row:contains('Client Service Manager'):contains('Approved')",
        },
        ...openJobDescriptionMenu("kam_job_description_ack_report_menu", "Not Yet Acknowledged"),
        {
            content: "Farid has not acknowledged his yet",
            trigger: ".o_list_view .o_data_row:contains('Farid Jafarov')",
        },
    ],
});
