# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rows inserted in SQL as the ORM's ``create`` inserts them (the weekly plan's
contacts and their calendar events, see ``kam_visit_insert.py`` and
``calendar_event_mirror.py``)."""

from odoo.tools import SQL

# a column the ORM leaves to the database (a field neither given nor defaulted)
DEFAULT = object()


def stored_columns(model):
    """The names of the stored fields of ``model`` with a column, but ``id``."""
    return sorted(
        name
        for name, field in model._fields.items()
        if field.store and field.column_type and name != "id"
    )


def row_values(model, columns, values):
    """The values of ``columns`` for a row of ``model`` created with ``values``
    (the create values, defaults and log fields included), converted as
    ``_create`` converts them."""
    return [
        model._fields[name].convert_to_column_insert(values[name], model, values)
        if name in values
        else DEFAULT
        for name in columns
    ]


def sql_values(rows):
    """``VALUES`` rows as one SQL object, one placeholder per value."""
    codes = []
    params = []
    for row in rows:
        codes.append(
            "(" + ", ".join("DEFAULT" if v is DEFAULT else "%s" for v in row) + ")"
        )
        params.extend(v for v in row if v is not DEFAULT)
    return SQL(", ".join(codes), *params)


def create_modules(model):
    """The modules of the classes that define ``create`` for ``model``: the
    behaviour an insert must do the work of."""
    return {cls.__module__ for cls in type(model).__mro__ if "create" in vars(cls)}


def log_values(env):
    """The log fields of the records ``env`` creates now."""
    now = env.cr.now()
    return {
        "create_uid": env.uid,
        "create_date": now,
        "write_uid": env.uid,
        "write_date": now,
    }
