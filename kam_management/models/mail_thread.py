# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailThread(models.AbstractModel):
    """Notes and activities the KAM add-ons write on the user's behalf.

    Credit holds, approval requests, escalations, workflow steps: the system writes
    them while a user acts, and they must never fail because that user has no e-mail
    address (``mail`` refuses to post or notify for an author without one, unless it
    runs as superuser) nor roll back the action that caused them. Every such note or
    activity goes through these two methods.
    """

    _inherit = "mail.thread"

    def _kam_system_note(self, body, partner_ids=None, subtype_xmlid="mail.mt_note"):
        """Post ``body`` on each record of ``self`` as a note of the acting user,
        notifying ``partner_ids``."""
        messages = self.env["mail.message"]
        # sudo: the note is the system's record of what happened; the author stays the
        # acting user (sudo keeps the uid) and no e-mail address is required of them.
        for record in self.sudo():
            messages |= record.message_post(
                body=body,
                partner_ids=list(partner_ids or []),
                subtype_xmlid=subtype_xmlid,
            )
        return messages

    def _kam_system_activity(self, act_type_xmlid, **values):
        """Schedule an activity of type ``act_type_xmlid`` on each record of
        ``self`` (``activity_schedule`` arguments), whoever triggers it."""
        # sudo: the activity is assigned by the system; assigning one notifies the
        # assignee from the acting user, which needs no e-mail address this way.
        return self.sudo().activity_schedule(act_type_xmlid, **values)
