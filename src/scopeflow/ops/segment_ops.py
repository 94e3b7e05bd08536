"""Segment reductions and counting: segment_{sum,mean,max,min,prod} (sorted ids), unsorted_segment_{sum,
max,min,prod} (op per kind) and unsorted_segment_{mean,sqrt_n} (composites), bincount (DenseBincount) and
confusion_matrix (ScatterNd).

Op types, names and messages are TF's (golden: tests/golden/ops_segment.json). Empty segments hold TF's
values: 0 for sum / mean and the sorted max / min, 1 for prod, the dtype's lowest / highest for unsorted
max / min. A sorted segment op's output size is the last id + 1, so its ids must be known when the run is
compiled (else UnimplementedError naming the op); the unsorted ops take `num_segments` and run on any ids.
bincount and confusion_matrix compute their output size at build time when their inputs are constants
(TF computes it in the graph, a run-time shape XLA cannot compile) and skip TF's non-negativity asserts.
"""
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.registry import declare
from scopeflow.framework.scopes import name_scope
from scopeflow.ops import fill_ops, math_ops, shape_ops
from scopeflow.ops.array_build import build, const_value, merge_shapes, static
from scopeflow.ops.gather_ops import concrete, scatter_nd
from scopeflow.ops.join_ops import stack
from scopeflow.ops.reduction_ops import reduce_max


def _fill_value(kind, dtype, sorted_ids):
    """What an empty segment holds in TF."""
    if kind in ("Sum", "Mean") or sorted_ids:
        return 1 if kind == "Prod" else 0
    if kind == "Prod":
        return 1
    info = jnp.finfo(dtype) if jnp.issubdtype(dtype, jnp.floating) else jnp.iinfo(dtype)
    return info.min if kind == "Max" else info.max


def _segment_reduce(kind, data, ids, num, sorted_ids):
    """Reduces the rows of `data` (leading dims = ids' dims) into `num` segments; ids outside are dropped."""
    rest = data.shape[ids.ndim:]
    rows = jnp.reshape(data, (-1,) + tuple(rest))
    ids = jnp.reshape(ids, (-1,))
    ids = jnp.where(ids < 0, num, ids)   # negative ids are dropped, as TF's unsorted ops do
    empty = jnp.full((num,) + tuple(rest), _fill_value(kind, data.dtype, sorted_ids), data.dtype)
    if kind in ("Sum", "Mean"):
        total = jnp.zeros((num,) + tuple(rest), data.dtype).at[ids].add(rows, mode="drop")
        if kind == "Sum":
            return total
        count = jnp.zeros((num,), data.dtype).at[ids].add(jnp.ones_like(ids, data.dtype), mode="drop")
        count = jnp.reshape(jnp.maximum(count, 1), (num,) + (1,) * len(rest))
        return total // count if jnp.issubdtype(data.dtype, jnp.integer) else total / count
    start = jnp.full((num,) + tuple(rest), _fill_value(kind, data.dtype, False), data.dtype)
    update = {"Max": start.at[ids].max, "Min": start.at[ids].min, "Prod": start.at[ids].multiply}[kind]
    result = update(rows, mode="drop")
    if sorted_ids and kind != "Prod":   # a sorted op's empty segment is 0
        hit = jnp.zeros((num,), bool).at[ids].set(True, mode="drop")
        result = jnp.where(jnp.reshape(hit, (num,) + (1,) * len(rest)), result, empty)
    return result


# ---- sorted segment ops ------------------------------------------------------------------------------------
def _sorted_infer(ctx, data, ids, **_):
    dtype, d, i = data.dtype.base_dtype, data._shape, ids._shape
    if i is not None and len(i) != 1:
        raise ctx.error(f"Shape must be rank 1 but is rank {len(i)}")
    if d is None:
        return [(None, dtype)]
    if i is not None:
        merge_shapes(lambda m: ctx.error(m), d[:1], i)
    return [((None,) + d[1:], dtype)]


def _sorted_kernel(kind):
    def kernel(ctx, data, ids, **_):
        known = concrete(ctx, ids, "`segment_ids`")
        num = int(known[-1]) + 1 if known.size else 0
        return _segment_reduce(kind, jnp.asarray(data), jnp.asarray(known), num, True)
    return kernel


