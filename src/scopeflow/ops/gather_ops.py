"""Index-driven selection and placement: gather_nd (GatherNd), scatter_nd (ScatterNd), boolean_mask,
unique / unique_with_counts, dynamic_partition / dynamic_stitch.

tf.gather (GatherV2) and tf.one_hot (OneHot) belong to slicing / fill_ops. Op types, attributes (TF
2.x's `bad_indices_policy` included), names and messages are TF's (golden: tests/golden/ops_gather.json).
XLA compiles static shapes only: an op whose output size depends on values (Unique, DynamicPartition,
DynamicStitch, and Where inside boolean_mask) runs when those values are known when the run is compiled
(constants and what folds from them) and otherwise fails the run with UnimplementedError naming the op.
"""
import collections

import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes, errors
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.ops import shape_ops
from scopeflow.ops.array_build import build, const_value, merge_shapes, shape_value, static, xp
from scopeflow.ops.join_ops import concat
from scopeflow.ops.reduction_ops import reduce_prod
from scopeflow.ops.slicing import gather, where

_POLICY = {"bad_indices_policy": b""}


def _dims(shape):
    return "[" + ",".join("?" if d is None else str(d) for d in shape) + "]"


def concrete(ctx, value, what):
    """`value` as numpy when the run's compilation knows it; else TF's UnimplementedError naming the op."""
    if isinstance(value, (np.ndarray, np.generic)):
        return np.asarray(value)
    op = ctx.op
    raise errors.UnimplementedError(op.node_def, op, errors.with_node(
        f"{op.type}: the output shape depends on the values of {what}, which are only known when the run "
        f"executes; XLA compiles static shapes, so they must be known when the run is compiled (constants)",
        op.name))


# ---- GatherNd / ScatterNd ---------------------------------------------------------------------------------
@op("GatherNd", attrs={"Tparams": None, "Tindices": dtypes.int32, **_POLICY}, type_attr=None)
class GatherNd:
    @staticmethod
    def infer(ctx, params, indices, **_):
        dtype, p, i = params.dtype.base_dtype, params._shape, indices._shape
        if i is None or not i or i[-1] is None:
            return [(None, dtype)]
        r = i[-1]
        if p is None:
            return [(None, dtype)]
        if r > len(p):
            raise ctx.error(f"indices.shape[-1] must be <= params.rank, but saw indices shape: {_dims(i)} and "
                            f"params shape: {_dims(p)}")
        return [(i[:-1] + p[r:], dtype)]

    @staticmethod
    def kernel(params, indices, **_):
        params = xp(params, indices).asarray(params)   # numpy params indexed by traced indices: jnp
        return params[tuple(indices[..., k] for k in range(indices.shape[-1]))]


def gather_nd(params, indices, name=None, batch_dims=0):
    """`tf.gather_nd` (op GatherNd): slices of `params` addressed by the last axis of `indices`."""
    if batch_dims:
        raise NotImplementedError("gather_nd with batch_dims > 0 is not supported by scopeflow")
    return build("GatherNd", name, [("params", params, None), ("indices", indices, dtypes.int32)],
                 lambda ins: {"Tparams": ins[0].dtype.base_dtype, "Tindices": ins[1].dtype.base_dtype, **_POLICY})


@op("ScatterNd", attrs={"T": None, "Tindices": dtypes.int32, **_POLICY}, type_attr=None)
class ScatterNd:
    @staticmethod
    def infer(ctx, indices, updates, shape, **_):
        dtype = updates.dtype.base_dtype
        out = shape_value(shape)
        out = None if out is None else tuple(None if d is None or d < 0 else d for d in out)
        i, u = indices._shape, updates._shape
        if out is None or i is None or u is None or not i or i[-1] is None:
            return [(out, dtype)]
        outer = len(i) - 1

        def fail(message):
            return ctx.error(f"Dimensions [0,{outer}) of indices[shape={_dims(i)}] = {_dims(i[:outer])} must "
                             f"match dimensions [0,{outer}) of updates[shape={_dims(u)}] = {_dims(u[:outer])}: "
                             f"{message}")
        merge_shapes(fail, i[:outer], u[:outer])
        inner, slice_dims = u[outer:], out[i[-1]:]

        def fail_inner(message):
            return ctx.error(f"Dimensions [{i[-1]},{len(out)}) of input[shape={_dims(out)}] = {_dims(slice_dims)} "
                             f"must match dimensions [{outer},{len(u)}) of updates[shape={_dims(u)}] = "
                             f"{_dims(inner)}: {message}")
        merge_shapes(fail_inner, slice_dims, inner)
        return [(out, dtype)]

    @staticmethod
    def kernel(indices, updates, shape, **_):
        dims = tuple(int(d) for d in static(shape))
        r = indices.shape[-1]
        target = jnp.zeros(dims, updates.dtype)
        return target.at[tuple(indices[..., k] for k in range(r))].add(updates)


