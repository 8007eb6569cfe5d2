# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import timedelta

from .kpi_common import KamKpiCommon


class KamContractCommon(KamKpiCommon):
    """Contracts of the key accounts of ``KamCommon`` (``account_a`` of ``user_kam``,
    ``account_b`` of ``user_kam2``, ``account_c`` of the director), products in two
    categories and helpers to book orders (``KamKpiCommon``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contract = cls.env["kam.contract"]
        cls.today = cls.company._kam_today()
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.term_15 = cls.env.ref("account.account_payment_term_15days")
        cls.pricelist_contract = cls.env["product.pricelist"].create(
            {"name": "Contract prices", "company_id": cls.company.id}
        )

    @classmethod
    def _contract(cls, account, activate=True, **values):
        """A contract of ``account`` valid for a year around today."""
        contract = cls.Contract.create(
            {
                "partner_id": account.id,
                "date_start": cls.today - timedelta(days=100),
                "date_end": cls.today + timedelta(days=265),
                **values,
            }
        )
        if activate:
            contract.action_activate()
        return contract

    @contextmanager
    def _raises(self, exception, regex):
        """Like ``assertRaisesRegex``, rolling back what the failed call wrote
        (Odoo's ``assertRaises`` runs in a savepoint)."""
        with self.assertRaises(exception) as catcher:
            yield
        self.assertRegex(str(catcher.exception), regex)
