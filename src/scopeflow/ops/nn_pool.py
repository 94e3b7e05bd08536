"""Pooling of `tf.nn`: max_pool / avg_pool (1d, 2d, 3d), max_pool_with_argmax.

Ops: MaxPool, AvgPool, MaxPool3D, AvgPool3D, MaxPoolWithArgmax; ksize and strides are full-rank lists,
so one kernel serves every layout. Kernel formulations are chosen by measurement (bench/nn_kernels.py):
XLA's gradient of a `reduce_window` max is ~30-80x slower on CPU than a reshape when windows tile the input
exactly (stride == ksize, nothing padded), and a strided-slice "patches" gradient beats it ~4x otherwise
(CPU only; other backends keep XLA's native select-and-scatter, unmeasured here).
Max-pool gradients go to the first maximum of each window in row-major order, as TF's MaxPoolGrad.
AvgPool averages over the in-bounds elements only (TF's SAME padding).
1-d pooling is ExpandDims + the 2-d op + Squeeze, named as TF names it.
"""
import itertools

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from scopeflow.framework import dtypes
from scopeflow.framework.registry import op
from scopeflow.ops import shape_ops
from scopeflow.ops.common import name_scope
from scopeflow.ops.math_ops import _dtype_list, apply_op, signature
from scopeflow.ops.nn_conv import (attr_choice, check_rank, convert_padding, explicit_pads, sequence, spatial_axes,
                                   text, window_size)

MAXPOOL_TYPES = _dtype_list("float16 bfloat16 float32 float64 int32 int64 uint8 int16 int8 uint16 qint8")
FLOAT_TYPES = _dtype_list("float16 bfloat16 float32 float64")


# ---- kernels ---------------------------------------------------------------------------------------------
def _pads(x, ksize, strides, padding, explicit=()):
    return explicit_pads(x.shape, ksize, strides, [1] * x.ndim, text(padding), explicit)


def _tiles(x, ksize, strides, pads):
    """Whether windows tile `x` exactly: stride == ksize, no padding, each size a multiple of its window."""
    return all(k == s and n % k == 0 and p == (0, 0) for n, k, s, p in zip(x.shape, ksize, strides, pads))


