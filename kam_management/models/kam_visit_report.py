# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class KamVisit(models.Model):
    """The visit report (clauses 2.3, 2.10, 2.12): the purposes of a visit and the
    answers to their checklists; mandatory questions block *Done*."""

    _inherit = "kam.visit"

    purpose_ids = fields.Many2many(
        "kam.visit.purpose",
        "kam_visit_purpose_rel",
        "visit_id",
        "purpose_id",
        string="Purposes",
        check_company=True,
        help="Why the KAM makes this contact; the checklists of the purposes appear "
        "in the Report tab once the visit is saved.",
        tracking=True,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    answer_ids = fields.One2many(
        "kam.visit.answer", "visit_id", string="Report", copy=False
    )
    checklist_count = fields.Integer(
        compute="_compute_checklist_counts", string="Questions"
    )
    checklist_answered_count = fields.Integer(
        compute="_compute_checklist_counts", string="Answered"
    )
    checklist_missing_count = fields.Integer(
        compute="_compute_checklist_counts",
        string="Mandatory Unanswered",
        help="Mandatory questions still unanswered: the visit cannot be done yet.",
    )

    @api.depends(
        "answer_ids.is_answered", "answer_ids.required", "answer_ids.item_id.active"
    )
    def _compute_checklist_counts(self):
        for visit in self:
            answers = visit.answer_ids
            visit.checklist_count = len(answers)
            visit.checklist_answered_count = len(answers.filtered("is_answered"))
            visit.checklist_missing_count = len(visit._kam_missing_answers())

    def _kam_missing_answers(self):
        """Mandatory questions of active checklists still unanswered."""
        return self.answer_ids.filtered(
            lambda a: a.required and a.item_id.active and not a.is_answered
        )

    @api.constrains("purpose_ids", "company_id")
    def _check_purpose_company(self):
        # check_company accepts a many2many as soon as one of its records fits.
        for visit in self:
            foreign = visit.purpose_ids.filtered(
                lambda p, v=visit: p.company_id and p.company_id != v.company_id
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "%(visit)s cannot have the purpose %(purpose)s of the "
                        "company %(company)s.",
                        visit=visit.display_name,
                        purpose=foreign[0].name,
                        company=foreign[0].company_id.name,
                    )
                )

    @api.constrains("state")
    def _check_checklist_done(self):
        for visit in self:
            if visit.state == "done" and visit._kam_missing_answers():
                raise ValidationError(visit._kam_missing_answers_message())

    def _kam_missing_answers_message(self):
        self.ensure_one()
        missing = self._kam_missing_answers()
        return self.env._(
            "Answer the mandatory questions of %(visit)s before marking it done:\n"
            "%(questions)s",
            visit=self.display_name,
            questions="\n".join(
                f"- {answer.purpose_id.name}: {answer.item_id.name}"
                for answer in missing
            ),
        )

    def action_done(self):
        for visit in self:
            if visit._kam_missing_answers():
                raise UserError(visit._kam_missing_answers_message())
        return super().action_done()

    # ------------------------------------------------------------------
    # One answer per visit and question of its purposes
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        visits.filtered("purpose_ids")._kam_sync_answers()
        return visits

    def write(self, vals):
        if "purpose_ids" in vals and "state" in vals:
            # The purposes first, so that their questions are asked before the
            # visit may close.
            vals = dict(vals)
            state = vals.pop("state")
            return self.write(vals) and self.write({"state": state})
        if "purpose_ids" in vals:
            done = self.filtered(lambda v: v.state == "done")
            if done:
                raise UserError(
                    self.env._(
                        "The purposes of %(visit)s cannot change: it is done.",
                        visit=done[0].display_name,
                    )
                )
        res = super().write(vals)
        if "purpose_ids" in vals:
            self._kam_sync_answers()
        return res

    def _kam_sync_answers(self):
        """Give every visit still to be reported one answer per active question of
        its purposes; drop the answers of purposes no longer on the visit and the
        unanswered ones of archived questions. One search, one create and one
        unlink for the batch."""
        visits = self.filtered(lambda v: v.state != "done")
        if not visits:
            return
        items = (
            self.env["kam.visit.checklist.item"]
            .with_context(active_test=True)
            .search([("purpose_id", "in", visits.purpose_ids.ids)])
        )
        items_by_purpose = {}
        for item in items:
            items_by_purpose.setdefault(item.purpose_id.id, []).append(item.id)
        to_drop = self.env["kam.visit.answer"]
        vals_list = []
        for visit in visits:
            wanted = {
                item_id
                for purpose in visit.purpose_ids
                for item_id in items_by_purpose.get(purpose.id, ())
            }
            present = set()
            for answer in visit.answer_ids:
                if answer.purpose_id not in visit.purpose_ids or (
                    answer.item_id.id not in wanted and not answer.is_answered
                ):
                    to_drop |= answer
                else:
                    present.add(answer.item_id.id)
            vals_list += [
                {"visit_id": visit.id, "item_id": item_id}
                for item_id in sorted(wanted - present)
            ]
        to_drop.unlink()
        self.env["kam.visit.answer"].create(vals_list)
