from . import test_groups
from . import test_tour
from . import test_kam_tier
from . import test_kam_assignment
from . import test_kam_absence
from . import test_kam_access
