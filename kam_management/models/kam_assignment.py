# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KamAssignment(models.Model):
    """Who owned a key account when: one row per period of a KAM (and backup).

    Rows are written by ``res.partner`` whenever the KAM or the backup KAM of a
    commercial partner changes; ``date_from`` and ``date_to`` are both inclusive and
    ``date_to`` is empty for the current owner.

    To credit the KAM who owned the account on the date of a sale:

    * in Python, :meth:`_kam_owner_map` (one query for any number of pairs);
    * in SQL (reports, SQL views), join on the commercial partner and the date::

        JOIN kam_assignment ka
          ON ka.partner_id = so.partner_id  -- the commercial partner
         AND so.date_order::date >= ka.date_from
         AND (ka.date_to IS NULL OR so.date_order::date <= ka.date_to)
    """

    _name = "kam.assignment"
    _description = "Key Account Ownership Period"
    _order = "partner_id, date_from desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Account", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Key Account Manager",
        required=True,
        index=True,
        ondelete="restrict",
    )
    backup_user_id = fields.Many2one(
        "res.users", string="Backup KAM", ondelete="set null"
    )
    date_from = fields.Date(
        required=True,
        default=lambda self: self.env.company._kam_today(),
        index=True,
    )
    date_to = fields.Date(
        index=True, help="Last day of this ownership; empty while current."
    )
    company_id = fields.Many2one("res.company", index=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for assignment in self:
            if assignment.date_to and assignment.date_to < assignment.date_from:
                raise ValidationError(
                    self.env._(
                        "The ownership of %(account)s cannot end (%(end)s) before it "
                        "starts (%(start)s).",
                        account=assignment.partner_id.display_name,
                        end=assignment.date_to,
                        start=assignment.date_from,
                    )
                )

    @api.model
    def _kam_owner_map(self, partner_dates):
        """Map ``(partner_id, date)`` pairs to the KAM who owned the account then.

        :param partner_dates: iterable of ``(partner id, date or datetime)``; the
            partner may be a contact, its commercial partner's history is used.
        :return: dict ``{(partner_id, date): res.users}`` (an empty recordset when
            nobody owned the account on that date), keyed exactly by the given pairs.
        One query for the partners, one for the assignments, whatever the number of
        pairs.
        """
        pairs = list(partner_dates)
        users = self.env["res.users"]
        if not pairs:
            return {}
        partners = self.env["res.partner"].browse({pid for pid, __ in pairs})
        commercial = {p.id: p.commercial_partner_id.id for p in partners.sudo()}

        # datetimes (UTC) become the company's local day
        days = [self.env.company._kam_local_day(day) for __, day in pairs]
        # Crediting needs the full history, whoever asks; only ids leave this method.
        rows = self.sudo().search_fetch(
            [
                ("partner_id", "in", list(set(commercial.values()))),
                ("date_from", "<=", max(days)),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", min(days)),
            ],
            ["partner_id", "user_id", "date_from", "date_to"],
        )
        by_partner = {}
        for row in rows:
            by_partner.setdefault(row.partner_id.id, []).append(row)
        result = {}
        for (pid, key_day), day in zip(pairs, days, strict=True):
            owner = users
            for row in by_partner.get(commercial[pid], []):
                if row.date_from <= day and (not row.date_to or day <= row.date_to):
                    owner = users.browse(row.user_id.id)
                    break
            result[(pid, key_day)] = owner
        return result