def scatter_nd(indices, updates, shape, name=None):
    """`tf.scatter_nd` (op ScatterNd): `updates` summed into zeros of `shape` at `indices`."""
    def attrs(ins):
        return {"T": ins[1].dtype.base_dtype, "Tindices": ins[0].dtype.base_dtype, **_POLICY}
    graph = get_default_graph()
    if all(hasattr(v, "_op") for v in (indices, updates, shape)):
        return build("ScatterNd", name, [("indices", indices, None), ("updates", updates, None),
                                         ("shape", shape, None)], attrs)
    with graph.name_scope(name or "ScatterNd") as scope:
        indices = convert_to_tensor(indices, name="indices")
        updates = convert_to_tensor(updates, name="updates")
        shape = convert_to_tensor(shape, dtype=indices.dtype.base_dtype, name="shape")
        return graph._create_op("ScatterNd", [indices, updates, shape], scope,
                                attrs([indices, updates]))._outputs[0]


# ---- boolean_mask ------------------------------------------------------------------------------------------
def boolean_mask(tensor, mask, name="boolean_mask", axis=None):
    """`tf.boolean_mask`: Reshape, Where, Squeeze and GatherV2 under `boolean_mask/`, as TF builds it.

    The masked dims flatten into one whose size is TF's `Prod` of their shape (packed into the Reshape's
    shape as `concat/values_1`); that shape folds to numpy when the run is compiled, so the reshape stays
    static. A mask known only at run time needs a dynamic shape (Where: UnimplementedError).
    """
    with get_default_graph().name_scope(name):
        tensor = convert_to_tensor(tensor, name="tensor")
        mask = convert_to_tensor(mask, name="mask")
        mask_shape = mask._shape
        if mask_shape is not None and not mask_shape:
            raise ValueError("mask cannot be scalar.")
        if mask_shape is None:
            raise ValueError("Number of mask dimensions must be specified, even if some dimensions are None.  "
                             "E.g. shape=[None] is ok, but shape=None is not.")
        axis = 0 if axis is None else axis
        ndims = len(mask_shape)
        tensor.shape[axis:axis + ndims].assert_is_compatible_with(TensorShape(list(mask_shape)))
        # TF asks for the shape three times (Shape, Shape_1, Shape_2), each folded to a Const when known
        leading_size = reduce_prod(shape_ops.shape(tensor)[axis:axis + ndims], [0])
        before = shape_ops.shape(tensor)[:axis]
        after = shape_ops.shape(tensor)[axis + ndims:]
        tensor = shape_ops.reshape(tensor, concat([before, [leading_size], after], 0))
        mask = shape_ops.reshape(mask, [-1])
        indices = shape_ops.squeeze(where(mask), axis=[1])
        return gather(tensor, indices, axis=axis)


# ---- Unique --------------------------------------------------------------------------------------------------
def _unique_infer(ctx, x, *, out_idx, **attrs):
    if x._shape is not None and len(x._shape) != 1:
        raise ctx.error(f"Shape must be rank 1 but is rank {len(x._shape)}")
    specs = [((None,), x.dtype.base_dtype), (x._shape, out_idx)]
    return specs + [((None,), out_idx)] if ctx.decl.type == "UniqueWithCounts" else specs


