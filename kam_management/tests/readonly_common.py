# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Buttons that run on a read-only cursor, tested the way the web client calls them.

Odoo serves ``/web/dataset/call_button`` (and ``call_kw``) on a read-only cursor, on
the database replica when there is one, when the method called is decorated
``@api.readonly`` (``DataSet._call_kw_readonly`` in ``web/controllers/dataset.py``).
If the method writes, PostgreSQL refuses the write, and Odoo logs a warning and
runs the whole request again on a read/write cursor (``Request._transactioning``).

``KamReadonlyCase.call_button`` posts the button's request to the test server and
reports every run of the method with the cursor it got: one read-only run is what a
read-only button must show. In test mode the read-only cursor is PostgreSQL's own
``SET TRANSACTION READ ONLY`` (``odoo.sql_db.TestCursor``), so a write fails there
as it fails on a replica.
"""

from unittest.mock import patch

from odoo.tests import HttpCase


class KamReadonlyCase(HttpCase):
    """Mixed into a test base class (``class T(KamCommon, KamReadonlyCase)``)."""

    def call_button(self, user, records, method, context=None, spy=None):
        """Click the button ``method`` of ``records`` as ``user``.

        :param spy: called with the records on each run, before the method (a test
            of the harness itself writes there);
        :return: ``(result, runs)``: the button's answer and, per run of the
            method, whether PostgreSQL ran it read-only (``transaction_read_only``).
        """
        model = type(records)
        button = getattr(model, method)
        runs = []

        # patched on the registry class, which Odoo's read-only check looks past: it
        # takes the first ``_readonly`` it finds along the class's MRO, so the
        # add-on's decorator decides, not this wrapper
        def run_and_record(self, *args, **kwargs):
            self.env.cr.execute("SHOW transaction_read_only")
            runs.append(self.env.cr.fetchone()[0] == "on")
            if spy:
                spy(self)
            return button(self, *args, **kwargs)

        self.authenticate(user.login, user.login)
        with patch.object(model, method, run_and_record):
            result = self.make_jsonrpc_request(
                f"/web/dataset/call_button/{records._name}/{method}",
                {
                    "model": records._name,
                    "method": method,
                    "args": [records.ids],
                    "kwargs": {"context": {"uid": user.id, **(context or {})}},
                },
            )
        return result, runs

    def assertReadonlyButton(self, user, records, method, context=None):
        """The button ran once, read-only; returns its answer."""
        result, runs = self.call_button(user, records, method, context)
        self.assertEqual(
            runs,
            [True],
            f"{records._name}.{method} must run once on a read-only cursor "
            "([False]: Odoo did not route it read-only, no @api.readonly; "
            "[True, False]: it wrote, and Odoo ran it again read/write)",
        )
        return result
