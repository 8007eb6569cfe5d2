# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test-run policy shared by every test, like OCA's CI:

* an ERROR, or a WARNING not listed in ``setup/allowed-warnings.txt``, logged by
  Odoo while a test runs fails that test (and any logged outside a test fails the run);
* a skipped test is a failed test: Odoo skips browser tours silently when Chromium or
  ``websocket-client`` is missing, and nothing in this suite is meant to be optional.
"""

import logging
import re
from pathlib import Path

import pytest

_ALLOWED_FILE = Path(__file__).parent / "setup" / "allowed-warnings.txt"


def _allowed_patterns():
    if not _ALLOWED_FILE.exists():
        return []
    lines = _ALLOWED_FILE.read_text().splitlines()
    return [
        re.compile(line) for line in lines if line.strip() and not line.startswith("#")
    ]


class _OdooLogCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.allowed = _allowed_patterns()
        self.records = []
        self.reported = 0

    def emit(self, record):
        line = f"{record.levelname} {record.name}: {record.getMessage()}"
        if not any(pattern.search(line) for pattern in self.allowed):
            self.records.append(line)

    def take(self):
        new = self.records[self.reported :]
        self.reported = len(self.records)
        return new


_collector = _OdooLogCollector()


def pytest_configure(config):
    logging.getLogger().addHandler(_collector)


@pytest.fixture(autouse=True)
def _no_odoo_errors_or_warnings():
    _collector.take()  # anything before this test is reported at session end
    yield
    logged = _collector.take()
    if logged:
        pytest.fail(
            "Odoo logged errors or unexpected warnings during this test:\n"
            + "\n".join(logged),
            pytrace=False,
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = (
            report.longrepr[2]
            if isinstance(report.longrepr, tuple)
            else report.longrepr
        )
        report.outcome = "failed"
        report.longrepr = f"skipped tests fail this suite: {reason}"


def pytest_sessionfinish(session, exitstatus):
    stray = _collector.records
    if stray and session.exitstatus == 0:
        session.exitstatus = 1
    session.config._kam_stray_logs = stray


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    stray = getattr(config, "_kam_stray_logs", [])
    if stray:
        terminalreporter.section("Odoo errors and warnings")
        for line in stray:
            terminalreporter.write_line(line)
