"""Dilated convolutions as TF1 builds them: SpaceToBatchND, the convolution, BatchToSpaceND.

Owns the ops SpaceToBatchND, BatchToSpaceND and Conv3DBackpropInputV2, and the API functions whose
graphs depend on a dilation rate: `tf.nn.convolution`, `atrous_conv2d`, `depthwise_conv2d`,
`separable_conv2d`, plus `conv3d_transpose`. With every rate 1 they build the plain op; otherwise TF's
`with_space_to_batch` graph with its constant paddings (`required_space_to_batch_paddings/...`), which
needs the input's spatial dimensions known at build time (a NotImplementedError says so otherwise).
Golden: tests/golden/ops_nn_conv.json, tests/golden/layers_conv.json.
"""
import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import shape_ops
from scopeflow.ops.array_build import build, const_value, infer_error, shape_value, static
from scopeflow.ops.common import create1, name_scope
from scopeflow.ops.nn_conv import (FLOAT_TYPES, _check_pair, attr_choice, check_rank, conv1d, conv2d, conv3d,
                                   conv_kernel, depthwise_conv2d_native, spatial_axes, text)


# ---- SpaceToBatchND / BatchToSpaceND ------------------------------------------------------------------------
def _block_infer(to_batch):
    def infer(ctx, x, block, pads, **_):
        block_v, pads_v = const_value(block), const_value(pads)
        shape = x._shape
        if shape is None or block_v is None or pads_v is None:
            return [(None if shape is None else (None,) * len(shape), x.dtype.base_dtype)]
        block_v, pads_v = np.ravel(block_v).tolist(), np.asarray(pads_v).reshape(-1, 2).tolist()
        count = int(np.prod(block_v))
        out = list(shape)
        if to_batch:
            out[0] = None if shape[0] is None else shape[0] * count
        else:
            if shape[0] is not None and shape[0] % count:
                raise infer_error(ctx, f"Input batch dimension ({shape[0]}) is not divisible by product of block "
                                       f"sizes ({count})")
            out[0] = None if shape[0] is None else shape[0] // count
        for i, (b, (lo, hi)) in enumerate(zip(block_v, pads_v)):
            d = shape[1 + i]
            if d is None:
                continue
            if to_batch:
                if (d + lo + hi) % b:
                    raise infer_error(ctx, f"Padded input dimension {i + 1} ({d + lo + hi}) is not divisible by "
                                           f"block size ({b})")
                out[1 + i] = (d + lo + hi) // b
            else:
                out[1 + i] = d * b - lo - hi
        return [(tuple(out), x.dtype.base_dtype)]
    return infer


