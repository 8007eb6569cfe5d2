from . import sale_order_credit_override
from . import res_partner_settlement_statement
