"""Selecting elements: strided_slice and `Tensor.__getitem__`, slice, gather, where (Where / Select).

`t[...]` builds TF's StridedSlice: op `strided_slice`, its begin/end/strides packed by `tf.stack` as
`strided_slice/stack`, `stack_1`, `stack_2`, masks as TF sets them; shapes (shrink and new axes
included) and messages follow TF's shape function (golden: tests/golden/ops_array.json). This module
installs `OPERATORS["__getitem__"]`.
"""
import builtins
import functools
import numbers

import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import OPERATORS, Tensor
from scopeflow.ops.array_build import build, const_value, convert, infer_error, merge_shapes, shape_value
from scopeflow.ops.array_build import static, xp
from scopeflow.ops.common import convert_pair
from scopeflow.ops.fill_ops import ones_like
from scopeflow.ops.join_ops import stack
from scopeflow.ops.math_ops import INDEX_TYPES, _dtype_list, not_allowed_error

newaxis = None
_py_slice = builtins.slice   # `slice` below is TF's function
_MASKS = ("begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask", "shrink_axis_mask")


# ---- StridedSlice ---------------------------------------------------------------------------------------
def _slice_shape(ctx, shape, begin, end, strides, masks):
    """Output dims of a strided slice; begin/end hold int | None (unknown) per entry."""
    begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_mask = masks
    def early(message):
        return infer_error(ctx, message, computed=[3])
    for i, s in enumerate(strides):
        if s == 0:
            raise early(f"strides[{i}] must be non-zero")
    if ellipsis_mask & (ellipsis_mask - 1):
        raise early("Multiple ellipses in slice spec not allowed")
    rank = len(shape)
    count = len(strides)
    real = sum(1 for i in range(count) if not (ellipsis_mask | new_axis_mask) & (1 << i))
    out, d = [], 0
    for i in range(count):
        bit = 1 << i
        if ellipsis_mask & bit:
            span = max(rank - real, 0)
            out.extend(shape[d:d + span])
            d += span
            continue
        if new_axis_mask & bit:
            out.append(1)
            continue
        if d >= rank:
            raise early(f"Index out of range using input dim {d}; input has only {rank} dims")
        dim, b, e, s = shape[d], begin[i], end[i], strides[i]
        if shrink_mask & bit:
            if dim is not None and b is not None and not -dim <= b < dim:
                raise infer_error(ctx, f"slice index {b} of dimension {d} out of bounds.", computed=[1, 2, 3])
        elif dim is None or (b is None and not begin_mask & bit) or (e is None and not end_mask & bit):
            out.append(None)
        else:
            start = None if begin_mask & bit else b
            stop = None if end_mask & bit else e
            out.append(len(range(*_py_slice(start, stop, s).indices(dim))))
        d += 1
    if not ellipsis_mask:
        out.extend(shape[d:])
    return tuple(out)


@op("StridedSlice", attrs={"Index": dtypes.int32, **{m: 0 for m in _MASKS}})
class StridedSlice:
    @staticmethod
    def infer(ctx, x, begin, end, strides, **attrs):
        dtype, shape = x.dtype.base_dtype, x._shape
        steps = const_value(strides)
        if shape is None or steps is None:
            return [(None, dtype)]
        steps = [int(s) for s in steps.ravel()]
        starts = shape_value(begin) or (None,) * len(steps)
        stops = shape_value(end) or (None,) * len(steps)
        return [(_slice_shape(ctx, shape, starts, stops, steps, [attrs[m] for m in _MASKS]), dtype)]

    @staticmethod
    def kernel(x, begin, end, strides, *, begin_mask, end_mask, ellipsis_mask, new_axis_mask,
               shrink_axis_mask, **_):
        b, e, s = static(begin), static(end), static(strides)
        index = []
        for i in range(len(s)):
            bit = 1 << i
            if ellipsis_mask & bit:
                index.append(Ellipsis)
            elif new_axis_mask & bit:
                index.append(None)
            elif shrink_axis_mask & bit:
                index.append(int(b[i]))
            else:
                index.append(_py_slice(None if begin_mask & bit else int(b[i]),
                                   None if end_mask & bit else int(e[i]), int(s[i])))
        return x[tuple(index)]


