# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark harness: Odoo environments on the bench databases, and measurements of
wall time and SQL queries of a callable with a cold cache, rolled back each time.

Side-by-side figures are medians of alternating runs (ours, OCA, ours, OCA, ...),
so that both sides see the same machine load.
"""

import statistics
import time
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api

_CONFIGURED = []


def configure(conf, addons_path=None):
    if not _CONFIGURED:
        args = ["-c", conf, "--log-level=warn"]
        if addons_path:
            args.append(f"--addons-path={addons_path}")
        odoo.tools.config.parse_config(args)
        _CONFIGURED.append(conf)


@contextmanager
def bench_env(db, commit=False):
    """A superuser environment on ``db``; rolled back unless ``commit``."""
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        try:
            yield env
            if commit:
                env.flush_all()
                cr.commit()
        finally:
            cr.rollback()


def measure(env, func):
    """Runs func() once with a clean cache inside a rolled-back savepoint.

    :return: (seconds, queries)
    """
    env.flush_all()
    env.invalidate_all()
    env.registry.clear_cache()
    cr = env.cr
    cr.execute("SAVEPOINT bench_measure")
    before = cr.sql_log_count
    start = time.perf_counter()
    try:
        func()
        elapsed = time.perf_counter() - start
        queries = cr.sql_log_count - before
    finally:
        cr.execute("ROLLBACK TO SAVEPOINT bench_measure")
        env.invalidate_all()
    return elapsed, queries


def median_runs(sides, runs):
    """Alternates the sides ({name: (env, make)}: ``make()`` builds the callable)
    ``runs`` times; returns {name: (median seconds, median queries)}."""
    samples = {name: [] for name in sides}
    for _ in range(runs):
        for name, (env, make) in sides.items():
            samples[name].append(measure(env, make()))
    return {
        name: (
            statistics.median(t for t, _q in values),
            statistics.median(q for _t, q in values),
        )
        for name, values in samples.items()
    }


def fmt_time(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"
