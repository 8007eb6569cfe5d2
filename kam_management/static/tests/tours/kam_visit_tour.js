/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("kam_visit_my_week_tour", {
    url: "/odoo/action-kam_management.kam_visit_action_my_week",
    steps: () => [
        {
            content: "My week opens on the calendar with the planned visit",
            trigger: ".o_calendar_view .fc-event:contains('Tour Account')",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the visit",
            trigger: ".o_list_view .o_data_row:contains('Tour Account') td[name='partner_id']",
            run: "click",
        },
        {
            content: "Record the outcome",
            trigger: ".o_form_view .o_field_widget[name='outcome'] textarea",
            run: "edit Signed a one-year supply contract",
        },
        {
            content: "Mark it done",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "The visit is done",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Done')",
        },
    ],
});
