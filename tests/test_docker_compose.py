# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""docker-compose.yml stays a valid Compose file that runs the suite on official images.

The Docker engine does not run on the CI machines, so this checks the file itself.
"""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("kam_management", "kam_receivables", "kam_job_description")


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_use_official_images():
    services = _compose()["services"]
    assert services["odoo"]["image"] == "odoo:18.0"
    assert services["db"]["image"] == "postgres:16"
    assert services["odoo"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "8069:8069" in services["odoo"]["ports"]


def test_addons_are_mounted_and_installed():
    odoo = _compose()["services"]["odoo"]
    mounts = {v.split(":")[0]: v.split(":")[1] for v in odoo["volumes"]}
    for module in MODULES:
        assert mounts[f"./{module}"] == f"/mnt/extra-addons/{module}"
        assert (ROOT / module / "__manifest__.py").is_file()
    init = next(arg for arg in odoo["command"] if arg.startswith("--init="))
    assert set(init.split("=", 1)[1].split(",")) == set(MODULES)


def test_database_credentials_match():
    services = _compose()["services"]
    db_env, odoo_env = services["db"]["environment"], services["odoo"]["environment"]
    assert odoo_env["HOST"] == "db"
    assert odoo_env["USER"] == db_env["POSTGRES_USER"]
    assert odoo_env["PASSWORD"] == db_env["POSTGRES_PASSWORD"]
    named = set(_compose()["volumes"])
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source.startswith("./") or source in named, volume
