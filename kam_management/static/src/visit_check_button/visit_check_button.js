/* Copyright 2026 KAM Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {Component, useState} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {standardWidgetProps} from "@web/views/widgets/standard_widget_props";
import {useService} from "@web/core/utils/hooks";

// Longest wait for the browser's position (permission prompt included) before
// checking in or out without one.
const POSITION_TIMEOUT = 15000;

/**
 * The browser's current position, or null when the browser has none, the user
 * denies it or it takes too long: the check-in goes on without it.
 */
export function getBrowserPosition(timeout = POSITION_TIMEOUT) {
    return new Promise((resolve) => {
        const geolocation = navigator.geolocation;
        if (!geolocation) {
            resolve(null);
            return;
        }
        const timer = setTimeout(() => resolve(null), timeout);
        const done = (position) => {
            clearTimeout(timer);
            resolve(position);
        };
        try {
            geolocation.getCurrentPosition(
                ({coords}) =>
                    done({
                        latitude: coords.latitude,
                        longitude: coords.longitude,
                        accuracy: coords.accuracy,
                    }),
                () => done(null),
                {enableHighAccuracy: true, timeout, maximumAge: 60000}
            );
        } catch {
            done(null);
        }
    });
}

/**
 * A header button that saves the visit, asks the browser for its position and
 * calls the visit's check-in or check-out method with it (or without it).
 */
export class KamVisitCheckButton extends Component {
    static template = "kam_management.KamVisitCheckButton";
    static props = {
        ...standardWidgetProps,
        action: {type: String},
        string: {type: String},
        highlight: {type: Boolean},
    };

    setup() {
        this.orm = useService("orm");
        this.state = useState({busy: false});
    }

    async onClick() {
        if (this.state.busy) {
            return;
        }
        this.state.busy = true;
        try {
            const record = this.props.record;
            if (!(await record.save())) {
                return;
            }
            const position = await getBrowserPosition();
            await this.orm.call(
                record.resModel,
                this.props.action,
                [[record.resId]],
                position || {}
            );
            await record.load();
        } finally {
            this.state.busy = false;
        }
    }
}

export const kamVisitCheckButton = {
    component: KamVisitCheckButton,
    extractProps: ({attrs}) => ({
        action: attrs.action,
        string: attrs.string,
        highlight: Boolean(attrs.highlight),
    }),
};

registry.category("view_widgets").add("kam_visit_check_button", kamVisitCheckButton);
