"""Normalization of `tf.nn`: moments, batch_normalization, fused_batch_norm, l2_normalize, lrn.

moments, batch_normalization and l2_normalize are composites built from math ops with TF's names
(`moments/mean`, `batchnorm/add_1`, `l2_normalize`); fused_batch_norm is one FusedBatchNormV3 op (six
outputs; the Python function returns the first three) and lrn one LRN op. In training mode the batch
variance output is Bessel-corrected (n / (n - 1)), as TF's kernel returns it, while `y` uses the biased
variance. Kernel formulations are chosen by measurement (bench/nn_kernels.py): the normalization is
folded into one multiply-add per element, statistics are computed in float32.
Golden: tests/golden/ops_nn_norm.json.
"""
import functools

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.registry import op
from scopeflow.ops import math_ops, reduction_ops, shape_ops
from scopeflow.ops.array_build import infer_error
from scopeflow.ops.common import create, create1, name_scope
from scopeflow.ops.math_ops import _dtype_list, apply_op, not_allowed_error, signature
from scopeflow.ops.nn_conv import attr_choice, check_rank, spatial_axes, text

_HALF_FLOAT = _dtype_list("float16 bfloat16 float32")


# ---- composites -------------------------------------------------------------------------------------------
def moments(x, axes, shift=None, name=None, keep_dims=None, keepdims=None):
    """`tf.nn.moments`: (mean, variance) over `axes`; float16 inputs are computed in float32."""
    if keep_dims is not None and keepdims is not None:
        raise ValueError("Cannot specify both 'keep_dims' and 'keepdims'.")
    keep = bool(keepdims if keepdims is not None else keep_dims)
    with name_scope(name, "moments", [x, axes]):
        x = convert_to_tensor(x, name="x")
        half = x.dtype.base_dtype == dtypes.float16
        y = math_ops.cast(x, dtypes.float32) if half else x
        mean = reduction_ops.reduce_mean(y, axes, keepdims=True, name="mean")
        variance = reduction_ops.reduce_mean(
            math_ops.squared_difference(y, create1("StopGradient", [mean], "StopGradient")), axes, keepdims=True,
            name="variance")
        if not keep:
            mean = shape_ops.squeeze(mean, list(axes))
            variance = shape_ops.squeeze(variance, list(axes))
        if half:
            return math_ops.cast(mean, dtypes.float16), math_ops.cast(variance, dtypes.float16)
        return mean, variance


def batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None):
    """`tf.nn.batch_normalization`: `x * inv + (offset - mean * inv)`, inv = scale * rsqrt(var + eps).

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(tf.nn.batch_normalization(tf.ones([2]), 0., 1., 0., 1., 1e-3).name)
    batchnorm/add_1:0
    """
    with name_scope(name, "batchnorm", [x, mean, variance, scale, offset]):
        x = convert_to_tensor(x, name="x")
        inv = math_ops.rsqrt(math_ops.add(_like(variance, x), variance_epsilon, name="add"))
        if scale is not None:
            inv = math_ops.multiply(inv, _like(scale, x), name="mul")
        scaled = math_ops.multiply(x, math_ops.cast(inv, x.dtype), name="mul")
        if offset is not None:
            shift = math_ops.subtract(_like(offset, x), math_ops.multiply(_like(mean, x), inv, name="mul"),
                                      name="sub")
        else:
            shift = math_ops.multiply(math_ops.negative(_like(mean, x)), inv, name="mul")
        return math_ops.add(scaled, math_ops.cast(shift, x.dtype), name="add")


def _like(value, x):
    return value if hasattr(value, "dtype") and hasattr(value, "op") else convert_to_tensor(value, dtype=x.dtype)


