# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..models.kam_sql import kam_figures_query


@tagged("post_install", "-at_install")
class TestKamFiguresQuery(TransactionCase):
    def _jit(self):
        self.env.cr.execute("SHOW jit")
        return self.env.cr.fetchone()[0]

    def test_rows_of_the_query_without_jit(self):
        # PostgreSQL's default: JIT on (where the server was built with LLVM)
        self.env.cr.execute("SET LOCAL jit = on")
        self.assertEqual(self._jit(), "on")
        with self.assertQueryCount(1):
            rows = kam_figures_query(
                self.env, SQL("SELECT %s, n FROM generate_series(1, 3) n", "a")
            )
        self.assertEqual(rows, [("a", 1), ("a", 2), ("a", 3)])
        self.assertEqual(self._jit(), "off")
