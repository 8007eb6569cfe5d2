# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The account's contracts (register in ``kam_contract.py``)."""

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_contract_ids = fields.One2many(
        "kam.contract",
        "partner_id",
        string="Contracts",
        groups="kam_management.group_kam_user",
    )
    kam_contract_count = fields.Integer(
        string="Contract Count",
        compute="_compute_kam_contract_count",
        groups="kam_management.group_kam_user",
    )
    kam_contract_id = fields.Many2one(
        "kam.contract",
        string="Contract in Force",
        compute="_compute_kam_contract_id",
        groups="kam_management.group_kam_user",
    )
    kam_contract_date_end = fields.Date(
        string="Contract Until",
        compute="_compute_kam_contract_id",
        groups="kam_management.group_kam_user",
    )

    def _compute_kam_contract_count(self):
        groups = self.env["kam.contract"]._read_group(
            [("partner_id", "in", self.commercial_partner_id.ids)],
            ["partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.kam_contract_count = counts.get(partner.commercial_partner_id.id, 0)

    @api.depends_context("uid", "company")
    def _compute_kam_contract_id(self):
        company = self.env.company
        today = company._kam_today()
        keys = {
            partner: (partner.commercial_partner_id.id, company.id, today)
            for partner in self
        }
        in_force = self.env["kam.contract"]._kam_in_force(keys.values())
        # only the contracts the user may read are shown
        readable = (
            self.env["kam.contract"].concat(*in_force.values())._filtered_access("read")
        )
        for partner in self:
            contract = in_force.get(keys[partner]) or self.env["kam.contract"]
            contract = contract if contract in readable else contract.browse()
            partner.kam_contract_id = contract
            partner.kam_contract_date_end = contract.date_end

    @api.readonly
    def action_kam_contracts(self):
        self.ensure_one()
        account = self.commercial_partner_id
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kam_management.kam_contract_action"
        )
        action["domain"] = [("partner_id", "=", account.id)]
        action["context"] = {"default_partner_id": account.id}
        return action