def strided_slice(input_, begin, end, strides=None, begin_mask=0, end_mask=0, ellipsis_mask=0,
                  new_axis_mask=0, shrink_axis_mask=0, var=None, name=None):
    """`tf.strided_slice` (op StridedSlice); `strides` defaults to `ones_like(begin)`."""
    if strides is None:
        strides = ones_like(begin)
    masks = dict(zip(_MASKS, (begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask)))
    return build("StridedSlice", name, [("input", input_, None), ("begin", begin, dtypes.int32),
                                        ("end", end, dtypes.int32), ("strides", strides, dtypes.int32)],
                 lambda ins: {"Index": ins[1].dtype, **masks})


_INDEX_ERROR = ("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar "
                "tf.int32/tf.int64 tensors are valid indices, got {!r}")


def _check_index(index):
    if isinstance(index, numbers.Integral):
        return
    dtype = getattr(index, "dtype", None)
    if (not isinstance(index, Tensor) or dtype.base_dtype not in (dtypes.int32, dtypes.int64)
            or (index._shape is not None and len(index._shape) == 1)):
        raise TypeError(_INDEX_ERROR.format(index))


def _getitem(tensor, slice_spec):
    """`tensor[slice_spec]`: ints shrink, slices keep, `...` and `tf.newaxis` as in numpy."""
    if not isinstance(slice_spec, (list, tuple)):
        slice_spec = [slice_spec]
    begin, end, strides = [], [], []
    masks = dict.fromkeys(_MASKS, 0)
    for i, item in enumerate(slice_spec):
        bit = 1 << i
        if isinstance(item, _py_slice):
            parts = [item.start, item.stop, item.step]
            for value, mask in zip(parts, ("begin_mask", "end_mask", None)):
                if value is not None:
                    _check_index(value)
                elif mask:
                    masks[mask] |= bit
            defaults = (0, 0, 1)
            if any(isinstance(v, Tensor) for v in parts):   # TF makes the defaults Consts then (observed)
                parts = [constant(d) if v is None else v for v, d in zip(parts, defaults)]
            else:
                parts = [d if v is None else v for v, d in zip(parts, defaults)]
            begin.append(parts[0])
            end.append(parts[1])
            strides.append(parts[2])
        elif item is Ellipsis or item is None:
            begin.append(0)
            end.append(0)
            strides.append(1)
            masks["ellipsis_mask" if item is Ellipsis else "new_axis_mask"] |= bit
        else:
            _check_index(item)
            begin.append(item)
            end.append(item + 1)
            strides.append(1)
            masks["shrink_axis_mask"] |= bit
    with get_default_graph().name_scope("strided_slice") as scope:
        if begin:
            begin, end, strides = stack(begin), stack(end), stack(strides)
        else:
            begin = end = strides = constant([], dtype=dtypes.int32)
        return strided_slice(tensor, begin, end, strides, name=scope, **masks)


OPERATORS["__getitem__"] = _getitem


# ---- Slice and GatherV2 -------------------------------------------------------------------------------
@op("Slice", attrs={"Index": dtypes.int32})
class Slice:
    @staticmethod
    def infer(ctx, x, begin, size, **_):
        dtype, shape = x.dtype.base_dtype, x._shape
        for t in (begin, size):
            if t._shape is not None and len(t._shape) != 1:
                raise infer_error(ctx, f"Shape must be rank 1 but is rank {len(t._shape)}")
        n = begin._shape[0] if begin._shape else None
        if shape is not None and n is not None and len(shape) != n:
            raise infer_error(ctx, f"Shape must be rank {n} but is rank {len(shape)}")
        starts, sizes = shape_value(begin), shape_value(size)
        rank = len(shape) if shape is not None else n
        if sizes is None:
            return [(None if rank is None else (None,) * rank, dtype)]
        dims = shape if shape is not None else (None,) * len(sizes)
        starts = starts or (None,) * len(sizes)
        out = tuple(s if s is None or s >= 0 else (None if d is None or b is None else d - b)
                    for d, b, s in zip(dims, starts, sizes))
        return [(out, dtype)]

    @staticmethod
    def kernel(x, begin, size, **_):
        sizes = static(size)
        if isinstance(begin, (np.ndarray, np.generic)):
            pairs = zip(static(begin), sizes)
            index = tuple(_py_slice(int(b), None if s < 0 else int(b) + int(s)) for b, s in pairs)
            return x[index]
        # `begin` known only at run time (e.g. random_crop's offset): sizes must be static for XLA
        if (sizes < 0).any():
            raise ValueError("Slice with a run-time `begin` needs every `size` >= 0 in scopeflow")
        return jax.lax.dynamic_slice(x, [begin[i] for i in range(len(sizes))], [int(s) for s in sizes])


