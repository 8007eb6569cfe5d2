from . import (
    test_collection,
    test_concurrency,
    test_credit_check,
    test_credit_profile,
    test_discrepancy_act,
    test_kpi,
    test_receivable_aging,
    test_settlement_statement,
    test_settlement_statement_pdf,
    test_skeleton,
    test_tour,
)
