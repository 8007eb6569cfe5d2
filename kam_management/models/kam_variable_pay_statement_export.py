# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io

import xlsxwriter

from odoo import Command, fields, models
from odoo.exceptions import UserError

MONEY_COLUMNS = ("target_variable_pay", "earned", "adjustments", "total")


class KamVariablePayStatement(models.Model):
    """Outputs of approved statements: the payroll export and the accrual entry."""

    _inherit = "kam.variable.pay.statement"

    def _kam_payroll_rows(self):
        header = [
            "employee",
            "login",
            "employee_id",
            "company",
            "period_from",
            "period_to",
            "currency",
            "target_variable_pay",
            "earned",
            "adjustments",
            "total",
            "status",
            "statement",
        ]
        rows = [header]
        for statement in self:
            employee = statement.user_id.employee_ids.filtered(
                lambda e, c=statement.company_id: e.company_id == c
            )[:1]
            rows.append(
                [
                    statement.user_id.name,
                    statement.user_id.login,
                    employee.barcode or employee.id or "",
                    statement.company_id.name,
                    fields.Date.to_string(statement.date_from),
                    fields.Date.to_string(statement.date_to),
                    statement.currency_id.name,
                    f"{statement.target_amount:.2f}",
                    f"{statement.computed_amount:.2f}",
                    f"{statement.adjustment_amount:.2f}",
                    f"{statement.total_amount:.2f}",
                    statement.state,
                    statement.name,
                ]
            )
        return rows

    def action_export_payroll(self):
        """CSV of approved statements for payroll (Odoo Community has none)."""
        buffer = io.StringIO()
        csv.writer(buffer).writerows(self._kam_payroll_export_rows())
        return self._kam_payroll_download(
            buffer.getvalue().encode("utf-8"), "csv", "text/csv"
        )

    def action_export_payroll_xlsx(self):
        """The same export as an Excel workbook."""
        rows = self._kam_payroll_export_rows()
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Variable pay"))
        bold = workbook.add_format({"bold": True})
        money_columns = {rows[0].index(name) for name in MONEY_COLUMNS}
        for row_index, row in enumerate(rows):
            for col_index, value in enumerate(row):
                if row_index == 0:
                    sheet.write(row_index, col_index, value, bold)
                elif col_index in money_columns:
                    sheet.write_number(row_index, col_index, float(value))
                else:
                    sheet.write(row_index, col_index, value)
        workbook.close()
        return self._kam_payroll_download(
            buffer.getvalue(),
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    def _kam_payroll_export_rows(self):
        if not self:
            raise UserError(self.env._("Select the statements to export."))
        if any(statement.state not in ("approved", "paid") for statement in self):
            raise UserError(
                self.env._("Only approved or paid statements go to payroll.")
            )
        return self._kam_payroll_rows()

    def _kam_payroll_download(self, content, extension, mimetype):
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"variable_pay_{self.env.company._kam_today()}.{extension}",
                "raw": content,
                "mimetype": mimetype,
                "res_model": self._name,
                "res_id": self[:1].id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def _kam_create_accrual(self):
        """Accrue the approved pay when Settings name a journal and expense account."""
        result = super()._kam_create_accrual()
        for statement in self:
            company = statement.company_id
            journal = company.kam_accrual_journal_id
            expense = company.kam_accrual_expense_account_id
            if (
                not journal
                or not expense
                or statement.currency_id.is_zero(statement.total_amount)
            ):
                continue
            counterpart = journal.default_account_id
            if not counterpart:
                raise UserError(
                    self.env._(
                        "The journal %(journal)s needs a default account to book the "
                        "variable pay accrual against.",
                        journal=journal.name,
                    )
                )
            label = self.env._(
                "Variable pay accrual: %(statement)s", statement=statement.name
            )
            partner = statement.user_id.partner_id.id
            # sudo: the director approving pay need not be an accountant; the entry
            # is fully determined by the Settings and the approved amount.
            move = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "entry",
                        "journal_id": journal.id,
                        "company_id": company.id,
                        "date": statement.date_to,
                        "ref": label,
                        "line_ids": [
                            Command.create(
                                {
                                    "name": label,
                                    "account_id": expense.id,
                                    "debit": statement.total_amount,
                                    "partner_id": partner,
                                }
                            ),
                            Command.create(
                                {
                                    "name": label,
                                    "account_id": counterpart.id,
                                    "credit": statement.total_amount,
                                    "partner_id": partner,
                                }
                            ),
                        ],
                    }
                )
            )
            move.action_post()
            statement.accrual_move_id = move
        return result
