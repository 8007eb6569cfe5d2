# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rows inserted in SQL as the ORM's ``create`` inserts them (the weekly plan's
contacts and their calendar events, see ``kam_visit_insert.py`` and
``calendar_event_mirror.py``).

The rows of a table go in one query whatever their number, as one JSON parameter
(``jsonb_populate_recordset``): PostgreSQL reads each value with the column type's
own input, as it reads the values of Odoo's ``INSERT``, without parsing and
planning a ``VALUES`` list of tens of thousands of parameters.
"""

import datetime
import json

from psycopg2.extras import Json

from odoo.tools import SQL


def stored_columns(model):
    """The names of the stored fields of ``model`` with a column, but ``id``."""
    return sorted(
        name
        for name, field in model._fields.items()
        if field.store and field.column_type and name != "id"
    )


def row_values(model, columns, values):
    """``{column: value}`` of a row of ``model`` created with ``values`` (the
    create values, defaults and log fields included), converted as ``_create``
    converts them; the columns of ``columns`` not in ``values`` are left out, to
    the database (``DEFAULT`` in Odoo's insert: no value, Odoo's columns have no
    default)."""
    fields = model._fields
    return {
        name: fields[name].convert_to_column_insert(values[name], model, values)
        for name in columns
        if name in values
    }


def new_ids(env, table, count):
    """``count`` ids of ``table`` drawn from its sequence, in order."""
    return sorted(
        row_id
        for (row_id,) in env.execute_query(
            SQL(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id'))"
                " FROM generate_series(1, %s)",
                table,
                count,
            )
        )
    )


def insert_rows(env, table, rows):
    """Insert ``rows`` (``{column: value}`` as ``row_values`` gives them) into
    ``table``, in one query."""
    if not rows:
        return
    columns = SQL(", ").join(
        map(SQL.identifier, sorted({name for row in rows for name in row}))
    )
    env.execute_query(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM jsonb_populate_recordset(NULL::%s, %s)",
            SQL.identifier(table),
            columns,
            columns,
            SQL.identifier(table),
            json.dumps(rows, default=_json_value),
        )
    )


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Json):
        return value.adapted
    raise TypeError(f"{value!r} cannot be inserted")


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
