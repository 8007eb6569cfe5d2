from . import kam_demo
from . import kam_demo_plans
from . import kam_demo_visits
