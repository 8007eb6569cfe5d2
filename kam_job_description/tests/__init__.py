from . import test_skeleton
from . import test_tour
from . import test_workflow
