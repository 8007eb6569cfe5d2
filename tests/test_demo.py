# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo command, end to end: it serves Odoo with the three add-ons and demo
data, admin/admin logs in and sees the Key Accounts app, and Ctrl-C stops it all."""

import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url, process, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"setup/demo exited early:\n{process.stdout.read()}")
        try:
            # the first page compiles the asset bundles: give it time
            return requests.get(url, timeout=120)
        except requests.ConnectionError:
            time.sleep(1)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def _call(session, base, model, method, *args, **kwargs):
    response = session.post(
        f"{base}/web/dataset/call_kw",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        },
        timeout=60,
    ).json()
    assert "error" not in response, response.get("error")
    return response["result"]


def test_demo_serves_key_accounts_for_admin(run_env):
    port = _free_port()
    # not under pytest's tmp_path: the unprivileged PostgreSQL user must reach it
    demo_dir = Path(run_env["KAM_STATE"]) / "run" / f"demo-test-{uuid.uuid4().hex[:8]}"
    env = dict(run_env, KAM_DEMO_PORT=str(port), KAM_DEMO_DIR=str(demo_dir))
    process = subprocess.Popen(
        ["setup/demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        login = _wait_for(f"{base}/web/login", process)
        assert login.status_code == 200

        session = requests.Session()
        auth = session.post(
            f"{base}/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "params": {"db": "kam", "login": "admin", "password": "admin"},
            },
            timeout=60,
        ).json()
        assert auth.get("result", {}).get("uid"), auth

        root_menu = _call(
            session,
            base,
            "ir.model.data",
            "search_read",
            [("module", "=", "kam_management"), ("name", "=", "kam_root_menu")],
            ["res_id"],
        )[0]["res_id"]
        # the menus the web client loads for admin
        visible = session.get(
            f"{base}/web/webclient/load_menus/{time.time_ns()}", timeout=60
        ).json()
        assert str(root_menu) in {str(key) for key in visible}
        assert visible[str(root_menu)]["name"] == "Key Accounts"

        modules = _call(
            session,
            base,
            "ir.module.module",
            "search_read",
            [("name", "like", "kam_%")],
            ["name", "state", "demo"],
        )
        states = {m["name"]: (m["state"], m["demo"]) for m in modules}
        for name in ("kam_management", "kam_receivables", "kam_job_description"):
            assert states[name] == ("installed", True), states
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
        output, _ = process.communicate(timeout=120)
    stopped = not (demo_dir / "pg" / "data" / "postmaster.pid").exists()
    shutil.rmtree(demo_dir, ignore_errors=True)
    Path(f"{demo_dir}.lock").unlink(missing_ok=True)
    assert process.returncode == 0, output
    # Ctrl-C also stopped the private PostgreSQL cluster
    assert stopped, output
