"""Linear algebra: decompositions (Qr, Svd, Cholesky), MatrixDeterminant, MatrixInverse, the solvers
(MatrixSolve, MatrixTriangularSolve), diagonals (Diag, DiagPart, MatrixDiagPartV3), MatrixBandPart, and
TF's API functions over them (`tf.qr`, `tf.svd`, `tf.trace`, `tf.matrix_transpose` ...). `tf.norm` is in
linalg_norm.py, the `tf.linalg` namespace in linalg.py.

Op types, attributes, input names, allowed dtypes (op_def order) and build-time messages are TF's
(golden: tests/golden/ops_linalg.json). Kernels run JAX's LAPACK-backed routines; half-precision inputs
are computed in float32 and cast back. Numerical failures (a singular or non-positive-definite input)
give NaN/inf where TF raises InvalidArgumentError: XLA programs cannot raise from data.
"""
import collections

import jax.numpy as jnp
import numpy as np
from jax import lax

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import BroadcastError, broadcast_shapes
from scopeflow.ops import fill_ops, shape_ops
from scopeflow.ops.array_build import build, const_value, infer_error, merge_shapes, static
from scopeflow.ops.common import create, name_scope
from scopeflow.ops.join_ops import concat
from scopeflow.ops.math_ops import _dtype_list, mismatch_error, not_allowed_error
from scopeflow.ops.reduction_ops import reduce_sum

# allowed dtypes of T, in TF's op_def order (TF prints them in this order; observed)
LAPACK_TYPES = _dtype_list("float64 float32 float16 complex64 complex128")
DETERMINANT_TYPES = _dtype_list("float16 float32 float64 complex64 complex128")
TRIANGULAR_TYPES = _dtype_list("bfloat16 float64 float32 float16 complex64 complex128")
DIAG_TYPES = _dtype_list("bfloat16 float16 float32 float64 int32 int64 complex64 complex128")
_HALF = (jnp.float16, jnp.bfloat16)


# ---- build-time shape helpers ----------------------------------------------------------------------
def _at_least(ctx, shape, rank):
    if shape is not None and len(shape) < rank:
        raise ctx.error(f"Shape must be at least rank {rank} but is rank {len(shape)}")


def _equal(ctx, a, b):
    """TF's WithValue/Merge of two dims: "Dimensions must be equal, but are 2 and 3"."""
    if a is not None and b is not None and a != b:
        raise ctx.error(f"Dimensions must be equal, but are {a} and {b}")
    return b if a is None else a


def _matrix(ctx, x):
    """(batch dims, rows, cols) of a (batch) matrix input, or None for an unknown rank."""
    shape = x._shape
    if shape is None:
        return None
    _at_least(ctx, shape, 2)
    return shape[:-2], shape[-2], shape[-1]


def _square(ctx, x, cols_first=False):
    """(batch, n) of a square (batch) matrix; MatrixDeterminant names the columns first (observed)."""
    parts = _matrix(ctx, x)
    if parts is None:
        return None
    batch, m, n = parts
    return batch, (_equal(ctx, n, m) if cols_first else _equal(ctx, m, n))


def _lapack(x):
    return x.astype(jnp.float32) if x.dtype in _HALF else x


def _adjoint(x):
    return jnp.conj(jnp.swapaxes(x, -1, -2))


# ---- decompositions ----------------------------------------------------------------------------------
@op("Qr", attrs={"full_matrices": False})
class Qr:
    @staticmethod
    def infer(ctx, x, *, full_matrices, **_):
        dtype = x.dtype.base_dtype
        parts = _matrix(ctx, x)
        if parts is None:
            return [(None, dtype), (None, dtype)]
        batch, m, n = parts
        if full_matrices:
            return [(batch + (m, m), dtype), (batch + (m, n), dtype)]
        k = None if m is None or n is None else min(m, n)
        return [(batch + (m, k), dtype), (batch + (k, n), dtype)]

    @staticmethod
    def kernel(x, *, full_matrices, **_):
        q, r = jnp.linalg.qr(_lapack(x), mode="complete" if full_matrices else "reduced")
        return [q.astype(x.dtype), r.astype(x.dtype)]


