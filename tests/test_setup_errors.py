# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The setup scripts fail with a sentence the user can act on."""

import shlex
import subprocess
import uuid

from .conftest import run_script


def _isolated(run_env, tmp_path, **extra):
    env = {k: v for k, v in run_env.items() if k not in ("ODOO_SRC", "ODOO_REF")}
    env.update(KAM_CACHE=str(tmp_path / "cache"), **extra)
    return env


def test_missing_odoo_source_names_the_variable(run_env, tmp_path):
    env = _isolated(run_env, tmp_path, ODOO_SRC=str(tmp_path / "nowhere"))
    result = run_script("setup/bootstrap", env)
    assert result.returncode != 0
    assert "Set ODOO_SRC" in result.stderr, result.stderr


def test_unknown_ref_names_the_variable(run_env, tmp_path):
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "README").write_text("not odoo\n")
    git = [
        "git",
        "-C",
        str(repo),
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
    ]
    subprocess.run([*git, "add", "README"], check=True)
    subprocess.run([*git, "commit", "-qm", "init"], check=True)

    env = _isolated(run_env, tmp_path, ODOO_SRC=str(repo), ODOO_REF="no-such-ref")
    result = run_script("setup/bootstrap", env)
    assert result.returncode != 0
    assert "ODOO_REF=no-such-ref is not a branch, tag or commit" in result.stderr

    env["ODOO_REF"] = "HEAD"
    result = run_script("setup/bootstrap", env)
    assert result.returncode != 0
    assert "is not an Odoo source tree" in result.stderr
    # a wrong source never becomes the cached default
    assert not (tmp_path / "cache" / "odoo" / "current").exists()


def test_missing_postgresql_names_the_debian_package(run_env, tmp_path):
    script = (
        "source setup/common.sh; pg_bindir() { return 1; }; "
        f"pg_start {shlex.quote(str(tmp_path / 'pg'))}"
    )
    result = run_script(script, _isolated(run_env, tmp_path))
    assert result.returncode != 0
    assert "postgresql-15" in result.stderr
    assert "apt-get install" in result.stderr


BROKEN_MANIFEST = """{
    "name": "Broken", "version": "18.0.1.0.0", "license": "LGPL-3",
    "depends": ["base"], "data": ["views/broken.xml"],
}"""
BROKEN_VIEW = """<odoo>
    <record id="broken_view" model="ir.ui.view">
        <field name="model">res.partner</field>
        <field name="arch" type="xml">
            <form><field name="kam_no_such_field"/></form>
        </field>
    </record>
</odoo>"""


def test_install_failure_shows_odoo_errors_and_fails(run_env, tmp_path):
    addon = tmp_path / "addons" / "kam_broken"
    (addon / "views").mkdir(parents=True)
    (addon / "__init__.py").write_text("")
    (addon / "__manifest__.py").write_text(BROKEN_MANIFEST)
    (addon / "views" / "broken.xml").write_text(BROKEN_VIEW)
    db = f"kam_broken_{uuid.uuid4().hex[:8]}"
    conf, log = tmp_path / "odoo.conf", tmp_path / "install.log"
    script = f"""
        source setup/common.sh; source setup/template.sh
        ODOO_DIR=$KAM_ODOO_DIR VENV=$KAM_VENV KAM_MODULES=kam_broken
        write_odoo_conf {conf} "$ODOO_DIR" {tmp_path / "data"}
        sed -i "s|^addons_path = \\(.*\\)|addons_path = \\1,{addon.parent}|" {conf}
        createdb {db}
        trap 'dropdb --if-exists {db}' EXIT
        install_modules {db} {conf} {log}
    """
    result = run_script(script, run_env, timeout=600)
    assert result.returncode != 0
    assert "installing the add-ons failed" in result.stderr
    assert "kam_no_such_field" in result.stderr, result.stderr
