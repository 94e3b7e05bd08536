"""More math: top_k (TopKV2), in_top_k (InTopKV2), einsum (Einsum), and the composites count_nonzero,
tensordot and accumulate_n. Batch matmul is `tf.matmul` (BatchMatMulV2, ops/reduction_ops.py).

Op types, names and build-time messages are TF's (golden: tests/golden/ops_extra_math.json).
tensordot builds TF's MatMul between transposed and reshaped operands; where TF's reshape target is a
`Prod` of run-time shape pieces, the product that is not known at build time becomes `-1` so the reshape
stays static when the run is compiled (XLA shapes are static).
"""
import collections
import math

import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import as_shape
from scopeflow.ops import array_ops, fill_ops, math_ops, shape_ops
from scopeflow.ops.array_build import build, const_value, infer_error, static
from scopeflow.ops.join_ops import concat
from scopeflow.ops.reduction_ops import _deprecated, add_n, matmul, reduce_sum
from scopeflow.ops.slicing import gather


# ---- TopKV2 / InTopKV2 --------------------------------------------------------------------------------------
@op("TopKV2", attrs={"sorted": True, "Tk": dtypes.int32, "index_type": dtypes.int32})
class TopKV2:
    @staticmethod
    def infer(ctx, x, k, *, index_type, **_):
        shape, value = x._shape, const_value(k)
        dtype = x.dtype.base_dtype
        if shape is not None and not shape:
            raise infer_error(ctx, "Shape must be at least rank 1 but is rank 0")
        k = None if value is None else int(value)
        if k is not None and k < 0:
            raise infer_error(ctx, f"Dimension size, given by scalar input 1, must be non-negative but is {k}",
                              computed=[1])
        if shape is None:
            return [(None, dtype), (None, index_type)]
        if k is not None and shape[-1] is not None and shape[-1] < k:
            raise infer_error(ctx, f"input must have last dimension >= k = {k} but is {shape[-1]}", computed=[1])
        out = shape[:-1] + (k,)
        return [(out, dtype), (out, index_type)]

    @staticmethod
    def kernel(x, k, *, index_type, **_):
        values, indices = jax.lax.top_k(jnp.asarray(x), int(static(k)))
        return [values, indices.astype(dtypes.as_dtype(index_type).as_numpy_dtype)]


@op("InTopKV2", attrs={"T": dtypes.int32}, type_attr=None)
class InTopKV2:
    @staticmethod
    def infer(ctx, predictions, targets, k, **_):
        p, t = predictions._shape, targets._shape
        if p is not None and len(p) != 2:
            raise infer_error(ctx, f"Shape must be rank 2 but is rank {len(p)}")
        if t is not None and len(t) != 1:
            raise infer_error(ctx, f"Shape must be rank 1 but is rank {len(t)}")
        batch = p[0] if p is not None else None
        if batch is None and t is not None:
            batch = t[0]
        return [((batch,), dtypes.bool)]

    @staticmethod
    def kernel(predictions, targets, k, **_):
        """TF's rule: a target is in the top k when fewer than k predictions are strictly larger; a
        non-finite target prediction or an out-of-range target is never in."""
        predictions = jnp.asarray(predictions)
        n = predictions.shape[1]
        valid = (targets >= 0) & (targets < n)
        picked = jnp.take_along_axis(predictions, jnp.clip(targets, 0, n - 1)[:, None].astype(jnp.int32), 1)
        larger = jnp.sum(predictions > picked, axis=1)
        return valid & jnp.isfinite(picked[:, 0]) & (larger < k)


TopKV2Output = collections.namedtuple("TopKV2", ["values", "indices"])


def top_k(input, k=1, sorted=True, name=None):  # noqa: A002  TF's argument names
    """`tf.nn.top_k` / `tf.math.top_k` (op TopKV2): `(values, indices)` of the k largest entries."""
    outputs = build("TopKV2", name, [("input", input, None), ("k", k, dtypes.int32)],
                    lambda ins: {"sorted": bool(sorted), "Tk": ins[1].dtype.base_dtype, "index_type": dtypes.int32},
                    outputs=True)
    return TopKV2Output(*outputs)


def in_top_k(predictions, targets, k, name=None):
    """`tf.nn.in_top_k` (op InTopKV2 under `in_top_k/`, named `name` inside its own scope as TF does)."""
    with name_scope(name, "in_top_k"):
        graph = get_default_graph()
        with graph.name_scope(name or "InTopKV2") as scope:
            predictions = convert_to_tensor(predictions, name="predictions")
            targets = convert_to_tensor(targets, preferred_dtype=dtypes.int32, name="targets")
            k = convert_to_tensor(k, dtype=targets.dtype.base_dtype, name="k")
            return graph._create_op("InTopKV2", [predictions, targets, k], scope,
                                    {"T": targets.dtype.base_dtype})._outputs[0]


