# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
        "rules of key-account data use this field (see security/kam_management_rules.xml).",
    )
    kam_assignment_ids = fields.One2many("kam.assignment", "partner_id", string="Ownership History")

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + ["kam_tier_id", *KAM_OWNER_FIELDS]

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
        absent_ids = self.env["res.users"].union(*(kam for (kam,) in kams))._kam_absent_users().ids
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
            .search([("parent_id.user_id", "in", managers.ids), ("user_id", "!=", False)])
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
            if partner.kam_backup_user_id and partner.kam_backup_user_id == partner.kam_user_id:
                raise ValidationError(
                    self.env._(
                        "The backup KAM of %(account)s must be someone else than the KAM %(kam)s.",
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
                    "Only a Head of Sales can change the tier, the KAM or the backup KAM "
                    "of a key account."
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
        today = fields.Date.context_today(self)
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
