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


def _flags(service):
    """A service's command as {flag: value} (True for flags without a value)."""
    flags = {}
    for arg in service["command"]:
        name, _sep, value = arg.partition("=")
        flags[name] = value or True
    return flags


def _odoo_services():
    services = _compose()["services"]
    return {n: s for n, s in services.items() if s.get("image") == "odoo:18.0"}


def test_http_workers_and_a_cron_worker_share_one_database():
    services = _compose()["services"]
    web, cron = _flags(services["odoo"]), _flags(services["cron"])
    # prefork HTTP workers, no scheduled actions in them
    assert int(web["--workers"]) >= 2
    assert web["--max-cron-threads"] == "0"
    # the scheduled actions run in their own process, without HTTP
    assert cron["--no-http"] is True
    assert int(cron["--workers"]) >= 1 and int(cron["--max-cron-threads"]) >= 1
    assert "--init" not in cron, "only the web service installs"
    for flag in ("--database", "--db-filter"):
        assert cron[flag] == web[flag]
    assert services["cron"]["environment"] == services["odoo"]["environment"]
    assert services["cron"]["volumes"] == services["odoo"]["volumes"]
    # it starts once the web service has installed the add-ons
    assert services["cron"]["depends_on"]["odoo"]["condition"] == "service_healthy"


def test_odoo_has_a_health_check():
    odoo = _compose()["services"]["odoo"]
    check = odoo["healthcheck"]
    command = " ".join(check["test"])
    assert check["test"][0] == "CMD"
    assert "http://localhost:8069/web/health" in command
    # the first start installs the add-ons before it answers
    assert check["start_period"].endswith("m") and int(check["start_period"][:-1]) >= 5
    assert odoo["restart"] == "unless-stopped"


def test_addons_are_read_only_everywhere():
    services = _odoo_services()
    assert set(services) == {"odoo", "cron"}
    for service in services.values():
        for module in MODULES:
            assert f"./{module}:/mnt/extra-addons/{module}:ro" in service["volumes"]


def test_proxy_routes_websocket_to_the_event_port():
    services = _compose()["services"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert proxy["depends_on"]["odoo"]["condition"] == "service_healthy"
    mounts = {v.split(":")[0]: v for v in proxy["volumes"]}
    assert mounts["./docker/nginx.conf"].endswith(":ro")
    conf = (ROOT / "docker" / "nginx.conf").read_text()
    assert "server odoo:8069;" in conf and "server odoo:8072;" in conf
    websocket = conf.split("location /websocket {", 1)[1].split("}", 1)[0]
    assert "proxy_pass http://odoo_events;" in websocket
    assert "Upgrade $http_upgrade" in websocket
    root = conf.split("location / {", 1)[1].split("}", 1)[0]
    assert "proxy_pass http://odoo;" in root
    for block in (websocket, root):
        assert "X-Forwarded-For" in block and "X-Forwarded-Proto" in block
    # Odoo trusts those headers only in proxy mode
    assert _flags(services["odoo"])["--proxy-mode"] is True
