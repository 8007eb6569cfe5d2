# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The add-ons package like OCA's: each has a pyproject.toml with the whool build
backend, builds a wheel named odoo-addon-<name> that holds everything the add-on is
made of (manifest, data, translations, static files), and once pip-installed Odoo
finds it without an addons path. Built offline, with the virtualenv's whool."""

import ast
import re
import shutil
import subprocess
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from .conftest import ROOT

MODULES = ("kam_management", "kam_receivables", "kam_job_description")
PYPROJECT = """[build-system]
requires = ["whool"]
build-backend = "whool.buildapi"
"""


def _build(run_env, out, *addons):
    python = Path(run_env["KAM_VENV"]) / "bin" / "python"
    command = [python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    command += ["--no-index", "--disable-pip-version-check", "-q", "-w", out]
    result = subprocess.run(
        [*command, *map(str, addons)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {re.match(r"odoo_addon_(\w+?)-", p.name).group(1): p for p in out.iterdir()}


def _manifest(module):
    return ast.literal_eval((ROOT / module / "__manifest__.py").read_text())


def _git_files(module):
    out = subprocess.run(
        ["git", "ls-files", module],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line.split("/", 1)[1] for line in out.splitlines()}


@pytest.fixture(scope="module")
def wheels(run_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheels")
    return _build(run_env, out, *(ROOT / module for module in MODULES))


def test_every_addon_uses_whool():
    for module in MODULES:
        # OCA's 18.0 file, as `whool init` writes it
        assert (ROOT / module / "pyproject.toml").read_text() == PYPROJECT
    requirements = (ROOT / "setup" / "requirements-dev.txt").read_text()
    assert re.search(r"^whool==[\d.]+$", requirements, re.MULTILINE), "whool is pinned"


@pytest.mark.parametrize("module", MODULES)
def test_wheel_is_named_and_versioned_from_the_manifest(wheels, module):
    manifest = _manifest(module)
    wheel = wheels[module]
    with zipfile.ZipFile(wheel) as archive:
        (metadata_name,) = [n for n in archive.namelist() if n.endswith("/METADATA")]
        metadata = Parser().parsestr(archive.read(metadata_name).decode())
    assert re.sub(r"[-_.]+", "-", metadata["Name"]) == "odoo-addon-" + module.replace(
        "_", "-"
    )
    # the manifest's version, plus commits since it changed when built from git
    assert metadata["Version"].startswith(manifest["version"])
    assert wheel.name.endswith("-py3-none-any.whl")
    assert metadata["License"] == "LGPL-3"
    requires = set(metadata.get_all("Requires-Dist"))
    assert "odoo==18.0.*" in requires
    # other kam add-ons become the wheels they are; Odoo's own add-ons are Odoo
    kam_depends = {d for d in manifest["depends"] if d.startswith("kam_")}
    assert {r.split("=")[0] for r in requires if r.startswith("odoo-addon")} == {
        f"odoo-addon-{dep}" for dep in kam_depends
    }


@pytest.mark.parametrize("module", MODULES)
def test_wheel_holds_the_whole_addon(wheels, module):
    prefix = f"odoo/addons/{module}/"
    with zipfile.ZipFile(wheels[module]) as archive:
        files = {n[len(prefix) :] for n in archive.namelist() if n.startswith(prefix)}
    manifest = _manifest(module)
    assert "__manifest__.py" in files and "__init__.py" in files
    for key in ("data", "demo"):
        for rel in manifest.get(key, []):
            assert rel in files, f"{module}: {key} file {rel} is missing"
    assert f"i18n/{module}.pot" in files
    translations = {f for f in _git_files(module) if f.startswith("i18n/")}
    assert translations <= files
    assert "static/description/icon.png" in files
    for pattern in (g for globs in manifest["assets"].values() for g in globs):
        rel = pattern.split("/", 1)[1]
        assert any(Path(f).match(rel) for f in files), f"{module}: {pattern} missing"
    # exactly what git holds for the add-on: no caches, no build leftovers
    assert files == _git_files(module) - {"pyproject.toml"}


def test_job_description_wheel_carries_its_translations(wheels):
    with zipfile.ZipFile(wheels["kam_job_description"]) as archive:
        names = set(archive.namelist())
    for lang in ("az", "ru"):
        assert f"odoo/addons/kam_job_description/i18n/{lang}.po" in names


def test_pip_installed_addon_is_found_by_odoo(run_env, wheels, tmp_path):
    """pip installs the add-on into odoo/addons of site-packages, where Odoo looks
    for add-ons without any addons path."""
    target = tmp_path / "site-packages"
    python = Path(run_env["KAM_VENV"]) / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
        + ["--disable-pip-version-check", "--target", target]
        + [wheels[m] for m in MODULES],
        check=True,
        timeout=300,
    )
    script = (
        "from odoo.tools import config; config.parse_config([]);"
        "from odoo.modules.module import initialize_sys_path, get_module_path;"
        "initialize_sys_path();"
        f"print('\\n'.join(get_module_path(m) for m in {MODULES!r}))"
    )
    found = subprocess.run(
        [python, "-c", script],
        cwd=tmp_path,  # not the repository, which holds the add-ons too
        env=dict(run_env, PYTHONPATH=f"{run_env['KAM_ODOO_DIR']}:{target}"),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    assert found == [str(target / "odoo" / "addons" / m) for m in MODULES]


def test_wheel_builds_outside_git(run_env, tmp_path):
    """From a plain copy (a tarball, no git), whool takes every file and the
    manifest's version as is."""
    copy = tmp_path / "kam_job_description"
    shutil.copytree(
        ROOT / "kam_job_description",
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "build"),
    )
    wheel = _build(run_env, tmp_path / "out", copy)["kam_job_description"]
    version = _manifest("kam_job_description")["version"]
    assert wheel.name == f"odoo_addon_kam_job_description-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        assert "odoo/addons/kam_job_description/i18n/az.po" in archive.namelist()
