"""bias_add, xw_plus_b, dropout and embedding_lookup of `tf.nn`.

BiasAdd is one op (data_format NHWC: bias on the last axis; NCHW: on axis 1). dropout is TF's graph
under `dropout/`: a scaling Mul (or RealDiv by `1 - rate` for a tensor rate), a RandomUniform from
random_ops, `GreaterEqual` against the rate and a `SelectV2` with zero; a rate of 0 returns `x` itself.
embedding_lookup of one params tensor is a GatherV2 named after the scope plus an Identity (optionally
clipped by norm); lists of several partitions are not built (their ops have value-dependent shapes).
Golden: tests/golden/ops_nn_misc.json.
"""
import numbers

from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import array_ops, clip_ops, math_ops, random_ops, reduction_ops, shape_ops, slicing, transform_ops
from scopeflow.ops.array_build import infer_error
from scopeflow.ops.common import name_scope
from scopeflow.ops.math_ops import NUMBER_TYPES, _dtype_list, apply_op, not_allowed_error, signature
from scopeflow.ops.nn_conv import text


# ---- BiasAdd ------------------------------------------------------------------------------------------------
def _bias_add_infer(ctx, value, bias, *, data_format, **_):
    nchw = text(data_format) == "NCHW"
    shape = value._shape
    least = 3 if nchw else 2
    if shape is not None and len(shape) < least:
        raise infer_error(ctx, f"Shape must be at least rank {least} but is rank {len(shape)}")
    if bias._shape is not None and len(bias._shape) != 1:
        raise infer_error(ctx, f"Shape must be rank 1 but is rank {len(bias._shape)}")
    if shape is None:
        return [(None, value.dtype.base_dtype)]
    channel = 1 if nchw else len(shape) - 1
    depth, size = shape[channel], bias._shape[0] if bias._shape is not None else None
    if depth is not None and size is not None and depth != size:
        raise infer_error(ctx, f"Dimensions must be equal, but are {depth} and {size}")
    out = list(shape)
    out[channel] = depth if depth is not None else size
    return [(tuple(out), value.dtype.base_dtype)]


def _bias_add_kernel(value, bias, *, data_format, **_):
    if text(data_format) == "NCHW":
        bias = bias.reshape((-1,) + (1,) * (value.ndim - 2))
    return value + bias


@op("BiasAdd", attrs={"data_format": b"NHWC"})
class BiasAdd:
    infer = staticmethod(_bias_add_infer)
    kernel = staticmethod(_bias_add_kernel)


signature("BiasAdd", "value bias", NUMBER_TYPES)


def bias_add(value, bias, data_format=None, name=None):
    """`tf.nn.bias_add`: one `BiasAdd` op; `data_format` of the form `N...C` or `NC...`."""
    with name_scope(name, "BiasAdd", [value, bias]) as scope:
        attrs = {}
        if data_format is not None:
            fmt = text(data_format)
            if fmt.startswith("NC"):
                attrs["data_format"] = b"NCHW"
            elif fmt.startswith("N") and fmt.endswith("C"):
                attrs["data_format"] = b"NHWC"
            else:
                raise ValueError(f"`data_format` must be of the form `N...C` or `NC...`. Received: data_format={fmt}")
        value = convert_to_tensor(value, name="input")
        bias = _convert_bias(bias, value.dtype.base_dtype)
        return apply_op("BiasAdd", (value, bias), scope, **attrs)


def _convert_bias(bias, dtype):
    if isinstance(bias, Tensor) and bias.dtype.base_dtype != dtype:
        raise ValueError(f"bias: Tensor conversion requested dtype {dtype.name} for Tensor with dtype "
                         f"{bias.dtype.base_dtype.name}: {bias!r}")
    return convert_to_tensor(bias, dtype=dtype, name="bias")


def xw_plus_b(x, weights, biases, name=None):
    """`tf.nn.xw_plus_b`: `MatMul` then a `BiasAdd` named `xw_plus_b`."""
    with name_scope(name, "xw_plus_b", [x, weights, biases]) as scope:
        x = convert_to_tensor(x, name="x")
        weights = convert_to_tensor(weights, name="weights")
        biases = convert_to_tensor(biases, name="biases")
        return bias_add(reduction_ops.matmul(x, weights), biases, name=scope)