@op("Svd", attrs={"compute_uv": True, "full_matrices": False})
class Svd:
    @staticmethod
    def infer(ctx, x, *, compute_uv, full_matrices, **_):
        dtype = x.dtype.base_dtype
        parts = _matrix(ctx, x)
        if parts is None:
            return [(None, dtype)] * 3 if compute_uv else [(None, dtype), ((0,), dtype), ((0,), dtype)]
        batch, m, n = parts
        p = None if m is None or n is None else min(m, n)
        if not compute_uv:
            return [(batch + (p,), dtype), ((0,), dtype), ((0,), dtype)]
        u, v = ((m, m), (n, n)) if full_matrices else ((m, p), (n, p))
        return [(batch + (p,), dtype), (batch + u, dtype), (batch + v, dtype)]

    @staticmethod
    def kernel(x, *, compute_uv, full_matrices, **_):
        a = _lapack(x)
        if not compute_uv:
            empty = jnp.zeros((0,), x.dtype)
            return [jnp.linalg.svd(a, compute_uv=False).astype(x.dtype), empty, empty]
        u, s, vh = jnp.linalg.svd(a, full_matrices=full_matrices)
        return [s.astype(x.dtype), u.astype(x.dtype), _adjoint(vh).astype(x.dtype)]


@op("Cholesky")
class Cholesky:
    @staticmethod
    def infer(ctx, x, **_):
        square = _square(ctx, x)
        return [(None if square is None else square[0] + (square[1],) * 2, x.dtype.base_dtype)]

    @staticmethod
    def kernel(x, **_):
        # TF reads only the lower triangle (no symmetrization)
        return jnp.tril(lax.linalg.cholesky(_lapack(x), symmetrize_input=False)).astype(x.dtype)


@op("MatrixDeterminant")
class MatrixDeterminant:
    @staticmethod
    def infer(ctx, x, **_):
        square = _square(ctx, x, cols_first=True)
        return [(None if square is None else square[0], x.dtype.base_dtype)]

    @staticmethod
    def kernel(x, **_):
        return jnp.linalg.det(_lapack(x)).astype(x.dtype)


@op("MatrixInverse", attrs={"adjoint": False})
class MatrixInverse:
    @staticmethod
    def infer(ctx, x, **_):
        square = _square(ctx, x)
        return [(None if square is None else square[0] + (square[1],) * 2, x.dtype.base_dtype)]

    @staticmethod
    def kernel(x, *, adjoint, **_):
        a = _lapack(x)
        return jnp.linalg.inv(_adjoint(a) if adjoint else a).astype(x.dtype)


# ---- solvers ---------------------------------------------------------------------------------------------
def _solve_parts(ctx, matrix, rhs):
    """(matrix batch, n, rhs batch, rhs rows, rhs cols), or None when a rank is unknown."""
    _at_least(ctx, matrix._shape, 2)
    _at_least(ctx, rhs._shape, 2)
    square = _square(ctx, matrix)
    if square is None or rhs._shape is None:
        return None
    return square + (rhs._shape[:-2],) + rhs._shape[-2:]


@op("MatrixSolve", attrs={"adjoint": False})
class MatrixSolve:
    @staticmethod
    def infer(ctx, matrix, rhs, **_):
        dtype = matrix.dtype.base_dtype
        parts = _solve_parts(ctx, matrix, rhs)
        if parts is None:
            return [(None, dtype)]
        batch, n, rhs_batch, rows, cols = parts
        batch = merge_shapes(ctx.error, batch, rhs_batch)
        return [(batch + (_equal(ctx, n, rows), cols), dtype)]

    @staticmethod
    def kernel(matrix, rhs, *, adjoint, **_):
        a = _lapack(matrix)
        return jnp.linalg.solve(_adjoint(a) if adjoint else a, _lapack(rhs)).astype(matrix.dtype)


@op("MatrixTriangularSolve", attrs={"lower": True, "adjoint": False})
class MatrixTriangularSolve:
    @staticmethod
    def infer(ctx, matrix, rhs, **_):
        dtype = matrix.dtype.base_dtype
        parts = _solve_parts(ctx, matrix, rhs)
        if parts is None:
            return [(None, dtype)]
        batch, n, rhs_batch, rows, cols = parts
        try:   # batch dims broadcast (TF 2.x)
            batch = broadcast_shapes(batch, rhs_batch)
        except BroadcastError as exc:
            raise ctx.error(f"Dimensions must be equal, but are {exc.x} and {exc.y}") from None
        return [(batch + (_equal(ctx, n, rows), cols), dtype)]

    @staticmethod
    def kernel(matrix, rhs, *, lower, adjoint, **_):
        batch = jnp.broadcast_shapes(matrix.shape[:-2], rhs.shape[:-2])
        a = jnp.broadcast_to(_lapack(matrix), batch + matrix.shape[-2:])
        b = jnp.broadcast_to(_lapack(rhs), batch + rhs.shape[-2:])
        x = lax.linalg.triangular_solve(a, b, left_side=True, lower=lower, transpose_a=adjoint,
                                        conjugate_a=adjoint)
        return x.astype(matrix.dtype)