def _blocks(x, ksize):
    """x reshaped so that every window is its own pair of axes: (n0, k0, n1, k1, ...)."""
    shape = []
    for n, k in zip(x.shape, ksize):
        shape += [n // k, k]
    return x.reshape(shape)


def _window_offsets(ksize):
    return list(itertools.product(*[range(k) for k in ksize]))


def _patch(xp, offset, strides, out_shape):
    """The input elements seen at window position `offset` by every output element (a strided slice)."""
    limit = [o + (n - 1) * s + 1 for o, n, s in zip(offset, out_shape, strides)]
    return lax.slice(xp, offset, limit, strides)


def _first_max_grad(xp, y, g, ksize, strides):
    """Gradient of a max pool w.r.t. its padded input: each window's gradient to its first maximum."""
    grad = jnp.zeros(xp.shape, g.dtype)
    taken = jnp.zeros(y.shape, bool)
    for offset in _window_offsets(ksize):
        hit = (_patch(xp, offset, strides, y.shape) == y) & ~taken
        taken = taken | hit
        part = jnp.where(hit, g, jnp.zeros((), g.dtype))
        config = [(o, n - o - (m - 1) * s - 1, s - 1) for o, n, m, s in zip(offset, xp.shape, y.shape, strides)]
        grad = grad + lax.pad(part, jnp.zeros((), g.dtype), config)
    return grad


def _lowest(dtype):
    return np.array(-np.inf if jnp.issubdtype(dtype, jnp.floating) else jnp.iinfo(dtype).min, dtype)


def _max_pool_tiled(x, ksize):
    """Exactly tiling windows: a reshape and a max; the gradient picks each window's first maximum."""
    @jax.custom_vjp
    def pool(x):
        return jnp.max(_blocks(x, ksize), axis=tuple(range(1, 2 * x.ndim, 2)))

    def forward(x):
        return pool(x), x

    def backward(x, g):
        blocks = _blocks(x, ksize)
        rank = x.ndim
        # windows last, flattened: the argmax is the first maximum in row-major window order, as TF
        perm = list(range(0, 2 * rank, 2)) + list(range(1, 2 * rank, 2))
        flat = blocks.transpose(perm).reshape(g.shape + (-1,))
        hot = jax.nn.one_hot(jnp.argmax(flat, axis=-1), flat.shape[-1], dtype=g.dtype) * g[..., None]
        hot = hot.reshape(g.shape + tuple(ksize)).transpose(np.argsort(perm))
        return (hot.reshape(x.shape),)

    pool.defvjp(forward, backward)
    return pool(x)


def _max_pool_patches(x, ksize, strides, pads):
    """Overlapping or padded windows: reduce_window forward, a strided-slice gradient (first maximum)."""
    @jax.custom_vjp
    def pool(x):
        return lax.reduce_window(x, _lowest(x.dtype), lax.max, ksize, strides, pads)

    def forward(x):
        return pool(x), x

    def backward(x, g):
        xp = lax.pad(x, _lowest(x.dtype), [(lo, hi, 0) for lo, hi in pads])
        y = lax.reduce_window(xp, _lowest(x.dtype), lax.max, ksize, strides, "VALID")
        grad = _first_max_grad(xp, y, g, ksize, strides)
        crop = tuple(slice(lo, lo + n) for (lo, _), n in zip(pads, x.shape))
        return (grad[crop],)

    pool.defvjp(forward, backward)
    return pool(x)


def max_pool_kernel(x, *, ksize, strides, padding, explicit_paddings=(), **_):
    pads = _pads(x, ksize, strides, padding, explicit_paddings)
    if _tiles(x, ksize, strides, pads):
        return _max_pool_tiled(x, tuple(ksize))
    if jax.default_backend() == "cpu":
        return _max_pool_patches(x, tuple(ksize), tuple(strides), tuple(pads))
    # elsewhere XLA's own select-and-scatter gradient (also to the first maximum) is the native path
    return lax.reduce_window(x, _lowest(x.dtype), lax.max, ksize, strides, pads)


def avg_pool_kernel(x, *, ksize, strides, padding, **_):
    pads = _pads(x, ksize, strides, padding)
    if _tiles(x, ksize, strides, pads):
        return jnp.mean(_blocks(x, ksize), axis=tuple(range(1, 2 * x.ndim, 2))).astype(x.dtype)
    # numpy init values: JAX differentiates reduce_window only when it recognises the monoid
    total = lax.reduce_window(x, np.zeros((), x.dtype), lax.add, ksize, strides, pads)
    return total / jnp.asarray(_window_counts(x.shape, total.shape, ksize, strides, pads), x.dtype)


def _window_counts(in_shape, out_shape, ksize, strides, pads):
    """In-bounds elements of each window, a numpy constant (TF's SAME average ignores the padding)."""
    counts = np.ones((), np.float64)
    for size, n, k, s, (lo, _) in zip(in_shape, out_shape, ksize, strides, pads):
        start = np.arange(n) * s - lo
        counts = np.multiply.outer(counts, np.minimum(start + k, size) - np.maximum(start, 0))
    return counts


def _argmax_kernel(x, *, ksize, strides, padding, include_batch_in_index, Targmax, **_):  # noqa: N803
    """MaxPoolWithArgmax: the max and its flat index ((y * width + x) * channels + c) in NHWC."""
    pads = _pads(x, ksize, strides, padding)
    xp = lax.pad(x, _lowest(x.dtype), [(lo, hi, 0) for lo, hi in pads])
    n, h, w, c = x.shape
    rows = jnp.arange(xp.shape[1])[None, :, None, None] - pads[1][0]
    cols = jnp.arange(xp.shape[2])[None, None, :, None] - pads[2][0]
    index = (rows * w + cols) * c + jnp.arange(c)[None, None, None, :]
    if include_batch_in_index:
        index = index + jnp.arange(n)[:, None, None, None] * (h * w * c)
    index = jnp.broadcast_to(index, xp.shape).astype(dtypes.jax_dtype(Targmax))
    y = lax.reduce_window(xp, _lowest(x.dtype), lax.max, ksize, strides, "VALID")
    best = jnp.zeros(y.shape, index.dtype)
    taken = jnp.zeros(y.shape, bool)
    for offset in _window_offsets(ksize):
        hit = (_patch(xp, offset, strides, y.shape) == y) & ~taken
        taken = taken | hit
        best = jnp.where(hit, _patch(index, offset, strides, y.shape), best)
    return [y, best]


# ---- declarations ----------------------------------------------------------------------------------------
def _pool_infer(op_type, formats, paddings):
    def infer(ctx, x, *, ksize, strides, padding, data_format=b"NHWC", explicit_paddings=(), **_):
        attr_choice(op_type, "padding", padding, paddings)
        attr_choice(op_type, "data_format", data_format, formats)
        rank = len(formats[0])
        check_rank(ctx, x, rank)
        shape = x._shape or (None,) * rank
        padding = text(padding)
        out = []
        for axis, n in enumerate(shape):
            pads = explicit_paddings[2 * axis:2 * axis + 2] if padding == "EXPLICIT" else (0, 0)
            out.append(window_size(ctx, n, ksize[axis], strides[axis], 1, padding, pads))
        return [(tuple(out), x.dtype.base_dtype)]
    return infer


_POOLS = (
    # TF type       formats                             paddings                  kernel           dtypes
    ("MaxPool", ("NHWC", "NCHW", "NCHW_VECT_C"), ("SAME", "VALID", "EXPLICIT"), max_pool_kernel, MAXPOOL_TYPES),
    ("AvgPool", ("NHWC", "NCHW"), ("SAME", "VALID"), avg_pool_kernel, FLOAT_TYPES),
    ("MaxPool3D", ("NDHWC", "NCDHW"), ("SAME", "VALID"), max_pool_kernel, FLOAT_TYPES),
    ("AvgPool3D", ("NDHWC", "NCDHW"), ("SAME", "VALID"), avg_pool_kernel, FLOAT_TYPES),
)
for _type, _formats, _paddings, _kernel, _allowed in _POOLS:
    _attrs = {"ksize": None, "strides": None, "padding": None, "data_format": _formats[0].encode()}
    if "EXPLICIT" in _paddings:
        _attrs["explicit_paddings"] = []
    op(_type, attrs=_attrs)(type(_type, (), {"infer": staticmethod(_pool_infer(_type, _formats, _paddings)),
                                             "kernel": staticmethod(_kernel)}))
    signature(_type, "value" if _type == "AvgPool" else "input", _allowed)


def _argmax_infer(ctx, x, *, Targmax, **attrs):  # noqa: N803
    (spec,) = _pool_infer("MaxPoolWithArgmax", ("NHWC",), ("SAME", "VALID"))(ctx, x, **attrs)
    return [spec, (spec[0], Targmax)]


@op("MaxPoolWithArgmax", attrs={"ksize": None, "strides": None, "Targmax": dtypes.int64, "padding": None,
                                "include_batch_in_index": False})
class MaxPoolWithArgmax:
    infer = staticmethod(_argmax_infer)
    kernel = staticmethod(_argmax_kernel)


signature("MaxPoolWithArgmax", "input", _dtype_list("float16 bfloat16 float32 float64 int32 int64 uint8 int16 "
                                                    "int8 uint16 uint32 uint64"))


# ---- API ----------------------------------------------------------------------------------------------------
def _pool(op_type, value, ksize, strides, padding, data_format, name, default_name, n=2):
    fmt = text(data_format) or ("NHWC" if n == 2 else "NDHWC")
    channel = spatial_axes(fmt, n + 2)[1]
    ksize = sequence(ksize, n, channel, "ksize")
    strides = sequence(strides, n, channel, "strides")
    attrs = {}
    if op_type == "MaxPool":
        padding, attrs["explicit_paddings"] = convert_padding(padding, 4)
    with name_scope(name, default_name, [value]) as scope:
        return apply_op(op_type, (value,), scope, ksize=ksize, strides=strides, padding=text(padding).encode(),
                        data_format=fmt.encode(), **attrs)


def max_pool(value, ksize, strides, padding, data_format="NHWC", name=None, input=None):  # noqa: A002
    """`tf.nn.max_pool`: one `MaxPool` op (ksize and strides: an int or 1, 2 or 4 values)."""
    value = input if value is None else value
    return _pool("MaxPool", value, ksize, strides, padding, data_format, name, "MaxPool")


def max_pool2d(input, ksize, strides, padding, data_format="NHWC", name=None):  # noqa: A002
    return _pool("MaxPool", input, ksize, strides, padding, data_format, name, "MaxPool2d")


def max_pool_v2(input, ksize, strides, padding, data_format=None, name=None):  # noqa: A002
    """`tf.nn.max_pool_v2`: dispatches on the input's rank to the 1-d, 2-d or 3-d pool."""
    rank = input.shape.ndims if hasattr(input, "shape") and input.shape.ndims else 4
    if rank == 3:
        return max_pool1d(input, ksize, strides, padding, data_format or "NWC", name)
    if rank == 5:
        return max_pool3d(input, ksize, strides, padding, data_format or "NDHWC", name)
    return max_pool2d(input, ksize, strides, padding, data_format or "NHWC", name)


def avg_pool(value, ksize, strides, padding, data_format="NHWC", name=None, input=None):  # noqa: A002
    """`tf.nn.avg_pool`: one `AvgPool` op."""
    value = input if value is None else value
    return _pool("AvgPool", value, ksize, strides, padding, data_format, name, "AvgPool")


avg_pool2d = avg_pool


def max_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):  # noqa: A002
    return _pool("MaxPool3D", input, ksize, strides, padding, data_format, name, "MaxPool3D", n=3)


