"""Convolutions of `tf.nn`: conv1d/2d/3d, conv2d_transpose, depthwise_conv2d_native (dilation-rate API
functions that may build SpaceToBatchND live in nn_conv_dilated).

Ops: Conv2D, Conv3D, Conv2DBackpropInput, DepthwiseConv2dNative. String attributes are bytes, as TF's
`get_attr` returns them. Build-time inference follows TF's shape functions and messages (golden:
tests/golden/ops_nn_conv.json); the window arithmetic (`window_size`, `attr_choice`) is shared with
nn_pool. Kernels are `lax.conv_general_dilated` with explicit dimension numbers and explicit pads;
float32 convolutions run at full precision (TF1 has no TF32), like MatMul in reduction_ops.
conv1d is ExpandDims + Conv2D + Squeeze, as TF builds it.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import shape_ops
from scopeflow.ops.array_build import const_value, infer_error
from scopeflow.ops.common import create1, name_scope
from scopeflow.ops.math_ops import _dtype_list, apply_op, mismatch_error, not_allowed_error, signature

_HIGHEST = lax.Precision.HIGHEST
CONV_TYPES = _dtype_list("float16 bfloat16 float32 float64 int32")
FLOAT_TYPES = _dtype_list("float16 bfloat16 float32 float64")
PADDINGS = ("SAME", "VALID", "EXPLICIT")


# ---- shared with nn_pool: attribute checks and window arithmetic ----------------------------------------
def text(value):
    return value.decode() if isinstance(value, bytes) else value


def attr_choice(op_type, attr, value, allowed):
    """TF's op-builder check of a string attribute; returns the value as bytes."""
    value = text(value)
    if value not in allowed:
        shown = ", ".join(f'"{a}"' for a in allowed)
        raise ValueError(f"Attr '{attr}' of '{op_type}' Op passed string '{value}' not in: {shown}.")
    return value.encode()


def check_rank(ctx, t, rank):
    if t._shape is not None and len(t._shape) != rank:
        raise infer_error(ctx, f"Shape must be rank {rank} but is rank {len(t._shape)}")


def spatial_axes(data_format, rank):
    """Indices of the spatial dimensions and of the channel dimension for `data_format`."""
    if text(data_format)[1] == "C":
        return list(range(2, rank)), 1
    return list(range(1, rank - 1)), rank - 1


