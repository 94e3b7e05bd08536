"""Reductions and contractions: reduce_* (Sum, Mean, Max, Min, Prod, All, Any), reduce_logsumexp, argmax /
argmin, cumsum / cumprod, add_n and matmul (MatMul, BatchMatMulV2, SparseMatMul).

The reduction axis is an input tensor, as in TF: with `axis=None` it is a root-level `Const` of all axes
(or `range(0, rank(x))` when the rank is unknown), else a Const named `<op>/reduction_indices`. Inference
reads the axis only when it is a build-time constant (TF's refiner does the same). Kernels need the axis
as a concrete (numpy) value. Golden: tests/golden/ops_math.json.
"""
import jax.numpy as jnp
import numpy as np
from jax import lax

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant
from scopeflow.framework.registry import declare
from scopeflow.framework.tensor import OperatorNotAllowedInGraphError, Tensor, _SYMBOLIC_MESSAGE
from scopeflow.framework.tensor_shape import BroadcastError, broadcast_shapes
from scopeflow.ops import array_ops, fill_ops, math_ops, shape_ops
from scopeflow.ops.array_build import const_value, infer_error, merge_shapes, static, xp
from scopeflow.ops.common import convert_to_tensor, create1, name_scope
from scopeflow.ops.math_ops import (INDEX_TYPES, NUMBER_TYPES, REAL_NUMBER_TYPES, apply_op, not_allowed_error,
                                    signature)

_MINMAX_TYPES = math_ops._dtype_list("float32 float64 int32 uint8 int16 int8 int64 bfloat16 uint16 float16 "
                                     "uint32 uint64 qint8 quint8 qint32 qint16 quint16")
_ARGMAX_TYPES = _MINMAX_TYPES + (dtypes.bool,)
_ARGMAX_INDEX = {"ArgMax": math_ops._dtype_list("int16 int32 int64"), "ArgMin": INDEX_TYPES}
_ARGMAX_OUTPUT = {"ArgMax": math_ops._dtype_list("int16 uint16 int32 int64"), "ArgMin": INDEX_TYPES}
_MATMUL_TYPES = math_ops._dtype_list("bfloat16 float16 float32 float64 int32 int64 uint8 uint16 uint32 uint64 "
                                     "complex64 complex128")
_BATCH_MATMUL_TYPES = math_ops._dtype_list("bfloat16 float16 float32 float64 int16 int32 int64 uint8 uint16 "
                                           "uint32 uint64 complex64 complex128")


def _axes(axis, ndim):
    """Normalised axes from a concrete axis value; a repeat is TF's run-time InvalidArgumentError."""
    axes = [int(a) % ndim for a in np.ravel(static(axis))] if ndim else []
    for i, a in enumerate(axes):
        if a in axes[:i]:
            raise ValueError(f"Invalid reduction arguments: Axes contains duplicate dimension: {a}")
    return tuple(axes)


# ---- reductions -----------------------------------------------------------------------------------
def _reduction_infer(ctx, x, axis, *, keep_dims, **_):
    dtype = x.dtype.base_dtype
    shape = x._shape
    value = const_value(axis)
    if value is None:
        return [((None,) * len(shape) if keep_dims and shape is not None else None, dtype)]
    if shape is None:
        return [(None, dtype)]
    rank = len(shape)
    reduced = set()
    for a in np.ravel(value).tolist():
        if not -rank <= a < rank:
            raise infer_error(ctx, f"Invalid reduction dimension {a} for input with {rank} dimensions.",
                              computed=[1])
        reduced.add(a % rank)
    if keep_dims:
        return [(tuple(1 if i in reduced else d for i, d in enumerate(shape)), dtype)]
    return [(tuple(d for i, d in enumerate(shape) if i not in reduced), dtype)]


def _mean(x, axes, keepdims):
    if jnp.issubdtype(x.dtype, jnp.integer):     # TF's integer mean truncates
        total = jnp.sum(x, axis=axes, keepdims=keepdims, dtype=x.dtype)
        count = int(np.prod([x.shape[a] for a in axes])) if axes else 1
        return lax.div(total, jnp.full(total.shape, count, x.dtype))
    if not jnp.issubdtype(x.dtype, jnp.floating):   # complex: XLA keeps a complex division as it is
        return jnp.mean(x, axis=axes, keepdims=keepdims).astype(x.dtype)
    accumulate = jnp.float32 if x.dtype.itemsize < 4 else x.dtype   # half types sum in float32, as jnp.mean
    total = jnp.sum(x, axis=axes, keepdims=keepdims, dtype=accumulate)
    count = np.array(np.prod([x.shape[a] for a in axes]) if axes else 1, accumulate)
    return math_ops.exact_divide(total, count).astype(x.dtype)


