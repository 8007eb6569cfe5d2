/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

// Gunel (HR, job-description manager) on the demo: the job descriptions and who
// has not acknowledged theirs yet. The tours start on the actions: the HR user does
// not see the Key Accounts app these menus sit under.
registry.category("web_tour.tours").add("kam_role_hr_tour", {
    steps: () => [
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
    ],
});

registry.category("web_tour.tours").add("kam_role_hr_ack_tour", {
    steps: () => [
        {
            content: "Farid has not acknowledged his yet",
            trigger: ".o_list_view .o_data_row:contains('Farid Jafarov')",
        },
    ],
});
