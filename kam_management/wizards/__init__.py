from . import kam_visit_plan_wizard
