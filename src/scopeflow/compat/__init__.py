"""`scopeflow.compat.v1` (and `tf.compat.v1`) is the TF1 API; scopeflow has no separate v2 surface."""
from scopeflow.compat import v1  # noqa: F401