# ---- count_nonzero / accumulate_n ------------------------------------------------------------------------------
def count_nonzero(input_tensor=None, axis=None, keepdims=None, dtype=dtypes.int64, name=None,
                  reduction_indices=None, keep_dims=None, input=None):  # noqa: A002
    """`tf.count_nonzero`: `Sum(Cast(NotEqual(x, 0), int64))`, cast to `dtype` when it differs."""
    input_tensor = _deprecated(input, input_tensor, "input", "input_tensor")
    axis = _deprecated(axis, reduction_indices, "axis", "reduction_indices")
    keepdims = bool(_deprecated(keepdims, keep_dims, "keepdims", "keep_dims"))
    with name_scope(name, "count_nonzero", [input_tensor]):
        x = convert_to_tensor(input_tensor, name="input")
        zero = fill_ops.zeros([], dtype=x.dtype.base_dtype)
        nonzero = math_ops.cast(math_ops.not_equal(x, zero), dtypes.int64)
        return math_ops.cast(reduce_sum(nonzero, axis=axis, keepdims=keepdims), dtype)


_ACCUMULATE_MESSAGE = "inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape"


def accumulate_n(inputs, shape=None, tensor_dtype=None, name=None):
    """`tf.math.accumulate_n`: checks shapes and dtypes, then `add_n` (AddN; one named input: Identity)."""
    if not inputs or not isinstance(inputs, (list, tuple)):
        raise ValueError(_ACCUMULATE_MESSAGE)
    inputs = [convert_to_tensor(t) for t in inputs]
    if any(t.dtype != inputs[0].dtype for t in inputs):
        raise ValueError(_ACCUMULATE_MESSAGE)
    merged = as_shape(shape)
    for t in inputs:
        merged = merged.merge_with(t.shape)
    if tensor_dtype is not None and dtypes.as_dtype(tensor_dtype) != inputs[0].dtype:
        raise TypeError(f"The `tensor_dtype` argument is {tensor_dtype}, but `input` is of type "
                        f"{inputs[0].dtype}. These must be equal. Try casting the input to the desired type.")
    if len(inputs) == 1 and name is not None:
        return array_ops.identity(inputs[0], name=name)
    return add_n(inputs, name=name)


# ---- tensordot ------------------------------------------------------------------------------------------------
def _tensordot_axes(a, axes):
    rank = a._shape and len(a._shape)
    if isinstance(axes, int):
        if axes < 0:
            raise ValueError("'axes' must be at least 0.")
        if a._shape is None:
            raise NotImplementedError("tensordot with an integer `axes` needs operands of known rank in scopeflow")
        if axes > rank:
            raise ValueError(f"'axes' must not be larger than the number of dimensions of tensor {a}.")
        return list(range(rank - axes, rank)), list(range(axes))
    if isinstance(axes, (list, tuple)):
        if len(axes) != 2:
            raise ValueError("'axes' must be an integer or have length 2.")
        a_axes, b_axes = axes
        if isinstance(a_axes, int) and isinstance(b_axes, int):
            a_axes, b_axes = [a_axes], [b_axes]
        if len(a_axes) != len(b_axes):
            raise ValueError(f"Different number of contraction axes 'a' and 'b', {len(a_axes)} != {len(b_axes)}.")
        return list(a_axes), list(b_axes)
    raise NotImplementedError("tensordot with a Tensor `axes` is not supported by scopeflow")


