from . import kam_visit_plan_wizard
from . import kam_visit_compliance_wizard
from . import kam_visit_compliance_wizard_line