# ---- unsorted segment ops ----------------------------------------------------------------------------------
def _unsorted_infer(ctx, data, ids, num_segments, **_):
    dtype, d, i = data.dtype.base_dtype, data._shape, ids._shape
    value = const_value(num_segments)
    num = None if value is None else int(value)
    if d is None or i is None:
        return [(None, dtype)]
    if len(d) < len(i):
        raise ctx.error(f"Shape must be at least rank {len(i)} but is rank {len(d)}")
    for a, b in zip(d, i):
        if a is not None and b is not None and a != b:
            raise ctx.error(f"Dimensions must be equal, but are {a} and {b}")
    return [((num,) + d[len(i):], dtype)]


def _unsorted_kernel(kind):
    def kernel(data, ids, num_segments, **_):
        return _segment_reduce(kind, jnp.asarray(data), jnp.asarray(ids), int(static(num_segments)), False)
    return kernel


for _kind in ("Sum", "Mean", "Max", "Min", "Prod"):
    declare(f"Segment{_kind}", _sorted_infer, _sorted_kernel(_kind), attrs={"Tindices": dtypes.int32},
            context=True)
for _kind in ("Sum", "Max", "Min", "Prod"):
    declare(f"UnsortedSegment{_kind}", _unsorted_infer, _unsorted_kernel(_kind),
            attrs={"Tindices": dtypes.int32, "Tnumsegments": dtypes.int32})


def _sorted(kind):
    def function(data, segment_ids, name=None):
        return build(f"Segment{kind}", name, [("data", data, None), ("segment_ids", segment_ids, dtypes.int32)],
                     lambda ins: {"Tindices": ins[1].dtype.base_dtype})
    function.__name__ = f"segment_{kind.lower()}"
    function.__doc__ = f"`tf.math.segment_{kind.lower()}` (op Segment{kind}): ids sorted, output size last id + 1."
    return function


def _unsorted(kind):
    def function(data, segment_ids, num_segments, name=None):
        return build(f"UnsortedSegment{kind}", name,
                     [("data", data, None), ("segment_ids", segment_ids, dtypes.int32),
                      ("num_segments", num_segments, dtypes.int32)],
                     lambda ins: {"Tindices": ins[1].dtype.base_dtype, "Tnumsegments": ins[2].dtype.base_dtype})
    function.__name__ = f"unsorted_segment_{kind.lower()}"
    function.__doc__ = f"`tf.math.unsorted_segment_{kind.lower()}` (op UnsortedSegment{kind})."
    return function


segment_sum = _sorted("Sum")
segment_mean = _sorted("Mean")
segment_max = _sorted("Max")
segment_min = _sorted("Min")
segment_prod = _sorted("Prod")
unsorted_segment_sum = _unsorted("Sum")
unsorted_segment_max = _unsorted("Max")
unsorted_segment_min = _unsorted("Min")
unsorted_segment_prod = _unsorted("Prod")


def _segment_counts(data, segment_ids, num_segments):
    """max(count of ids per segment, 1), shaped to broadcast against the summed rows."""
    ones = fill_ops.ones(shape_ops.shape(segment_ids), data.dtype.base_dtype)
    counts = unsorted_segment_sum(ones, segment_ids, num_segments)
    extra = None if data._shape is None or segment_ids._shape is None else \
        len(data._shape) - len(segment_ids._shape)
    if extra:
        counts = shape_ops.reshape(counts, [-1] + [1] * extra)
    return math_ops.maximum(counts, 1)


def unsorted_segment_mean(data, segment_ids, num_segments, name=None):
    """`tf.math.unsorted_segment_mean`: the segment sum divided by max(count, 1) (`.../truediv`)."""
    with name_scope(name, "UnsortedSegmentMean"):
        data, segment_ids = convert_to_tensor(data), convert_to_tensor(segment_ids)
        counts = _segment_counts(data, segment_ids, num_segments)
        return unsorted_segment_sum(data, segment_ids, num_segments) / counts


def unsorted_segment_sqrt_n(data, segment_ids, num_segments, name=None):
    """`tf.math.unsorted_segment_sqrt_n`: the segment sum divided by sqrt(max(count, 1))."""
    with name_scope(name, "UnsortedSegmentSqrtN"):
        data, segment_ids = convert_to_tensor(data), convert_to_tensor(segment_ids)
        counts = _segment_counts(data, segment_ids, num_segments)
        return unsorted_segment_sum(data, segment_ids, num_segments) / math_ops.sqrt(counts)


# ---- bincount -------------------------------------------------------------------------------------------
def _bincount_infer(ctx, arr, size, weights, **_):
    value = const_value(size)
    return [((None if value is None else int(value),), weights.dtype.base_dtype)]


