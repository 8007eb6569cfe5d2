from . import (
    test_collection,
    test_concurrency,
    test_credit_check,
    test_credit_profile,
    test_discrepancy_act,
    test_kam_owner,
    test_kpi,
    test_receivable_aging,
    test_settlement_statement,
    test_skeleton,
    test_tour,
    test_weekly_report,
)
