# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from .common_visit import KamVisitCommon


class KamVisitReportCommon(KamVisitCommon):
    """A purpose with one question of each answer type, the mandatory ones first,
    and a second purpose with one mandatory question."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account = cls._account("Report Account")
        cls.purpose = cls.env["kam.visit.purpose"].create(
            {
                "name": "Test Audit",
                "item_ids": [
                    Command.create(
                        {
                            "sequence": 1,
                            "name": "Shelf complete?",
                            "answer_type": "yes_no",
                            "required": True,
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 2,
                            "name": "Facings",
                            "answer_type": "number",
                            "required": True,
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 3,
                            "name": "Display",
                            "answer_type": "selection",
                            "option_ids": [
                                Command.create({"name": "None"}),
                                Command.create({"name": "Full"}),
                            ],
                        }
                    ),
                    Command.create(
                        {"sequence": 4, "name": "Next check", "answer_type": "date"}
                    ),
                    Command.create(
                        {"sequence": 5, "name": "Notes", "answer_type": "text"}
                    ),
                    Command.create(
                        {"sequence": 6, "name": "Shelf photo", "answer_type": "photo"}
                    ),
                    Command.create(
                        {
                            "sequence": 7,
                            "name": "Stock difference",
                            "answer_type": "number",
                            "allow_negative": True,
                        }
                    ),
                ],
            }
        )
        (
            cls.item_yes_no,
            cls.item_number,
            cls.item_selection,
            cls.item_date,
            cls.item_text,
            cls.item_photo,
            cls.item_signed,
        ) = cls.purpose.item_ids
        cls.option_none, cls.option_full = cls.item_selection.option_ids
        cls.purpose_2 = cls.env["kam.visit.purpose"].create(
            {
                "name": "Test Collection",
                "item_ids": [
                    Command.create(
                        {
                            "name": "Promised amount",
                            "answer_type": "number",
                            "required": True,
                        }
                    )
                ],
            }
        )
        cls.item_amount = cls.purpose_2.item_ids

    def _report_visit(self, purposes=None, **values):
        values.setdefault("outcome", "Audited the shelf")
        return self._visit(
            purpose_ids=[Command.set((purposes or self.purpose).ids)], **values
        )

    @staticmethod
    def _answer(visit, item):
        return visit.answer_ids.filtered(lambda a: a.item_id == item)

    def _answer_mandatory(self, visit):
        self._answer(visit, self.item_yes_no).value_yes_no = "yes"
        self._answer(visit, self.item_number).value_number = 0
        if self.purpose_2 in visit.purpose_ids:
            self._answer(visit, self.item_amount).value_number = 500
