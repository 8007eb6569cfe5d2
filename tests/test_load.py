# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The load scenario, small: 4 KAM sessions for 10 s against Odoo in multi-worker
mode on its own throw-away cluster (setup/load), then the invariants: no HTTP 5xx,
every customer's confirmed exposure within its limit, every refusal logged once, no
order both held and confirmed."""

from .conftest import run_script


def test_small_load_keeps_the_credit_invariants(run_env):
    # two customers with room for one or two orders each: refusals happen at once
    result = run_script(
        "setup/load --users 4 --time 10 --customers 2 --limit 300", run_env, timeout=900
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "invariants hold" in result.stdout, output[-4000:]
    assert "confirm order" in result.stdout, output[-4000:]
    assert " 0 held" not in result.stdout, "no refusal happened: " + output[-4000:]
