from . import res_company
from . import res_config_settings
from . import kam_visit
from . import calendar_event
from . import res_partner_visit
from . import res_company_visit
from . import res_config_settings_visit
from . import sale_order_visit
