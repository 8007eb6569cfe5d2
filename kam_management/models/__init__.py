from . import res_company
from . import res_config_settings
from . import kam_tier
from . import kam_assignment
from . import res_users
from . import res_partner
