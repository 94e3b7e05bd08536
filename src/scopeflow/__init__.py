"""scopeflow: TensorFlow 1.x graph mode on JAX. `import scopeflow as tf` is the TF1 API (compat.v1)."""
__version__ = "0.1.0"

from scopeflow.compat.v1 import *  # noqa: F401,F403  the public surface lives in compat/v1.py
from scopeflow import compat  # noqa: F401,E402

import gc as _gc  # noqa: E402

# Importing JAX and scopeflow leaves ~120k long-lived objects; freezing them keeps Python's cyclic
# collector from rescanning them over and over while a large graph is built (measured: bench/overhead.py).
_gc.freeze()
