# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJobDescriptionSkeleton(TransactionCase):
    def test_approver_group_implies_manager(self):
        user = new_test_user(
            self.env,
            login="jd_ceo",
            groups="kam_job_description.group_job_description_approver",
        )
        self.assertTrue(
            user.has_group("kam_job_description.group_job_description_manager")
        )

    def test_default_approver_must_be_an_approver(self):
        ceo = new_test_user(
            self.env,
            login="jd_ceo",
            groups="kam_job_description.group_job_description_approver",
        )
        clerk = new_test_user(self.env, login="jd_clerk", groups="base.group_user")
        settings = Form(self.env["res.config.settings"])
        settings.kam_jd_approver_id = ceo
        settings.save().execute()
        self.assertEqual(self.env.company.kam_jd_approver_id, ceo)
        settings = Form(self.env["res.config.settings"])
        settings.kam_jd_approver_id = clerk
        with self.assertRaisesRegex(ValidationError, "cannot approve job descriptions"):
            settings.save()
