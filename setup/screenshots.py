"""Takes the README's screenshots from a running demo (make demo) in Chromium.

    python setup/screenshots.py [http://localhost:8069] [name ...]

Logs in as the demo user of each shot (password = login), opens the screen that role
opens first and writes docs/<name>.png (1280x800). Names given after the URL retake
only those shots. Needs chromium on PATH and the websocket-client package (both are
there for the browser tests).
"""

import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
DB = "kam"
WIDTH, HEIGHT = 1280, 800
TIMEZONE = "Asia/Baku"  # the demo company's and users' time zone
# Opens the groups of a grouped list (the accounts list is grouped by tier).
OPEN_GROUPS = "document.querySelectorAll('.o_group_header').forEach((h) => h.click())"
# name: (login, path[, script run once the view is shown]) - the password is the login
# (README, "Demo logins")
SHOTS = {
    "key-accounts": (
        "admin",
        "/odoo/action-kam_management.res_partner_action_key_accounts",
        OPEN_GROUPS,
    ),
    "kam-dashboard": ("kamala", "/odoo/kam-dashboard"),
    "head-of-sales-team-attainment": ("leyla", "/odoo/kam-team-attainment"),
    "credit-manager-credit-hold": (
        "sevinj",
        "/odoo/action-kam_receivables.sale_order_action_kam_credit_hold",
    ),
    "hr-job-descriptions": (
        "gunel",
        "/odoo/action-kam_job_description.kam_job_description_action",
    ),
}
# The page is ready when a view is shown, nothing is loading and no dialog is open.
READY = """(() => {
    const view = document.querySelector(".o_action_manager .o_view_controller");
    const busy = document.querySelector(".o_loading_indicator, .o_blockUI");
    const error = document.querySelector(".o_error_dialog, .o_dialog .modal-title");
    return error ? "error: " + error.innerText : Boolean(view && !busy);
})()"""


def login(base, user):
    """Returns the session id of ``user`` logged in on the demo database."""
    session = requests.Session()
    response = session.post(
        f"{base}/web/session/authenticate",
        json={"params": {"db": DB, "login": user, "password": user}},
        timeout=60,
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise SystemExit(f"cannot log in as {user}: {response.json()['error']}")
    return session.cookies["session_id"]


def start_chromium(profile):
    return subprocess.Popen(
        [
            shutil.which("chromium"),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--window-size={WIDTH},{HEIGHT}",
            "--remote-debugging-port=0",  # a free port, written to DevToolsActivePort
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def connect(profile):
    """Returns a ``call(method, **params)`` on the browser's first page."""
    port_file = Path(profile) / "DevToolsActivePort"
    for _i in range(100):
        if port_file.exists() and port_file.read_text().strip():
            break
        time.sleep(0.2)
    port = port_file.read_text().split()[0]
    for _i in range(50):
        try:
            targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=2).json()
            break
        except requests.ConnectionError:
            time.sleep(0.2)
    page = next(t for t in targets if t["type"] == "page")
    ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
    counter = iter(range(1, 10**6))

    def call(method, **params):
        msg_id = next(counter)
        ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == msg_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    return call


def wait_ready(call, timeout=60):
    """Waits for the view to be drawn; returns an error text or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(1)
        state = call("Runtime.evaluate", expression=READY, returnByValue=True)
        value = state.get("result", {}).get("value")
        if isinstance(value, str):
            return value
        if value:
            time.sleep(3)  # graphs animate, counters and avatars load
            return None
    return "the view did not load"


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8069"
    wanted = sys.argv[2:] or list(SHOTS)
    profile = tempfile.mkdtemp()
    chrome = start_chromium(profile)
    failed = []
    try:
        call = connect(profile)
        call("Network.enable")
        call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )
        call("Emulation.setTimezoneOverride", timezoneId=TIMEZONE)
        for name in wanted:
            user, path, *script = SHOTS[name]
            call("Network.clearBrowserCookies")
            call(
                "Network.setCookie",
                name="session_id",
                value=login(base, user),
                url=base,
            )
            call("Page.navigate", url=base + path)
            error = wait_ready(call)
            if not error and script:
                call("Runtime.evaluate", expression=script[0])
                error = wait_ready(call)
            if error:
                failed.append(name)
                print(f"{name} ({user}): {error}", file=sys.stderr)
                continue
            shot = call("Page.captureScreenshot", format="png")
            out = ROOT / "docs" / f"{name}.png"
            out.write_bytes(base64.b64decode(shot["data"]))
            print(f"wrote {out.relative_to(ROOT)} as {user}")
    finally:
        chrome.terminate()
        chrome.wait()
        shutil.rmtree(profile, ignore_errors=True)
    if failed:
        sys.exit(f"not taken: {', '.join(failed)}")


if __name__ == "__main__":
    main()
