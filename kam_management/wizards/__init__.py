from . import sale_order_refuse
