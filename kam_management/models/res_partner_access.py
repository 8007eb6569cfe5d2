# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who works a key account: the acting KAM and the users who see its KAM data.

The team part (a KAM's head of sales) is defined once on ``res.users`` (see
``res_users.py``); this file only applies it to accounts.
"""

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

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
        help="The KAM, the backup KAM and their heads of sales (res.users: "
        "kam_head_user_id / kam_team_user_ids). Record rules of key-account data use "
        "this field (see security/kam_management_rules.xml).",
    )

    # Acting KAM: the backup while the KAM is absent (1.4), else the KAM.
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

    # Who sees the account's KAM data: its KAM, backup KAM and their heads of sales.
    @api.depends("kam_user_id", "kam_backup_user_id")
    def _compute_kam_access_user_ids(self):
        heads = (self.kam_user_id | self.kam_backup_user_id)._kam_heads_map()
        no_user = self.env["res.users"]
        for partner in self:
            owners = partner.kam_user_id | partner.kam_backup_user_id
            users = owners
            for owner in owners:
                users |= heads.get(owner.id, no_user)
            partner.kam_access_user_ids = users

    def _search_kam_access_user_ids(self, operator, value):
        """Accounts whose KAM data the given users may see.

        ``[("kam_access_user_ids", "in", [user.id])]``: the accounts where the user is
        the KAM or the backup KAM, plus, for a head of sales, those of their team
        (``res.users.kam_team_user_ids``).
        """
        if operator not in ("in", "="):
            return NotImplemented
        user_ids = [value] if isinstance(value, int) else list(value or [])
        owner_ids = set(user_ids)
        # sudo: whoever searches, only the team's ids are needed. The team field is
        # cached for the transaction (record rules search this on every query); the
        # org chart hook in hr_employee.py invalidates it.
        for user in self.env["res.users"].sudo().browse(user_ids):
            owner_ids.update(user.kam_team_user_ids.ids)
        owner_ids = list(owner_ids)
        return [
            "|",
            ("kam_user_id", "in", owner_ids),
            ("kam_backup_user_id", "in", owner_ids),
        ]
