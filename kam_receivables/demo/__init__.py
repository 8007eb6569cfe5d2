from . import kam_demo