def _at_least(ctx, shape, rank, computed=(2,)):
    """TF's `WithRankAtLeast` on a gather input (shown with the axis value once it was read)."""
    if shape is not None and len(shape) < rank:
        raise infer_error(ctx, f"Shape must be at least rank {rank} but is rank {len(shape)}", computed=computed)


@op("GatherV2", attrs={"Tparams": None, "Tindices": dtypes.int32, "Taxis": dtypes.int32, "batch_dims": 0},
    type_attr=None)
class GatherV2:
    """params B + P + [N] + R, indices B + I -> B + P + I + R, where B has `batch_dims` dims.

    TF's shape function takes the batch dims from params without merging them with indices' (observed:
    a mismatch fails only at run time) and checks `batch_dims <= axis` only at run time.
    """
    @staticmethod
    def infer(ctx, params, indices, axis, *, batch_dims, **_):
        dtype, p, i = params.dtype.base_dtype, params._shape, indices._shape
        _at_least(ctx, p, 1, computed=())
        if axis._shape is not None and len(axis._shape) != 0:
            raise infer_error(ctx, f"Shape must be rank 0 but is rank {len(axis._shape)}")
        value = const_value(axis)
        if value is None:   # TF's rank without normalizing a negative batch_dims (observed)
            rank = None if p is None or i is None else len(p) + len(i) - 1 - batch_dims
            return [(None if rank is None or rank < 0 else (None,) * rank, dtype)]
        a = int(value)
        _at_least(ctx, p, -a if a < 0 else a + 1)
        _at_least(ctx, i, abs(batch_dims))
        if batch_dims < 0 and i is None:
            return [(None, dtype)]
        b = batch_dims + len(i) if batch_dims < 0 else batch_dims
        _at_least(ctx, p, b + 1)
        if p is None or i is None:
            return [(None, dtype)]
        a %= len(p)
        return [(p[:a] + i[b:] + p[a + 1:], dtype)]

    @staticmethod
    def kernel(params, indices, axis, *, batch_dims, **_):
        a = int(static(axis)) % params.ndim
        b = batch_dims + indices.ndim if batch_dims < 0 else batch_dims
        if b == 0:
            return xp(params, indices).take(params, indices, axis=a)
        if b > a:
            raise ValueError(f"batch_dims ({b}) must be less than or equal to axis ({a}).")
        for d in range(b):
            if params.shape[d] != indices.shape[d]:
                raise ValueError(f"params.shape[{d}]: {params.shape[d]} should be equal to indices.shape[{d}]: "
                                 f"{indices.shape[d]}")
        take = functools.partial(jnp.take, axis=a - b)
        for _ in range(b):   # one vmap per batch dim: each batch entry gathers from its own params
            take = jax.vmap(take)
        return take(params, indices)


def slice(input_, begin, size, name=None):  # noqa: A001  TF's name
    """`tf.slice` (op Slice): `size[i] == -1` takes the rest of dimension i."""
    return build("Slice", name, [("input", input_, None), ("begin", begin, dtypes.int32),
                                 ("size", size, dtypes.int32)], lambda ins: {"Index": ins[1].dtype})


_GATHER_INDEX_TYPES = _dtype_list("int16 int32 int64")