_REDUCTIONS = (
    ("Sum", lambda x, a, k: jnp.sum(x, axis=a, keepdims=k, dtype=x.dtype), NUMBER_TYPES),
    ("Mean", _mean, NUMBER_TYPES),
    # numpy in, numpy out: a Prod of a shape (boolean_mask's flattened size) stays static under jit
    ("Prod", lambda x, a, k: xp(x).prod(x, axis=a, keepdims=k, dtype=x.dtype), NUMBER_TYPES),
    ("Max", lambda x, a, k: jnp.max(x, axis=a, keepdims=k), _MINMAX_TYPES),
    ("Min", lambda x, a, k: jnp.min(x, axis=a, keepdims=k), _MINMAX_TYPES),
    ("All", lambda x, a, k: jnp.all(x, axis=a, keepdims=k), None),
    ("Any", lambda x, a, k: jnp.any(x, axis=a, keepdims=k), None),
)


def _reduction_kernel(fn):
    return lambda x, axis, *, keep_dims, **_: fn(x, _axes(axis, x.ndim), keep_dims)


for _type, _fn, _allowed in _REDUCTIONS:
    declare(_type, _reduction_infer, _reduction_kernel(_fn), attrs={"keep_dims": False, "Tidx": dtypes.int32},
            type_attr="T" if _allowed else None)
    if _allowed:
        signature(_type, "input", _allowed)
    else:
        signature(_type, "input", fixed=dtypes.bool)


def _deprecated(new, old, new_name, old_name):
    if old is not None:
        if new is not None:
            raise ValueError(f"Cannot specify both '{old_name}' and '{new_name}'.")
        return old
    return new


def _index_tensor(value, arg, allowed=INDEX_TYPES):
    t = value if isinstance(value, Tensor) else convert_to_tensor(value, name=arg)
    if t.dtype.base_dtype not in allowed:
        raise not_allowed_error(arg, t.dtype.base_dtype, allowed)
    return t


def _all_axes(x):
    """TF's default reduction axes: a Const of range(rank) in the current scope, or range(0, rank(x))."""
    shape = getattr(x, "shape", None)
    rank = getattr(shape, "ndims", None)
    if rank:
        return constant(np.arange(rank, dtype=np.int32))
    return fill_ops.range(0, shape_ops.rank(x))


def _reduce(op_type, input_tensor, axis, keepdims, name, reduction_indices, keep_dims):
    axis = _deprecated(axis, reduction_indices, "axis", "reduction_indices")
    keepdims = bool(_deprecated(keepdims, keep_dims, "keepdims", "keep_dims"))
    to_scalar = axis is None and not keepdims
    if axis is None:
        axis = _all_axes(input_tensor)
    if isinstance(input_tensor, Tensor) and isinstance(axis, Tensor):
        (x,) = math_ops._convert_inputs(op_type, (input_tensor,))
        axis = _index_tensor(axis, "reduction_indices")
        result = create1(op_type, [x, axis], name or op_type, keep_dims=keepdims, Tidx=axis.dtype.base_dtype)
    else:
        with name_scope(name, op_type, [input_tensor, axis]) as scope:
            (x,) = math_ops._convert_inputs(op_type, (input_tensor,))
            axis = _index_tensor(axis, "reduction_indices")
            result = create1(op_type, [x, axis], scope, keep_dims=keepdims, Tidx=axis.dtype.base_dtype)
    if to_scalar:   # TF's Python wrapper knows a full reduction is a scalar even when the rank is not
        result.set_shape(())
    return result


def _reducer(op_type, py_name):
    def reduce(input_tensor, axis=None, keepdims=None, name=None, reduction_indices=None, keep_dims=None):
        return _reduce(op_type, input_tensor, axis, keepdims, name, reduction_indices, keep_dims)
    reduce.__name__ = py_name
    reduce.__doc__ = f"`tf.{py_name}`: a `{op_type}` op over `axis` (all axes when None)."
    return reduce


reduce_sum = _reducer("Sum", "reduce_sum")
reduce_mean = _reducer("Mean", "reduce_mean")
reduce_max = _reducer("Max", "reduce_max")
reduce_min = _reducer("Min", "reduce_min")
reduce_prod = _reducer("Prod", "reduce_prod")
reduce_all = _reducer("All", "reduce_all")
reduce_any = _reducer("Any", "reduce_any")


