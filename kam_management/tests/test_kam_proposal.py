# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import KamCommon

DECISION = "kam_management.mail_activity_type_kam_proposal_decision"


@tagged("post_install", "-at_install")
class TestKamProposal(KamCommon):
    """A KAM's proposals to the commercial director (3.3, 3.6, III.3)."""

    def _proposal(self, user=None, **values):
        with Form(self.env["kam.proposal"].with_user(user or self.user_kam)) as form:
            form.name = values.get("name", "Family packs for chains")
            form.proposal_type = values.get("proposal_type", "assortment")
            form.description = values.get("description", "<p>Six-packs of 1.5 l</p>")
        return form.record

    def _decide(self, proposal, decision, reason=None, user=None):
        action = (
            proposal.with_user(user or self.user_director)
            .with_context(kam_decision=decision)
            .action_decide()
        )
        form = Form(
            self.env[action["res_model"]]
            .with_user(user or self.user_director)
            .with_context(**action["context"])
        )
        self.assertEqual(form.decision, decision)
        if reason:
            form.reason = reason
        return form.save().action_confirm()

    def test_submit_accept_and_notify(self):
        self.user_kam.partner_id.email = False  # the workflow writes system notes
        proposal = self._proposal()
        self.assertEqual(proposal.user_id, self.user_kam)
        proposal.action_submit()
        self.assertEqual(proposal.state, "submitted")
        self.assertEqual(proposal.date_submitted, self.company._kam_today())
        activities = proposal.sudo().activity_ids
        self.assertIn(self.user_director, activities.user_id)
        self.assertTrue(
            all(a.activity_type_id == self.env.ref(DECISION) for a in activities)
        )
        self.assertNotIn(self.env.ref("base.user_root"), activities.user_id)
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            proposal.write({"name": "Changed after submitting"})
        self._decide(proposal, "accepted", "Good idea, start in March")
        self.assertEqual(proposal.state, "accepted")
        self.assertEqual(proposal.decision_user_id, self.user_director)
        self.assertEqual(proposal.decision_reason, "Good idea, start in March")
        self.assertFalse(proposal.sudo().activity_ids)
        note = proposal.message_ids.filtered(lambda m: "accepted" in (m.body or ""))[:1]
        self.assertIn("start in March", note.body)
        self.assertIn(self.user_kam.partner_id, note.partner_ids)

    def test_rejection_needs_a_reason(self):
        proposal = self._proposal()
        proposal.action_submit()
        with self.assertRaisesRegex(UserError, "reason for rejecting"):
            proposal.with_user(self.user_director)._kam_decide("rejected", "  ")
        self.assertEqual(proposal.state, "submitted")
        self._decide(proposal, "rejected", "Margin too low")
        self.assertEqual(proposal.state, "rejected")
        self.assertEqual(proposal.decision_reason, "Margin too low")
        proposal.action_draft()  # the author revises it
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.decision_reason)

    def test_bad_input(self):
        proposal = self._proposal(description="<p><br></p>")
        with self.assertRaisesRegex(UserError, "Describe what"):
            proposal.action_submit()
        with self.assertRaisesRegex(UserError, "not waiting for a decision"):
            proposal.with_user(self.user_director)._kam_decide("accepted")
        with self.assertRaisesRegex(UserError, "with their buttons"):
            proposal.write({"state": "accepted"})
        with self.assertRaisesRegex(UserError, "goes back to draft"):
            proposal.action_draft()
        proposal.description = "<p>Six-packs</p>"
        proposal.action_submit()
        with self.assertRaisesRegex(UserError, "already submitted"):
            proposal.action_submit()
        with self.assertRaisesRegex(UserError, "Only draft proposals"):
            proposal.unlink()
        proposal.action_draft()  # withdrawn
        self.assertFalse(proposal.sudo().activity_ids)
        proposal.unlink()

    def test_only_the_director_decides(self):
        proposal = self._proposal()
        proposal.action_submit()
        for user in (self.user_kam, self.user_manager):
            with self.assertRaises(AccessError):
                proposal.with_user(user)._kam_decide("accepted")
        with self.assertRaises(AccessError):
            self.env["kam.proposal.decision"].with_user(self.user_manager).create(
                {"proposal_id": proposal.id, "decision": "accepted"}
            )

    def test_access_per_role(self):
        mine = self._proposal()
        theirs = self._proposal(user=self.user_kam2, name="Faster deliveries")
        directors = self._proposal(user=self.user_director, name="New price list")
        every = mine | theirs | directors
        domain = [("id", "in", every.ids)]
        Proposal = self.env["kam.proposal"]
        self.assertEqual(Proposal.with_user(self.user_kam).search(domain), mine)
        self.assertEqual(
            Proposal.with_user(self.user_manager).search(domain), mine | theirs
        )
        self.assertEqual(Proposal.with_user(self.user_director).search(domain), every)
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_kam).read(["name"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_manager).write({"name": "Edited by the head"})
        with self.assertRaises(AccessError):
            Proposal.with_user(self.user_kam).create(
                {"name": "On behalf", "user_id": self.user_kam2.id}
            )
        with self.assertRaises(AccessError):
            Proposal.with_user(self.user_employee).search([])
        self.assertFalse(Proposal.with_user(self.user_kam_other_company).search(domain))
