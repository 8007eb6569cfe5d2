# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contacts of the weekly plan inserted in bulk, with their calendar events.

A week of 20 KAMs is 1,400 planned visits and calls. Through ``create`` each costs
its default values, the cache of every field, the recomputation of its stored
fields and, once its calendar event exists, an UPDATE linking it to the event. Here
their ids are drawn from the sequence first, so that the events (inserted by
``calendar.event._kam_create_mirrors``) can point to them and each contact is
inserted once, with its event. The columns hold what ``create`` stores, the
constraints, company and access checks are the ORM's, and what depends on the new
contacts is marked as ``create`` marks it (``tests/test_visit_plan_insert.py``
compares a plan inserted with the same plan created through the ORM).

The insert knows the ``create`` overrides of ``kam.visit`` (the chatter's, the
calendar's, the visit report's), and needs the values of every stored computed
field (``_kam_planned_computed_values``): another module's override, a computed
field not given, or values it does not handle (a contact done, purposes) and the
contacts are created through the ORM.
"""

from collections import defaultdict

from odoo import api, models

from .kam_sql_insert import (
    create_modules,
    insert_rows,
    log_values,
    new_ids,
    row_values,
    stored_columns,
)

# the modules whose create of kam.visit the insert does the work of
KNOWN_CREATES = {
    "odoo.models",
    "odoo.addons.mail.models.mail_thread",
    "odoo.addons.kam_management.models.kam_visit_calendar",
    "odoo.addons.kam_management.models.kam_visit_report",
}


class KamVisit(models.Model):
    _inherit = "kam.visit"

    @api.model
    def _kam_create_planned(self, vals_list):
        """Create the contacts of ``vals_list`` (planned, with the stored computed
        fields of ``_kam_planned_computed_values``), each with its calendar event:
        inserted in SQL when the insert creates them as ``create`` does, else
        through ``create``. Neither way posts a message or subscribes a follower
        (``tracking_disable``, as the weekly plan creates them)."""
        if not vals_list:
            return self.browse()
        defaults = self._kam_planned_defaults(vals_list)
        if defaults is None:
            return self.create(vals_list)
        return self._kam_insert_planned(vals_list, defaults)

    @api.model
    def _kam_planned_defaults(self, vals_list):
        """The default values ``create`` would give each contact of ``vals_list``
        (it asks ``default_get`` for the fields not given: once per set of fields
        given here), or ``None`` when the insert cannot create them as ``create``
        would."""
        if (
            not self.env.context.get("tracking_disable")
            or self.env.context.get("kam_visit_no_event")
            or create_modules(self) - KNOWN_CREATES
            or not self.env["calendar.event"]._kam_mirrors_insertable()
        ):
            return None
        computed = {
            name
            for name, field in self._fields.items()
            if field.store and field.compute
        }
        defaults_of = {}
        result = []
        for vals in vals_list:
            keys = frozenset(vals)
            if keys not in defaults_of:
                if computed - keys or any(
                    self._fields[name].type in ("one2many", "many2many")
                    for name in keys
                ):
                    return None
                defaults = self.default_get(
                    [name for name in self._fields if name not in keys]
                )
                if any(
                    self._fields[name].type in ("one2many", "many2many") and value
                    for name, value in defaults.items()
                ):
                    return None
                defaults_of[keys] = defaults
            defaults = defaults_of[keys]
            if vals.get("state", defaults.get("state")) != "planned" or vals.get(
                "check_in"
            ):
                return None
            result.append(defaults)
        return result

    @api.model
    def _kam_insert_planned(self, vals_list, defaults_list):
        """Insert the contacts of ``vals_list`` with their calendar events (see
        ``_kam_create_planned``; ``defaults_list``: the default values of each)."""
        self.check_access("create")
        visits = self.browse(new_ids(self.env, self._table, len(vals_list)))
        log = log_values(self.env)
        values_list = [
            {**defaults, **vals, **log}
            for vals, defaults in zip(vals_list, defaults_list, strict=True)
        ]
        columns = stored_columns(self)
        # the new contacts in the cache as create leaves them (what the events
        # mirror is read from there)
        self._kam_cache_new(visits, columns, values_list)
        events = self.env["calendar.event"]._kam_create_mirrors(
            visits._kam_event_create_values()
        )
        for values, event in zip(values_list, events, strict=True):
            values["calendar_event_id"] = event.id
        self.env.cache.update(
            visits, self._fields["calendar_event_id"], events.ids, check_dirty=False
        )
        insert_rows(
            self.env,
            self._table,
            [
                {"id": visit.id, **row_values(self, columns, values)}
                for visit, values in zip(visits, values_list, strict=True)
            ],
        )
        self._kam_planned_inserted(visits, vals_list)
        return visits

    def _kam_cache_new(self, visits, columns, values_list):
        """Put the new ``visits`` in the cache with their ``values_list``: every
        column (``columns``), and no record in their x2many fields yet."""
        cache = self.env.cache
        columns = set(columns)
        for name, field in self._fields.items():
            if field.type in ("one2many", "many2many"):
                cache.update(visits, field, [()] * len(visits), check_dirty=False)
            elif name in columns:
                empty = field.convert_to_cache(None, visits)
                cache.update(
                    visits,
                    field,
                    [
                        empty
                        if values.get(name) is None
                        else field.convert_to_cache(values[name], visit)
                        for visit, values in zip(visits, values_list, strict=True)
                    ],
                    check_dirty=False,
                )

    def _kam_planned_inserted(self, visits, vals_list):
        """What ``create`` does once the rows of ``visits`` are in: the computed
        fields given in ``vals_list`` are not computed again, what depends on the
        new contacts is marked or invalidated, the constraints, the companies and
        the access rules are checked."""
        stored = [name for name, field in self._fields.items() if field.store]
        given = defaultdict(list)
        for visit_id, vals in zip(visits.ids, vals_list, strict=True):
            given[
                frozenset(name for name in vals if self._fields[name].compute)
            ].append(visit_id)
        protected = [
            ([self._fields[name] for name in names], self.browse(ids))
            for names, ids in given.items()
        ]
        with self.env.protecting(protected):
            visits.modified(list(self._fields), create=True)
        for field in self._fields.values():
            for inverse in self.pool.field_inverses[field]:
                self.env[inverse.model_name].invalidate_model([inverse.name])
        visits._validate_fields(stored)
        if self._check_company_auto:
            self._kam_check_company(visits)
        visits.check_access("create")

    def _kam_check_company(self, visits):
        """``create``'s company check of the new ``visits``
        (``BaseModel._check_company``), each field's records filtered by their
        companies' domain once for all the visits of a company rather than visit by
        visit; the ORM's check, and its error, for the visits with a record out of
        it."""
        fields = [
            field
            for field in self._fields.values()
            if field.relational and field.check_company
        ]
        if any(field.company_dependent for field in fields):
            visits._check_company()
            return
        suspects = self.browse()
        for company in visits.mapped("company_id"):
            group = visits.filtered(lambda visit, c=company: visit.company_id == c)
            for field in fields:
                corecords = group.sudo().mapped(field.name)
                domain = corecords._check_company_domain(company)
                if not corecords or not domain:
                    continue
                outside = corecords - corecords.with_context(
                    active_test=False
                ).filtered_domain(domain)
                if outside:
                    suspects |= group.filtered(
                        lambda visit, f=field, o=outside: visit.sudo()[f.name] & o
                    )
        suspects._check_company()