def reduce_logsumexp(input_tensor, axis=None, keepdims=None, name=None, reduction_indices=None,
                     keep_dims=None):
    """`tf.reduce_logsumexp`: TF's stable composite under `ReduceLogSumExp/` (Max, SelectV2, Exp, Sum, Log).

    StopGradient and SelectV2 are array ops; they are built by type, so only their declarations are needed.
    """
    axis = _deprecated(axis, reduction_indices, "axis", "reduction_indices")
    keepdims = bool(_deprecated(keepdims, keep_dims, "keepdims", "keep_dims"))
    with name_scope(name, "ReduceLogSumExp", [input_tensor]) as scope:
        raw_max = reduce_max(input_tensor, axis=axis, keepdims=True)
        finite = math_ops.is_finite(raw_max)
        with name_scope(None, "SelectV2", [raw_max]) as select:
            zero = convert_to_tensor(0, dtype=raw_max.dtype.base_dtype, name="e")
            selected = create1("SelectV2", [finite, raw_max, zero], select)
        my_max = create1("StopGradient", [selected])
        result = math_ops.log(reduce_sum(math_ops.exp(math_ops.subtract(input_tensor, my_max)), axis=axis,
                                         keepdims=keepdims))
        if not keepdims:
            # a `Shape` op even when the shape is known (observed), not tf.shape's folded Const
            my_max = shape_ops.reshape(my_max, create1("Shape", [result], out_type=dtypes.int32))
        return math_ops.add(result, my_max, name=scope)


# ---- argmax / argmin ------------------------------------------------------------------------------------
def _argmax_infer(ctx, x, dimension, *, output_type, **_):
    shape = x._shape
    value = const_value(dimension)
    if shape is None:
        return [(None, output_type)]
    rank = len(shape)
    if value is None:
        return [((None,) * max(rank - 1, 0), output_type)]
    a = int(np.ravel(value)[0])
    if not -rank <= a < rank:
        raise infer_error(ctx, f"Dimension ({a}) must be in the range [{-rank}, {rank}), where {rank} is the "
                               "number of dimensions in the input.", computed=[1])
    return [(shape[:a % rank] + shape[a % rank + 1:], output_type)]


for _type, _fn in (("ArgMax", jnp.argmax), ("ArgMin", jnp.argmin)):
    declare(_type, _argmax_infer,
            (lambda fn: lambda x, dim, *, output_type, **_: fn(x, axis=int(static(dim))).astype(
                dtypes.jax_dtype(output_type)))(_fn),
            attrs={"Tidx": dtypes.int32, "output_type": dtypes.int64})
    signature(_type, "input", _ARGMAX_TYPES)


def _arg_reduce(op_type, input, axis, name, dimension, output_type):  # noqa: A002
    axis = _deprecated(axis, dimension, "axis", "dimension")
    if axis is None:
        axis = 0
    output_type = dtypes.as_dtype(output_type)
    with name_scope(name, op_type, [input, axis]) as scope:
        (x,) = math_ops._convert_inputs(op_type, (input,))
        axis = _index_tensor(axis, "dimension", _ARGMAX_INDEX[op_type])
        if output_type not in _ARGMAX_OUTPUT[op_type]:
            raise not_allowed_error("output_type", output_type, _ARGMAX_OUTPUT[op_type])
        return create1(op_type, [x, axis], scope, Tidx=axis.dtype.base_dtype, output_type=output_type)


def argmax(input, axis=None, name=None, dimension=None, output_type=dtypes.int64):  # noqa: A002
    """`tf.argmax`: `ArgMax` over `axis` (default 0), int64 unless `output_type` says otherwise."""
    return _arg_reduce("ArgMax", input, axis, name, dimension, output_type)


def argmin(input, axis=None, name=None, dimension=None, output_type=dtypes.int64):  # noqa: A002
    return _arg_reduce("ArgMin", input, axis, name, dimension, output_type)


# ---- cumulative -------------------------------------------------------------------------------------------
def _cumulative_kernel(fn, identity):
    def kernel(x, axis, *, exclusive, reverse, **_):
        a = int(static(axis)) % x.ndim
        if reverse:
            x = jnp.flip(x, a)
        out = fn(x, axis=a, dtype=x.dtype)
        if exclusive:
            pad = [(0, 0)] * x.ndim
            pad[a] = (1, 0)
            out = jnp.pad(lax.slice_in_dim(out, 0, x.shape[a] - 1, axis=a), pad, constant_values=identity)
        return jnp.flip(out, a) if reverse else out
    return kernel


