# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Representation (entertainment) budget of a KAM for a period (III.2).

Odoo expenses marked as representation (``hr_expense.py``) consume the budget of
their employee's user covering the expense date: what is *spent* is the total
(company currency) of those expenses approved or posted. An expense report that
would take the KAM past the budget needs the head of sales' approval first
(``hr_expense_sheet.py``).
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Expense states that consume the budget: approved, and posted or paid (done).
SPENT_STATES = ("approved", "done")


class KamRepresentationBudget(models.Model):
    _name = "kam.representation.budget"
    _description = "Representation Budget"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, user_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="KAM",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Start", required=True, tracking=True)
    date_to = fields.Date(string="End", required=True, tracking=True)
    amount = fields.Monetary(string="Budget", required=True, tracking=True)
    spent_amount = fields.Monetary(
        string="Spent",
        compute="_compute_spent",
        help="Representation expenses of the KAM dated in the period, approved or "
        "posted.",
    )
    pending_amount = fields.Monetary(
        string="Awaiting Approval",
        compute="_compute_spent",
        help="Representation expenses of the KAM dated in the period, submitted and "
        "not approved yet.",
    )
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_spent")
    spent_rate = fields.Float(
        string="Spent (%)", compute="_compute_spent", digits=(16, 1)
    )
    note = fields.Text()

    @api.depends("user_id", "date_from", "date_to")
    def _compute_name(self):
        for budget in self:
            budget.name = self.env._(
                "%(kam)s: %(start)s - %(end)s",
                kam=budget.user_id.name or "",
                start=budget.date_from or "",
                end=budget.date_to or "",
            )

    @api.constrains("date_from", "date_to", "amount", "user_id", "company_id")
    def _check_budget(self):
        for budget in self:
            if budget.date_to < budget.date_from:
                raise ValidationError(
                    self.env._(
                        "The representation budget %(budget)s cannot end before it "
                        "starts.",
                        budget=budget.display_name,
                    )
                )
            if budget.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The representation budget %(budget)s cannot be negative.",
                        budget=budget.display_name,
                    )
                )
        # sudo: an overlap with a budget the user may not read still counts.
        for budget in self.sudo():
            overlap = budget.search(
                [
                    ("id", "!=", budget.id),
                    ("user_id", "=", budget.user_id.id),
                    ("company_id", "=", budget.company_id.id),
                    ("date_from", "<=", budget.date_to),
                    ("date_to", ">=", budget.date_from),
                ],
                limit=1,
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "%(kam)s already has the representation budget %(other)s for "
                        "part of this period.",
                        kam=budget.user_id.name,
                        other=overlap.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # The one definition of what a KAM spent on representation
    # ------------------------------------------------------------------
    @api.model
    def _kam_representation_domain(self, states=SPENT_STATES, company=None):
        """The representation expenses (``hr.expense``) of ``company`` in
        ``states``: by default what is spent."""
        return [
            ("kam_is_representation", "=", True),
            ("state", "in", list(states)),
            ("company_id", "=", (company or self.env.company).id),
        ]

    @api.model
    def _kam_expense_rows(self, users, date_from, date_to, states, company=None):
        """``[(user id, date, amount)]``: the representation expenses (company
        currency) of the employees of ``users`` dated from ``date_from`` to
        ``date_to`` in the given states, in one grouped query."""
        # sudo: budget figures for whoever reads the budget; employees' expenses
        # are private to them and their approvers, only sums leave this method.
        groups = (
            self.env["hr.expense"]
            .sudo()
            ._read_group(
                [
                    *self._kam_representation_domain(states, company),
                    ("employee_id.user_id", "in", users.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["employee_id", "date:day"],
                ["total_amount:sum"],
            )
        )
        return [
            (employee.user_id.id, fields.Date.to_date(day), amount)
            for employee, day, amount in groups
        ]

    def _kam_spent(self, states=SPENT_STATES):
        """``{budget id: amount}`` of the expenses in ``states`` each budget covers:
        one query per company for the whole recordset."""
        totals = defaultdict(float)
        for company in self.company_id:
            budgets = self.filtered(lambda b, c=company: b.company_id == c)
            rows = self._kam_expense_rows(
                budgets.user_id,
                min(budgets.mapped("date_from")),
                max(budgets.mapped("date_to")),
                states,
                company,
            )
            for budget in budgets:
                totals[budget.id] += sum(
                    amount
                    for user_id, day, amount in rows
                    if user_id == budget.user_id.id
                    and budget.date_from <= day <= budget.date_to
                )
        return totals

    @api.depends("amount", "user_id", "date_from", "date_to")
    def _compute_spent(self):
        budgets = self.filtered(lambda b: b.user_id and b.date_from and b.date_to)
        spent = budgets._kam_spent()
        pending = budgets._kam_spent(("submitted",))
        for budget in self:
            budget.spent_amount = spent.get(budget.id, 0.0)
            budget.pending_amount = pending.get(budget.id, 0.0)
            budget.remaining_amount = budget.amount - budget.spent_amount
            budget.spent_rate = (
                100.0 * budget.spent_amount / budget.amount if budget.amount else 0.0
            )

    @api.model
    def _kam_budget_of(self, user, day, company):
        """The budget of ``user`` covering ``day`` in ``company`` (or empty)."""
        # sudo: the budget limits the expense whoever submits or approves it.
        return self.sudo().search(
            [
                ("user_id", "=", user.id),
                ("company_id", "=", company.id),
                ("date_from", "<=", day),
                ("date_to", ">=", day),
            ],
            limit=1,
        )

    @api.readonly
    def action_view_expenses(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "hr_expense.hr_expense_actions_all"
        )
        action.update(
            domain=[
                ("kam_is_representation", "=", True),
                ("employee_id.user_id", "=", self.user_id.id),
                ("company_id", "=", self.company_id.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            context={"search_default_group_by_state": False},
        )
        return action
