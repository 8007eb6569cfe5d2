from . import kam_sales_plan_split
from . import kam_sales_plan_split_line
