from . import test_skeleton
from . import test_tour
from . import test_workflow
from . import test_acknowledgement
from . import test_security
from . import test_report
