# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import JobDescriptionCommon


@tagged("post_install", "-at_install")
class TestDutyEvidence(JobDescriptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi_revenue = cls.env.ref("kam_management.kam_kpi_revenue")
        cls.account = cls.env["res.partner"].create(
            {
                "name": "Evidence Account",
                "is_company": True,
                "user_id": cls.user_kam.id,
                "kam_user_id": cls.user_kam.id,
            }
        )
        # the KAM has owned the account since long before the sales below
        cls.env["kam.assignment"].search(
            [("partner_id", "=", cls.account.id)]
        ).date_from = date(2000, 1, 1)
        cls.product = cls.env["product.product"].create({"name": "Evidence Juice"})

    def _sell(self, amount, day):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.account.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = datetime.combine(day, datetime.min.time().replace(hour=10))
        return order

    def _description_with_kpi(self):
        return self._approved_description(
            item_ids=[
                Command.create(
                    {
                        "section": "duty",
                        "text": "Plans sales.",
                        "kpi_id": self.kpi_revenue.id,
                    }
                ),
                Command.create({"section": "duty", "text": "Keeps secrets."}),
                Command.create({"section": "right", "text": "Represents."}),
                Command.create(
                    {
                        "section": "responsibility",
                        "text": "Within the labour code.",
                        "labour_code_limit": True,
                    }
                ),
            ]
        )

    def _evidence(self, user, employee):
        form = Form(self.env["kam.job.description.evidence"].with_user(user))
        form.employee_id = employee
        form.date_from = date(2025, 1, 1)
        form.date_to = date(2025, 1, 31)
        wizard = form.save()
        wizard.action_compute()
        return wizard

    def test_each_duty_with_its_kpi_value(self):
        description = self._description_with_kpi()
        self._sell(1500.0, date(2025, 1, 10))
        self._sell(999.0, date(2025, 3, 10))  # outside the period
        wizard = self._evidence(self.user_kam, self.employee_kam)
        self.assertEqual(wizard.description_id, description)
        lines = [
            (ln.number, ln.kpi_name, ln.value, ln.evidenced) for ln in wizard.line_ids
        ]
        self.assertEqual(
            lines,
            [("2.1", self.kpi_revenue.name, 1500.0, True), ("2.2", False, 0.0, False)],
        )
        self.assertEqual((wizard.evidenced_count, wizard.duty_count), (1, 2))

    def test_the_head_sees_the_evidence_of_their_kam(self):
        self._description_with_kpi()
        wizard = self._evidence(self.user_manager, self.employee_kam)
        self.assertEqual(len(wizard.line_ids), 2)
        self.assertFalse(wizard.line_ids[0].evidenced, "no sales, no evidence")
        wizard = self._evidence(self.user_director, self.employee_kam)
        self.assertEqual(len(wizard.line_ids), 2, "managers up the hierarchy")

    def test_evidence_follows_the_team_after_reorganisation(self):
        """Who sees an employee's evidence is their head of sales (the one team
        definition of kam_management), the director and HR; not any manager."""
        self._description_with_kpi()
        manager2 = self._new_user(
            "jd_manager_south", "kam_management.group_kam_manager"
        )
        employee_manager2 = self.env["hr.employee"].create(
            {
                "name": manager2.name,
                "user_id": manager2.id,
                "company_id": self.company.id,
                "parent_id": self.employee_director.id,
            }
        )
        self._evidence(self.user_manager, self.employee_kam)
        with self.assertRaisesRegex(AccessError, "their managers and HR"):
            self._evidence(manager2, self.employee_kam)
        self.employee_kam.parent_id = employee_manager2
        self._evidence(manager2, self.employee_kam)
        with self.assertRaisesRegex(AccessError, "their managers and HR"):
            self._evidence(self.user_manager, self.employee_kam)
        self._evidence(self.user_director, self.employee_kam)
        self._evidence(self.user_hr, self.employee_kam)
        # a team leader without the Head of Sales role is skipped, not obeyed
        lead = self.env["hr.employee"].create(
            {
                "name": self.user_employee.name,
                "user_id": self.user_employee.id,
                "company_id": self.company.id,
                "parent_id": employee_manager2.id,
            }
        )
        self.employee_kam.parent_id = lead
        with self.assertRaisesRegex(AccessError, "their managers and HR"):
            self._evidence(self.user_employee, self.employee_kam)
        self._evidence(manager2, self.employee_kam)

    def test_lower_is_better_kpi_at_zero_is_evidenced(self):
        kpi = self.env["kam.kpi"].create(
            {
                "name": "Overdue share",
                "code": "jd_test_overdue",
                "unit": "percent",
                "higher_is_better": False,
            }
        )
        self._approved_description(
            item_ids=[
                Command.create(
                    {
                        "section": "duty",
                        "text": "Collects receivables on time.",
                        "kpi_id": kpi.id,
                    }
                ),
                Command.create({"section": "right", "text": "Represents."}),
                Command.create(
                    {
                        "section": "responsibility",
                        "text": "Within the labour code.",
                        "labour_code_limit": True,
                    }
                ),
            ]
        )
        overdue = {self.user_kam.id: 0.0}
        with patch.object(
            type(self.env["kam.kpi"]),
            "_kam_kpi_jd_test_overdue",
            lambda self, users, date_from, date_to: overdue,
            create=True,
        ):
            wizard = self._evidence(self.user_kam, self.employee_kam)
            self.assertEqual(
                [(line.value, line.evidenced) for line in wizard.line_ids],
                [(0.0, True)],
                "0 % overdue evidences the duty",
            )
            overdue[self.user_kam.id] = 12.5
            wizard.action_compute()
            self.assertEqual(
                [(line.value, line.evidenced) for line in wizard.line_ids],
                [(12.5, False)],
            )

    def test_a_peer_does_not(self):
        self._description_with_kpi()
        with self.assertRaisesRegex(AccessError, "their managers and HR"):
            self._evidence(self.user_kam2, self.employee_kam)

    def test_no_approved_description(self):
        with self.assertRaisesRegex(UserError, "no approved job description"):
            self._evidence(self.user_kam, self.employee_kam)
        wizard = (
            self.env["kam.job.description.evidence"]
            .with_user(self.user_kam)
            .create(
                {
                    "employee_id": self.employee_kam.id,
                    "date_from": "2025-02-01",
                    "date_to": "2025-01-01",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "start before it ends"):
            wizard.action_compute()

    def test_defaults_to_the_current_user_and_month(self):
        wizard = Form(self.env["kam.job.description.evidence"].with_user(self.user_kam))
        self.assertEqual(wizard.employee_id, self.employee_kam)
        self.assertEqual(wizard.date_from.day, 1)
        self.assertEqual(wizard.date_to.month, wizard.date_from.month)