def avg_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):  # noqa: A002
    return _pool("AvgPool3D", input, ksize, strides, padding, data_format, name, "AvgPool3D", n=3)


def _pool1d(op_type, input, ksize, strides, padding, data_format, name, default_name):  # noqa: A002
    fmt = text(data_format)
    if fmt in ("NWC", "NHWC", None):
        expanding, fmt2 = 1, "NHWC"
    else:
        expanding, fmt2 = 2, "NCHW"
    channel = 3 if fmt2 == "NHWC" else 1
    ksize = [1] + sequence(ksize, 1, channel - 1 if channel == 3 else 1, "ksize")
    strides = [1] + sequence(strides, 1, channel - 1 if channel == 3 else 1, "strides")
    with name_scope(name, default_name, [input]) as scope:
        expanded = shape_ops.expand_dims(input, expanding)
        pooled = _pool(op_type, expanded, ksize, strides, padding, fmt2, scope, op_type)
        return shape_ops.squeeze(pooled, [expanding])


def max_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):  # noqa: A002
    """`tf.nn.max_pool1d`: ExpandDims, a `MaxPool` named after the scope, Squeeze."""
    return _pool1d("MaxPool", input, ksize, strides, padding, data_format, name, "MaxPool1d")


def avg_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):  # noqa: A002
    return _pool1d("AvgPool", input, ksize, strides, padding, data_format, name, "AvgPool1D")


def max_pool_with_argmax(input, ksize, strides, padding, data_format="NHWC", Targmax=None, name=None,  # noqa: A002
                         output_dtype=None, include_batch_in_index=False):  # noqa: N803
    """`tf.nn.max_pool_with_argmax`: (output, argmax) of one `MaxPoolWithArgmax` op."""
    targmax = dtypes.as_dtype(Targmax or output_dtype or dtypes.int64)
    ksize = sequence(ksize, 2, 3, "ksize")
    strides = sequence(strides, 2, 3, "strides")
    with name_scope(name, "MaxPoolWithArgmax", [input]) as scope:
        out = apply_op("MaxPoolWithArgmax", (input,), scope, ksize=ksize, strides=strides, Targmax=targmax,
                       padding=text(padding).encode(), include_batch_in_index=bool(include_batch_in_index))
        return out, out.op.outputs[1]


__all__ = ["max_pool", "max_pool2d", "max_pool_v2", "avg_pool", "avg_pool2d", "max_pool1d", "avg_pool1d",
           "max_pool3d", "avg_pool3d", "max_pool_with_argmax"]