def _space_to_batch(x, block, pads, **_):
    block, pads = [int(b) for b in static(block)], static(pads).reshape(-1, 2).tolist()
    n = len(block)
    x = jnp.pad(x, [(0, 0)] + [tuple(p) for p in pads] + [(0, 0)] * (x.ndim - 1 - n))
    batch, rest = x.shape[0], x.shape[1 + n:]
    split = [batch]
    for i, b in enumerate(block):
        split += [x.shape[1 + i] // b, b]
    x = x.reshape(split + list(rest))
    perm = [2 + 2 * i for i in range(n)] + [0] + [1 + 2 * i for i in range(n)] + list(range(1 + 2 * n, x.ndim))
    x = x.transpose(perm)
    return x.reshape([batch * int(np.prod(block))] + [split[1 + 2 * i] for i in range(n)] + list(rest))


def _batch_to_space(x, block, crops, **_):
    block, crops = [int(b) for b in static(block)], static(crops).reshape(-1, 2).tolist()
    n = len(block)
    batch = x.shape[0] // int(np.prod(block))
    spatial, rest = list(x.shape[1:1 + n]), list(x.shape[1 + n:])
    x = x.reshape(block + [batch] + spatial + rest)
    perm = [n]
    for i in range(n):
        perm += [n + 1 + i, i]
    x = x.transpose(perm + list(range(2 * n + 1, x.ndim)))
    x = x.reshape([batch] + [s * b for s, b in zip(spatial, block)] + rest)
    index = (slice(None),) + tuple(slice(lo, x.shape[1 + i] - hi) for i, (lo, hi) in enumerate(crops))
    return x[index]


@op("SpaceToBatchND", attrs={"Tblock_shape": dtypes.int32, "Tpaddings": dtypes.int32})
class SpaceToBatchND:
    infer = staticmethod(_block_infer(True))
    kernel = staticmethod(_space_to_batch)


@op("BatchToSpaceND", attrs={"Tblock_shape": dtypes.int32, "Tcrops": dtypes.int32})
class BatchToSpaceND:
    infer = staticmethod(_block_infer(False))
    kernel = staticmethod(_batch_to_space)


def space_to_batch_nd(input, block_shape, paddings, name=None):  # noqa: A002
    """`tf.space_to_batch_nd`: one `SpaceToBatchND` op."""
    return build("SpaceToBatchND", name, [("input", input, None), ("block_shape", block_shape, dtypes.int32),
                                          ("paddings", paddings, dtypes.int32)])


def batch_to_space_nd(input, block_shape, crops, name=None):  # noqa: A002
    """`tf.batch_to_space_nd`: one `BatchToSpaceND` op."""
    return build("BatchToSpaceND", name, [("input", input, None), ("block_shape", block_shape, dtypes.int32),
                                          ("crops", crops, dtypes.int32)])


# ---- with_space_to_batch ---------------------------------------------------------------------------------------
def _with_space_to_batch(inp, rate, padding, build_op, filter_shape, data_format):
    """TF's `with_space_to_batch`: `build_op(input, padding)` on the space-to-batch transformed input."""
    n = len(rate)
    rate_t = constant(np.asarray(rate, np.int32), name="dilation_rate")
    if all(r == 1 for r in rate):
        return build_op(inp, padding)
    if padding == "SAME":
        if not isinstance(filter_shape, Tensor):
            filter_shape = constant(np.asarray(filter_shape, np.int32), name="filter_shape")
        spatial = np.asarray(const_value(filter_shape))[:n]
        extra = (spatial - 1) * np.asarray(rate)
        base = np.stack([extra // 2, extra - extra // 2], axis=1).astype(np.int32)
        base_t = constant(base, name="stack")
    elif padding == "VALID":
        base, base_t = np.zeros([n, 2], np.int32), None
    else:
        raise ValueError(f"padding must be either 'VALID' or 'SAME'. Received: padding={padding}")
    axes, _ = spatial_axes(data_format or "N" + "H" * n + "C", n + 2)
    dims = inp.shape.as_list() if inp.shape.ndims is not None else None
    if dims is None or any(dims[a] is None for a in axes):
        raise NotImplementedError("scopeflow: a dilated convolution needs the input's spatial dimensions at "
                                  "build time")
    sizes = np.asarray([dims[a] for a in axes], np.int32)
    with name_scope(None, "required_space_to_batch_paddings", [sizes, rate_t]):
        constant(sizes, name="input_shape")
        if base_t is None:
            constant(base, name="base_paddings")
        full = sizes + base[:, 0] + base[:, 1]
        extra_end = (np.asarray(rate) - full % np.asarray(rate)) % np.asarray(rate)
        paddings = np.stack([base[:, 0], base[:, 1] + extra_end], axis=1).astype(np.int32)
        crops = np.stack([np.zeros(n, np.int32), extra_end], axis=1).astype(np.int32)
        constant(paddings, name="paddings")
        constant(crops, name="crops")
    block = np.asarray(rate, np.int32)
    converted = space_to_batch_nd(inp, block, paddings)
    result = build_op(converted, "VALID")
    return batch_to_space_nd(result, block, crops)


def _rate_list(rate, n):
    rate = [1] * n if rate is None else ([rate] * n if isinstance(rate, int) else list(rate))
    if any(r < 1 for r in rate):
        raise ValueError(f"all values of `dilation_rate` must be positive. Received: dilation_rate={np.array(rate)}")
    return rate


def convolution(input, filter=None, padding=None, strides=None, dilation_rate=None, name=None,  # noqa: A002
                data_format=None, filters=None, dilations=None):
    """`tf.nn.convolution`: conv1d/conv2d/conv3d named `convolution`, through SpaceToBatchND when dilated."""
    filter = filters if filter is None else filter  # noqa: A001
    dilation_rate = dilations if dilation_rate is None else dilation_rate
    filter_t = filter if isinstance(filter, Tensor) else None
    if filter_t is None:
        with name_scope(None, "convolution_internal", [input, filter]):
            filter_t = convert_to_tensor(filter, name="filters")
    n = filter_t.shape.ndims - 2
    rate = _rate_list(dilation_rate, n)
    strides = [1] * n if strides is None else ([strides] * n if isinstance(strides, int) else list(strides))
    padding = text(padding)
    with name_scope(name, "convolution", [input, filter_t]) as scope:
        input = convert_to_tensor(input, name="input")  # noqa: A001

        def build_op(x, pad):
            if n == 1:
                return conv1d(x, filter_t, strides[0], pad, data_format=data_format, name=scope)
            fmt = data_format or ("NHWC" if n == 2 else "NDHWC")
            full = [1] * (n + 2)
            for i, a in enumerate(spatial_axes(fmt, n + 2)[0]):
                full[a] = strides[i]
            return (conv2d if n == 2 else conv3d)(x, filter_t, full, pad, data_format=fmt, name=scope)

        if all(r == 1 for r in rate):
            return build_op(input, padding)
        return _with_space_to_batch(input, rate, padding, build_op, filter_t.shape.as_list(), data_format)


def atrous_conv2d(value, filters, rate, padding, name=None):
    """`tf.nn.atrous_conv2d`: `tf.nn.convolution` with dilation `rate` (SpaceToBatchND / BatchToSpaceND)."""
    return convolution(value, filters, padding, dilation_rate=[rate, rate], name=name)


def depthwise_conv2d(input, filter, strides, padding, rate=None, name=None, data_format=None,  # noqa: A002
                     dilations=None):
    """`tf.nn.depthwise_conv2d`: `DepthwiseConv2dNative` named `depthwise` (SpaceToBatchND when rate > 1)."""
    rate = _rate_list(dilations if rate is None else rate, 2)
    with name_scope(name, "depthwise", [input, filter]) as scope:
        input = convert_to_tensor(input, name="tensor_in")  # noqa: A001
        filter = convert_to_tensor(filter, name="filter_in")  # noqa: A001
        shape = shape_ops.shape(filter)

        def build_op(x, pad):
            return depthwise_conv2d_native(x, filter, strides, pad, data_format=data_format or "NHWC", name=scope)

        return _with_space_to_batch(input, rate, text(padding), build_op, shape, data_format)


def separable_conv2d(input, depthwise_filter, pointwise_filter, strides, padding, rate=None,  # noqa: A002
                     name=None, data_format=None, dilations=None):
    """`tf.nn.separable_conv2d`: `separable_conv2d/depthwise`, then a 1x1 `Conv2D` named after the scope."""
    with name_scope(name, "separable_conv2d", [input, depthwise_filter, pointwise_filter]) as scope:
        input = convert_to_tensor(input, name="tensor_in")  # noqa: A001
        depthwise_filter = convert_to_tensor(depthwise_filter, name="depthwise_filter")
        pointwise_filter = convert_to_tensor(pointwise_filter, name="pointwise_filter")
        pw = pointwise_filter.shape
        pw.with_rank(4)
        pw[0].assert_is_compatible_with(1)
        pw[1].assert_is_compatible_with(1)
        rate = _rate_list(dilations if rate is None else rate, 2)
        shape = shape_ops.shape(depthwise_filter)

        def build_op(x, pad):
            return depthwise_conv2d_native(x, depthwise_filter, strides, pad, data_format=data_format or "NHWC",
                                           name="depthwise")

        depthwise = _with_space_to_batch(input, rate, text(padding), build_op, shape, data_format)
        return conv2d(depthwise, pointwise_filter, [1, 1, 1, 1], padding="VALID", data_format=data_format or "NHWC",
                      name=scope)


# ---- Conv3DBackpropInputV2 (conv3d_transpose) ---------------------------------------------------------------------
def _backprop3d_infer(ctx, sizes, w, dy, *, padding, data_format, **_):
    attr_choice("Conv3DBackpropInputV2", "padding", padding, ("SAME", "VALID"))
    attr_choice("Conv3DBackpropInputV2", "data_format", data_format, ("NDHWC", "NCDHW"))
    check_rank(ctx, w, 5)
    check_rank(ctx, dy, 5)
    value = shape_value(sizes)
    if value is None or len(value) != 5:
        return [(None if value is None else tuple(value), dy.dtype.base_dtype)]
    return [(tuple(None if v is None or v < 0 else v for v in value), dy.dtype.base_dtype)]


def _backprop3d_kernel(sizes, w, dy, *, T=None, Tshape=None, **attrs):  # noqa: N803
    sizes = [int(v) for v in np.ravel(static(sizes))]
    _, transpose = jax.vjp(lambda x: conv_kernel(x, w, **attrs), jnp.zeros(sizes, dy.dtype))
    return transpose(dy)[0]


@op("Conv3DBackpropInputV2", attrs={"T": None, "Tshape": dtypes.int32, "strides": None, "padding": None,
                                    "data_format": b"NDHWC", "dilations": [1, 1, 1, 1, 1]}, type_attr=None)
class Conv3DBackpropInputV2:
    infer = staticmethod(_backprop3d_infer)
    kernel = staticmethod(_backprop3d_kernel)


def conv3d_transpose(value, filter=None, output_shape=None, strides=None, padding="SAME",  # noqa: A002
                     data_format="NDHWC", name=None, input=None, filters=None, dilations=None):
    """`tf.nn.conv3d_transpose`: a `Conv3DBackpropInputV2` op named `conv3d_transpose`."""
    value = input if value is None else value
    filter = filters if filter is None else filter  # noqa: A001
    dilations = [1] * 5 if dilations is None else ([dilations] * 5 if isinstance(dilations, int) else list(dilations))
    with name_scope(name, "conv3d_transpose", [value, filter, output_shape]) as scope:
        sizes = convert_to_tensor(output_shape, dtype=dtypes.int32, name="input_sizes") \
            if not isinstance(output_shape, Tensor) else output_shape
        filter = convert_to_tensor(filter, name="filter")  # noqa: A001
        value = convert_to_tensor(value, dtype=filter.dtype.base_dtype if not isinstance(value, Tensor) else None,
                                  name="out_backprop")
        _check_pair("Conv3DBackpropInputV2", ("filter", filter), ("out_backprop", value), FLOAT_TYPES)
        return create1("Conv3DBackpropInputV2", [sizes, filter, value], scope, T=filter.dtype.base_dtype,
                       Tshape=sizes.dtype.base_dtype, strides=list(strides), padding=text(padding).encode(),
                       data_format=text(data_format).encode(), dilations=dilations)


__all__ = ["convolution", "atrous_conv2d", "depthwise_conv2d", "separable_conv2d", "conv3d_transpose",
           "space_to_batch_nd", "batch_to_space_nd"]
