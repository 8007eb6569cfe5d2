from . import models, wizards
from . import demo
