# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMoveReversal(models.TransientModel):
    _inherit = "account.move.reversal"

    kam_return_reason_id = fields.Many2one(
        "kam.refusal.reason",
        string="Return Reason",
        help="Why the key account returns goods or gets a credit; set on the credit "
        "notes.",
    )

    def _prepare_default_reversal(self, move):
        values = super()._prepare_default_reversal(move)
        if self.kam_return_reason_id and move.move_type == "out_invoice":
            values["kam_return_reason_id"] = self.kam_return_reason_id.id
        return values
