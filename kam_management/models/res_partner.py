# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

KAM_OWNER_FIELDS = ("kam_user_id", "kam_backup_user_id")


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_tier_id = fields.Many2one(
        "kam.tier",
        string="Key Account Tier",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('company_id', 'in', [company_id or current_company_id, False])]",
    )
    kam_tier_color = fields.Integer(related="kam_tier_id.color", string="Tier Color")
    kam_user_id = fields.Many2one(
        "res.users",
        string="Key Account Manager",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    kam_backup_user_id = fields.Many2one(
        "res.users",
        string="Backup KAM",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Takes over the account's approvals, activities and new orders while the "
        "KAM is absent.",
    )
    is_key_account = fields.Boolean(
        compute="_compute_is_key_account",
        store=True,
        index=True,
        help="The account has a key-account tier.",
    )
    kam_effective_user_id = fields.Many2one(
        "res.users",
        string="Acting KAM",
        compute="_compute_kam_effective_user_id",
        search="_search_kam_effective_user_id",
        help="The KAM, or the backup KAM while the KAM is absent.",
    )
    kam_access_user_ids = fields.Many2many(
        "res.users",
        string="Users Seeing KAM Data",
        compute="_compute_kam_access_user_ids",
        search="_search_kam_access_user_ids",
        compute_sudo=True,
        help="The KAM, the backup KAM and the heads of sales they report to. Record "
        "rules of key-account data use this field (see "
        "security/kam_management_rules.xml).",
    )
    kam_assignment_ids = fields.One2many(
        "kam.assignment", "partner_id", string="Ownership History"
    )
    kam_segment_id = fields.Many2one(
        "kam.segment",
        string="Market Segment",
        index=True,
        tracking=True,
        ondelete="set null",
    )
    kam_contract_date = fields.Date(string="Contract Date", tracking=True)
    kam_renewal_date = fields.Date(
        string="Renewal Date",
        tracking=True,
        help="The KAM gets a renewal activity the number of days set in Settings "
        "before.",
    )
    kam_account_plan = fields.Html(
        string="Account Plan",
        compute="_compute_kam_account_plan",
        inverse="_inverse_kam_account_plan",
        groups="kam_management.group_kam_user",
        help="Strategy and long-term goals for the account. Only its KAM, backup KAM, "
        "their head of sales and the commercial director see it.",
    )
    kam_proposed_tier_id = fields.Many2one(
        "kam.tier",
        string="Proposed Tier",
        readonly=True,
        copy=False,
        help="Tier proposed by the monthly classification from the last 12 months' "
        "revenue.",
    )
    kam_currency_id = fields.Many2one(
        "res.currency", compute="_compute_kam_revenue", compute_sudo=True
    )
    kam_revenue_12m = fields.Monetary(
        string="Revenue 12 Months",
        currency_field="kam_currency_id",
        compute="_compute_kam_revenue",
        compute_sudo=True,
        help="Untaxed confirmed sales of the last 365 days, in the company currency.",
    )
    kam_first_order_date = fields.Datetime(
        string="First Order", compute="_compute_kam_revenue", compute_sudo=True
    )
    kam_last_order_date = fields.Datetime(
        string="Last Order", compute="_compute_kam_revenue", compute_sudo=True
    )
    kam_is_active_client = fields.Boolean(
        string="Active Client",
        compute="_compute_kam_revenue",
        search="_search_kam_is_active_client",
        compute_sudo=True,
        help="Ordered within the active client window set in Settings.",
    )
    kam_feedback_ids = fields.One2many(
        "kam.feedback",
        "partner_id",
        string="Feedback",
        groups="kam_management.group_kam_user",
    )
    kam_open_feedback_count = fields.Integer(
        string="Open Feedback",
        compute="_compute_kam_open_feedback_count",
        groups="kam_management.group_kam_user",
    )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + [
            "kam_tier_id",
            "kam_segment_id",
            *KAM_OWNER_FIELDS,
        ]

    # Revenue: one grouped query per aggregate for the whole recordset.
    def _kam_revenue_domain(self):
        """Hook: the confirmed sales counted as the accounts' revenue."""
        return [
            ("commercial_partner_id", "in", self.commercial_partner_id.ids),
            ("state", "=", "sale"),
            ("company_id", "=", self.env.company.id),
        ]

    def _compute_kam_revenue(self):
        report = self.env["sale.report"]
        domain = self._kam_revenue_domain()
        company = self.env.company
        today = company._kam_today()
        year_start, __ = company._kam_day_bounds(today - timedelta(days=364))
        revenue = dict(
            report._read_group(
                [*domain, ("date", ">=", year_start)],
                ["commercial_partner_id"],
                ["price_subtotal:sum"],
            )
        )
        dates = {
            partner: (first, last)
            for partner, first, last in report._read_group(
                domain, ["commercial_partner_id"], ["date:min", "date:max"]
            )
        }
        window_start, __ = company._kam_day_bounds(
            company._kam_active_window_start(today)
        )
        currency = company.currency_id
        for partner in self:
            account = partner.commercial_partner_id
            first, last = dates.get(account, (False, False))
            partner.kam_currency_id = currency
            partner.kam_revenue_12m = revenue.get(account, 0.0)
            partner.kam_first_order_date = first
            partner.kam_last_order_date = last
            partner.kam_is_active_client = bool(last and last >= window_start)

    def _search_kam_is_active_client(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        company = self.env.company
        since, __ = company._kam_day_bounds(
            company._kam_active_window_start(company._kam_today())
        )
        # Any confirmed order makes the client active, whoever may read it.
        groups = (
            self.env["sale.report"]
            .sudo()
            ._read_group(
                [
                    ("state", "=", "sale"),
                    ("company_id", "=", company.id),
                    ("date", ">=", since),
                ],
                ["commercial_partner_id"],
            )
        )
        active_ids = [partner.id for (partner,) in groups]
        positive = (operator == "=") == bool(value)
        return [("commercial_partner_id", "in" if positive else "not in", active_ids)]

    @api.depends("kam_feedback_ids.state")
    def _compute_kam_open_feedback_count(self):
        groups = self.env["kam.feedback"]._read_group(
            [("partner_id", "in", self.ids), ("state", "in", ("new", "in_progress"))],
            ["partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.kam_open_feedback_count = counts.get(partner.id, 0)

    # Account plan: stored on kam.account.plan, whose record rules keep it secret.
    def _compute_kam_account_plan(self):
        plans = {
            plan.partner_id.id: plan.plan
            for plan in self.env["kam.account.plan"].search(
                [("partner_id", "in", self.commercial_partner_id.ids)]
            )
        }
        for partner in self:
            partner.kam_account_plan = plans.get(
                partner.commercial_partner_id.id, False
            )

    def _inverse_kam_account_plan(self):
        plan_model = self.env["kam.account.plan"]
        for partner in self:
            account = partner.commercial_partner_id
            # Look for a hidden plan too, so writing someone else's plan fails on its
            # record rules instead of on the one-plan-per-account constraint.
            plan = plan_model.sudo().search([("partner_id", "=", account.id)], limit=1)
            if plan:
                plan.with_env(self.env).plan = partner.kam_account_plan
            elif partner.kam_account_plan:
                plan_model.create(
                    {"partner_id": account.id, "plan": partner.kam_account_plan}
                )

    @api.depends("kam_tier_id")
    def _compute_is_key_account(self):
        for partner in self:
            partner.is_key_account = bool(partner.kam_tier_id)

    @api.depends("kam_user_id.kam_absent_until", "kam_backup_user_id")
    @api.depends_context("uid")
    def _compute_kam_effective_user_id(self):
        absent = self.kam_user_id.sudo()._kam_absent_users()
        for partner in self:
            if partner.kam_user_id in absent and partner.kam_backup_user_id:
                partner.kam_effective_user_id = partner.kam_backup_user_id
            else:
                partner.kam_effective_user_id = partner.kam_user_id

    def _search_kam_effective_user_id(self, operator, value):
        if operator not in ("in", "="):
            return NotImplemented
        user_ids = [value] if isinstance(value, int) else list(value or [])
        users = self.env["res.users"].sudo().browse(user_ids)
        # Which KAMs are away is needed for everyone's search, not only readable ones.
        kams = (
            self.env["res.partner"]
            .sudo()
            ._read_group([("kam_user_id", "!=", False)], ["kam_user_id"])
        )
        absent_ids = (
            self.env["res.users"]
            .union(*(kam for (kam,) in kams))
            ._kam_absent_users()
            .ids
        )
        return [
            "|",
            "&",
            ("kam_user_id", "in", users.ids),
            "|",
            ("kam_user_id", "not in", absent_ids),
            ("kam_backup_user_id", "=", False),
            "&",
            ("kam_backup_user_id", "in", users.ids),
            ("kam_user_id", "in", absent_ids),
        ]

    @api.model
    def _kam_team_user_ids(self, manager_ids):
        """Users whose employee reports to the employee of one of ``manager_ids``.

        Only users in the Head of Sales group lead a team here.
        """
        # Group membership and the org chart are read as superuser: record rules call
        # this for users who may not read employees.
        managers = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("id", "in", list(manager_ids)),
                    (
                        "groups_id",
                        "in",
                        self.env.ref("kam_management.group_kam_manager").id,
                    ),
                ]
            )
        )
        if not managers:
            return []
        employees = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [("parent_id.user_id", "in", managers.ids), ("user_id", "!=", False)]
            )
        )
        return employees.user_id.ids

    @api.depends("kam_user_id", "kam_backup_user_id")
    def _compute_kam_access_user_ids(self):
        owners = self.kam_user_id | self.kam_backup_user_id
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "in", owners.ids), ("parent_id.user_id", "!=", False)])
        )
        manager_group = self.env.ref("kam_management.group_kam_manager")
        heads = {}
        for employee in employees:
            head = employee.parent_id.user_id
            if manager_group in head.groups_id:
                heads.setdefault(employee.user_id.id, self.env["res.users"])
                heads[employee.user_id.id] |= head
        for partner in self:
            users = partner.kam_user_id | partner.kam_backup_user_id
            for user in users:
                users |= heads.get(user.id, self.env["res.users"])
            partner.kam_access_user_ids = users

    def _search_kam_access_user_ids(self, operator, value):
        """Accounts whose KAM data the given users may see.

        ``[("kam_access_user_ids", "in", [user.id])]``: the accounts where the user is
        the KAM or the backup KAM, plus, for a Head of Sales, those of the KAMs whose
        employee reports to theirs.
        """
        if operator not in ("in", "="):
            return NotImplemented
        user_ids = [value] if isinstance(value, int) else list(value or [])
        owner_ids = list(set(user_ids) | set(self._kam_team_user_ids(user_ids)))
        return [
            "|",
            ("kam_user_id", "in", owner_ids),
            ("kam_backup_user_id", "in", owner_ids),
        ]

    @api.constrains(*KAM_OWNER_FIELDS)
    def _check_kam_backup_user(self):
        for partner in self:
            if (
                partner.kam_backup_user_id
                and partner.kam_backup_user_id == partner.kam_user_id
            ):
                raise ValidationError(
                    self.env._(
                        "The backup KAM of %(account)s must be someone else than the "
                        "KAM %(kam)s.",
                        account=partner.display_name,
                        kam=partner.kam_user_id.name,
                    )
                )

    def _kam_check_owner_change_rights(self, vals):
        if self.env.su or not {"kam_tier_id", *KAM_OWNER_FIELDS} & set(vals):
            return
        if not self.env.user.has_group("kam_management.group_kam_manager"):
            raise AccessError(
                self.env._(
                    "Only a Head of Sales can change the tier, the KAM or the backup "
                    "KAM of a key account."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if any(vals.get(name) for name in ("kam_tier_id", *KAM_OWNER_FIELDS)):
                self._kam_check_owner_change_rights(vals)
        partners = super().create(vals_list)
        partners.filtered("kam_user_id")._kam_sync_assignments()
        return partners

    def write(self, vals):
        self._kam_check_owner_change_rights(vals)
        result = super().write(vals)
        if set(KAM_OWNER_FIELDS) & set(vals):
            self._kam_sync_assignments()
        return result

    def _kam_sync_assignments(self):
        """Close the open ownership period and open a new one where the KAM or the
        backup KAM changed. A change made on the day a period started replaces it."""
        partners = self.filtered(lambda p: p.commercial_partner_id == p)
        if not partners:
            return
        today = self.env.company._kam_today()
        # Ownership history is written for whoever changes the KAM; users only read it.
        assignments = self.env["kam.assignment"].sudo()
        current = {
            a.partner_id.id: a
            for a in assignments.search(
                [("partner_id", "in", partners.ids), ("date_to", "=", False)]
            )
        }
        to_create = []
        for partner in partners:
            open_period = current.get(partner.id)
            if open_period and (
                open_period.user_id == partner.kam_user_id
                and open_period.backup_user_id == partner.kam_backup_user_id
            ):
                continue
            if open_period:
                if open_period.date_from >= today:
                    open_period.unlink()
                else:
                    open_period.date_to = fields.Date.subtract(today, days=1)
            if partner.kam_user_id:
                to_create.append(
                    {
                        "partner_id": partner.id,
                        "user_id": partner.kam_user_id.id,
                        "backup_user_id": partner.kam_backup_user_id.id,
                        "date_from": today,
                        "company_id": partner.company_id.id,
                    }
                )
        assignments.create(to_create)

    # Scheduled actions
    @api.model
    def _cron_kam_renewal_activities(self):
        """Remind the acting KAM of contracts whose renewal date is near (2.4)."""
        activity_type = self.env.ref("kam_management.mail_activity_type_kam_renewal")
        # every company has its own notice period: the cron visits them all
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        for company in companies:
            today = company._kam_today()
            horizon = fields.Date.add(today, days=company.kam_renewal_notice_days)
            accounts = self.with_company(company).search(
                [
                    ("is_key_account", "=", True),
                    ("kam_user_id", "!=", False),
                    ("company_id", "in", [company.id, False]),
                    ("kam_renewal_date", ">=", today),
                    ("kam_renewal_date", "<=", horizon),
                ]
            )
            for account in accounts:
                if activity_type in account.activity_ids.activity_type_id:
                    continue
                account.activity_schedule(
                    "kam_management.mail_activity_type_kam_renewal",
                    date_deadline=account.kam_renewal_date,
                    user_id=account.kam_effective_user_id.id,
                    summary=self.env._(
                        "Renew the contract of %(account)s",
                        account=account.display_name,
                    ),
                )

    def _kam_tier_for_revenue(self, tiers):
        """The tier with the highest threshold the account's 12-month revenue
        reaches."""
        self.ensure_one()
        reached = tiers.filtered(lambda t: t.min_annual_revenue <= self.kam_revenue_12m)
        return reached.sorted("min_annual_revenue", reverse=True)[:1]

    @api.model
    def _cron_kam_classify(self):
        """Propose, or apply, each key account's tier from its last 12 months'
        revenue."""
        for company in self.env["res.company"].search(
            [("kam_auto_classify", "=", True)]
        ):
            partners = self.with_company(company)
            tiers = self.env["kam.tier"].search([("company_id", "=", company.id)])
            accounts = partners.search(
                [
                    ("is_company", "=", True),
                    ("company_id", "in", [company.id, False]),
                    "|",
                    ("kam_tier_id", "!=", False),
                    ("kam_user_id", "!=", False),
                ]
            )
            for account in accounts:
                tier = account._kam_tier_for_revenue(tiers)
                if not tier or tier == account.kam_tier_id:
                    account.kam_proposed_tier_id = False
                    continue
                values = {
                    "old": account.kam_tier_id.name or self.env._("none"),
                    "new": tier.name,
                    "revenue": account.kam_revenue_12m,
                }
                if company.kam_classify_apply:
                    account.write(
                        {"kam_tier_id": tier.id, "kam_proposed_tier_id": False}
                    )
                    body = self.env._(
                        "Tier changed from %(old)s to %(new)s (revenue 12 months: "
                        "%(revenue).2f).",
                        **values,
                    )
                else:
                    account.kam_proposed_tier_id = tier
                    body = self.env._(
                        "Tier %(new)s proposed instead of %(old)s (revenue 12 months: "
                        "%(revenue).2f).",
                        **values,
                    )
                account.message_post(body=body)

    def action_kam_apply_proposed_tier(self):
        self.ensure_one()
        if self.kam_proposed_tier_id:
            self.write(
                {
                    "kam_tier_id": self.kam_proposed_tier_id.id,
                    "kam_proposed_tier_id": False,
                }
            )
        return True

    def action_kam_sales_history(self):
        """Confirmed sales of the account by month and product category (2.15)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_management.sale_report_action_kam_history"
        )
        action["domain"] = [
            ("state", "=", "sale"),
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
        ]
        action["display_name"] = self.env._(
            "Sales History of %(account)s",
            account=self.commercial_partner_id.display_name,
        )
        return action

    def action_kam_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_management.kam_feedback_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
