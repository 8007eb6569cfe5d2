# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class KamSalesPlanSplit(models.TransientModel):
    """Split a department target over KAMs, or a KAM's revenue target over
    their accounts (clause 2.1)."""

    _name = "kam.sales.plan.split"
    _description = "Split Sales Plan Targets"

    plan_id = fields.Many2one("kam.sales.plan", required=True, ondelete="cascade")
    mode = fields.Selection(
        [("users", "To KAMs"), ("accounts", "To accounts")],
        compute="_compute_mode",
    )
    kpi_id = fields.Many2one(
        "kam.kpi",
        string="KPI",
        required=True,
        default=lambda self: self.env.ref(
            "kam_management.kam_kpi_revenue", raise_if_not_found=False
        ),
    )
    method = fields.Selection(
        [
            ("equal", "Equally"),
            ("last_year", "By last year's share"),
            ("last_12_months", "By the last 12 months"),
            ("manual", "Manually"),
        ],
        required=True,
        default="equal",
    )
    total = fields.Float(compute="_compute_total", string="Target to Split")
    line_ids = fields.One2many("kam.sales.plan.split.line", "wizard_id", string="Split")
    split_total = fields.Float(compute="_compute_split_total")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            not values.get("plan_id")
            and self.env.context.get("active_model") == "kam.sales.plan"
        ):
            values["plan_id"] = self.env.context.get("active_id")
        plan = self.env["kam.sales.plan"].browse(values.get("plan_id"))
        if plan and "method" in fields_list and plan.user_id:
            values["method"] = "last_12_months"
        return values

    @api.depends("plan_id.user_id")
    def _compute_mode(self):
        for wizard in self:
            wizard.mode = "accounts" if wizard.plan_id.user_id else "users"

    @api.depends("plan_id", "kpi_id", "mode")
    def _compute_total(self):
        for wizard in self:
            if wizard.mode == "accounts":
                wizard.total = wizard.plan_id.revenue_target
            else:
                line = wizard.plan_id.line_ids.filtered(
                    lambda ln, k=wizard.kpi_id: ln.kpi_id == k
                )
                wizard.total = line[:1].target

    @api.depends("line_ids.target")
    def _compute_split_total(self):
        for wizard in self:
            wizard.split_total = sum(wizard.line_ids.mapped("target"))

    @api.onchange("plan_id", "kpi_id", "method")
    def _onchange_method(self):
        if not self.plan_id or self.method == "manual":
            return None
        keys = self._kam_keys() or self._kam_default_keys()
        field = "partner_id" if self.mode == "accounts" else "user_id"
        self.line_ids = [Command.clear()] + [
            Command.create({field: key.id}) for key in keys
        ]
        try:
            self._kam_apply_shares()
        except UserError as error:
            return {
                "warning": {
                    "title": self.env._("Cannot split"),
                    "message": error.args[0],
                }
            }
        return None

    @api.onchange("line_ids")
    def _onchange_line_ids(self):
        """A KAM or account added to the split gets its share at once."""
        if not self.plan_id or self.method == "manual":
            return
        try:
            self._kam_apply_shares()
        except UserError:
            # e.g. no sales in the reference period: *Apply* says so
            return

    def _kam_line_key(self, line):
        return line.partner_id if self.mode == "accounts" else line.user_id

    def _kam_keys(self):
        return (
            self.line_ids.partner_id
            if self.mode == "accounts"
            else self.line_ids.user_id
        )

    def _kam_default_keys(self):
        plan = self.plan_id
        if self.mode == "accounts":
            periods = self.env["kam.kpi"]._kam_ownership_periods(
                plan.user_id, plan.date_from, plan.date_to
            )
            existing = plan.account_line_ids.partner_id
            return existing | self.env["res.partner"].browse(list(periods))
        return plan.child_ids.user_id

    def _kam_reference_period(self):
        """The period whose sales give the shares: the plan's period a year before,
        or the 12 months before the plan starts."""
        plan = self.plan_id
        if self.method == "last_year":
            return (
                plan.date_from - relativedelta(years=1),
                plan.date_to - relativedelta(years=1),
            )
        return (
            plan.date_from - relativedelta(months=12),
            plan.date_from - relativedelta(days=1),
        )

    def _kam_history(self, keys):
        plan = self.plan_id
        start, end = self._kam_reference_period()
        if self.mode == "accounts":
            values = (
                self.env["kam.kpi"]
                .with_company(plan.company_id)
                ._kam_account_revenue(keys, start, end)
            )
        else:
            values = self.kpi_id.with_company(plan.company_id)._kam_compute(
                keys, start, end
            )
        return {key: max(values.get(key.id, 0.0), 0.0) for key in keys}

    def _kam_shares(self, keys):
        """``[(key, share %)]`` for the users or accounts ``keys``."""
        if not keys:
            return []
        if self.method in ("equal", "manual"):
            return [(key, 100.0 / len(keys)) for key in keys]
        history = self._kam_history(keys)
        total = sum(history.values())
        if not total:
            raise UserError(
                self.env._(
                    "There are no sales in the reference period to split by; "
                    "split equally or manually."
                )
            )
        return [(key, history[key] * 100.0 / total) for key in keys]

    def _kam_apply_shares(self):
        """Shares and targets of the lines by the method. Lines of KAM plans already
        confirmed keep their targets (the lock of kam.lock.mixin); the other lines
        share what remains of the target."""
        lines = self.line_ids.filtered(self._kam_line_key)
        locked = lines.filtered("locked")
        free = lines - locked
        for line in locked:
            line.target = line.locked_target
        rest = self.total - sum(locked.mapped("target"))
        shares = dict(self._kam_shares(free.mapped(self._kam_line_key)))
        for line in free:
            line.share = shares.get(self._kam_line_key(line), 0.0)
        free._kam_apply_share(rest)
        for line in lines:
            line.share = line.target * 100.0 / self.total if self.total else 0.0

    def action_apply(self):
        self.ensure_one()
        # the plan's targets are locked once it is confirmed (kam.lock.mixin)
        self.plan_id.line_ids._kam_check_unlocked()
        if not self.line_ids:
            raise UserError(
                self.env._("Add at least one line to split the target over.")
            )
        locked = self.line_ids.filtered("locked")
        if (
            self.method != "manual"
            and float_compare(
                sum(locked.mapped("locked_target")), self.total, precision_digits=2
            )
            > 0
        ):
            raise UserError(
                self.env._(
                    "The confirmed KAM plans of %(kams)s already take more than the "
                    "target to split; reset them to draft or raise the target.",
                    kams=", ".join(locked.user_id.mapped("name")),
                )
            )
        if any(line.target < 0 for line in self.line_ids):
            raise UserError(self.env._("A split target cannot be negative."))
        if self.method != "manual":
            self._kam_apply_shares()
        if self.mode == "accounts":
            self._kam_apply_accounts()
        else:
            self._kam_apply_users()
        return {"type": "ir.actions.act_window_close"}

    def _kam_apply_accounts(self):
        plan = self.plan_id
        if len(self.line_ids.partner_id) != len(self.line_ids):
            raise UserError(
                self.env._("Each account can appear only once in the split.")
            )
        existing = {line.partner_id: line for line in plan.account_line_ids}
        commands = []
        for line in self.line_ids:
            target = existing.get(line.partner_id)
            if target:
                commands.append(Command.update(target.id, {"target": line.target}))
            else:
                commands.append(
                    Command.create(
                        {"partner_id": line.partner_id.id, "target": line.target}
                    )
                )
        plan.account_line_ids = commands

    def _kam_apply_users(self):
        plan = self.plan_id
        if not self.line_ids.user_id or len(self.line_ids.user_id) != len(
            self.line_ids
        ):
            raise UserError(
                self.env._("Each KAM must appear exactly once in the split.")
            )
        children = {child.user_id: child for child in plan.child_ids}
        Plan = self.env["kam.sales.plan"]
        for line in self.line_ids:
            child = children.get(line.user_id)
            if not child:
                child = Plan.create(
                    {
                        "name": f"{plan.name} - {line.user_id.name}",
                        "parent_id": plan.id,
                        "user_id": line.user_id.id,
                        "date_from": plan.date_from,
                        "date_to": plan.date_to,
                        "company_id": plan.company_id.id,
                    }
                )
            kpi_line = child.line_ids.filtered(lambda ln: ln.kpi_id == self.kpi_id)
            if kpi_line:
                # an unchanged target is no change, even of a confirmed KAM plan
                if float_compare(kpi_line.target, line.target, precision_digits=2):
                    kpi_line.target = line.target
            else:
                child.line_ids = [
                    Command.create({"kpi_id": self.kpi_id.id, "target": line.target})
                ]
