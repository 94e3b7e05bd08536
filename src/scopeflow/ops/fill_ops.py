"""Constructors: zeros / ones (and *_like), fill, range, linspace, eye, one_hot.

Naming and folding are TF's (golden: tests/golden/ops_array.json): `zeros([2, 3])` below 1000 elements
is one Const named `zeros`, larger ones a `Fill` of `zeros/shape_as_tensor`; `zeros_like` of a fully
known shape folds to a Const; `linspace` ends in `linspace/Slice` and `eye` in `eye/diag` (or
`eye/set_diag` when not square), as in the reference.
"""
import math

import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.ops.array_build import build, const_value, infer_error, shape_value, static, xp
from scopeflow.ops.common import same_infer


@op("Fill", attrs={"T": None, "index_type": dtypes.int32}, type_attr=None)
class Fill:
    @staticmethod
    def infer(ctx, dims, value, **_):
        shape = shape_value(dims)
        dtype = value.dtype.base_dtype
        return [(None if shape is None else tuple(None if d is None or d < 0 else d for d in shape), dtype)]

    @staticmethod
    def kernel(dims, value, **_):
        return xp(value).full(tuple(int(d) for d in static(dims)), value, dtype=value.dtype)


@op("ZerosLike")
class ZerosLike:
    infer = staticmethod(same_infer)

    @staticmethod
    def kernel(x, **_):
        return xp(x).zeros_like(x)


def _number_text(value):
    return str(int(value)) if float(value).is_integer() else str(value)


