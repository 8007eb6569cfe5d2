# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How the add-ons run their figure queries."""

from odoo.tools import SQL


def kam_figures_query(env, query, log_exceptions=True):
    """Rows of ``query``, an aggregate over many records (the exposure of a batch
    of customers, a KPI over months of order lines), run without PostgreSQL's JIT
    compilation.

    With PostgreSQL's default settings a query whose estimated cost passes
    ``jit_above_cost`` has its expressions compiled to machine code before it runs:
    for the exposure of a batch of 1,000 customers the compilation took 190 ms for
    a query that runs in 40 ms. These queries are short, index-driven aggregates
    that never repay it, so JIT is switched off in the same statement (``SET
    LOCAL``: for the rest of the transaction, as Odoo deployments commonly set it
    for the whole server).
    """
    env.cr.execute(SQL("SET LOCAL jit = off; %s", query), log_exceptions=log_exceptions)
    return env.cr.fetchall()
