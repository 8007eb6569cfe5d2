# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartnerSettlementStatement(models.TransientModel):
    """Statement of mutual settlements of a customer over a period (clause 2.11)."""

    _name = "res.partner.settlement.statement"
    _description = "Settlement Statement"

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        default=lambda self: self._default_partner(),
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: self.env.company._kam_today().replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: self.env.company._kam_today()
    )

    @api.model
    def _default_partner(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env.context.get("active_id")
        return False

    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(
                    self.env._("The statement period must start before it ends.")
                )

    def _report_data(self):
        """The statement's options, and the customer printed: the web client asks
        for a report with options at an address that carries no record ids
        (``/report/pdf/<report>?options=...``), so the ids travel with the options.
        """
        self.ensure_one()
        self._check_period()
        return {
            "partner_ids": self.partner_id.commercial_partner_id.ids,
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
            "statement_company_id": self.company_id.id,
        }

    def action_print(self):
        self.ensure_one()
        report = self.env.ref("kam_receivables.action_report_settlement_statement")
        return report.report_action(
            self.partner_id.commercial_partner_id, data=self._report_data()
        )

    def action_send(self):
        """Open the mail composer on the customer with the statement attached."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        report = self.env.ref("kam_receivables.action_report_settlement_statement")
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, partner.ids, data=self._report_data())
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._(
                    "Settlement statement %(partner)s %(date)s.pdf",
                    partner=partner.name,
                    date=fields.Date.to_string(self.date_to),
                ),
                "type": "binary",
                "datas": base64.b64encode(pdf),
                "res_model": "mail.compose.message",
                "res_id": 0,
                "mimetype": "application/pdf",
            }
        )
        template = self.env.ref("kam_receivables.mail_template_settlement_statement")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": "res.partner",
                "default_res_ids": partner.ids,
                "default_template_id": template.id,
                "default_attachment_ids": attachment.ids,
                "default_composition_mode": "comment",
            },
        }
