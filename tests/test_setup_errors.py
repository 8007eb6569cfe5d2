# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The setup scripts fail with a sentence the user can act on."""

import os
import shlex
import subprocess
import uuid
from pathlib import Path

import pytest

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


def _shim_path(tmp_path, run_env, hide, uid=None):
    """A PATH where the commands in ``hide`` are missing, and ``id -u`` says ``uid``."""
    shims = tmp_path / "bin"
    shims.mkdir()
    system_dirs = ("/usr/bin", "/bin", "/usr/sbin", "/sbin")
    for folder in system_dirs:
        for tool in Path(folder).iterdir() if Path(folder).is_dir() else ():
            target = shims / tool.name
            if tool.name not in hide and not target.exists():
                target.symlink_to(tool)
    if uid is not None:
        (shims / "id").unlink()
        (shims / "id").write_text(
            "#!/bin/sh\n"
            f'[ "$1" = -u ] && {{ echo {uid}; exit 0; }}\n'
            'exec /usr/bin/id "$@"\n'
        )
        (shims / "id").chmod(0o755)
    rest = [p for p in run_env["PATH"].split(":") if p not in system_dirs]
    return shims, ":".join([str(shims), *rest])


def test_missing_packages_as_non_root_stop_with_the_command(run_env, tmp_path):
    """No root, no password-less sudo: one line naming the command, exit code 3,
    nothing else (no follow-up shell errors), even from the full test command."""
    _shims, path = _shim_path(
        tmp_path, run_env, hide={"chromium", "wkhtmltopdf", "sudo"}, uid=4242
    )
    env = _isolated(run_env, tmp_path, PATH=path, KAM_STATE=str(tmp_path / "state"))
    result = run_script("setup/test -q", env)
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        "[kam] ERROR: missing Debian packages: chromium wkhtmltopdf. "
        "Install them with: sudo apt-get install chromium wkhtmltopdf\n"
    )


FAKE_APT = """#!/bin/sh
# records its calls; "installs" a package by making its command reachable again
echo "$*" >>{log}
case "$1" in install) for arg; do
    [ -e /usr/bin/"$arg" ] && ln -sf /usr/bin/"$arg" {shims}/"$arg"
done;; esac
exit 0
"""
FAKE_SUDO = """#!/bin/sh
# password-less sudo: runs the command
[ "$1" = -n ] && shift
exec "$@"
"""


@pytest.mark.parametrize("uid", [None, 4242], ids=["root", "password-less sudo"])
def test_missing_packages_are_installed_when_allowed(run_env, tmp_path, uid):
    if uid is None and os.getuid() != 0:
        pytest.fail("run the suite as root (CI does) to check the root path")
    hide = {"chromium", "wkhtmltopdf", "sudo", "apt-get"}
    shims, path = _shim_path(tmp_path, run_env, hide=hide, uid=uid)
    log = tmp_path / "apt.calls"
    (shims / "apt-get").write_text(FAKE_APT.format(log=log, shims=shims))
    (shims / "apt-get").chmod(0o755)
    if uid is not None:
        (shims / "sudo").write_text(FAKE_SUDO)
        (shims / "sudo").chmod(0o755)
    env = _isolated(run_env, tmp_path, PATH=path, KAM_STATE=str(tmp_path / "state"))
    result = run_script("source setup/common.sh; ensure_system_packages", env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "[kam] installing the Debian packages this suite needs: chromium wkhtmltopdf\n"
    )
    calls = log.read_text().splitlines()
    assert calls[0] == "update -qq"
    assert calls[1].endswith(
        "install -y -qq --no-install-recommends chromium wkhtmltopdf"
    )

    # told not to: it names the command and stops
    env["KAM_NO_APT"] = "1"
    (shims / "chromium").unlink()
    result = run_script("source setup/common.sh; ensure_system_packages", env)
    assert result.returncode == 3
    assert (
        "Install them with:" in result.stderr
        and "apt-get install chromium" in result.stderr
    )


def test_missing_build_packages_are_named(run_env, tmp_path):
    """What pip needs to build the virtualenv is checked when it is built."""
    _shims, path = _shim_path(tmp_path, run_env, hide={"gcc", "pg_config"})
    env = _isolated(run_env, tmp_path, PATH=path)
    result = run_script("source setup/common.sh; missing_build_packages", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["libpq-dev", "build-essential"]
