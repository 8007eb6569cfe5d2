from . import kam_sales_plan_split
from . import kam_sales_plan_split_line
from . import sale_order_refuse
from . import kam_visit_plan_wizard
from . import kam_visit_compliance_wizard
from . import kam_visit_compliance_wizard_line
from . import account_move_reversal
from . import kam_proposal_decision
