"""scopeflow: TensorFlow 1.x graph mode on JAX. `import scopeflow as tf` is the TF1 API (compat.v1)."""
__version__ = "0.1.0"

from scopeflow.compat.v1 import *  # noqa: F401,F403  the public surface lives in compat/v1.py
from scopeflow import compat  # noqa: F401,E402
