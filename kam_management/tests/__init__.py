from . import test_groups
from . import test_tour
