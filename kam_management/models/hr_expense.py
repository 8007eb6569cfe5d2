# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

DIRECTOR_GROUP = "kam_management.group_kam_director"
APPROVAL_ACTIVITY = "kam_management.mail_activity_type_kam_representation_approval"
# Changing these after the head of sales approved spending past the budget asks
# for a new approval.
APPROVED_FIELDS = {
    "total_amount",
    "total_amount_currency",
    "price_unit",
    "quantity",
    "date",
    "product_id",
    "employee_id",
    "kam_partner_id",
    "kam_is_representation",
}
OVER_BUDGET_FIELDS = {"kam_over_budget_user_id", "kam_over_budget_date"}


class HrExpense(models.Model):
    """Representation expenses (III.2): an expense of a representation product, or
    marked so, entertains an account and consumes its employee's representation
    budget (``kam.representation.budget``)."""

    _inherit = "hr.expense"

    kam_is_representation = fields.Boolean(
        string="Representation",
        compute="_compute_kam_is_representation",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Entertains a client: consumes the employee's representation budget "
        "and names the account entertained.",
    )
    kam_partner_id = fields.Many2one(
        "res.partner",
        string="Account Entertained",
        index="btree_not_null",
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    kam_budget_id = fields.Many2one(
        "kam.representation.budget",
        string="Representation Budget",
        compute="_compute_kam_budget",
        compute_sudo=True,
    )
    kam_budget_remaining = fields.Monetary(
        string="Budget Left",
        currency_field="company_currency_id",
        compute="_compute_kam_budget",
        compute_sudo=True,
        help="What is left of the representation budget after the approved and "
        "posted representation expenses.",
    )
    kam_over_budget_user_id = fields.Many2one(
        "res.users",
        string="Past-Budget Approval By",
        readonly=True,
        copy=False,
        tracking=True,
        help="The head of sales who allowed this expense to take the employee past "
        "the representation budget.",
    )
    kam_over_budget_date = fields.Date(
        string="Past-Budget Approval On", readonly=True, copy=False
    )

    @api.depends("product_id")
    def _compute_kam_is_representation(self):
        for expense in self:
            expense.kam_is_representation = expense.product_id.kam_is_representation

    def _kam_expense_user(self):
        """The user of the expense's employee (the KAM whose budget it uses)."""
        self.ensure_one()
        # sudo: employees' records are HR data; only their user is needed.
        return self.employee_id.sudo().user_id

    @api.depends("kam_is_representation", "employee_id", "date", "company_id")
    def _compute_kam_budget(self):
        budget_model = self.env["kam.representation.budget"]
        budgets = {}
        for expense in self:
            user = expense._kam_expense_user()
            key = (user, expense.date, expense.company_id)
            if expense.kam_is_representation and user and expense.date:
                if key not in budgets:
                    budgets[key] = budget_model._kam_budget_of(*key)
                expense.kam_budget_id = budgets[key]
            else:
                expense.kam_budget_id = False
        spent = self.kam_budget_id._kam_spent()
        for expense in self:
            budget = expense.kam_budget_id
            expense.kam_budget_remaining = (
                budget.amount - spent.get(budget.id, 0.0) if budget else 0.0
            )

    def write(self, vals):
        if OVER_BUDGET_FIELDS & set(vals) and not self.env.su:
            raise AccessError(
                self.env._(
                    "Only the head of sales approves spending past the representation "
                    "budget, with the button on the expense."
                )
            )
        if APPROVED_FIELDS & set(vals):
            approved = self.filtered("kam_over_budget_user_id")
            result = super().write(vals)
            if approved:
                # sudo: a changed expense needs a new approval, whoever changes it.
                approved.sudo().write(dict.fromkeys(OVER_BUDGET_FIELDS, False))
            return result
        return super().write(vals)

    # ------------------------------------------------------------------
    # The budget check of expense reports (hr_expense_sheet.py)
    # ------------------------------------------------------------------
    def _kam_check_representation_budget(self):
        """Refuse the representation expenses of ``self`` that name no account, or
        that take their employee past the representation budget without the head
        of sales' approval. Spent: the approved and posted ones."""
        expenses = self.filtered("kam_is_representation")
        missing = expenses.filtered(lambda expense: not expense.kam_partner_id)
        if missing:
            raise UserError(
                self.env._(
                    "Name the account entertained on the representation expenses: "
                    "%(expenses)s.",
                    expenses=", ".join(missing.mapped("name")),
                )
            )
        batches = defaultdict(lambda: self.browse())
        for expense in expenses:
            batches[expense.kam_budget_id.id] |= expense
        # sudo: the budget limits the expense whoever submits or approves it.
        budget_model = self.env["kam.representation.budget"].sudo()
        spent = budget_model.browse([bid for bid in batches if bid])._kam_spent()
        problems = []
        for budget_id, batch in batches.items():
            budget = budget_model.browse(budget_id)
            if all(expense.kam_over_budget_user_id for expense in batch):
                continue
            currency = batch.company_currency_id[:1]
            total = sum(batch.mapped("total_amount"))
            left = budget.amount - spent.get(budget.id, 0.0) if budget else 0.0
            if currency.compare_amounts(total, left) <= 0:
                continue
            waiting = batch.filtered(lambda exp: not exp.kam_over_budget_user_id)
            names = ", ".join(waiting.mapped("name"))
            if budget:
                problems.append(
                    self.env._(
                        "%(expenses)s: %(total)s of representation expenses, %(left)s "
                        "left of the budget %(budget)s.",
                        expenses=names,
                        total=currency.format(total),
                        left=currency.format(left),
                        budget=budget.display_name,
                    )
                )
            else:
                problems.append(
                    self.env._(
                        "%(expenses)s: no representation budget of the employee "
                        "covers their date.",
                        expenses=names,
                    )
                )
        if problems:
            raise UserError(
                self.env._(
                    "Spending past the representation budget needs the head of "
                    "sales' approval first (Request Approval on the expense):\n"
                    "%(problems)s",
                    problems="\n".join(problems),
                )
            )

    # ------------------------------------------------------------------
    # The head of sales' approval
    # ------------------------------------------------------------------
    def _kam_over_budget_approver(self):
        self.ensure_one()
        return self._kam_expense_user().kam_head_user_id

    def action_kam_request_over_budget_approval(self):
        self.ensure_one()
        head = self._kam_over_budget_approver()
        if not self.kam_is_representation or not head:
            raise UserError(
                self.env._(
                    "%(expense)s has no head of sales to approve spending past the "
                    "representation budget: it must be a representation expense of "
                    "an employee whose manager chain has a head of sales.",
                    expense=self.name,
                )
            )
        self._kam_system_activity(
            APPROVAL_ACTIVITY,
            user_id=head.id,
            summary=self.env._(
                "Approve spending past the representation budget: %(expense)s",
                expense=self.name,
            ),
        )
        return True

    def action_kam_approve_over_budget(self):
        user = self.env.user
        is_director = user.has_group(DIRECTOR_GROUP)
        for expense in self:
            own = expense._kam_expense_user() == user
            if own or not (is_director or expense._kam_over_budget_approver() == user):
                raise AccessError(
                    self.env._(
                        "Only the head of sales of %(employee)s or the commercial "
                        "director approves spending past the representation budget "
                        "(%(expense)s).",
                        employee=expense.employee_id.name,
                        expense=expense.name,
                    )
                )
        # sudo: the approval fields are written only here, after the check above;
        # the approver may not edit the employee's expense otherwise.
        self.sudo().write(
            {
                "kam_over_budget_user_id": user.id,
                "kam_over_budget_date": self.env.company._kam_today(),
            }
        )
        # sudo: closing the request needs no e-mail address of the approver.
        self.sudo().activity_feedback([APPROVAL_ACTIVITY])
        for expense in self:
            expense._kam_system_note(
                self.env._(
                    "%(user)s approved spending past the representation budget.",
                    user=user.name,
                )
            )
        return True
