# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bulk copies of prototype rows, for generating benchmark data fast.

A prototype (an invoice, a payment, an order) is made once through the ORM, so that
every stored column holds what Odoo computes; then ``clone`` copies its row once per
row of a plan table in one ``INSERT ... SELECT``, replacing the columns that differ
(ids, partner, dates, amounts) by SQL expressions over the plan row ``p``. Amounts are
scaled by an integer factor, so sums of rounded lines stay exact.
"""

from psycopg2.extras import execute_values


def columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in cr.fetchall()]


def plan_table(cr, name, spec, rows):
    """A temporary table ``name`` with columns ``spec`` ("col type, ...") and rows."""
    cr.execute(f"DROP TABLE IF EXISTS {name}")
    cr.execute(f"CREATE TEMPORARY TABLE {name} ({spec})")
    if rows:
        cols = ", ".join(part.split()[0] for part in spec.split(","))
        execute_values(
            cr, f"INSERT INTO {name} ({cols}) VALUES %s", rows, page_size=5000
        )
    cr.execute(f"ANALYZE {name}")


def allocate_ids(cr, plan, column, table):
    """Fills ``plan.column`` with fresh ids of ``table``."""
    cr.execute(f"ALTER TABLE {plan} ADD COLUMN {column} integer")
    cr.execute(f"UPDATE {plan} SET {column} = nextval('{table}_id_seq')")


def clone(cr, table, proto_id, plan, overrides, where="TRUE"):
    """Copies row ``proto_id`` of ``table`` once per row of ``plan`` (alias ``p``).

    :param overrides: {column: SQL expression over ``t`` (the prototype) and ``p``}
    :return: number of rows inserted
    """
    cols = columns(cr, table)
    unknown = set(overrides) - set(cols)
    if unknown:
        raise ValueError(f"{table} has no column {', '.join(sorted(unknown))}")
    select = [overrides.get(col, f"t.{col}") for col in cols]
    cr.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) "
        f"SELECT {', '.join(select)} FROM {table} t, {plan} p "
        f"WHERE t.id = %s AND ({where})",
        [proto_id],
    )
    return cr.rowcount


def scaled(names, factor="p.factor"):
    """Overrides multiplying numeric columns by the plan's factor."""
    return {name: f"t.{name} * {factor}" for name in names}
