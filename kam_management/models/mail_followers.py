# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model
    def _kam_insert_new_followers(self, res_model, res_ids_of):
        """Subscribe partners to records of ``res_model`` created just now, with
        their default subtypes: the followers ``_insert_followers`` would create,
        in one query whatever the number of records (the weekly plan creates
        thousands of contacts and calendar events; the ORM creates their followers
        one by one). A partner already following a record is left as is.

        :param res_ids_of: ``{partner id: ids of the records it follows}``
        """
        res_ids_of = {pid: ids for pid, ids in res_ids_of.items() if pid and ids}
        if not res_ids_of:
            return
        # Odoo's own choice of the default subtypes of each partner (internal or
        # customer), computed once for all the records: with no record given,
        # _add_default_followers answers for a placeholder record 0.
        new, _update = self._add_default_followers(
            res_model, [], list(res_ids_of), check_existing=False
        )
        subtypes_of = {
            values["partner_id"]: values["subtype_ids"][0][2] for values in new[0]
        }
        pairs = [
            (res_id, partner_id)
            for partner_id, res_ids in res_ids_of.items()
            for res_id in dict.fromkeys(res_ids)
        ]
        subtype_rows = [
            SQL("(%s, %s)", partner_id, subtype_id)
            for partner_id, subtype_ids in subtypes_of.items()
            for subtype_id in subtype_ids
        ]
        field = self._fields["subtype_ids"]
        self.flush_model()
        # the pairs as two arrays: two parameters whatever their number
        insert_followers = SQL(
            "INSERT INTO mail_followers (res_model, res_id, partner_id)"
            " SELECT %s, f.res_id, f.partner_id"
            " FROM unnest(%s::int[], %s::int[]) AS f(res_id, partner_id)"
            " ON CONFLICT DO NOTHING RETURNING id, partner_id",
            res_model,
            [res_id for res_id, _partner_id in pairs],
            [partner_id for _res_id, partner_id in pairs],
        )
        if subtype_rows:
            query = SQL(
                "WITH followers AS (%s) INSERT INTO %s (%s, %s)"
                " SELECT followers.id, s.subtype_id FROM followers"
                " JOIN (VALUES %s) AS s(partner_id, subtype_id)"
                " ON s.partner_id = followers.partner_id",
                insert_followers,
                SQL.identifier(field.relation),
                SQL.identifier(field.column1),
                SQL.identifier(field.column2),
                SQL(", ").join(subtype_rows),
            )
        else:
            query = insert_followers
        self.env.cr.execute(query)
        records = self.env[res_model].browse(
            {res_id for res_ids in res_ids_of.values() for res_id in res_ids}
        )
        records.invalidate_recordset(["message_follower_ids"])
        records.modified(["message_follower_ids"])
