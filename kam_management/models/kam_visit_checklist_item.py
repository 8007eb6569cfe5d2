# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

ANSWER_TYPES = [
    ("yes_no", "Yes/No"),
    ("number", "Number"),
    ("selection", "Selection"),
    ("date", "Date"),
    ("text", "Text"),
    ("photo", "Photo"),
]
# The field of kam.visit.answer that holds the answer to a question of each type.
ANSWER_VALUE_FIELDS = {
    "yes_no": "value_yes_no",
    "number": "value_number",
    "selection": "option_id",
    "date": "value_date",
    "text": "value_text",
    "photo": "value_photo",
}


class KamVisitChecklistItem(models.Model):
    """A question of a visit purpose's checklist, answered in every visit report
    with that purpose."""

    _name = "kam.visit.checklist.item"
    _description = "Visit Checklist Question"
    _order = "purpose_id, sequence, id"

    purpose_id = fields.Many2one(
        "kam.visit.purpose",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Question", required=True, translate=True)
    help = fields.Char(
        string="Guidance",
        translate=True,
        help="How to answer, shown to the KAM next to the question.",
    )
    answer_type = fields.Selection(ANSWER_TYPES, required=True, default="yes_no")
    required = fields.Boolean(
        string="Mandatory",
        help="A visit cannot be marked done while this question is unanswered.",
    )
    option_ids = fields.One2many(
        "kam.visit.checklist.option", "item_id", string="Options", copy=True
    )
    allow_negative = fields.Boolean(
        string="Negative Numbers Allowed",
        help="Untick for counts, amounts and shares, which cannot be below zero.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        related="purpose_id.company_id", store=True, index=True
    )

    @api.constrains("answer_type", "option_ids")
    def _check_options(self):
        if self.env.context.get("install_mode"):
            # Data files create a question before its options (nested records),
            # as res.currency does for its own install-time check.
            return
        for item in self:
            if item.answer_type == "selection" and not item.option_ids:
                raise ValidationError(
                    self.env._(
                        "The question %(question)s offers a choice: give it at "
                        "least one option.",
                        question=item.name,
                    )
                )

    def write(self, vals):
        if "answer_type" in vals:
            changed = self.filtered(lambda i: i.answer_type != vals["answer_type"])
            if changed and changed._kam_answers().filtered("is_answered"):
                raise UserError(
                    self.env._(
                        "The answer type of a question already answered in visit "
                        "reports cannot change: archive the question and create a "
                        "new one."
                    )
                )
        res = super().write(vals)
        if "active" in vals:
            self._kam_open_visits()._kam_sync_answers()
        return res

    @api.ondelete(at_uninstall=True)
    def _unlink_answers(self):
        """Open reports drop a deleted question; one answered, or asked in a done
        visit, is archived instead (answers keep their question)."""
        answers = self._kam_answers()
        if not self.env.context.get(MODULE_UNINSTALL_FLAG) and answers.filtered(
            lambda a: a.is_answered or a.visit_state == "done"
        ):
            raise UserError(
                self.env._(
                    "A question already answered in visit reports cannot be "
                    "deleted: archive it instead."
                )
            )
        answers.unlink()

    def _kam_answers(self):
        # sudo: the answers of every visit, also of visits the user cannot read.
        return self.env["kam.visit.answer"].sudo().search([("item_id", "in", self.ids)])

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._kam_open_visits()._kam_sync_answers()
        return items

    def _kam_open_visits(self):
        """Visits with these questions' purposes whose report is still to be
        written: they ask a new question and drop an archived one."""
        # sudo: a checklist is the same for every visit with the purpose, including
        # the visits of KAMs outside the team of the head of sales who edits it.
        return (
            self.env["kam.visit"]
            .sudo()
            .search(
                [
                    ("purpose_ids", "in", self.purpose_id.ids),
                    ("state", "in", ("planned", "missed")),
                ]
            )
        )