# ---- dropout ----------------------------------------------------------------------------------------------------
def dropout(x, keep_prob=None, noise_shape=None, seed=None, name=None, rate=None):
    """`tf.nn.dropout` (TF1 signature): keeps each element with probability `1 - rate`, scaled up.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(tf.nn.dropout(tf.ones([2, 3]), keep_prob=0.5).name)
    dropout/SelectV2:0
    """
    rate_from_keep = None
    if keep_prob is not None:
        try:
            rate_from_keep = 1. - keep_prob
        except TypeError:
            raise ValueError(f"`keep_prob` must be a floating point number or Tensor. Received: "
                             f"keep_prob={keep_prob}") from None
        if rate is not None:
            raise ValueError("Cannot specify both 'keep_prob' and 'rate'.")
        rate = rate_from_keep
    if rate is None:
        raise ValueError(f"`rate` must be provided. Received: rate={rate}")
    return _dropout(x, rate, noise_shape, seed, name)


def _dropout(x, rate, noise_shape, seed, name):
    with name_scope(name, "dropout", [x]):
        is_number = isinstance(rate, numbers.Real)
        if is_number and (rate < 0 or rate >= 1):
            raise ValueError(f"`rate` must be a scalar tensor or a float in the range [0, 1). Received: rate={rate}")
        x = convert_to_tensor(x, name="x")
        dtype = x.dtype.base_dtype
        if not dtype.is_floating:
            raise ValueError(f"`x.dtype` must be a floating point tensor as `x` will be scaled. Received: "
                             f"x_dtype={dtype}")
        if is_number and rate == 0:
            return x
        if not isinstance(rate, Tensor):
            if not is_number:
                raise ValueError(f"`rate` must be a scalar or scalar tensor. Received: rate={rate}")
            scale = constant(1 / (1 - rate), dtype=dtype)
            ret = apply_op("Mul", (x, scale), "Mul")
        else:
            rate.shape.assert_has_rank(0)
            if rate.dtype.base_dtype != dtype:
                rate = math_ops.cast(rate, dtype, name="rate")
            one = constant(1, dtype=dtype)
            ret = apply_op("RealDiv", (x, apply_op("Sub", (one, rate), "Sub")), "RealDiv")
        shape = shape_ops.shape(x) if noise_shape is None else _noise_shape(x, noise_shape)
        keep = random_ops.random_uniform(shape, seed=seed, dtype=dtype) >= rate
        ret = transform_ops.where_v2(keep, ret, constant(0, dtype=dtype))
        ret.set_shape(x.shape)
        return ret


def _noise_shape(x, noise_shape):
    """TF's `_get_noise_shape`: None entries of a list noise_shape take x's static dimension."""
    if isinstance(noise_shape, Tensor) or x.shape.ndims is None:
        return noise_shape
    noise_shape = list(noise_shape.as_list() if hasattr(noise_shape, "as_list") else noise_shape)
    if len(noise_shape) == x.shape.ndims and any(d is None for d in noise_shape):
        noise_shape = [x.shape.as_list()[i] if d is None else d for i, d in enumerate(noise_shape)]
    return noise_shape


_GATHER_INDEX_TYPES = _dtype_list("int16 int32 int64")


# ---- embedding_lookup ------------------------------------------------------------------------------------------------
def embedding_lookup(params, ids, partition_strategy="mod", name=None, validate_indices=True, max_norm=None):
    """`tf.nn.embedding_lookup` of one params tensor: GatherV2 named `embedding_lookup`, then Identity.

    A resource variable is gathered through its handle (ResourceGather `embedding_lookup`, colocated with
    the variable, as TF's `colocate_with(params[0])`), never read whole.
    """
    if params is None:
        raise ValueError("params must be specified")
    if isinstance(params, (list, tuple)) and not params:
        raise ValueError("Length of params is currently 0. Need at least one param.")
    if hasattr(params, "_get_variable_list"):   # a PartitionedVariable
        params = list(params)
    if not isinstance(params, (list, tuple)):
        params = [params]
    if len(params) > 1:
        raise NotImplementedError("scopeflow: embedding_lookup over several partitions (DynamicPartition / "
                                  "ParallelDynamicStitch) is not implemented; concat the partitions first")
    with name_scope(name, "embedding_lookup", list(params) + [ids]) as scope:
        ids = convert_to_tensor(ids, name="ids")
        if hasattr(params[0], "sparse_read"):
            with params[0].graph.colocate_with(params[0].op):
                result = params[0].sparse_read(ids, name=scope)
        else:
            table = convert_to_tensor(params[0], name="params")
            if ids.dtype.base_dtype not in _GATHER_INDEX_TYPES:   # GatherV2's op-builder check
                raise not_allowed_error("indices", ids.dtype.base_dtype, _GATHER_INDEX_TYPES)
            result = slicing.gather(table, ids, name=scope)
        if max_norm is not None:
            ids_rank, params_rank = ids.shape.ndims, result.shape.ndims
            result = clip_ops.clip_by_norm(result, max_norm, axes=list(range(ids_rank, params_rank)))
        return array_ops.identity(result)


__all__ = ["bias_add", "xw_plus_b", "dropout", "embedding_lookup"]