@op("Range", type_attr="Tidx")
class Range:
    @staticmethod
    def infer(ctx, start, limit, delta, **_):
        dtype = start.dtype.base_dtype
        values = [const_value(t) for t in (start, limit, delta)]
        if any(v is None for v in values):
            return [((None,), dtype)]
        s, l, d = (v.item() for v in values)
        def fail(message):
            return infer_error(ctx, message, computed=[0, 1, 2])
        if d == 0:
            raise fail("Requires delta != 0")
        if d > 0 and s > l:
            raise fail(f"Requires start <= limit when delta > 0: {_number_text(s)}/{_number_text(l)}")
        if d < 0 and s < l:
            raise fail(f"Requires start >= limit when delta < 0: {_number_text(s)}/{_number_text(l)}")
        if dtype.is_integer:
            size = (abs(l - s) + abs(d) - 1) // abs(d)
        else:
            size = math.ceil(abs((l - s) / d))
        return [((size,), dtype)]

    @staticmethod
    def kernel(start, limit, delta, **_):
        s, l, d = (static(v) for v in (start, limit, delta))
        dtype = s.dtype
        if dtype.kind in "iu":
            size = max((abs(int(l) - int(s)) + abs(int(d)) - 1) // abs(int(d)), 0)
        else:
            size = max(math.ceil(abs((float(l) - float(s)) / float(d))), 0)
        return s + np.arange(size, dtype=dtype) * d   # TF computes start + i * delta in T


@op("LinSpace", type_attr="T", attrs={"Tidx": dtypes.int32})
class LinSpace:
    @staticmethod
    def infer(ctx, start, stop, num, **_):
        n = const_value(num)
        return [((None if n is None else int(n),), start.dtype.base_dtype)]

    @staticmethod
    def kernel(start, stop, num, **_):
        n = int(static(num))
        module = xp(start, stop)
        if n == 1:
            return module.reshape(start, (1,)).astype(start.dtype)
        step = (stop - start) / (n - 1)
        values = start + module.arange(n, dtype=start.dtype) * step
        return module.concatenate([values[:-1], module.reshape(stop, (1,))]).astype(start.dtype)


def _eye_mask(rows, cols):
    return np.eye(rows, cols, dtype=bool)


@op("MatrixDiagV3", attrs={"align": "RIGHT_LEFT"})
class MatrixDiagV3:
    @staticmethod
    def infer(ctx, diagonal, k, num_rows, num_cols, padding_value, **_):
        shape = diagonal._shape
        dtype = diagonal.dtype.base_dtype
        return [(None if shape is None else shape + (shape[-1],), dtype)]

    @staticmethod
    def kernel(diagonal, k, num_rows, num_cols, padding_value, **_):
        n = diagonal.shape[-1]
        return xp(diagonal).where(_eye_mask(n, n), diagonal[..., None], padding_value)


@op("MatrixSetDiagV3", attrs={"align": "RIGHT_LEFT"})
class MatrixSetDiagV3:
    @staticmethod
    def infer(ctx, matrix, diagonal, k, **_):
        return [(matrix._shape, matrix.dtype.base_dtype)]

    @staticmethod
    def kernel(matrix, diagonal, k, **_):
        rows, cols = matrix.shape[-2:]
        module = xp(matrix, diagonal)
        widths = [(0, 0)] * (diagonal.ndim - 1) + [(0, cols - diagonal.shape[-1])]
        padded = module.pad(diagonal, widths)
        return module.where(_eye_mask(rows, cols), padded[..., None, :], matrix)


@op("OneHot", attrs={"T": None, "TI": dtypes.int32, "axis": -1}, type_attr=None)
class OneHot:
    @staticmethod
    def infer(ctx, indices, depth, on_value, off_value, *, axis, **_):
        shape = indices._shape
        dtype = on_value.dtype.base_dtype
        if shape is None:
            return [(None, dtype)]
        d = const_value(depth)
        d = None if d is None else int(d)
        a = len(shape) if axis == -1 else axis
        return [(shape[:a] + (d,) + shape[a:], dtype)]

    @staticmethod
    def kernel(indices, depth, on_value, off_value, *, axis, **_):
        module = xp(indices, on_value, off_value)
        hot = indices[..., None] == np.arange(int(static(depth)), dtype=indices.dtype)
        if axis != -1:
            hot = module.moveaxis(hot, -1, axis)
        return module.where(hot, on_value, off_value).astype(on_value.dtype)


# ---- API --------------------------------------------------------------------------------------------
def _filled(shape, value, dtype, scope):
    """zeros / ones: a Const below 1000 elements (TF's `_constant_if_small`), else a Fill."""
    graph = get_default_graph()
    if not isinstance(shape, Tensor):
        items = list(shape) if isinstance(shape, (list, tuple)) else None
        if items is None or not any(isinstance(d, Tensor) for d in items):
            try:
                if math.prod(int(d) for d in shape) < 1000:
                    return constant(value, dtype=dtype, shape=shape, name=scope)
                shape = constant([int(d) for d in shape], dtypes.int32, name="shape_as_tensor")
            except (TypeError, ValueError):
                shape = convert_to_tensor(shape, dtype=dtypes.int32)
        else:
            shape = convert_to_tensor(shape, dtype=dtypes.int32)
    fill_value = constant(value, dtype=dtype)
    return graph._create_op("Fill", [shape, fill_value], scope, {"T": dtype, "index_type": shape.dtype})._outputs[0]


def _zero(dtype):
    return False if dtype == dtypes.bool else "" if dtype == dtypes.string else 0


def _one(dtype):
    return True if dtype == dtypes.bool else 1


def zeros(shape, dtype=dtypes.float32, name=None):
    """`tf.zeros`: a Const named `zeros` when small, else `Fill`."""
    dtype = dtypes.as_dtype(dtype).base_dtype
    with get_default_graph().name_scope(name or "zeros") as scope:
        return _filled(shape, _zero(dtype), dtype, scope)


def ones(shape, dtype=dtypes.float32, name=None):
    """`tf.ones`: a Const named `ones` when small, else `Fill`."""
    dtype = dtypes.as_dtype(dtype).base_dtype
    with get_default_graph().name_scope(name or "ones") as scope:
        return _filled(shape, _one(dtype), dtype, scope)


def _known(tensor):
    return tensor._shape is not None and None not in tensor._shape


def zeros_like(tensor, dtype=None, name=None, optimize=True):
    """`tf.zeros_like`: a Const when the shape is fully known, else `ZerosLike` (or Fill for a dtype)."""
    graph = get_default_graph()
    with graph.name_scope(name or "zeros_like") as scope:
        tensor = convert_to_tensor(tensor, name="tensor")
        base = tensor.dtype.base_dtype
        out_dtype = base if dtype is None else dtypes.as_dtype(dtype).base_dtype
        if optimize and _known(tensor):
            return zeros(list(tensor._shape), out_dtype, name=scope)
        if out_dtype != base:
            shape = graph._create_op("Shape", [tensor], "Shape", {"out_type": dtypes.int32})._outputs[0]
            return zeros(shape, out_dtype, name=scope)
        return graph._create_op("ZerosLike", [tensor], scope)._outputs[0]


def ones_like(tensor, dtype=None, name=None, optimize=True):
    """`tf.ones_like`: a Fill of the input's shape (`ones_like/Shape/shape_as_tensor` when known)."""
    graph = get_default_graph()
    with graph.name_scope(name or "ones_like") as scope:
        tensor = convert_to_tensor(tensor, name="tensor")
        out_dtype = tensor.dtype.base_dtype if dtype is None else dtypes.as_dtype(dtype).base_dtype
        if optimize and _known(tensor):
            with graph.name_scope("Shape"):
                shape = constant(list(tensor._shape), dtypes.int32, name="shape_as_tensor")
        else:
            shape = graph._create_op("Shape", [tensor], "Shape", {"out_type": dtypes.int32})._outputs[0]
        return _filled(shape, _one(out_dtype), out_dtype, scope)


def fill(dims, value, name=None):
    """`tf.fill`: op Fill, with `dims` and `value` Consts named after their arguments."""
    return build("Fill", name, [("dims", dims, dtypes.int32), ("value", value, None)],
                 lambda ins: {"T": ins[1].dtype.base_dtype, "index_type": ins[0].dtype})


_RANGE_ORDER = (dtypes.int32, dtypes.int64, dtypes.float32, dtypes.float64)


def _cast(tensor, dtype):
    """Casts with math_ops' `Cast` (named `Cast` in the current scope), as TF's range does."""
    from scopeflow.ops.math_ops import cast   # sibling family, imported when range needs it
    return cast(tensor, dtype)


def range(start, limit=None, delta=1, dtype=None, name="range"):  # noqa: A001  TF's name
    """`tf.range` (op Range): `tf.range(5)` is int32; mixed arguments take the widest dtype."""
    if limit is None:
        start, limit = 0, start
    graph = get_default_graph()
    with graph.name_scope(name) as scope:
        args = []
        for arg, value in (("start", start), ("limit", limit), ("delta", delta)):
            args.append(value if isinstance(value, Tensor) else convert_to_tensor(value, dtype=dtype, name=arg))
        if dtype is None:
            found = [t.dtype.base_dtype for t in args]
            widest = max(found, key=lambda d: _RANGE_ORDER.index(d) if d in _RANGE_ORDER else -1)
            args = [t if t.dtype.base_dtype == widest else _cast(t, widest) for t in args]
        return graph._create_op("Range", args, scope)._outputs[0]


def linspace(start, stop, num, name=None, axis=0):
    """`tf.linspace`: `num` evenly spaced values; the result is named `linspace/Slice`, as in TF."""
    graph = get_default_graph()
    with graph.name_scope(name or "linspace"):
        start = convert_to_tensor(start, name="start")
        stop = convert_to_tensor(stop, dtype=start.dtype.base_dtype, name="stop")
        num = convert_to_tensor(num, preferred_dtype=dtypes.int32, name="num")
        values = graph._create_op("LinSpace", [start, stop, num], "LinSpace", {"Tidx": num.dtype})._outputs[0]
        begin = constant([0], dtypes.int32, name="begin")
        size = constant([-1], dtypes.int32, name="size")
        return graph._create_op("Slice", [values, begin, size], "Slice", {"Index": dtypes.int32})._outputs[0]


def eye(num_rows, num_columns=None, batch_shape=None, dtype=dtypes.float32, name=None):
    """`tf.eye`: `eye/diag` (MatrixDiagV3) when square, `eye/set_diag` (MatrixSetDiagV3) otherwise."""
    dtype = dtypes.as_dtype(dtype).base_dtype
    batch = list(batch_shape or [])
    with get_default_graph().name_scope(name or "eye"):
        if num_columns is None:
            diagonal = ones(batch + [num_rows], dtype)
            return build("MatrixDiagV3", "diag", [("diagonal", diagonal, None), ("k", 0, dtypes.int32),
                                                  ("num_rows", -1, dtypes.int32), ("num_cols", -1, dtypes.int32),
                                                  ("padding_value", _zero(dtype), dtype)])
        diagonal = ones(batch + [min(num_rows, num_columns)], dtype)   # TF builds the ones first (golden)
        matrix = zeros(batch + [num_rows, num_columns], dtype)
        return build("MatrixSetDiagV3", "set_diag", [("input", matrix, None), ("diagonal", diagonal, None),
                                                     ("k", 0, dtypes.int32)])


def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    """`tf.one_hot` (op OneHot): float32 unless `dtype` or the on/off values say otherwise."""
    graph = get_default_graph()
    with graph.name_scope(name or "one_hot") as scope:
        if on_value is not None:
            on_value = convert_to_tensor(on_value, dtype=dtype)
        if off_value is not None:
            off_value = convert_to_tensor(off_value, dtype=dtype)
        if dtype is None:
            given = on_value if on_value is not None else off_value
            dtype = dtypes.float32 if given is None else given.dtype.base_dtype
        dtype = dtypes.as_dtype(dtype).base_dtype
        indices = convert_to_tensor(indices, name="indices")
        depth = convert_to_tensor(depth, dtype=dtypes.int32, name="depth")
        if on_value is None:
            on_value = convert_to_tensor(_one(dtype), dtype=dtype, name="on_value")
        if off_value is None:
            off_value = convert_to_tensor(_zero(dtype), dtype=dtype, name="off_value")
        attrs = {"T": dtype, "TI": indices.dtype.base_dtype, "axis": -1 if axis is None else axis}
        return graph._create_op("OneHot", [indices, depth, on_value, off_value], scope, attrs)._outputs[0]


__all__ = ["zeros", "ones", "zeros_like", "ones_like", "fill", "range", "linspace", "eye", "one_hot"]
