# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# Credit data only a credit manager changes (KAMs and accountants read it). The credit
# limit itself stays Odoo's: whoever may set it in Odoo (billing and accounting users)
# still may; KAMs and salespeople may not (the field belongs to accounting groups).
CREDIT_PROTECTED_FIELDS = {
    "kam_credit_risk_class",
    "kam_credit_review_date",
    "kam_own_payment_grace",
    "kam_payment_grace_days",
    "kam_credit_hold",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    kam_credit_risk_class = fields.Selection(
        selection=[("low", "Low"), ("medium", "Medium"), ("high", "High")],
        string="Credit Risk Class",
        default="medium",
        tracking=True,
        help="Decides what a failed credit check does with an order "
        "(see Settings > Key Accounts > Credit and Receivables).",
    )
    kam_credit_review_date = fields.Date(
        string="Next Credit Review",
        tracking=True,
        help="The credit manager gets an activity when this date is reached.",
    )
    kam_own_payment_grace = fields.Boolean(
        string="Own Payment Grace",
        tracking=True,
        help="Use this customer's own payment grace period instead of the company's "
        "default (Settings > Key Accounts > Credit and Receivables).",
    )
    kam_payment_grace_days = fields.Integer(
        string="Payment Grace (days)",
        tracking=True,
        help="With Own Payment Grace: days after the due date before an invoice of "
        "this customer counts as overdue (zero: overdue the day after the due date).",
    )
    kam_credit_hold = fields.Boolean(
        string="Credit Hold",
        tracking=True,
        help="No order of this customer is confirmed without a credit manager's "
        "approval.",
    )
    kam_credit_check_date = fields.Datetime(
        string="Last Credit Check",
        readonly=True,
        copy=False,
        help="Written by every credit check of an order against the credit limit, so "
        "that two simultaneous checks of one customer cannot both pass.",
    )
    kam_credit_currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_kam_credit_currency_id",
        string="Credit Figures Currency",
    )
    kam_credit_limit = fields.Monetary(
        string="Credit Limit (company)",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_position",
        compute_sudo=True,
        help="The customer's credit limit in the current company, readable by the "
        "KAM. Zero when the company does not use credit limits (Settings > "
        "Invoicing > Sales Credit Limit).",
    )
    kam_credit_exposure = fields.Monetary(
        string="Credit Exposure",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_position",
        compute_sudo=True,
        help="Open receivables (posted, unpaid, net of unapplied payments and credit "
        "notes), draft invoices and confirmed orders not yet invoiced, in company "
        "currency.",
    )
    kam_overdue_amount = fields.Monetary(
        string="Overdue Amount",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_position",
        compute_sudo=True,
        help="Open receivables past their due date plus the payment grace period.",
    )
    kam_available_credit = fields.Monetary(
        string="Available Credit",
        currency_field="kam_credit_currency_id",
        compute="_compute_kam_credit_position",
        compute_sudo=True,
        help="Credit limit minus exposure (zero limit: no limit, nothing shown).",
    )
    kam_dso = fields.Float(
        string="DSO (days)",
        digits=(16, 1),
        compute="_compute_kam_dso",
        compute_sudo=True,
        help="Days sales outstanding: open receivables divided by the last 365 days' "
        "invoiced sales, times 365.",
    )
    kam_avg_days_late = fields.Float(
        string="Average Days Late",
        digits=(16, 1),
        compute="_compute_kam_payment_behaviour",
        compute_sudo=True,
        help="Over the last 12 months, how many days after the due date invoices were "
        "paid.",
    )
    kam_paid_on_time_rate = fields.Float(
        string="Paid On Time (%)",
        digits=(16, 1),
        compute="_compute_kam_payment_behaviour",
        compute_sudo=True,
        help="Share of the invoices paid in the last 12 months that were paid by their "
        "due date.",
    )

    kam_collection_level_id = fields.Many2one(
        comodel_name="kam.collection.level",
        string="Collection Level",
        readonly=True,
        copy=False,
        help="The last collection level this customer reached; cleared when paid up.",
    )
    kam_can_edit_credit = fields.Boolean(compute="_compute_kam_can_edit_credit")

    @api.depends_context("uid")
    def _compute_kam_can_edit_credit(self):
        self.kam_can_edit_credit = self.env.su or self.env.user.has_group(
            "kam_receivables.group_credit_manager"
        )

    @api.constrains("kam_payment_grace_days")
    def _check_kam_payment_grace_days(self):
        for partner in self:
            if partner.kam_payment_grace_days < 0:
                raise ValidationError(
                    self.env._(
                        "The payment grace period of %(partner)s cannot be negative.",
                        partner=partner.display_name,
                    )
                )

    def write(self, vals):
        self._kam_check_credit_write(vals)
        return super().write(vals)

    def _kam_check_credit_write(self, vals):
        """Only credit managers change holds, risk classes, grace and reviews."""
        protected = CREDIT_PROTECTED_FIELDS.intersection(vals)
        if not protected or self.env.su:
            return
        if self.env.user.has_group("kam_receivables.group_credit_manager"):
            return
        # sudo: compare with the current values, which the writer may not be allowed to
        # read
        for partner in self.sudo():
            for fname in protected:
                field = partner._fields[fname]
                current = field.convert_to_write(partner[fname], partner)
                if current != vals[fname] and (current or vals[fname]):
                    raise AccessError(
                        self.env._(
                            "Only a credit manager can change the credit hold, risk "
                            "class, payment grace or review date of %(partner)s.",
                            partner=partner.display_name,
                        )
                    )

    @api.depends_context("company")
    def _compute_kam_credit_currency_id(self):
        self.kam_credit_currency_id = self.env.company.currency_id

    @api.depends_context("company")
    def _compute_kam_credit_position(self):
        positions = self.env["kam.credit.exposure"]._kam_credit_position(
            self.env.company, partners=self
        )
        empty = dict.fromkeys(("limit", "exposure", "overdue", "available"), 0.0)
        values = [positions.get(partner._origin.id, empty) for partner in self]
        # one pass per field: the figures are already rounded to the company
        # currency, so they go to the cache as they are (assigning them record by
        # record would read the currency and round each value again)
        for fname, key in (
            ("kam_credit_limit", "limit"),
            ("kam_credit_exposure", "exposure"),
            ("kam_overdue_amount", "overdue"),
            ("kam_available_credit", "available"),
        ):
            self.env.cache.update(
                self, self._fields[fname], [value[key] for value in values]
            )

    @api.depends_context("company")
    def _compute_kam_dso(self):
        receivables = self.env["kam.receivable.engine"]._kam_receivables(self)
        sales = self._kam_sales_12_months()
        for partner in self:
            receivable = receivables[partner.id]["receivable"]
            yearly = sales.get(partner._origin.id, 0.0)
            partner.kam_dso = self._kam_dso_days(receivable, yearly)

    @api.depends_context("company")
    def _compute_kam_payment_behaviour(self):
        behaviour = self._kam_payment_behaviour()
        for partner in self:
            avg_late, on_time = behaviour.get(partner._origin.id, (0.0, 0.0))
            partner.kam_avg_days_late = avg_late
            partner.kam_paid_on_time_rate = on_time

    def _kam_collection_user(self):
        """The KAM who calls the customer about overdue debt: the acting KAM (backup
        while the KAM is away), else the salesperson."""
        self.ensure_one()
        partner = self.commercial_partner_id
        return partner.kam_effective_user_id or partner.user_id

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_kam_credit_review(self):
        """Give the credit manager an activity for every credit review that falls
        due."""
        today = self.env.company._kam_today()
        activity_type = self.env.ref("kam_receivables.mail_activity_type_credit_review")
        partners = self.search(
            [("kam_credit_review_date", "<=", today), ("is_company", "=", True)]
        )
        pending = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        pending_ids = set(pending.mapped("res_id"))
        partners = partners.filtered(lambda p: p.id not in pending_ids)
        for partner in partners:
            company = partner.company_id or self.env.company
            manager = company._kam_credit_manager()
            if not manager:
                continue
            partner._kam_system_activity(
                "kam_receivables.mail_activity_type_credit_review",
                date_deadline=partner.kam_credit_review_date,
                summary=self.env._(
                    "Credit review of %(partner)s", partner=partner.display_name
                ),
                user_id=manager.id,
            )
