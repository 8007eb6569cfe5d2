from . import res_company
from . import res_config_settings
from . import kam_kpi
from . import kam_variable_pay_policy
from . import kam_variable_pay_policy_line
