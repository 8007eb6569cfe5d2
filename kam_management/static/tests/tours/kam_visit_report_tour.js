/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const ANSWERS = ".o_field_widget[name='answer_ids'] .o_data_row";

/** The browser answers the next position request with ``coords`` (an object),
 * or refuses it (``null``), whatever the headless browser would do. */
function stubPosition(coords) {
    navigator.geolocation.getCurrentPosition = (success, error) =>
        setTimeout(() =>
            coords
                ? success({coords, timestamp: Date.now()})
                : error({code: 1, message: "User denied Geolocation"})
        );
}

function answer(question, field, element, run) {
    return [
        {
            content: `Answer "${question}"`,
            trigger: `${ANSWERS}:contains('${question}') td[name='${field}']`,
            run: "click",
        },
        {
            content: `Enter the answer to "${question}"`,
            trigger: `${ANSWERS}.o_selected_row:contains('${question}') td[name='${field}'] ${element}`,
            run,
        },
    ];
}

registry.category("web_tour.tours").add("kam_visit_report_tour", {
    url: "/odoo/action-kam_management.kam_visit_action_my_week",
    steps: () => [
        {
            content: "Switch to the list of my week",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the planned visit",
            trigger: ".o_list_view .o_data_row:contains('Report Tour Account') td[name='partner_id']",
            run: "click",
        },
        {
            content: "Choose the merchandising audit as purpose",
            trigger: ".o_form_view .o_field_widget[name='purpose_ids'] input",
            run: "edit Merchandising",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains('Merchandising Audit')",
            run: "click",
        },
        {
            content: "Save: the checklist of the purpose comes",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The checklist asks its questions, the mandatory ones flagged",
            trigger: `${ANSWERS}.text-danger:contains('Facings')`,
        },
        ...answer("Assortment present", "value_yes_no", "select", 'select "yes"'),
        ...answer("Facings", "value_number_input", "input", "edit 24"),
        ...answer("Price compliance", "value_yes_no", "select", 'select "no"'),
        ...answer("Display material", "option_id", "input", "edit Fully"),
        {
            content: "Pick the option",
            trigger: ".o-autocomplete--dropdown-item a:contains('Fully in place')",
            run: "click",
        },
        {
            content: "Save the report",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The browser shares its position: check in",
            trigger: ".o_form_saved button[name='action_check_in']",
            run() {
                stubPosition({latitude: 40.4093, longitude: 49.8671, accuracy: 15});
                this.anchor.click();
            },
        },
        {
            content: "Checked in: check-out is offered",
            trigger: ".o_form_statusbar button[name='action_check_out']",
        },
        {
            content: "See the proof of visit",
            trigger: ".o_notebook a.nav-link:contains('Proof of Visit')",
            run: "click",
        },
        {
            content: "The check-in place shows as text with a geo: link",
            trigger: ".o_field_widget[name='check_in_location']:contains('40.409300, 49.867100')",
        },
        {
            content: "A geo: link, no map service",
            trigger: ".o_field_widget[name='check_in_geo_uri'] a[href^='geo:40.409300,49.867100']",
        },
        {
            content: "The browser refuses its position this time: check out anyway",
            trigger: ".o_form_statusbar button[name='action_check_out']",
            run() {
                stubPosition(null);
                this.anchor.click();
            },
        },
        {
            content: "Checked out",
            trigger: ".o_form_statusbar:not(:has(button[name='action_check_out']))",
        },
        {
            content: "Record the outcome",
            trigger: ".o_form_view .o_field_widget[name='outcome'] textarea",
            run: "edit Shelf audited, juice prices to correct",
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
