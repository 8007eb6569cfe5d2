# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark harness: an Odoo environment on the run database (rolled back at the
end), and a measurement of wall time and SQL queries of a callable at two sizes.

Benchmarks report ratios (large / small); a batch computation that scales well has a
query ratio of 1 and a time ratio well below the data ratio.
"""

import sys
import time
from contextlib import contextmanager

import odoo
from odoo import SUPERUSER_ID, api


@contextmanager
def bench_env():
    conf, db = sys.argv[1], sys.argv[2]
    odoo.tools.config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        try:
            yield env
        finally:
            cr.rollback()


def measure(env, func):
    """Runs func() with a clean cache; returns (seconds, queries)."""
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    func()
    elapsed = time.perf_counter() - start
    return elapsed, env.cr.sql_log_count - before


def report(name, small, large, small_size, large_size):
    (t_small, q_small), (t_large, q_large) = small, large
    time_ratio = t_large / max(t_small, 1e-9)
    print(
        f"{name}: n={small_size}: {t_small * 1000:.1f} ms, {q_small} queries; "
        f"n={large_size}: {t_large * 1000:.1f} ms, {q_large} queries; "
        f"data x{large_size / small_size:.0f} -> time x{time_ratio:.2f}, "
        f"queries x{q_large / max(q_small, 1):.2f}"
    )
