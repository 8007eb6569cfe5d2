# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HrExpenseSheet(models.Model):
    """An expense report is submitted and approved only within the representation
    budgets of its representation expenses, or with the head of sales' approval of
    spending past them (III.2)."""

    _inherit = "hr.expense.sheet"

    def _do_submit(self):
        self.expense_line_ids._kam_check_representation_budget()
        return super()._do_submit()

    def _do_approve(self):
        to_approve = self.filtered(lambda sheet: sheet.state in ("submit", "draft"))
        to_approve.expense_line_ids._kam_check_representation_budget()
        return super()._do_approve()
