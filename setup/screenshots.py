"""Takes the README's screenshots from a running demo (make demo) in Chromium.

    python setup/screenshots.py [http://localhost:8069]

Logs in as admin, opens each page and writes docs/<name>.png. Needs chromium on PATH
and the websocket-client package (both are there for the browser tests).
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
PAGES = {
    "key-accounts": "/odoo/action-kam_management.res_partner_action_key_accounts",
}


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8069"
    session = requests.Session()
    session.post(
        f"{base}/web/session/authenticate",
        json={"params": {"db": "kam", "login": "admin", "password": "admin"}},
        timeout=60,
    ).raise_for_status()
    profile = tempfile.mkdtemp()
    chrome = subprocess.Popen(
        [
            shutil.which("chromium"),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,850",
            "--remote-debugging-port=9333",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _i in range(50):
            try:
                targets = requests.get("http://127.0.0.1:9333/json", timeout=2).json()
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
                    return message.get("result", {})

        call("Network.enable")
        call(
            "Network.setCookie",
            name="session_id",
            value=session.cookies["session_id"],
            url=base,
        )
        for name, path in PAGES.items():
            call("Page.navigate", url=base + path)
            time.sleep(12)
            shot = call("Page.captureScreenshot", format="png")
            out = ROOT / "docs" / f"{name}.png"
            out.write_bytes(base64.b64decode(shot["data"]))
            print(f"wrote {out.relative_to(ROOT)}")
    finally:
        chrome.terminate()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