for _type, _fn, _identity in (("Cumsum", jnp.cumsum, 0), ("Cumprod", jnp.cumprod, 1)):
    declare(_type, lambda ctx, x, axis, **_: [(x._shape, x.dtype.base_dtype)], _cumulative_kernel(_fn, _identity),
            attrs={"exclusive": False, "reverse": False, "Tidx": dtypes.int32})
    signature(_type, "x", NUMBER_TYPES)


def _cumulative(op_type, x, axis, exclusive, reverse, name):
    with name_scope(name, op_type, [x]) as scope:
        (x,) = math_ops._convert_inputs(op_type, (x,))
        axis = _index_tensor(axis, "axis")
        return create1(op_type, [x, axis], scope, exclusive=bool(exclusive), reverse=bool(reverse),
                       Tidx=axis.dtype.base_dtype)


def cumsum(x, axis=0, exclusive=False, reverse=False, name=None):
    return _cumulative("Cumsum", x, axis, exclusive, reverse, name)


def cumprod(x, axis=0, exclusive=False, reverse=False, name=None):
    return _cumulative("Cumprod", x, axis, exclusive, reverse, name)


# ---- add_n --------------------------------------------------------------------------------------------------
_ADD_N_MESSAGE = "Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype and shape."


def _add_n_infer(ctx, *inputs, N, **_):  # noqa: N803
    shape = inputs[-1]._shape
    for i in range(len(inputs) - 2, -1, -1):
        shape = merge_shapes(lambda m: infer_error(ctx, f"{m}\n\tFrom merging shape {i} with other shapes."),
                             inputs[i]._shape, shape)
    return [(shape, inputs[0].dtype.base_dtype)]


def _add_n_kernel(*arrays, **_):
    total = arrays[0]
    for a in arrays[1:]:
        total = total + a
    return total


declare("AddN", _add_n_infer, _add_n_kernel, attrs={"N": 0})


def add_n(inputs, name=None):
    """`tf.add_n`: an `AddN` of N >= 2 tensors; one tensor is returned as it is (or as `identity` if named)."""
    if isinstance(inputs, Tensor):
        raise OperatorNotAllowedInGraphError(_SYMBOLIC_MESSAGE.format(what="Iterating over", verb="is"))
    if not inputs or not isinstance(inputs, (list, tuple)):
        raise ValueError(_ADD_N_MESSAGE)
    inputs = [v if isinstance(v, Tensor) else convert_to_tensor(v) for v in inputs]
    if len(inputs) == 1:
        if name:
            return array_ops.identity(inputs[0], name=name)
        return inputs[0]
    types = [t.dtype.base_dtype for t in inputs]
    if any(t != types[0] for t in types):
        raise TypeError(f"Tensors in list passed to 'inputs' of 'AddN' Op have types "
                        f"[{', '.join(t.name for t in types)}] that don't all match.")
    if types[0] not in NUMBER_TYPES:
        raise not_allowed_error("inputs", types[0], NUMBER_TYPES)
    return create1("AddN", inputs, name or "AddN", N=len(inputs))


# ---- matmul -----------------------------------------------------------------------------------------------
def _matrix_dims(ctx, t, transpose):
    shape = t._shape
    if shape is None:
        return None, None
    if len(shape) != 2:
        raise infer_error(ctx, f"Shape must be rank 2 but is rank {len(shape)}")
    return (shape[1], shape[0]) if transpose else shape


def _inner(ctx, k1, k2):
    if k1 is not None and k2 is not None and k1 != k2:
        raise infer_error(ctx, f"Dimensions must be equal, but are {k1} and {k2}")


def _matmul_infer(ctx, a, b, *, transpose_a, transpose_b, **_):
    m, k1 = _matrix_dims(ctx, a, transpose_a)
    k2, n = _matrix_dims(ctx, b, transpose_b)
    _inner(ctx, k1, k2)
    return [((m, n), a.dtype.base_dtype if ctx.decl.type == "MatMul" else dtypes.float32)]


def _batch_matmul_infer(ctx, x, y, *, adj_x, adj_y, **_):
    if x._shape is None or y._shape is None:
        return [(None, x.dtype.base_dtype)]
    for t in (x, y):
        if len(t._shape) < 2:
            raise infer_error(ctx, f"Shape must be at least rank 2 but is rank {len(t._shape)}")
    m, k1 = x._shape[-2:][::-1] if adj_x else x._shape[-2:]
    k2, n = y._shape[-2:][::-1] if adj_y else y._shape[-2:]
    _inner(ctx, k1, k2)
    try:
        batch = broadcast_shapes(x._shape[:-2], y._shape[:-2])
    except BroadcastError as exc:
        raise infer_error(ctx, f"Dimensions must be equal, but are {exc.x} and {exc.y}") from None
    return [(batch + (m, n), x.dtype.base_dtype)]