def _tensordot_reshape(a, axes, flipped=False):
    """`a` transposed and reshaped to a matrix; returns it with its free dims (list, or a Tensor)."""
    shape = a._shape
    if shape is None:
        raise NotImplementedError("tensordot needs operands of known rank in scopeflow")
    axes = [i + len(shape) if i < 0 else i for i in axes]
    free = [i for i in range(len(shape)) if i not in axes]
    free_dims = [shape[i] for i in free]
    axes_dims = [shape[i] for i in axes]
    perm = axes + free if flipped else free + axes
    if None not in shape:
        prod_free, prod_axes = math.prod(free_dims), math.prod(axes_dims)
        new_shape = [prod_axes, prod_free] if flipped else [prod_free, prod_axes]
        moved = shape_ops.transpose(a, perm) if perm != list(range(len(shape))) else a
        return (moved if list(moved._shape) == new_shape else shape_ops.reshape(moved, new_shape)), free_dims, free_dims
    axes_t = convert_to_tensor(axes, dtype=dtypes.int32, name="axes")
    free_t = convert_to_tensor(free, dtype=dtypes.int32, name="free")
    dims = shape_ops.shape(a)
    free_tensor = gather(dims, free_t)
    known_free = None if None in free_dims else math.prod(free_dims)
    known_axes = None if None in axes_dims else math.prod(axes_dims)
    # a product known at build time stays a number; the other is inferred by the reshape (-1)
    pair = [known_free if known_free is not None else -1, known_axes if known_axes is not None else -1]
    if -1 in pair and pair.count(-1) == 2:
        raise NotImplementedError("tensordot with unknown free and contracted dims is not supported by scopeflow")
    order = concat([axes_t, free_t], 0) if flipped else concat([free_t, axes_t], 0)
    moved = shape_ops.transpose(a, order)
    return shape_ops.reshape(moved, pair[::-1] if flipped else pair), free_tensor, free_dims


def tensordot(a, b, axes, name=None):
    """`tf.tensordot`: MatMul of reshaped operands, reshaped back to `a`'s free dims + `b`'s free dims."""
    with name_scope(name, "Tensordot", [a, b, axes]) as scope:
        a = convert_to_tensor(a, name="a")
        b = convert_to_tensor(b, name="b")
        a_axes, b_axes = _tensordot_axes(a, axes)
        a_matrix, a_free, a_static = _tensordot_reshape(a, a_axes)
        b_matrix, b_free, b_static = _tensordot_reshape(b, b_axes, True)
        product = matmul(a_matrix, b_matrix)
        if isinstance(a_free, list) and isinstance(b_free, list):
            if product._shape is not None and None not in product._shape and list(product._shape) == a_free + b_free:
                return product
            return shape_ops.reshape(product, a_free + b_free, name=scope)
        a_free = a_free if isinstance(a_free, Tensor) else convert_to_tensor(a_free, dtype=dtypes.int32)
        b_free = b_free if isinstance(b_free, Tensor) else convert_to_tensor(b_free, dtype=dtypes.int32)
        result = shape_ops.reshape(product, concat([a_free, b_free], 0), name=scope)
        result.set_shape(a_static + b_static)
        return result


# ---- Einsum --------------------------------------------------------------------------------------------------
def _einsum_infer(ctx, *inputs, equation, **_):
    dtype = inputs[0].dtype.base_dtype
    text = equation.decode()
    shapes = [t._shape for t in inputs]
    if all(s is not None and None not in s for s in shapes):
        try:
            out = jax.eval_shape(lambda *xs: jnp.einsum(text, *xs),
                                 *[jax.ShapeDtypeStruct(s, np.float32) for s in shapes])
        except Exception as exc:   # TF reports a malformed equation at build time too
            raise infer_error(ctx, str(exc)) from None
        return [(tuple(out.shape), dtype)]
    if "..." in text or any(s is None for s in shapes):
        return [(None, dtype)]
    lhs, _, rhs = text.replace(" ", "").partition("->")
    labels = {}
    for spec, shape in zip(lhs.split(","), shapes):
        for letter, d in zip(spec, shape):
            labels[letter] = labels.get(letter) or d
    if not _:
        rhs = "".join(sorted(c for c in set(lhs) if c.isalpha() and lhs.count(c) == 1))
    return [(tuple(labels.get(c) for c in rhs), dtype)]


def _einsum_kernel(*inputs, equation, **_):
    return jnp.einsum(equation.decode(), *inputs).astype(inputs[0].dtype)


op("Einsum", attrs={"equation": b"", "N": 1})(
    type("Einsum", (), {"infer": staticmethod(_einsum_infer), "kernel": staticmethod(_einsum_kernel)}))


def einsum(equation, *inputs, **kwargs):
    """`tf.einsum(equation, *inputs, name=None)` (op Einsum under `einsum/`)."""
    name = kwargs.pop("name", None)
    if kwargs:
        raise TypeError(f"Invalid keyword arguments for this function: {', '.join(sorted(kwargs))}. "
                        f"Expected: name.")
    graph = get_default_graph()
    with graph.name_scope(name or "einsum"):
        tensors = [convert_to_tensor(t, name=f"inputs_{i}") for i, t in enumerate(inputs)]
        return graph._create_op("Einsum", tensors, "Einsum",
                                {"equation": equation.encode(), "N": len(tensors)})._outputs[0]


__all__ = ["top_k", "in_top_k", "count_nonzero", "accumulate_n", "tensordot", "einsum"]
