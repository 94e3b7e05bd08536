"""The runtime: prune -> order -> lower -> jit -> cache. Only client/ calls into it.

TF has real 64-bit types (int64 indices, float64 tensors), so scopeflow runs JAX with x64 enabled;
kernels keep TF's dtypes explicitly and never rely on JAX's default dtypes.
"""
import warnings

import jax

jax.config.update("jax_enable_x64", True)
# XLA:CPU may decline a donation (e.g. a buffer too small to reuse); that is not the user's concern
warnings.filterwarnings("ignore", message="Some donated buffers were not usable")