_HIGHEST = lax.Precision.HIGHEST   # TF1 computes float32 matmuls in full precision (no TF32)


def _matmul_kernel(a, b, *, transpose_a, transpose_b, **_):
    return jnp.matmul(a.T if transpose_a else a, b.T if transpose_b else b, precision=_HIGHEST)


def _batch_matmul_kernel(x, y, *, adj_x, adj_y, **_):
    if adj_x:
        x = jnp.conj(jnp.swapaxes(x, -1, -2))
    if adj_y:
        y = jnp.conj(jnp.swapaxes(y, -1, -2))
    return jnp.matmul(x, y, precision=_HIGHEST)


def _sparse_matmul_kernel(a, b, *, transpose_a, transpose_b, **_):
    return _matmul_kernel(a.astype(jnp.float32), b.astype(jnp.float32), transpose_a=transpose_a,
                          transpose_b=transpose_b)


_MATMUL_FLAGS = {"transpose_a": False, "transpose_b": False, "grad_a": False, "grad_b": False}
declare("MatMul", _matmul_infer, _matmul_kernel, attrs=_MATMUL_FLAGS)
signature("MatMul", "a b", _MATMUL_TYPES)
declare("BatchMatMulV2", _batch_matmul_infer, _batch_matmul_kernel,
        attrs={"adj_x": False, "adj_y": False, "grad_x": False, "grad_y": False})
signature("BatchMatMulV2", "x y", _BATCH_MATMUL_TYPES)
declare("SparseMatMul", _matmul_infer, _sparse_matmul_kernel, type_attr=None,
        attrs={"transpose_a": False, "transpose_b": False, "a_is_sparse": False, "b_is_sparse": False,
               "Ta": dtypes.float32, "Tb": dtypes.float32})


def _one_of(transpose, adjoint, side):
    if transpose and adjoint:
        raise ValueError(f"Only one of `transpose_{side}` and `adjoint_{side}` can be True. Received "
                         f"`transpose_{side}`={transpose}, `adjoint_{side}`={adjoint}.")


def matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False, a_is_sparse=False,
           b_is_sparse=False, output_type=None, grad_a=False, grad_b=False, name=None):
    """`tf.matmul`: `MatMul` for matrices, `BatchMatMulV2` when either rank is > 2 or unknown."""
    with name_scope(name, "MatMul", [a, b]) as scope:
        _one_of(transpose_a, adjoint_a, "a")
        _one_of(transpose_b, adjoint_b, "b")
        a = a if isinstance(a, Tensor) else convert_to_tensor(a, name="a")
        if not isinstance(b, Tensor):
            try:
                b = convert_to_tensor(b, dtype=a.dtype.base_dtype, name="b")
            except (TypeError, ValueError):
                b = convert_to_tensor(b, name="b")
        a_rank, b_rank = (None if t._shape is None else len(t._shape) for t in (a, b))
        sparse = a_is_sparse or b_is_sparse
        if not sparse and (a_rank is None or a_rank > 2 or b_rank is None or b_rank > 2):
            return apply_op("BatchMatMulV2", (a, b), scope, adj_x=bool(adjoint_a or transpose_a),
                            adj_y=bool(adjoint_b or transpose_b), grad_x=bool(grad_a), grad_y=bool(grad_b))
        transpose_a, transpose_b = bool(transpose_a or adjoint_a), bool(transpose_b or adjoint_b)
        sparse_types = (dtypes.float32, dtypes.bfloat16)
        if sparse and a.dtype.base_dtype in sparse_types and b.dtype.base_dtype in sparse_types:
            return create1("SparseMatMul", [a, b], scope, transpose_a=transpose_a, transpose_b=transpose_b,
                           a_is_sparse=bool(a_is_sparse), b_is_sparse=bool(b_is_sparse),
                           Ta=a.dtype.base_dtype, Tb=b.dtype.base_dtype)
        return apply_op("MatMul", (a, b), scope, transpose_a=transpose_a, transpose_b=transpose_b,
                        grad_a=bool(grad_a), grad_b=bool(grad_b))


__all__ = ["reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "reduce_all", "reduce_any",
           "reduce_logsumexp", "argmax", "argmin", "cumsum", "cumprod", "add_n", "matmul", "REAL_NUMBER_TYPES"]
