"""Forward and forward+backward times of the nn kernel formulations, at the CNN benchmark's shapes.

Documents why ops/nn_conv, nn_pool and nn_norm compute what they compute (batch 64, 32x32x3 -> 32
channels, 3x3 convolutions, 2x2 pools): each candidate formulation is jitted alone and timed on the
current JAX backend; `*` marks what scopeflow's kernel uses. Run: `python bench/nn_kernels.py [--quick]`.
The backward pass is the gradient of sum(1.5 * f) with respect to every argument.
"""
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from scopeflow.ops import nn_conv, nn_norm, nn_pool

REPEATS = 5 if "--quick" in sys.argv else 20
HIGHEST = lax.Precision.HIGHEST


def timed(fn, *args):
    out = fn(*args)
    jax.block_until_ready(out)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(REPEATS):
            out = fn(*args)
        jax.block_until_ready(out)
        best = min(best, (time.perf_counter() - start) / REPEATS)
    return best * 1e3


def report(title, candidates, *args, chosen):
    print(f"\n{title}")
    for name, f in candidates.items():
        fwd = jax.jit(f)
        n_args = len(args)
        grad = jax.jit(jax.grad(lambda *a: jnp.sum(f(*a) * 1.5), argnums=tuple(range(n_args))))
        mark = "*" if name == chosen else " "
        print(f"  {mark} {name:34s} fwd {timed(fwd, *args):8.2f} ms   fwd+bwd {timed(grad, *args):8.2f} ms")


# ---- conv2d ---------------------------------------------------------------------------------------------------
def conv_scopeflow(x, w):
    return nn_conv.conv_kernel(x, w, strides=[1, 1, 1, 1], padding=b"SAME", data_format=b"NHWC",
                               dilations=[1, 1, 1, 1])


def conv_nchw(x, w):
    y = lax.conv_general_dilated(x.transpose(0, 3, 1, 2), w, (1, 1), "SAME",
                                 dimension_numbers=("NCHW", "HWIO", "NCHW"), precision=HIGHEST)
    return y.transpose(0, 2, 3, 1)


def conv_im2col(x, w):
    kh, kw, cin, cout = w.shape
    xp = jnp.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    n, h, wd, _ = x.shape
    cols = jnp.concatenate([xp[:, i:i + h, j:j + wd, :] for i in range(kh) for j in range(kw)], axis=-1)
    return jnp.matmul(cols, w.reshape(kh * kw * cin, cout), precision=HIGHEST)


# ---- pools -----------------------------------------------------------------------------------------------------
def max_reduce_window(x):
    return lax.reduce_window(x, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")


def max_reshape_autodiff(x):
    n, h, w, c = x.shape
    return x.reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))


def max_scopeflow(x):
    return nn_pool.max_pool_kernel(x, ksize=(1, 2, 2, 1), strides=(1, 2, 2, 1), padding=b"VALID")


def max3_reduce_window(x):
    return lax.reduce_window(x, -jnp.inf, lax.max, (1, 3, 3, 1), (1, 2, 2, 1), "SAME")


def max3_scopeflow(x):
    return nn_pool.max_pool_kernel(x, ksize=(1, 3, 3, 1), strides=(1, 2, 2, 1), padding=b"SAME")


def avg_reduce_window(x):
    return lax.reduce_window(x, 0., lax.add, (1, 2, 2, 1), (1, 2, 2, 1), "VALID") / 4


def avg_scopeflow(x):
    return nn_pool.avg_pool_kernel(x, ksize=(1, 2, 2, 1), strides=(1, 2, 2, 1), padding=b"VALID")


# ---- batch norm (training) ------------------------------------------------------------------------------------------
def bn_scopeflow(x, scale, offset):
    empty = jnp.zeros((0,), jnp.float32)
    return nn_norm._fused_kernel(x, scale, offset, empty, empty, epsilon=1e-3, exponential_avg_factor=1.0,
                                 data_format=b"NHWC", is_training=True)[0]


def bn_one_pass(x, scale, offset):
    mean = jnp.mean(x, axis=(0, 1, 2))
    var = jnp.mean(x * x, axis=(0, 1, 2)) - mean * mean
    inv = scale * lax.rsqrt(var + 1e-3)
    return x * inv + (offset - mean * inv)


def bn_composite(x, scale, offset):
    """tf.nn.moments + tf.nn.batch_normalization, op by op."""
    mean = jnp.mean(x, axis=(0, 1, 2), keepdims=True)
    var = jnp.mean(jnp.square(x - lax.stop_gradient(mean)), axis=(0, 1, 2), keepdims=True)
    inv = lax.rsqrt(var + 1e-3) * scale
    return x * inv + (offset - mean * inv)


def main():
    print(f"backend: {jax.default_backend()}, devices: {jax.devices()}, repeats: {REPEATS}")
    rng = np.random.RandomState(0)
    x3 = jnp.asarray(rng.randn(64, 32, 32, 3).astype(np.float32))
    x32 = jnp.asarray(rng.randn(64, 32, 32, 32).astype(np.float32))
    w3 = jnp.asarray(rng.randn(3, 3, 3, 32).astype(np.float32) * 0.1)
    w32 = jnp.asarray(rng.randn(3, 3, 32, 32).astype(np.float32) * 0.1)
    convs = {"conv_general_dilated NHWC/HWIO": conv_scopeflow, "transpose to NCHW": conv_nchw,
             "im2col + matmul": conv_im2col}
    report("conv2d 3x3 SAME, 64x32x32x3 -> 32", convs, x3, w3, chosen="conv_general_dilated NHWC/HWIO")
    report("conv2d 3x3 SAME, 64x32x32x32 -> 32", convs, x32, w32, chosen="conv_general_dilated NHWC/HWIO")
    report("max_pool 2x2 stride 2 VALID, 64x32x32x32",
           {"reduce_window (JAX gradient)": max_reduce_window, "reshape + max (JAX gradient)": max_reshape_autodiff,
            "reshape + first-max vjp": max_scopeflow}, x32, chosen="reshape + first-max vjp")
    report("max_pool 3x3 stride 2 SAME, 64x32x32x32",
           {"reduce_window (JAX gradient)": max3_reduce_window, "strided-slice first-max vjp": max3_scopeflow},
           x32, chosen="strided-slice first-max vjp")
    report("avg_pool 2x2 stride 2 VALID, 64x32x32x32",
           {"reduce_window sum / 4": avg_reduce_window, "reshape + mean": avg_scopeflow}, x32,
           chosen="reshape + mean")
    scale, offset = jnp.ones((32,), jnp.float32), jnp.zeros((32,), jnp.float32)
    report("batch norm (training), 64x32x32x32",
           {"two-pass, folded multiply-add": bn_scopeflow, "one-pass E[x^2] - E[x]^2": bn_one_pass,
            "moments + batch_normalization": bn_composite}, x32, scale, offset,
           chosen="two-pass, folded multiply-add")


if __name__ == "__main__":
    main()
