# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one definition of a KAM's head of sales and of a head of sales' team.

* The **head of sales** of an employee is the nearest manager up the employee's
  hierarchy (Employees > Manager) whose user is in the *Head of Sales* group (the
  *Commercial Director* group implies it) and is not the employee's own user.
  Managers who are not heads of sales are skipped, so a KAM reporting to a team
  leader still has the head above as head of sales.
* The **team** of a head of sales is every user whose employee has them as head of
  sales. Sub-teams are not included: a head reporting to a head is in the upper
  head's team, the KAMs of the lower head are not. The Commercial Director sees the
  whole company through their own record rules, not through a team.

Everything about "a KAM's team" asks these: who sees an account
(``res.partner.kam_access_user_ids``), who approves an order's discounts
(``sale.order._kam_find_approver``), the record rules of plans, targets and pay
statements (``user.kam_team_user_ids.ids``) and who may see an employee's duty
evidence (``kam_job_description``). Rules are cached: ``hr.employee`` clears the
cache when the org chart changes, Odoo does when group membership changes.
"""

from odoo import api, fields, models

HEAD_OF_SALES_GROUP = "kam_management.group_kam_manager"


class ResUsers(models.Model):
    _inherit = "res.users"

    kam_absent_until = fields.Date(
        string="Absent Until",
        help="While today is on or before this date, the backup KAM takes over this "
        "user's key accounts.",
    )
    kam_head_user_id = fields.Many2one(
        "res.users",
        string="Head of Sales",
        compute="_compute_kam_head_user_id",
        compute_sudo=True,
        help="The nearest manager up this user's employee hierarchy (current "
        "company) who is a Head of Sales: approves the user's discounts and sees "
        "their accounts, plans and pay.",
    )
    kam_team_user_ids = fields.Many2many(
        "res.users",
        string="Sales Team",
        compute="_compute_kam_team_user_ids",
        search="_search_kam_team_user_ids",
        compute_sudo=True,
        help="The users whose head of sales this user is (direct team; the teams of "
        "heads reporting to this user are theirs). Record rules use "
        "user.kam_team_user_ids.ids.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["kam_absent_until"]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["kam_absent_until"]

    # ------------------------------------------------------------------
    # The org chart walk: the only code reading hr.employee.parent_id
    # ------------------------------------------------------------------
    def _kam_heads_of_sales_among(self):
        """The users of ``self`` who are (active) heads of sales, in one query."""
        if not self:
            return self.browse()
        # the cached id, not env.ref(): record rules get here on every query
        group_id = self.env["ir.model.data"]._xmlid_to_res_id(HEAD_OF_SALES_GROUP)
        # sudo: group membership decides the org chart for every reader
        return self.sudo().search(
            [("id", "in", self.ids), ("groups_id", "in", group_id)]
        )

    @api.model
    def _kam_heads_of_employees(self, employees):
        """``{employee id: head of sales (res.users)}`` for the given employees that
        have one. One query per level of the hierarchy, whatever the number of
        employees."""
        # sudo: the org chart is HR data; only the heads' users leave this method
        employee_model = self.env["hr.employee"].sudo().with_context(active_test=False)
        origins = employee_model.browse(employees.ids)
        own_user = {employee.id: employee.user_id.id for employee in origins}
        pending = {employee.id: employee for employee in origins}
        seen = {origin_id: {origin_id} for origin_id in pending}
        heads = {}
        while pending:
            nodes = employee_model.browse([node.id for node in pending.values()])
            parents = nodes.parent_id
            head_users = parents.user_id._kam_heads_of_sales_among()
            next_pending = {}
            for origin_id, node in pending.items():
                parent = node.parent_id
                if not parent or parent.id in seen[origin_id]:
                    continue
                seen[origin_id].add(parent.id)
                user = parent.user_id
                if user in head_users and user.id != own_user[origin_id]:
                    heads[origin_id] = self.browse(user.id)
                else:
                    next_pending[origin_id] = parent
            pending = next_pending
        return heads

    def _kam_team_map(self):
        """``{head user id: res.users of their team}`` for the heads of sales in
        ``self`` (other users lead no team). One query per level of the hierarchy."""
        heads = self._kam_heads_of_sales_among()
        if not heads:
            return {}
        team = {head.id: set() for head in heads}
        # sudo: see _kam_heads_of_employees
        employee_model = self.env["hr.employee"].sudo().with_context(active_test=False)
        frontier = {
            employee.id: employee.user_id.id
            for employee in employee_model.search([("user_id", "in", heads.ids)])
        }
        expanded = set(frontier)
        while frontier:
            children = employee_model.search([("parent_id", "in", list(frontier))])
            sub_heads = children.user_id._kam_heads_of_sales_among()
            next_frontier = {}
            for child in children:
                head_id = frontier[child.parent_id.id]
                user = child.user_id
                if user and user.id != head_id:
                    team[head_id].add(user.id)
                    if user in sub_heads:
                        continue  # a head reporting to a head leads their own team
                if child.id not in expanded:
                    expanded.add(child.id)
                    next_frontier[child.id] = head_id
            frontier = next_frontier
        return {head_id: self.browse(sorted(ids)) for head_id, ids in team.items()}

    def _kam_heads_map(self):
        """``{user id: res.users}``: the heads of sales of each user of ``self``,
        over all their employees (one per company)."""
        # sudo: see _kam_heads_of_employees
        employees = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("user_id", "in", self.ids)])
        )
        by_employee = self._kam_heads_of_employees(employees)
        result = {user.id: self.browse() for user in self}
        for employee in employees:
            if employee.id in by_employee:
                result[employee.user_id.id] |= by_employee[employee.id]
        return result

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    @api.depends_context("company")
    def _compute_kam_head_user_id(self):
        employees = self.employee_id
        heads = self._kam_heads_of_employees(employees)
        for user in self:
            user.kam_head_user_id = heads.get(user.employee_id.id, False)

    def _compute_kam_team_user_ids(self):
        teams = self._kam_team_map()
        for user in self:
            user.kam_team_user_ids = teams.get(user.id, self.browse())

    def _search_kam_team_user_ids(self, operator, value):
        """``[("kam_team_user_ids", "in", users)]``: the heads of sales of these
        users."""
        if operator not in ("in", "="):
            return NotImplemented
        user_ids = [value] if isinstance(value, int) else list(value or [])
        heads = self.browse()
        for users in self.browse(user_ids)._kam_heads_map().values():
            heads |= users
        return [("id", "in", heads.ids)]

    def _kam_absent_users(self, day=None):
        """Return the users of ``self`` who are absent on ``day`` (default today).

        A user is absent with an "absent until" date on or after the day, or, when
        Time Off is installed, with a validated leave covering the day. Two queries
        at most, whatever the size of ``self``.
        """
        day = day or self.env.company._kam_today()
        absent = self.filtered(
            lambda u: u.kam_absent_until and u.kam_absent_until >= day
        )
        if "hr.leave" in self.env:
            start, end = self.env.company._kam_day_bounds(day)
            # Time off is private to HR; only whether the user is away is needed here.
            leaves = (
                self.env["hr.leave"]
                .sudo()
                ._read_group(
                    [
                        ("employee_id.user_id", "in", self.ids),
                        ("state", "=", "validate"),
                        ("date_from", "<", end),
                        ("date_to", ">=", start),
                    ],
                    ["employee_id"],
                )
            )
            absent |= self.browse([employee.user_id.id for (employee,) in leaves])
        return absent
