from . import sale_order_refuse
from . import account_move_reversal
