from . import test_groups
from . import test_tour
from . import test_visit_calendar
from . import test_visit_workflow
from . import test_visit_plan
from . import test_visit_plan_queries
