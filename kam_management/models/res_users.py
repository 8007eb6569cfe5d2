# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    kam_absent_until = fields.Date(
        string="Absent Until",
        help="While today is on or before this date, the backup KAM takes over this "
        "user's key accounts.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["kam_absent_until"]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["kam_absent_until"]

    def _kam_absent_users(self, day=None):
        """Return the users of ``self`` who are absent on ``day`` (default today).

        A user is absent with an "absent until" date on or after the day, or, when
        Time Off is installed, with a validated leave covering the day. Two queries
        at most, whatever the size of ``self``.
        """
        day = day or self.env.company._kam_today()
        absent = self.filtered(
            lambda u: u.kam_absent_until and u.kam_absent_until >= day
        )
        if "hr.leave" in self.env:
            start, end = self.env.company._kam_day_bounds(day)
            # Time off is private to HR; only whether the user is away is needed here.
            leaves = (
                self.env["hr.leave"]
                .sudo()
                ._read_group(
                    [
                        ("employee_id.user_id", "in", self.ids),
                        ("state", "=", "validate"),
                        ("date_from", "<", end),
                        ("date_to", ">=", start),
                    ],
                    ["employee_id"],
                )
            )
            absent |= self.browse([employee.user_id.id for (employee,) in leaves])
        return absent