def window_size(ctx, size, k, s, d, padding, pads=(0, 0)):
    """TF's windowed output size: None if `size` is unknown; TF's message when a window does not fit."""
    if size is None:
        return None
    effective = (k - 1) * d + 1
    if padding == "SAME":
        return -(-size // s)
    total = size + pads[0] + pads[1]
    if total < effective:
        raise infer_error(ctx, f"Negative dimension size caused by subtracting {effective} from {total}")
    return (total - effective) // s + 1


def explicit_pads(sizes, ksize, strides, dilations, padding, explicit):
    """(lo, hi) pads per dimension (every dimension, batch and channel included) for the kernels."""
    if padding == "EXPLICIT":
        return [(int(explicit[2 * i]), int(explicit[2 * i + 1])) for i in range(len(sizes))]
    if padding == "VALID":
        return [(0, 0)] * len(sizes)
    pads = []
    for n, k, s, d in zip(sizes, ksize, strides, dilations):
        effective = (k - 1) * d + 1
        total = max((-(-n // s) - 1) * s + effective - n, 0)
        pads.append((total // 2, total - total // 2))
    return pads


def sequence(value, n, channel_index, name):
    """TF's `_get_sequence`: an int or a list of 1, n or n + 2 values as a full n + 2 list."""
    if value is None:
        value = 1
    if isinstance(value, int):
        value = [value]
    value = list(value)
    if len(value) == n + 2:
        return value
    if len(value) not in (1, n):
        raise ValueError(f"{name} should be of length 1, {n} or {n + 2}. Received: {name}={value} of length "
                         f"{len(value)}")
    value = value * n if len(value) == 1 else value
    full = [1] * (n + 2)
    start = 2 if channel_index == 1 else 1
    full[start:start + n] = value
    return full


def convert_padding(padding, expected):
    """TF's padding argument: a string, or a list of (lo, hi) pairs -> ("EXPLICIT", flat list)."""
    if isinstance(padding, (list, tuple)) and not isinstance(padding, (str, bytes)):
        padding = [list(p) for p in padding]
        if len(padding) != expected:
            raise ValueError(f"When padding is a list, it must be of size {expected}. Received: "
                             f"padding={padding} of size {len(padding)}")
        return "EXPLICIT", [int(v) for pair in padding for v in pair]
    return text(padding), []


# ---- Conv2D / Conv3D -------------------------------------------------------------------------------------
def _check_attrs(op_type, padding, data_format, formats, paddings=PADDINGS):
    attr_choice(op_type, "padding", padding, paddings)
    attr_choice(op_type, "data_format", data_format, formats)


def _conv_infer(op_type, formats, paddings):
    def infer(ctx, x, w, *, strides, padding, data_format, dilations, explicit_paddings=(), **_):
        _check_attrs(op_type, padding, data_format, formats, paddings)
        rank = len(formats[0])
        check_rank(ctx, x, rank)
        check_rank(ctx, w, rank)
        axes, channel = spatial_axes(data_format, rank)
        shape = x._shape or (None,) * rank
        wshape = w._shape or (None,) * rank
        depth, filter_depth = shape[channel], wshape[-2]
        if depth is not None and filter_depth is not None and depth % filter_depth:
            raise infer_error(ctx, f"Depth of input ({depth}) is not a multiple of input depth of filter "
                                   f"({filter_depth})")
        padding = text(padding)
        if padding == "EXPLICIT":
            if any(explicit_paddings[2 * i + j] for i in (0, channel) for j in (0, 1)):
                raise infer_error(ctx, "Nonzero explicit padding in the batch or depth dimensions is not supported")
        out = [None] * rank
        out[0], out[channel] = shape[0], wshape[-1]
        for i, axis in enumerate(axes):
            pads = explicit_paddings[2 * axis:2 * axis + 2] if padding == "EXPLICIT" else (0, 0)
            k = wshape[i]
            out[axis] = None if k is None else window_size(ctx, shape[axis], k, strides[axis], dilations[axis],
                                                           padding, pads)
        return [(tuple(out), x.dtype.base_dtype)]
    return infer


def _dimension_numbers(data_format):
    fmt = text(data_format)
    spatial = fmt.replace("N", "").replace("C", "")
    return (fmt, spatial + "IO", fmt)


def conv_kernel(x, w, *, strides, padding, data_format, dilations, explicit_paddings=(), **_):
    """N-d convolution in TF's layout: explicit pads, grouped when the filter is shallower than the input."""
    axes, channel = spatial_axes(data_format, x.ndim)
    pads = explicit_pads([x.shape[a] for a in axes], w.shape[:-2], [strides[a] for a in axes],
                         [dilations[a] for a in axes], text(padding),
                         [v for a in axes for v in explicit_paddings[2 * a:2 * a + 2]])
    return lax.conv_general_dilated(
        x, w, window_strides=[strides[a] for a in axes], padding=pads,
        rhs_dilation=[dilations[a] for a in axes], dimension_numbers=_dimension_numbers(data_format),
        feature_group_count=x.shape[channel] // w.shape[-2], precision=_HIGHEST,
        preferred_element_type=None)


_CONV2D_ATTRS = {"strides": None, "use_cudnn_on_gpu": True, "padding": None, "explicit_paddings": [],
                 "data_format": b"NHWC", "dilations": [1, 1, 1, 1]}
_CONV3D_ATTRS = {"strides": None, "padding": None, "data_format": b"NDHWC", "dilations": [1, 1, 1, 1, 1]}


@op("Conv2D", attrs=_CONV2D_ATTRS)
class Conv2D:
    infer = staticmethod(_conv_infer("Conv2D", ("NHWC", "NCHW"), PADDINGS))
    kernel = staticmethod(conv_kernel)


@op("Conv3D", attrs=_CONV3D_ATTRS)
class Conv3D:
    infer = staticmethod(_conv_infer("Conv3D", ("NDHWC", "NCDHW"), ("SAME", "VALID")))
    kernel = staticmethod(conv_kernel)


signature("Conv2D", "input filter", CONV_TYPES)
signature("Conv3D", "input filter", FLOAT_TYPES)


# ---- DepthwiseConv2dNative ---------------------------------------------------------------------------------
def _depthwise_infer(ctx, x, w, *, strides, padding, data_format, dilations, explicit_paddings=(), **_):
    _check_attrs("DepthwiseConv2dNative", padding, data_format, ("NHWC", "NCHW"))
    check_rank(ctx, x, 4)
    check_rank(ctx, w, 4)
    axes, channel = spatial_axes(data_format, 4)
    shape = x._shape or (None,) * 4
    wshape = w._shape or (None,) * 4
    depth = shape[channel]
    if depth is not None and wshape[2] is not None and depth != wshape[2]:
        raise infer_error(ctx, f"Dimensions must be equal, but are {depth} and {wshape[2]}")
    depth = depth if depth is not None else wshape[2]
    out = [None] * 4
    out[0] = shape[0]
    out[channel] = None if depth is None or wshape[3] is None else depth * wshape[3]
    padding = text(padding)
    for i, axis in enumerate(axes):
        pads = explicit_paddings[2 * axis:2 * axis + 2] if padding == "EXPLICIT" else (0, 0)
        out[axis] = None if wshape[i] is None else window_size(ctx, shape[axis], wshape[i], strides[axis],
                                                               dilations[axis], padding, pads)
    return [(tuple(out), x.dtype.base_dtype)]


def _depthwise_kernel(x, w, **attrs):
    kh, kw, depth, multiplier = w.shape
    return conv_kernel(x, w.reshape(kh, kw, 1, depth * multiplier), **attrs)


@op("DepthwiseConv2dNative", attrs={"strides": None, "padding": None, "explicit_paddings": [],
                                    "data_format": b"NHWC", "dilations": [1, 1, 1, 1]})
class DepthwiseConv2dNative:
    infer = staticmethod(_depthwise_infer)
    kernel = staticmethod(_depthwise_kernel)


signature("DepthwiseConv2dNative", "input filter", FLOAT_TYPES)


# ---- Conv2DBackpropInput (conv2d_transpose) ------------------------------------------------------------------
def _backprop_input_infer(ctx, sizes, w, dy, *, strides, padding, data_format, dilations, **_):
    _check_attrs("Conv2DBackpropInput", padding, data_format, ("NHWC", "NCHW"))
    check_rank(ctx, w, 4)
    check_rank(ctx, dy, 4)
    axes, channel = spatial_axes(data_format, 4)
    if w._shape is not None and dy._shape is not None:
        a, b = dy._shape[channel], w._shape[3]
        if a is not None and b is not None and a != b:
            raise infer_error(ctx, f"Dimensions must be equal, but are {a} and {b}")
    value = const_value(sizes)
    if value is None:
        count = sizes._shape[0] if sizes._shape else None
        out = [None] * 4
        out[0] = dy._shape[0] if dy._shape else None
        return [(tuple(out) if count == 4 else None, dy.dtype.base_dtype)]
    value = [int(v) for v in np.ravel(value)]
    if len(value) == 2:
        out = [None] * 4
        out[0] = dy._shape[0] if dy._shape else None
        out[channel] = w._shape[2] if w._shape else None
        for axis, v in zip(axes, value):
            out[axis] = v
        return [(tuple(out), dy.dtype.base_dtype)]
    if len(value) != 4:
        raise infer_error(ctx, f"Conv2DBackpropInput requires input_sizes to contain 4 values or 2 values, but "
                               f"got: {len(value)}")
    value[0] = dy._shape[0] if dy._shape else None   # TF takes the batch from out_backprop
    return [(tuple(value), dy.dtype.base_dtype)]


def _backprop_input_kernel(sizes, w, dy, *, T=None, **attrs):  # noqa: N803
    sizes = [int(v) for v in np.ravel(np.asarray(sizes))]
    axes, channel = spatial_axes(attrs["data_format"], 4)
    if len(sizes) == 2:
        full = [dy.shape[0]] * 4
        full[channel] = w.shape[2]
        for axis, v in zip(axes, sizes):
            full[axis] = v
        sizes = full
    _, transpose = jax.vjp(lambda x: conv_kernel(x, w, **attrs), jnp.zeros(sizes, dy.dtype))
    return transpose(dy)[0]


@op("Conv2DBackpropInput", attrs={"T": None, **_CONV2D_ATTRS}, type_attr=None)
class Conv2DBackpropInput:
    infer = staticmethod(_backprop_input_infer)
    kernel = staticmethod(_backprop_input_kernel)


# ---- API ------------------------------------------------------------------------------------------------
def _channel_index(data_format, rank):
    return spatial_axes(data_format or "N" + "H" * (rank - 2) + "C", rank)[1]


def conv2d(input, filter=None, strides=None, padding=None, use_cudnn_on_gpu=True,  # noqa: A002
           data_format="NHWC", dilations=(1, 1, 1, 1), name=None, filters=None):
    """`tf.nn.conv2d`: one `Conv2D` op; `padding` may be a list of pairs (EXPLICIT)."""
    filter = filters if filter is None else filter  # noqa: A001
    fmt = text(data_format) or "NHWC"
    channel = _channel_index(fmt, 4)
    strides = sequence(strides, 2, channel, "strides")
    dilations = sequence(dilations, 2, channel, "dilations")
    padding, explicit = convert_padding(padding, 4)
    return apply_op("Conv2D", (input, filter), name, strides=strides, use_cudnn_on_gpu=bool(use_cudnn_on_gpu),
                    padding=padding.encode(), explicit_paddings=explicit, data_format=fmt.encode(),
                    dilations=dilations)


def conv3d(input, filter=None, strides=None, padding=None, data_format="NDHWC",  # noqa: A002
           dilations=(1, 1, 1, 1, 1), name=None, filters=None):
    """`tf.nn.conv3d`: one `Conv3D` op (strides and dilations of length 5)."""
    filter = filters if filter is None else filter  # noqa: A001
    return apply_op("Conv3D", (input, filter), name, strides=list(strides), padding=text(padding).encode(),
                    data_format=text(data_format).encode(), dilations=list(dilations))


def conv1d(value=None, filters=None, stride=None, padding=None, use_cudnn_on_gpu=None, data_format=None,
           name=None, input=None, dilations=None):  # noqa: A002
    """`tf.nn.conv1d`: ExpandDims of input and filter, a `Conv2D` named after the scope, then Squeeze.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(tf.nn.conv1d(tf.zeros([2, 8, 3]), tf.zeros([3, 3, 4]), 1, "SAME").name)
    conv1d/Squeeze:0
    """
    value = input if value is None else value
    with name_scope(name, "conv1d", [value, filters]) as scope:
        fmt = text(data_format)
        if fmt is None or fmt in ("NHWC", "NWC"):
            fmt, spatial_start, channel = "NHWC", -3, 2
        elif fmt in ("NCHW", "NCW"):
            fmt, spatial_start, channel = "NCHW", -2, 1
        else:
            raise ValueError(f"`data_format` must be 'NWC' or 'NCW'. Received: data_format={fmt}")
        strides = [1] + sequence(stride, 1, channel, "stride")
        dilations = [1] + sequence(dilations, 1, channel, "dilations")
        value = shape_ops.expand_dims(value, spatial_start)
        filters = shape_ops.expand_dims(filters, 0)
        result = conv2d(value, filters, strides, padding, use_cudnn_on_gpu=True if use_cudnn_on_gpu is None
                        else use_cudnn_on_gpu, data_format=fmt, dilations=dilations, name=scope)
        return shape_ops.squeeze(result, [spatial_start])


def conv2d_transpose(value=None, filter=None, output_shape=None, strides=None, padding="SAME",  # noqa: A002
                     data_format="NHWC", name=None, input=None, filters=None, dilations=None):
    """`tf.nn.conv2d_transpose`: a `Conv2DBackpropInput` op named `conv2d_transpose`."""
    value = input if value is None else value
    filter = filters if filter is None else filter  # noqa: A001
    fmt = text(data_format)
    channel = _channel_index(fmt, 4)
    strides = sequence(strides, 2, channel, "strides")
    dilations = sequence(dilations, 2, channel, "dilations")
    padding, explicit = convert_padding(padding, 4)
    attr_choice("Conv2DBackpropInput", "padding", padding, PADDINGS)
    attr_choice("Conv2DBackpropInput", "data_format", fmt, ("NHWC", "NCHW"))
    with name_scope(name, "conv2d_transpose", [value, filter, output_shape]) as scope:
        # converted in the op's argument order, as TF's generated wrapper does
        sizes = convert_to_tensor(output_shape, dtype=dtypes.int32, name="input_sizes")
        filter = convert_to_tensor(filter, name="filter")  # noqa: A001
        value = convert_to_tensor(value, dtype=filter.dtype.base_dtype if not isinstance(value, Tensor) else None,
                                  name="out_backprop")
        _check_pair("Conv2DBackpropInput", ("filter", filter), ("out_backprop", value), FLOAT_TYPES)
        return create1("Conv2DBackpropInput", [sizes, filter, value], scope, T=filter.dtype.base_dtype,
                       strides=strides,
                       use_cudnn_on_gpu=True, padding=padding.encode(), explicit_paddings=explicit,
                       data_format=fmt.encode(), dilations=dilations)


def _check_pair(op_type, first, second, allowed):
    (a, x), (b, y) = first, second
    if x.dtype.base_dtype not in allowed:
        raise not_allowed_error(a, x.dtype.base_dtype, allowed)
    if y.dtype.base_dtype != x.dtype.base_dtype:
        raise mismatch_error(op_type, b, y.dtype.base_dtype, x.dtype.base_dtype, a)


def depthwise_conv2d_native(input, filter, strides, padding, data_format="NHWC",  # noqa: A002
                            dilations=(1, 1, 1, 1), name=None):
    """`tf.nn.depthwise_conv2d_native`: one `DepthwiseConv2dNative` op."""
    padding, explicit = convert_padding(padding, 4)
    return apply_op("DepthwiseConv2dNative", (input, filter), name, strides=list(strides),
                    padding=padding.encode(), explicit_paddings=explicit, data_format=text(data_format).encode(),
                    dilations=list(dilations))


__all__ = ["conv1d", "conv2d", "conv3d", "conv2d_transpose", "depthwise_conv2d_native"]
