# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_repr

from .kam_visit_checklist_item import ANSWER_TYPES, ANSWER_VALUE_FIELDS


class KamVisitAnswer(models.Model):
    """The answer of a visit report to one question of its purposes' checklists.

    One per visit and question, created when the visit's purposes are set. Typed:
    only the value field of the question's answer type may be filled. Carries the
    visit's account, KAM, company and local day so that answers are reported on
    directly (pivot by account, KAM, purpose, question and period)."""

    _name = "kam.visit.answer"
    _description = "Visit Report Answer"
    _inherit = ["kam.lock.mixin"]
    _order = "visit_id, purpose_id, sequence, id"
    _rec_name = "item_id"

    _kam_lock_parent = "visit_id"
    _kam_lock_states = ("done",)

    visit_id = fields.Many2one(
        "kam.visit",
        required=True,
        index=True,
        ondelete="cascade",
    )
    item_id = fields.Many2one(
        "kam.visit.checklist.item",
        string="Question",
        required=True,
        index=True,
        ondelete="restrict",
    )
    purpose_id = fields.Many2one(
        related="item_id.purpose_id", store=True, index=True, string="Purpose"
    )
    sequence = fields.Integer(related="item_id.sequence", store=True)
    answer_type = fields.Selection(related="item_id.answer_type", store=True)
    required = fields.Boolean(related="item_id.required", string="Mandatory")
    allow_negative = fields.Boolean(related="item_id.allow_negative")
    help = fields.Char(related="item_id.help")

    value_yes_no = fields.Selection(
        [("yes", "Yes"), ("no", "No")], string="Yes/No", copy=False
    )
    value_number = fields.Float(string="Number", aggregator="avg", copy=False)
    value_number_input = fields.Char(
        string="Number Answer",
        compute="_compute_value_number_input",
        inverse="_inverse_value_number_input",
        help="The number as typed: empty until answered, zero being an answer. A "
        "decimal comma is understood.",
    )
    number_answered = fields.Boolean(
        copy=False,
        help="A number was entered for a number question (zero included): a "
        "number field alone cannot tell zero from no answer.",
    )
    option_id = fields.Many2one(
        "kam.visit.checklist.option",
        string="Choice",
        domain="[('item_id', '=', item_id)]",
        ondelete="restrict",
        copy=False,
    )
    value_date = fields.Date(string="Date", copy=False)
    value_text = fields.Text(string="Text", copy=False)
    value_photo = fields.Image(
        string="Photo", max_width=1920, max_height=1920, copy=False
    )
    value_display = fields.Char(compute="_compute_value_display", string="Answer")

    is_answered = fields.Boolean(
        compute="_compute_is_answered", store=True, string="Answered"
    )
    answered_count = fields.Integer(
        compute="_compute_is_answered",
        store=True,
        string="Answered (count)",
        help="1 for an answered question: its sum counts the answers.",
    )
    yes_count = fields.Integer(
        compute="_compute_is_answered",
        store=True,
        string="Yes (count)",
        help="1 for a yes/no question answered yes: its sum counts the yes.",
    )

    # The visit's figures, stored for reporting.
    partner_id = fields.Many2one(
        related="visit_id.commercial_partner_id",
        store=True,
        index=True,
        string="Account",
    )
    user_id = fields.Many2one(
        related="visit_id.user_id", store=True, index=True, string="KAM"
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True, index=True)
    visit_day = fields.Date(related="visit_id.visit_day", store=True, index=True)
    visit_state = fields.Selection(
        related="visit_id.state", store=True, string="Visit Status"
    )

    _sql_constraints = (
        (
            "visit_item_unique",
            "unique(visit_id, item_id)",
            "A visit report answers each question once.",
        ),
    )

    def _kam_given_types(self):
        """The answer types this answer holds a value of. A number is given when
        entered for a number question, or when not zero (the number field's
        default, which clients send with every new answer) for another one."""
        self.ensure_one()
        given = {
            "yes_no": bool(self.value_yes_no),
            "number": self.number_answered or bool(self.value_number),
            "selection": bool(self.option_id),
            "date": bool(self.value_date),
            "text": bool((self.value_text or "").strip()),
            "photo": bool(self.value_photo),
        }
        return {answer_type for answer_type, is_given in given.items() if is_given}

    @api.depends(
        "answer_type",
        "value_yes_no",
        "number_answered",
        "option_id",
        "value_date",
        "value_text",
        "value_photo",
    )
    def _compute_is_answered(self):
        for answer in self:
            answer.is_answered = answer.answer_type in answer._kam_given_types()
            answer.answered_count = int(answer.is_answered)
            answer.yes_count = int(
                answer.answer_type == "yes_no" and answer.value_yes_no == "yes"
            )

    @api.depends(
        "answer_type",
        "value_yes_no",
        "value_number",
        "number_answered",
        "option_id",
        "value_date",
        "value_text",
        "value_photo",
    )
    def _compute_value_display(self):
        yes_no = dict(self._fields["value_yes_no"]._description_selection(self.env))
        for answer in self:
            answer_type = answer.answer_type
            if answer_type not in answer._kam_given_types():
                answer.value_display = False
            elif answer_type == "yes_no":
                answer.value_display = yes_no[answer.value_yes_no]
            elif answer_type == "number":
                answer.value_display = self._kam_format_number(answer.value_number)
            elif answer_type == "selection":
                answer.value_display = answer.option_id.name
            elif answer_type == "date":
                answer.value_display = fields.Date.to_string(answer.value_date)
            elif answer_type == "text":
                answer.value_display = answer.value_text.strip()
            else:
                answer.value_display = self.env._("Photo")

    @api.depends("value_number", "number_answered")
    def _compute_value_number_input(self):
        for answer in self:
            answer.value_number_input = (
                self._kam_format_number(answer.value_number)
                if answer.number_answered
                else False
            )

    def _inverse_value_number_input(self):
        for answer in self:
            answer.write(
                {"value_number": answer._kam_parse_number(answer.value_number_input)}
            )

    @api.model
    def _kam_format_number(self, number):
        """``number`` as typed: no exponent, no trailing zeros."""
        return float_repr(number, 6).rstrip("0").rstrip(".") or "0"

    def _kam_parse_number(self, text):
        """The number typed in ``text`` (spaces and a decimal comma allowed), or
        False for nothing typed."""
        self.ensure_one()
        text = "".join((text or "").split())
        if not text:
            return False
        if "," in text and "." in text:
            text = text.replace(",", "")  # thousands separators
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValidationError(
                self.env._(
                    "%(value)s is not a number: answer %(question)s with a number.",
                    value=text,
                    question=self.item_id.name,
                )
            )
        return number

    @api.constrains(*ANSWER_VALUE_FIELDS.values(), "number_answered", "item_id")
    def _check_value(self):
        type_names = dict(ANSWER_TYPES)
        type_labels = dict(self._fields["answer_type"]._description_selection(self.env))
        for answer in self:
            item = answer.item_id
            wrong = answer._kam_given_types() - {item.answer_type}
            if wrong:
                raise ValidationError(
                    self.env._(
                        "The question %(question)s is answered with %(expected)s, "
                        "not with %(given)s.",
                        question=item.name,
                        expected=type_labels.get(item.answer_type, item.answer_type),
                        given=", ".join(
                            sorted(type_labels.get(t, type_names[t]) for t in wrong)
                        ),
                    )
                )
            if answer.option_id and answer.option_id.item_id != item:
                raise ValidationError(
                    self.env._(
                        "%(option)s is not one of the options of the question "
                        "%(question)s.",
                        option=answer.option_id.name,
                        question=item.name,
                    )
                )
            if answer.value_number < 0 and not item.allow_negative:
                raise ValidationError(
                    self.env._(
                        "The answer to %(question)s cannot be negative.",
                        question=item.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        items = self.env["kam.visit.checklist.item"].browse(
            [vals["item_id"] for vals in vals_list if vals.get("item_id")]
        )
        numbers = set(items.filtered(lambda i: i.answer_type == "number").ids)
        for vals in vals_list:
            if vals.get("item_id") in numbers:
                self._kam_mark_number(vals)
        return super().create(vals_list)

    def write(self, vals):
        if "value_number" in vals and "number_answered" not in vals:
            numbers = self.filtered(lambda a: a.answer_type == "number")
            if numbers and numbers != self:
                return (self - numbers).write(vals) and numbers.write(vals)
            if numbers:
                vals = dict(vals)
                self._kam_mark_number(vals)
        return super().write(vals)

    @api.model
    def _kam_mark_number(self, vals):
        """A number written to a number question (zero included) answers it;
        clearing it (False) takes the answer back."""
        if "value_number" in vals and "number_answered" not in vals:
            number = vals["value_number"]
            vals["number_answered"] = number is not False and number is not None