def _int_attr(arg, value, default):
    """An int attribute as TF's op builder takes it: None is the default, numbers truncate (observed)."""
    if value is None:
        return default
    if isinstance(value, numbers.Real):
        return int(value)
    raise TypeError(f"Expected int for argument '{arg}' not {value!r}.")


def _gather_attrs(inputs, batch_dims):
    """GatherV2's attributes after TF's dtype checks of the converted inputs."""
    for arg, t, allowed in zip(("indices", "axis"), inputs[1:], (_GATHER_INDEX_TYPES, INDEX_TYPES)):
        if t.dtype.base_dtype not in allowed:
            raise not_allowed_error(arg, t.dtype.base_dtype, allowed)
    return {"Tparams": inputs[0].dtype.base_dtype, "Tindices": inputs[1].dtype, "Taxis": inputs[2].dtype,
            "batch_dims": batch_dims}


def gather(params, indices, validate_indices=None, name=None, axis=None, batch_dims=0):
    """`tf.gather` (op GatherV2, `axis` a Const input; it defaults to `batch_dims`).

    As TF's wrapper, an axis known to be 0 drops `batch_dims` (the op gets `batch_dims=0`) and a resource
    variable is read by its `sparse_read` (one ResourceGather on the handle, named `Gather`).
    """
    if axis is None:
        axis = batch_dims
    axis_value = const_value(axis) if isinstance(axis, Tensor) else axis
    if axis_value is not None and np.ndim(axis_value) == 0 and axis_value == 0:
        if hasattr(params, "sparse_read"):
            return params.sparse_read(indices, name=name)
        batch_dims = 0
    batch_dims = _int_attr("batch_dims", batch_dims, 0)   # before the name scope: a bad value takes no name
    return build("GatherV2", name, [("params", params, None), ("indices", indices, dtypes.int32),
                                    ("axis", axis, dtypes.int32)],
                 lambda ins: _gather_attrs(ins, batch_dims))


# ---- where ------------------------------------------------------------------------------------------------
@op("Where")
class Where:
    @staticmethod
    def infer(ctx, condition, **_):
        rank = None if condition._shape is None else len(condition._shape)
        return [((None, rank), dtypes.int64)]

    @staticmethod
    def kernel(condition, **_):
        # the number of rows is data-dependent: only a build-time-known condition can be compiled
        return np.argwhere(static(condition)).astype(np.int64)


@op("Select", attrs={"T": None}, type_attr=None)
class Select:
    @staticmethod
    def infer(ctx, condition, t, e, **_):
        def fail(message):
            return infer_error(ctx, message)
        out = merge_shapes(fail, t._shape, e._shape)
        c = condition._shape
        if c is not None and out is not None:
            if len(c) == len(out):
                out = merge_shapes(fail, out, c)
            elif len(c) == 1 and out:
                out = merge_shapes(fail, out[:1], c) + out[1:]
            else:
                raise fail(f"Shape must be rank {len(out)} but is rank {len(c)}")
        return [(out, t.dtype.base_dtype)]

    @staticmethod
    def kernel(condition, t, e, **_):
        if condition.ndim == 1 and t.ndim > 1:   # v1 Select: a vector picks whole rows
            condition = condition.reshape((-1,) + (1,) * (t.ndim - 1))
        return xp(condition, t, e).where(condition, t, e)


def where(condition, x=None, y=None, name=None):
    """`tf.where` (v1): coordinates of true elements (op Where, int64), or Select(condition, x, y)."""
    if x is None and y is None:
        graph = get_default_graph()
        with graph.name_scope(name or "Where") as scope:
            condition = convert(condition, dtypes.bool, "condition")
            return graph._create_op("Where", [condition], scope)._outputs[0]
    if x is None or y is None:
        raise ValueError("x and y must both be non-None or both be None.")
    graph = get_default_graph()
    with graph.name_scope(name or "Select") as scope:
        condition = convert(condition, dtypes.bool, "condition")
        x, y = convert_pair("Select", x, y, ("t", "e"))
        return graph._create_op("Select", [condition, x, y], scope, {"T": x.dtype.base_dtype})._outputs[0]


__all__ = ["strided_slice", "slice", "gather", "where", "newaxis"]