# ---- diagonals and bands ------------------------------------------------------------------------------
@op("Diag")
class Diag:
    @staticmethod
    def infer(ctx, diagonal, **_):
        shape = diagonal._shape
        _at_least(ctx, shape, 1)
        return [(None if shape is None else shape + shape, diagonal.dtype.base_dtype)]

    @staticmethod
    def kernel(diagonal, **_):
        return jnp.diag(jnp.ravel(diagonal)).reshape(diagonal.shape * 2)


@op("DiagPart")
class DiagPart:
    @staticmethod
    def infer(ctx, x, **_):
        shape = x._shape
        if shape is None:
            return [(None, x.dtype.base_dtype)]
        if not shape or len(shape) % 2:
            raise ctx.error(f"Input must have even and non-zero rank, input rank is {len(shape)}")
        half = len(shape) // 2
        return [(tuple(_equal(ctx, shape[i], shape[i + half]) for i in range(half)), x.dtype.base_dtype)]

    @staticmethod
    def kernel(x, **_):
        half = x.shape[:x.ndim // 2]
        n = int(np.prod(half, dtype=np.int64))
        return jnp.diagonal(x.reshape(n, n)).reshape(half)


def _diag_offsets(k):
    """(lower, upper) diagonal offsets of a `k` value (scalar or pair)."""
    values = np.ravel(k).tolist()
    return values[0], values[-1]


@op("MatrixDiagPartV3", attrs={"align": "RIGHT_LEFT"})
class MatrixDiagPartV3:
    @staticmethod
    def infer(ctx, x, k, padding_value, **_):
        dtype = x.dtype.base_dtype
        parts = _matrix(ctx, x)
        if parts is None:
            return [(None, dtype)]
        batch, m, n = parts
        value = const_value(k)
        if value is None:
            return [(None, dtype)]
        lower, upper = _diag_offsets(value)
        for which, offset in (("lower", lower), ("upper", upper)):
            if (m is not None and offset <= -m) or (n is not None and offset >= n):
                raise infer_error(ctx, f"{which}_diag_index is out of bound.", computed=[1])
        if m is None or n is None:
            length = None
        else:
            length = min(m + min(upper, 0), n - max(lower, 0))
        if lower == upper:
            return [(batch + (length,), dtype)]
        return [(batch + (upper - lower + 1, length), dtype)]

    @staticmethod
    def kernel(x, k, padding_value, **_):
        lower, upper = _diag_offsets(static(k))
        if lower != upper:
            raise NotImplementedError("MatrixDiagPartV3 with a band of diagonals (k = (lower, upper)) is "
                                      "not supported by scopeflow")
        return jnp.diagonal(x, offset=lower, axis1=-2, axis2=-1)


@op("MatrixBandPart", attrs={"Tindex": dtypes.int64})
class MatrixBandPart:
    @staticmethod
    def infer(ctx, x, num_lower, num_upper, **_):
        return [(x._shape, x.dtype.base_dtype)]

    @staticmethod
    def kernel(x, num_lower, num_upper, **_):
        i = jnp.arange(x.shape[-2])[:, None]
        j = jnp.arange(x.shape[-1])[None, :]
        keep = (((num_lower < 0) | (i - j <= num_lower)) & ((num_upper < 0) | (j - i <= num_upper)))
        return jnp.where(keep, x, jnp.zeros((), x.dtype))


# op type -> (input names, allowed dtypes of T); `_apply` checks them as TF's op builder does
_SIGNATURES = {
    "Qr": ("input", LAPACK_TYPES), "Svd": ("input", LAPACK_TYPES), "Cholesky": ("input", LAPACK_TYPES),
    "MatrixInverse": ("input", LAPACK_TYPES), "MatrixDeterminant": ("input", DETERMINANT_TYPES),
    "MatrixSolve": ("matrix rhs", LAPACK_TYPES), "MatrixTriangularSolve": ("matrix rhs", TRIANGULAR_TYPES),
    "Diag": ("diagonal", DIAG_TYPES), "DiagPart": ("input", DIAG_TYPES),
}


def _apply(op_type, values, name=None, **attrs):
    """Builds `op_type` as TF's generated wrapper does and returns the Operation: the first input fixes
    T (TypeError if not allowed), Python values become Consts named after their input under the op's scope."""
    args, allowed = _SIGNATURES[op_type]

    def build(op_name):
        inputs, dtype = [], None
        for arg, value in zip(args.split(), values):
            t = value if isinstance(value, Tensor) else convert_to_tensor(value, dtype=dtype, name=arg)
            got = t.dtype.base_dtype
            if dtype is None and got not in allowed:
                raise not_allowed_error(arg, got, allowed)
            if dtype is not None and got != dtype:
                raise mismatch_error(op_type, arg, got, dtype, args.split()[0])
            dtype = got
            inputs.append(t)
        return create(op_type, inputs, op_name, **attrs)

    if all(isinstance(v, Tensor) for v in values):
        return build(name or op_type)
    with name_scope(name, op_type, values) as scope:
        return build(scope)


# ---- API functions ---------------------------------------------------------------------------------------
_QrResult = collections.namedtuple("Qr", ["q", "r"])


def qr(input, full_matrices=False, name=None):  # noqa: A002  TF's argument name
    """`tf.qr` / `tf.linalg.qr` (op Qr): the namedtuple `Qr(q, r)`."""
    return _QrResult(*_apply("Qr", (input,), name, full_matrices=full_matrices)._outputs)


def svd(tensor, full_matrices=False, compute_uv=True, name=None):
    """`tf.svd` (op Svd): `(s, u, v)` with `a = u @ diag(s) @ adjoint(v)`; only `s` without `compute_uv`."""
    outputs = _apply("Svd", (tensor,), name, full_matrices=full_matrices, compute_uv=compute_uv)._outputs
    return tuple(outputs) if compute_uv else outputs[0]


def cholesky(input, name=None):  # noqa: A002
    """`tf.cholesky` (op Cholesky): the lower-triangular factor, from the input's lower triangle."""
    return _apply("Cholesky", (input,), name)._outputs[0]


def matrix_determinant(input, name=None):  # noqa: A002
    """`tf.matrix_determinant` / `tf.linalg.det` (op MatrixDeterminant)."""
    return _apply("MatrixDeterminant", (input,), name)._outputs[0]


def matrix_inverse(input, adjoint=False, name=None):  # noqa: A002
    """`tf.matrix_inverse` / `tf.linalg.inv` (op MatrixInverse)."""
    return _apply("MatrixInverse", (input,), name, adjoint=adjoint)._outputs[0]


def matrix_solve(matrix, rhs, adjoint=False, name=None):
    """`tf.matrix_solve` / `tf.linalg.solve` (op MatrixSolve)."""
    return _apply("MatrixSolve", (matrix, rhs), name, adjoint=adjoint)._outputs[0]


def matrix_triangular_solve(matrix, rhs, lower=True, adjoint=False, name=None):
    """`tf.matrix_triangular_solve` / `tf.linalg.triangular_solve`: a MatrixTriangularSolve op under a
    `triangular_solve/` scope (observed)."""
    with name_scope(name, "triangular_solve", [matrix, rhs]):
        return _apply("MatrixTriangularSolve", (matrix, rhs), None, lower=lower, adjoint=adjoint)._outputs[0]


def diag(diagonal, name=None):
    """`tf.diag` / `tf.linalg.tensor_diag` (op Diag): output shape `shape + shape`."""
    return _apply("Diag", (diagonal,), name)._outputs[0]


def diag_part(input, name=None):  # noqa: A002
    """`tf.diag_part` / `tf.linalg.tensor_diag_part` (op DiagPart): the inverse of `tf.diag`."""
    return _apply("DiagPart", (input,), name)._outputs[0]


def _build_v3(op_type, name, args, align):
    """MatrixDiagV3 / MatrixDiagPartV3 / MatrixSetDiagV3 under `name`: arguments hinted `"T"` take the
    first such input's dtype; Python values become Consts named after their argument."""
    graph = get_default_graph()
    with graph.name_scope(name) as scope:
        inputs, dtype = [], None
        for arg, value, hint in args:
            t = convert_to_tensor(value, dtype=dtype if hint == "T" else hint, name=arg)
            if hint == "T" and dtype is None:
                dtype = t.dtype.base_dtype
            inputs.append(t)
        return graph._create_op(op_type, inputs, scope, {"align": align})._outputs[0]


def _only_main_diagonal(what, **values):
    for arg, value in values.items():
        if not hasattr(value, "_op") and np.any(np.asarray(value) != (-1 if arg.startswith("num") else 0)):
            raise NotImplementedError(f"{what} with {arg}={value!r} is not supported by scopeflow (only the "
                                      "main diagonal of a square matrix)")


def matrix_diag(diagonal, name="diag", k=0, num_rows=-1, num_cols=-1, padding_value=0, align="RIGHT_LEFT"):
    """`tf.linalg.diag` / `tf.matrix_diag` (op MatrixDiagV3): batch of square matrices from diagonals."""
    _only_main_diagonal("tf.linalg.diag", k=k, num_rows=num_rows, num_cols=num_cols)
    return _build_v3("MatrixDiagV3", name, [("diagonal", diagonal, "T"), ("k", k, dtypes.int32),
                                            ("num_rows", num_rows, dtypes.int32),
                                            ("num_cols", num_cols, dtypes.int32),
                                            ("padding_value", padding_value, "T")], align)


def matrix_diag_part(input, name="diag_part", k=0, padding_value=0, align="RIGHT_LEFT"):  # noqa: A002
    """`tf.linalg.diag_part` / `tf.matrix_diag_part` (op MatrixDiagPartV3): one diagonal `k` per matrix."""
    if not hasattr(k, "_op") and np.size(k) == 2 and np.ravel(k)[0] != np.ravel(k)[1]:
        raise NotImplementedError("tf.linalg.diag_part with a band of diagonals is not supported by scopeflow")
    return _build_v3("MatrixDiagPartV3", name, [("input", input, "T"), ("k", k, dtypes.int32),
                                                ("padding_value", padding_value, "T")], align)


def matrix_set_diag(input, diagonal, name="set_diag", k=0, align="RIGHT_LEFT"):  # noqa: A002
    """`tf.linalg.set_diag` / `tf.matrix_set_diag` (op MatrixSetDiagV3): replaces the main diagonal."""
    _only_main_diagonal("tf.linalg.set_diag", k=k)
    return _build_v3("MatrixSetDiagV3", name, [("input", input, "T"), ("diagonal", diagonal, "T"),
                                               ("k", k, dtypes.int32)], align)


def _band_attrs(inputs):
    lower, upper = inputs[1].dtype.base_dtype, inputs[2].dtype.base_dtype
    if upper != lower:
        raise mismatch_error("MatrixBandPart", "num_upper", upper, lower, "num_lower")
    return {"Tindex": lower}


def matrix_band_part(input, num_lower, num_upper, name=None):  # noqa: A002
    """`tf.matrix_band_part` / `tf.linalg.band_part` (op MatrixBandPart); a negative count keeps all."""
    return build("MatrixBandPart", name, [("input", input, None), ("num_lower", num_lower, dtypes.int32),
                                          ("num_upper", num_upper, dtypes.int32)], _band_attrs)


def trace(x, name=None):
    """`tf.trace`: the sum of each matrix's diagonal, `Trace/diag_part` then a Sum named `Trace`."""
    with name_scope(name, "Trace", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        return reduce_sum(matrix_diag_part(x), [-1], name=scope)


def matrix_transpose(a, name="matrix_transpose", conjugate=False):
    """`tf.matrix_transpose` / `tf.linalg.transpose`: swaps the last two dimensions (a Transpose)."""
    with get_default_graph().name_scope(name):
        a = convert_to_tensor(a, name="a")
        shape = a._shape
        if shape is None:   # TF: Range(rank - 2) ++ [rank - 1, rank - 2]
            rank = shape_ops.rank(a)
            perm = concat([fill_ops.range(0, rank - 2, 1, name="Range"), [rank - 1, rank - 2]], 0)
        elif len(shape) < 2:
            raise ValueError(f"Argument `a` should be a (batch) matrix with rank >= 2.  Received `a` = {a} "
                             f"with shape: {a.shape}")
        else:
            perm = list(range(len(shape) - 2)) + [len(shape) - 1, len(shape) - 2]
        return shape_ops.transpose(a, perm, conjugate=conjugate)


def adjoint(matrix, name=None):
    """`tf.linalg.adjoint`: the conjugate transpose of the last two dimensions."""
    with name_scope(name, "adjoint", [matrix]):
        matrix = convert_to_tensor(matrix, name="matrix")
        return matrix_transpose(matrix, conjugate=True)


__all__ = ["qr", "svd", "cholesky", "matrix_determinant", "matrix_inverse", "matrix_solve",
           "matrix_triangular_solve", "diag", "diag_part", "matrix_diag", "matrix_diag_part", "matrix_set_diag",
           "matrix_band_part", "trace", "matrix_transpose", "adjoint"]
