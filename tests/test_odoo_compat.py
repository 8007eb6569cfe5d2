# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's own sale tests pass on a database with the three add-ons installed: the
add-ons leave standard sales behaviour alone (README: "What the add-ons change in
Odoo"). setup/test-compat runs them through odoo-bin against its own throw-away copy
of the template, not the database this run uses; `make test-compat` adds /account,
/hr and /calendar, too long for every run."""

from .conftest import run_script


def test_odoo_sale_tests_pass_with_the_addons(run_env):
    result = run_script(
        "setup/test-compat /sale,/sale_management", run_env, timeout=3600
    )
    assert result.returncode == 0, (
        "Odoo's own tests failed with the add-ons installed:\n" + result.stderr[-6000:]
    )
    assert "no other failure" in result.stderr
