# Copyright 2026 KAM Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def migrate(cr, version):
    """From 18.0.1.0.0: a customer's grace period of zero meant "the company's
    default"; a customer now has an own grace period only when "Own Payment Grace" is
    set. Companies blocked every failed credit check; the switch keeps them doing so.
    """
    if not version:
        return
    cr.execute(
        "UPDATE res_partner SET kam_own_payment_grace = TRUE "
        "WHERE kam_payment_grace_days > 0"
    )
    cr.execute("UPDATE res_company SET kam_credit_block = TRUE")