def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None):
    """`tf.nn.l2_normalize`: `x * rsqrt(max(sum(x ** 2, axis), epsilon))`, the Mul named `l2_normalize`."""
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'dim' and 'axis'.")
        axis = dim
    with name_scope(name, "l2_normalize", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        square_sum = reduction_ops.reduce_sum(math_ops.square(x), axis, keepdims=True)
        inv_norm = math_ops.rsqrt(math_ops.maximum(square_sum, epsilon))
        return math_ops.multiply(x, inv_norm, name=scope)


# ---- FusedBatchNormV3 -----------------------------------------------------------------------------------------
def _fused_infer(ctx, x, scale, offset, mean, variance, *, data_format, is_training, **_):
    attr_choice("FusedBatchNormV3", "data_format", data_format, ("NHWC", "NCHW", "NDHWC", "NCDHW"))
    rank = len(text(data_format))
    check_rank(ctx, x, rank)
    for t in (scale, offset) if is_training else (scale, offset, mean, variance):
        check_rank(ctx, t, 1)
    _, channel = spatial_axes(data_format, rank)
    depth = x._shape[channel] if x._shape is not None else None
    for t in (scale, offset) if is_training else (scale, offset, mean, variance):
        d = t._shape[0] if t._shape is not None else None
        if depth is not None and d is not None and d != depth:
            raise infer_error(ctx, f"Dimensions must be equal, but are {depth} and {d}")
        depth = d if depth is None else depth
    u = scale.dtype.base_dtype
    shape = None if x._shape is None else x._shape
    return [(shape, x.dtype.base_dtype), ((depth,), u), ((depth,), u), ((depth,), u), ((depth,), u), (None, u)]


@functools.partial(jax.custom_vjp, nondiff_argnums=(3, 4, 5))
def _normalize_in_training(x, scale, offset, reduce, shape, epsilon):
    """(y, batch mean, biased batch variance) of float32 `x` normalized over `reduce`."""
    return _normalize_forward(x, scale, offset, reduce, shape, epsilon)[0]


def _normalize_forward(x, scale, offset, reduce, shape, epsilon):
    mean = jnp.mean(x, axis=reduce)
    centered = x - mean.reshape(shape)
    var = jnp.mean(centered * centered, axis=reduce)
    rstd = lax.rsqrt(var + np.float32(epsilon))
    return (_scale_and_shift(x, scale, offset, mean, rstd, shape), mean, var), (x, scale, mean, rstd)


def _scale_and_shift(x, scale, offset, mean, rstd, shape):
    """(x - mean) * rstd * scale + offset, folded into one multiply-add per element."""
    inv = scale * rstd
    return x * inv.reshape(shape) + (offset - mean * inv).reshape(shape)


def _normalize_backward(reduce, shape, epsilon, residuals, cotangents):
    """One pass for the two channel sums, one for dx (autodiff of the forward takes three of each).
    As TF's FusedBatchNormGrad, only y's cotangent flows back: the batch statistics outputs are not
    differentiated (TF: d(sum(batch_mean))/dx = 0)."""
    x, scale, mean, rstd = residuals
    dy = cotangents[0]
    n = np.float32(x.size // mean.size)
    centered = x - mean.reshape(shape)   # TF's order of operations, for its rounding under cancellation
    sum_dy = jnp.sum(dy, axis=reduce)
    sum_dy_centered = jnp.sum(dy * centered, axis=reduce)
    dx = (scale * rstd).reshape(shape) * (dy - (sum_dy / n).reshape(shape)
                                          - centered * (sum_dy_centered / n * rstd * rstd).reshape(shape))
    return dx, sum_dy_centered * rstd, sum_dy


_normalize_in_training.defvjp(_normalize_forward, _normalize_backward)


def _fused_kernel(x, scale, offset, mean, variance, *, epsilon, exponential_avg_factor, data_format,
                  is_training, **_):
    axes, channel = spatial_axes(data_format, x.ndim)
    reduce = (0,) + tuple(axes)
    shape = [1] * x.ndim
    shape[channel] = x.shape[channel]
    shape = tuple(shape)
    xf = x.astype(jnp.float32)
    if is_training:
        y, batch_mean, batch_var = _normalize_in_training(xf, scale.astype(jnp.float32),
                                                          offset.astype(jnp.float32), reduce, shape, epsilon)
        count = x.size // x.shape[channel]
        unbiased = batch_var * np.float32(count / max(count - 1, 1))
        factor = np.float32(exponential_avg_factor)
        if exponential_avg_factor != 1.0:
            out_mean = (1 - factor) * mean + factor * batch_mean
            out_var = (1 - factor) * variance + factor * unbiased
        else:
            out_mean, out_var = batch_mean, unbiased
    else:
        batch_mean, batch_var = mean.astype(jnp.float32), variance.astype(jnp.float32)
        out_mean, out_var = mean, variance
        y = _scale_and_shift(xf, scale, offset, batch_mean, lax.rsqrt(batch_var + np.float32(epsilon)), shape)
    reserve = lax.rsqrt(batch_var + np.float32(epsilon))
    return [y.astype(x.dtype), out_mean, out_var, batch_mean, reserve, jnp.zeros((0,), scale.dtype)]


@op("FusedBatchNormV3", attrs={"U": dtypes.float32, "epsilon": 0.0001, "exponential_avg_factor": 1.0,
                               "data_format": b"NHWC", "is_training": True})
class FusedBatchNormV3:
    infer = staticmethod(_fused_infer)
    kernel = staticmethod(_fused_kernel)




def fused_batch_norm(x, scale, offset, mean=None, variance=None, epsilon=0.001, data_format="NHWC",
                     is_training=True, name=None, exponential_avg_factor=1.0):
    """`tf.nn.fused_batch_norm`: (y, batch_mean, batch_variance) of one FusedBatchNormV3 op."""
    if (not is_training or exponential_avg_factor != 1.0) and (mean is None or variance is None):
        raise ValueError("Both `mean` and `variance` must be a 1D tensor when `is_training` is False or "
                         f"`exponential_avg_factor` != 1.0. Received: `mean` {mean!r} and `variance` {variance!r}")
    x = convert_to_tensor(x, name="input")
    scale = convert_to_tensor(scale, name="scale")
    offset = convert_to_tensor(offset, name="offset")
    mean = constant([]) if mean is None else convert_to_tensor(mean, name="mean")
    variance = constant([]) if variance is None else convert_to_tensor(variance, name="variance")
    if x.dtype.base_dtype not in _HALF_FLOAT:
        raise not_allowed_error("x", x.dtype.base_dtype, _HALF_FLOAT)
    fused = create("FusedBatchNormV3", [x, scale, offset, mean, variance], name or "FusedBatchNormV3",
                   U=scale.dtype.base_dtype, epsilon=float(np.float32(epsilon)),
                   exponential_avg_factor=float(exponential_avg_factor), data_format=text(data_format).encode(),
                   is_training=bool(is_training))
    return tuple(fused.outputs[:3])


# ---- LRN ---------------------------------------------------------------------------------------------------------
def _lrn_infer(ctx, x, **_):
    check_rank(ctx, x, 4)
    return [(x._shape, x.dtype.base_dtype)]


def _lrn_kernel(x, *, depth_radius, bias, alpha, beta, **_):
    """sqr_sum over channels d - r .. d + r: a banded matrix product on the channel axis."""
    depth = x.shape[-1]
    idx = np.arange(depth)
    band = (np.abs(idx[:, None] - idx[None, :]) <= depth_radius).astype(np.float32)
    xf = x.astype(jnp.float32)
    sqr_sum = jnp.matmul(xf * xf, band, precision=lax.Precision.HIGHEST)
    return (xf * (np.float32(bias) + np.float32(alpha) * sqr_sum) ** np.float32(-beta)).astype(x.dtype)


@op("LRN", attrs={"depth_radius": 5, "bias": 1.0, "alpha": 1.0, "beta": 0.5})
class LRN:
    infer = staticmethod(_lrn_infer)
    kernel = staticmethod(_lrn_kernel)


signature("LRN", "input", _HALF_FLOAT)


def lrn(input, depth_radius=5, bias=1, alpha=1, beta=0.5, name=None):  # noqa: A002
    """`tf.nn.lrn` (local_response_normalization): one `LRN` op over the last axis."""
    return apply_op("LRN", (input,), name, depth_radius=int(depth_radius), bias=float(bias), alpha=float(alpha),
                    beta=float(beta))


local_response_normalization = lrn

__all__ = ["moments", "batch_normalization", "fused_batch_norm", "l2_normalize", "lrn",
           "local_response_normalization"]
