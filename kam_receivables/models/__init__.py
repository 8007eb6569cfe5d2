from . import (
    kam_collection_level,
    kam_credit_check,
    kam_discrepancy_act,
    kam_discrepancy_act_line,
    kam_kpi,
    kam_receivable_aging,
    res_company,
    res_config_settings,
    res_partner,
    res_partner_settlement,
    sale_order,
    sale_order_line,
)