def _bincount_kernel(ctx, arr, size, weights, **_):
    n = int(concrete(ctx, size, "`size` (the largest value of `arr` + 1)"))
    values = jnp.asarray(arr).reshape(-1)
    if weights.size:
        add = jnp.asarray(weights).reshape(-1)
    else:
        add = jnp.ones(values.shape, weights.dtype)
    values = jnp.where(values < 0, n, values)
    return jnp.zeros((n,), add.dtype).at[values].add(add, mode="drop")


declare("DenseBincount", _bincount_infer, _bincount_kernel,
        attrs={"T": None, "Tidx": dtypes.int32, "binary_output": False}, type_attr=None, context=True)


def _static_size(arr, minlength, maxlength):
    """bincount's output size when known at build time, else None."""
    known = const_value(arr)
    if isinstance(minlength, int) and minlength == maxlength:
        return minlength
    if known is None or not all(v is None or isinstance(v, int) for v in (minlength, maxlength)):
        return None
    size = int(np.max(known)) + 1 if known.size else 0
    if minlength is not None:
        size = max(minlength, size)
    if maxlength is not None:
        size = min(maxlength, size)
    return size


def bincount(arr, weights=None, minlength=None, maxlength=None, dtype=dtypes.int32):
    """`tf.bincount` (v1, op DenseBincount): counts (or summed weights) of each value of `arr`."""
    with name_scope(None, "bincount", [arr, weights, minlength, maxlength]):
        arr = convert_to_tensor(arr, name="arr", dtype=dtypes.int32)
        size = _static_size(arr, minlength, maxlength)
        if size is not None:
            output_size = constant(size, dtypes.int32, name="output_size")
        else:   # TF's run-time size: compiles only when it folds (see the module docstring)
            nonempty = math_ops.cast(shape_ops.size(arr) > 0, dtypes.int32)
            output_size = nonempty * (reduce_max(arr) + 1)
            if minlength is not None:
                output_size = math_ops.maximum(convert_to_tensor(minlength, dtypes.int32, name="minlength"),
                                               output_size)
            if maxlength is not None:
                output_size = math_ops.minimum(convert_to_tensor(maxlength, dtypes.int32, name="maxlength"),
                                               output_size)
        flat = shape_ops.reshape(arr, [-1])
        if weights is None:
            weights = constant([], dtype=dtypes.as_dtype(dtype))
        else:
            weights = shape_ops.reshape(convert_to_tensor(weights, name="weights"), [-1])
        return build("DenseBincount", None, [("input", flat, None), ("size", output_size, None),
                                             ("weights", weights, None)],
                     lambda ins: {"T": ins[2].dtype.base_dtype, "Tidx": dtypes.int32, "binary_output": False})


# ---- confusion_matrix --------------------------------------------------------------------------------------
def confusion_matrix(labels, predictions, num_classes=None, weights=None, dtype=dtypes.int32, name=None):
    """`tf.confusion_matrix`: `ScatterNd` of ones (or `weights`) at (label, prediction) pairs."""
    with name_scope(name, "confusion_matrix", [predictions, labels, num_classes, weights]):
        labels = convert_to_tensor(labels, name="labels")
        predictions = convert_to_tensor(predictions, name="predictions")
        predictions = math_ops.cast(predictions, dtypes.int64)
        labels = math_ops.cast(labels, dtypes.int64)
        if num_classes is None:
            known = [const_value(t) for t in (labels, predictions)]
            if all(v is not None for v in known):
                num_classes = constant(max(int(np.max(v)) if v.size else -1 for v in known) + 1, dtypes.int64)
            else:   # a run-time shape: compiles only when it folds (see the module docstring)
                num_classes = math_ops.maximum(reduce_max(predictions), reduce_max(labels)) + 1
        else:
            num_classes = math_ops.cast(num_classes, dtypes.int64)
        dtype = dtypes.as_dtype(dtype)
        if weights is not None:
            weights = convert_to_tensor(weights, name="weights")
            predictions.shape.assert_is_compatible_with(weights.shape)
            weights = math_ops.cast(weights, dtype)
        shape = stack([num_classes, num_classes])
        indices = stack([labels, predictions], axis=1)
        values = fill_ops.ones_like(predictions, dtype) if weights is None else weights
        return scatter_nd(indices, values, math_ops.cast(shape, dtypes.int64))


__all__ = ["segment_sum", "segment_mean", "segment_max", "segment_min", "segment_prod", "unsorted_segment_sum",
           "unsorted_segment_max", "unsorted_segment_min", "unsorted_segment_prod", "unsorted_segment_mean",
           "unsorted_segment_sqrt_n", "bincount", "confusion_matrix"]
