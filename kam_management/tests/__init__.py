from . import test_groups
from . import test_tour
from . import test_kam_kpi
from . import test_kam_payout_formula
from . import test_kam_kpi_builtin
from . import test_kam_kpi_queries
