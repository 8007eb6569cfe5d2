# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures for the end-to-end tests: they drive the project's own commands."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def run_env():
    """Environment of the test run (set by setup/test): Odoo, virtualenv, database."""
    missing = [
        k for k in ("KAM_ODOO_DIR", "KAM_VENV", "KAM_RUN_CONF") if not os.environ.get(k)
    ]
    if missing:
        pytest.fail(f"run the tests through setup/test (missing {', '.join(missing)})")
    return dict(os.environ)


def run_script(script, env, timeout=300, **kwargs):
    return subprocess.run(
        ["bash", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )
