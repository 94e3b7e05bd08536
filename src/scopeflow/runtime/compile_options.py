"""XLA compile options every Session program is compiled with, per backend platform, chosen by measurement.

XLA:CPU (jaxlib 0.10) hands dots, convolutions and reductions to its YNNPACK library by default. On the
2-core Zen 4 box of bench/RESULTS.md, XLA's own (Eigen) convolutions beat YNNPACK's in a training step
(the CNN of bench/train_cnn.py: 133-153 ms per step with YNNPACK convolutions, 91-106 ms without), while
YNNPACK's dots and reductions are the faster ones (the MLP of bench/train_mlp.py is unchanged, and with
no YNNPACK at all it is 10-15% slower). So CPU programs keep YNNPACK for dots and reductions only.

Invariants: the options only choose kernels, never results beyond float32 rounding; a user who sets the
same option in XLA_FLAGS keeps their choice (the option is then not passed); SCOPEFLOW_XLA_DEFAULTS=0
turns them all off; a jaxlib that rejects an option (another XLA version) compiles without it.
"""
import functools
import os

import jax
import numpy as np

_PLATFORM_OPTIONS = {
    "cpu": {"xla_cpu_experimental_ynn_fusion_type":
            "LIBRARY_FUSION_TYPE_INDIVIDUAL_DOT,LIBRARY_FUSION_TYPE_REDUCE"},
}


def compiler_options():
    """The options for programs on JAX's default backend (None when there are none to pass)."""
    if os.environ.get("SCOPEFLOW_XLA_DEFAULTS", "1") == "0":
        return None
    user_flags = os.environ.get("XLA_FLAGS", "")
    options = tuple((name, value) for name, value in _PLATFORM_OPTIONS.get(jax.default_backend(), {}).items()
                    if name not in user_flags)
    return dict(options) if options and _accepted(options) else None


@functools.cache
def _accepted(options):
    """Whether this jaxlib compiles with `options` (one tiny compile, once per process)."""
    try:
        jax.jit(lambda x: x + 1, compiler_options=dict(options))(np.float32(0))
    except Exception:   # an option this XLA does not know: compile as XLA would by default
        return False
    return True