def _unique_kernel(ctx, x, *, out_idx, **_):
    """TF's order: unique values as they first occur."""
    x = concrete(ctx, x, "its input")
    _, first, inverse, counts = np.unique(x, return_index=True, return_inverse=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    index_type = dtypes.as_dtype(out_idx).as_numpy_dtype
    outputs = [x[first[order]], rank[inverse.ravel()].astype(index_type)]
    if ctx.op.type == "UniqueWithCounts":
        outputs.append(counts[order].astype(index_type))
    return outputs


for _type in ("Unique", "UniqueWithCounts"):
    op(_type, attrs={"out_idx": dtypes.int32}, context=True)(
        type(_type, (), {"infer": staticmethod(_unique_infer), "kernel": staticmethod(_unique_kernel)}))

UniqueOutput = collections.namedtuple("Unique", ["y", "idx"])
UniqueWithCountsOutput = collections.namedtuple("UniqueWithCounts", ["y", "idx", "count"])


def unique(x, out_idx=dtypes.int32, name=None):
    """`tf.unique` (op Unique): `(y, idx)` with `y` in order of first occurrence."""
    outputs = build("Unique", name, [("x", x, None)], {"out_idx": dtypes.as_dtype(out_idx)}, outputs=True)
    return UniqueOutput(*outputs)


def unique_with_counts(x, out_idx=dtypes.int32, name=None):
    """`tf.unique_with_counts` (op UniqueWithCounts): `(y, idx, count)`."""
    outputs = build("UniqueWithCounts", name, [("x", x, None)], {"out_idx": dtypes.as_dtype(out_idx)},
                    outputs=True)
    return UniqueWithCountsOutput(*outputs)


# ---- DynamicPartition / DynamicStitch ---------------------------------------------------------------------------
@op("DynamicPartition", attrs={"num_partitions": 1}, context=True)
class DynamicPartition:
    @staticmethod
    def infer(ctx, data, partitions, *, num_partitions, **_):
        dtype, d, p = data.dtype.base_dtype, data._shape, partitions._shape
        if d is not None and p is not None:
            merge_shapes(lambda m: ctx.error(m), d[:len(p)], p)
        shape = None if d is None or p is None else (None,) + d[len(p):]
        return [(shape, dtype)] * num_partitions

    @staticmethod
    def kernel(ctx, data, partitions, *, num_partitions, **_):
        parts = concrete(ctx, partitions, "`partitions`")
        rest = data.shape[parts.ndim:]
        flat = xp(data).reshape(data, (-1,) + tuple(rest))
        return [flat[np.flatnonzero(parts.ravel() == i)] for i in range(num_partitions)]


@op("DynamicStitch", attrs={"N": 1, "T": None}, type_attr=None, context=True)
class DynamicStitch:
    @staticmethod
    def infer(ctx, *inputs, N, **_):  # noqa: N803  TF's attribute name
        indices, data = inputs[:N], inputs[N:]
        dtype = data[0].dtype.base_dtype
        values = [const_value(t) for t in indices]
        first_i, first_d = indices[0]._shape, data[0]._shape
        rest = None if first_i is None or first_d is None else first_d[len(first_i):]
        size = None if any(v is None for v in values) else max(
            [int(np.max(v)) + 1 for v in values if np.size(v)] or [0])
        return [(None if rest is None else (size,) + rest, dtype)]

    @staticmethod
    def kernel(ctx, *inputs, N, **_):  # noqa: N803
        indices = [concrete(ctx, t, "`indices`") for t in inputs[:N]]
        data = inputs[N:]
        size = max([int(np.max(i)) + 1 for i in indices if i.size] or [0])
        rest = data[0].shape[indices[0].ndim:]
        result = jnp.zeros((size,) + tuple(rest), data[0].dtype)
        for i, d in zip(indices, data):   # later inputs win, as in TF
            result = result.at[i.ravel()].set(jnp.reshape(d, (-1,) + tuple(rest)))
        return result


def dynamic_partition(data, partitions, num_partitions, name=None):
    """`tf.dynamic_partition` (op DynamicPartition): `num_partitions` tensors of the rows of `data`."""
    return build("DynamicPartition", name, [("data", data, None), ("partitions", partitions, dtypes.int32)],
                 {"num_partitions": num_partitions}, outputs=True)


def dynamic_stitch(indices, data, name=None):
    """`tf.dynamic_stitch` (op DynamicStitch): `result[indices[m][i]] = data[m][i]`."""
    graph = get_default_graph()
    with graph.name_scope(name or "DynamicStitch") as scope:
        indices = [convert_to_tensor(t, dtype=dtypes.int32, name=f"indices_{i}") for i, t in enumerate(indices)]
        data = [convert_to_tensor(t, name=f"data_{i}") for i, t in enumerate(data)]
        return graph._create_op("DynamicStitch", indices + data, scope,
                                {"N": len(indices), "T": data[0].dtype.base_dtype})._outputs[0]


__all__ = ["gather_nd", "scatter_nd", "boolean_mask", "unique", "unique_with_counts", "dynamic_partition",
           "dynamic_stitch"]
