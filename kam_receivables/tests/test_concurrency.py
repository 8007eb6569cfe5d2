# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

from odoo import Command, api
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestCreditCheckConcurrency(TransactionCase):
    """Two orders of one customer confirmed at the same moment in two transactions.

    The data must be committed for other connections to see it, so this test works in
    real cursors of its own (``registry.cursor()``; a TransactionCase does not put the
    registry in test mode) and deletes what it committed at the end.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            partner = env["res.partner"].create(
                {"name": "Concurrent Customer", "is_company": True}
            )
            partner.credit_limit = 1000
            product = env["product.product"].create(
                {"name": "Concurrent Widget", "type": "service"}
            )
            orders = env["sale.order"].create(
                [
                    {
                        "partner_id": partner.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "price_unit": 600,
                                    "tax_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for _i in range(2)
                ]
            )
            self.partner_id, self.product_id, self.order_ids = (
                partner.id,
                product.id,
                orders.ids,
            )
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            orders = env["sale.order"].browse(self.order_ids)
            orders.with_context(disable_cancel_warning=True)._action_cancel()
            orders.unlink()
            env["product.product"].browse(self.product_id).product_tmpl_id.unlink()
            env["res.partner"].browse(self.partner_id).unlink()

    def test_two_confirmations_cannot_both_pass(self):
        barrier = threading.Barrier(2, timeout=30)
        errors = []

        def confirm(order_id):
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(
                        cr, api.SUPERUSER_ID, {"tracking_disable": True}
                    )
                    cr.execute(
                        "SELECT 1 FROM sale_order WHERE id = %s", (order_id,)
                    )  # snapshot
                    tries = []

                    def attempt():
                        tries.append(1)
                        if len(tries) == 1:
                            # both transactions read the customer before either commits
                            env["res.partner"].browse(self.partner_id).mapped(
                                "kam_credit_exposure"
                            )
                            barrier.wait()
                        env["sale.order"].browse(order_id).action_confirm()

                    retrying(attempt, env)
            except Exception as exc:  # noqa: BLE001 - reported to the main thread
                errors.append(exc)

        threads = [
            threading.Thread(target=confirm, args=(order_id,))
            for order_id in self.order_ids
        ]
        with mute_logger("odoo.service.model"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertFalse(errors)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            orders = env["sale.order"].browse(self.order_ids)
            self.assertEqual(sorted(orders.mapped("state")), ["draft", "sale"])
            held = orders.filtered("kam_credit_hold")
            self.assertEqual(len(held), 1)
            self.assertEqual(held.state, "draft")
            # the retried check saw the other order: 600 exposure + 600 > 1000
            self.assertEqual(held.kam_credit_check_ids.exposure, 600)
            self.assertEqual(held.kam_credit_check_ids.result, "blocked")
