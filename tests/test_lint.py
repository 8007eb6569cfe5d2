# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The lint of `make lint` is part of the test run, as in OCA's CI."""

import pytest

from .conftest import run_script

CHECKS = {
    "ruff": "ruff check --no-fix .",
    "ruff-format": "ruff format --check .",
    "pylint-odoo": "pylint --rcfile=.pylintrc kam_management kam_receivables "
    "kam_job_description",
    "addons": "python setup/check_addons.py",
    "readme": "python setup/gen_readme.py --check",
}


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_lint(run_env, check):
    env = dict(run_env, PATH=f"{run_env['KAM_VENV']}/bin:{run_env['PATH']}")
    result = run_script(CHECKS[check], env)
    assert result.returncode == 0, result.stdout + result.stderr
