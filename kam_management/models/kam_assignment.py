# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class KamAssignment(models.Model):
    """Who owned a key account when: one row per period of a KAM (and backup).

    This model is the only definition of "the owner of an account on a day": the KAM
    of the period covering that local day of the company (business calendar, see
    ``res_company_calendar.py``). ``date_from`` and ``date_to`` are both inclusive,
    ``date_to`` is empty for the current owner; only commercial partners have periods
    and a contact is owned by its commercial partner's owner.

    * Write: :meth:`_kam_sync_partners`, called by ``res.partner`` whenever the KAM
      or the backup KAM of a commercial partner changes.
    * Python, batched (one query for any number of accounts, days or users):

      - :meth:`_kam_owner_map`: ``{(partner, day): res.users}``;
      - :meth:`_kam_periods` then :meth:`_kam_credit`: sum ``(partner, day, amount)``
        rows to the owner of each day (``kam.kpi`` KPIs credit this way).
    * SQL (reports, SQL views): :meth:`_kam_owner_sql` gives the owner's user id as
      an SQL expression of a partner column and a local-day expression (turn a UTC
      timestamp into the company's local day with ``company._kam_local_day_sql``).
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

    # ------------------------------------------------------------------
    # Writing the history
    # ------------------------------------------------------------------
    @api.model
    def _kam_sync_partners(self, partners):
        """Close the open period and open a new one for each commercial partner of
        ``partners`` whose KAM or backup KAM changed. A change made on the day a
        period started replaces that period. The day is the partner's company's
        local today."""
        partners = partners.filtered(lambda p: p.commercial_partner_id == p)
        if not partners:
            return
        # Ownership history is written for whoever changes the KAM; users only read it.
        assignments = self.sudo()
        current = {
            a.partner_id.id: a
            for a in assignments.search(
                [("partner_id", "in", partners.ids), ("date_to", "=", False)]
            )
        }
        to_create = []
        for partner in partners:
            today = partner.company_id._kam_today()
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

    # ------------------------------------------------------------------
    # Owner on a day, in Python
    # ------------------------------------------------------------------
    @api.model
    def _kam_periods(self, date_from, date_to, users=None, partner_ids=None):
        """The ownership periods overlapping ``date_from``..``date_to`` of the given
        KAMs (``users``) and/or commercial partners (``partner_ids``), in one query.

        :return: ``{partner_id: [(user_id, start, end), ...]}``, latest start first,
            ``end`` is ``None`` for the current owner. Only the given users' periods
            are returned, so :meth:`_kam_credit` credits nobody else.
        """
        domain = [
            ("date_from", "<=", date_to),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", date_from),
        ]
        if users is not None:
            domain.append(("user_id", "in", users.ids))
        if partner_ids is not None:
            domain.append(("partner_id", "in", list(partner_ids)))
        # sudo: crediting needs the full ownership history whoever asks; only ids and
        # dates leave this method, read in SQL (thousands of periods per KPI).
        assignments = self.sudo()
        assignments.flush_model(["partner_id", "user_id", "date_from", "date_to"])
        query = assignments._search(domain, order="date_from desc, id desc")
        periods = {}
        for partner_id, user_id, start, end in self.env.execute_query(
            query.select(
                *(
                    assignments._field_to_sql(assignments._table, name, query)
                    for name in ("partner_id", "user_id", "date_from", "date_to")
                )
            )
        ):
            periods.setdefault(partner_id, []).append((user_id, start, end or None))
        return periods

    @api.model
    def _kam_owner_in(self, periods, partner_id, day):
        """The user id owning commercial partner ``partner_id`` on local ``day``
        according to ``periods`` (from :meth:`_kam_periods`), else ``False``."""
        for user_id, start, end in periods.get(partner_id, ()):
            if start <= day and (not end or day <= end):
                return user_id
        return False

    @api.model
    def _kam_credit(self, periods, rows):
        """Sum ``(commercial partner id, local day, amount)`` rows to the owner of
        each day: ``{user_id: total}``; rows nobody in ``periods`` owned are
        dropped."""
        return self._kam_credit_until(periods, rows, [date.max])[date.max]

    @api.model
    def _kam_credit_until(self, periods, rows, ends):
        """:meth:`_kam_credit` of the ``rows`` up to each of ``ends`` (sorted
        days), in one pass over the rows (sorted by day; in any order for one end):
        ``{end: {user_id: total}}``, each the sums :meth:`_kam_credit` gives for the
        rows up to that day. Rows after the last end are left out."""
        result = {}
        totals = defaultdict(float)
        ends = list(ends)
        count = len(ends)
        position = 0
        owners_of = periods.get
        for partner_id, day, amount in rows:
            while position < count and day > ends[position]:
                result[ends[position]] = dict(totals)
                position += 1
            if position == count:
                break
            # _kam_owner_in, inlined: KPIs credit hundreds of thousands of rows
            for user_id, start, end in owners_of(partner_id, ()):
                if start <= day and (not end or day <= end):
                    if user_id:
                        totals[user_id] += amount
                    break
        for end in ends[position:]:
            result[end] = dict(totals)
        return result

    @api.model
    def _kam_owner_map(self, partner_dates):
        """Map ``(partner_id, date)`` pairs to the KAM who owned the account then.

        :param partner_dates: iterable of ``(partner id, date or datetime)``; the
            partner may be a contact, its commercial partner's history is used; a
            (UTC) datetime counts on the current company's local day.
        :return: dict ``{(partner_id, date): res.users}`` (an empty recordset when
            nobody owned the account on that date), keyed exactly by the given pairs.
        One query for the partners, one for the assignments, whatever the number of
        pairs.
        """
        pairs = list(partner_dates)
        if not pairs:
            return {}
        users = self.env["res.users"]
        partners = self.env["res.partner"].browse({pid for pid, __ in pairs})
        commercial = {p.id: p.commercial_partner_id.id for p in partners.sudo()}
        days = [self.env.company._kam_local_day(day) for __, day in pairs]
        periods = self._kam_periods(
            min(days), max(days), partner_ids=set(commercial.values())
        )
        return {
            (pid, key_day): users.browse(
                self._kam_owner_in(periods, commercial[pid], day) or ()
            )
            for (pid, key_day), day in zip(pairs, days, strict=True)
        }

    # ------------------------------------------------------------------
    # Owner on a day, in SQL
    # ------------------------------------------------------------------
    @api.model
    def _kam_owner_sql(self, partner_sql, day_sql):
        """SQL expression: the id of the KAM who owned the commercial partner
        ``partner_sql`` on the local day ``day_sql`` (both :class:`SQL`), or NULL.

        Example, the salesperson when nobody owned the account::

            COALESCE(<this>, so.user_id)

        with ``day_sql = company._kam_local_day_sql(SQL.identifier("so",
        "date_order"))`` for a UTC timestamp, or a date column as is.
        """
        return SQL(
            """(SELECT kam_owner.user_id
                  FROM kam_assignment kam_owner
                 WHERE kam_owner.partner_id = %(partner)s
                   AND kam_owner.date_from <= %(day)s
                   AND (kam_owner.date_to IS NULL OR %(day)s <= kam_owner.date_to)
                 ORDER BY kam_owner.date_from DESC, kam_owner.id DESC
                 LIMIT 1)""",
            partner=partner_sql,
            day=day_sql,
        )
