"""`tf.norm` (`tf.linalg.norm`): vector p-norms and the Frobenius / 1 / 2 / inf matrix norms, composed of
Abs, Pow, Sum, Max, Sqrt and Squeeze under `norm/` with TF's op names, and TF's argument checks and
messages (golden: tests/golden/ops_linalg.json, cases norm_*).

The matrix 2-norm transposes the two axes last, takes the largest singular value (Svd) and transposes
back. TF computes those permutations with map_fn loops at run time; here they are Python lists, so the
result's static shape is known where TF's is not, and a tensor of unknown rank is not supported.
"""
import numpy as np

from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.ops import math_ops, shape_ops
from scopeflow.ops.common import name_scope
from scopeflow.ops.linalg_ops import svd
from scopeflow.ops.reduction_ops import reduce_max, reduce_sum

_MATRIX_NORMS = ["euclidean", "fro", 1, 2, np.inf]


def _norm_axis(axis):
    """`axis` as a tuple (None stays None) and whether it names a matrix norm; TF's ValueError otherwise."""
    if isinstance(axis, (tuple, list)) and len(axis) == 2:
        axis = tuple(axis)
        if axis[0] == axis[1]:
            raise ValueError(f"'axis' must be None, an integer, or a tuple of 2 unique integers, got {axis}")
        return axis, True
    if axis is not None and (isinstance(axis, (tuple, list)) or type(axis) is not int):
        raise ValueError(f"'axis' must be None, an integer, or a tuple of 2 unique integers, got {axis}")
    return (None if axis is None else (axis,)), False


def _check_ord(ord, is_matrix):  # noqa: A002
    if is_matrix:
        if not any(ord == supported for supported in _MATRIX_NORMS) or isinstance(ord, bool):
            raise ValueError(f"'ord' must be a supported matrix norm in {_MATRIX_NORMS}, got {ord}")
    elif not (ord == "euclidean" or (not isinstance(ord, str) and ord > 0)):
        raise ValueError(f"'ord' must be a supported vector norm, got {ord}")


def _matrix_2_norm(tensor, axis):
    """Largest singular value over the two `axis` dims, kept as size-1 dims. TF computes the permutations
    with map_fn at run time; they are Python values here (needs a known rank)."""
    if tensor._shape is None:
        raise NotImplementedError("tf.norm(ord=2) over a matrix of unknown rank is not supported by scopeflow")
    rank = len(tensor._shape)
    matrix_axes = [a % rank for a in axis]
    before = [i for i in range(rank) if i not in matrix_axes] + matrix_axes
    s = svd(shape_ops.transpose(tensor, before), compute_uv=False)
    largest = reduce_max(math_ops.abs(s), axis=-1, keepdims=True)
    return shape_ops.transpose(shape_ops.expand_dims(largest, -1), [before.index(i) for i in range(rank)])


def norm(tensor, ord="euclidean", axis=None, keepdims=None, name=None, keep_dims=None):  # noqa: A002
    """`tf.norm` / `tf.linalg.norm`: vector p-norms, or Frobenius / 1 / 2 / inf matrix norms over two axes,
    built from Abs, Pow, Sum, Max, Sqrt (Svd for the matrix 2-norm) under `norm/`, as TF builds them."""
    if keep_dims is not None:
        if keepdims is not None:
            raise ValueError("Cannot specify both 'keep_dims' and 'keepdims'")
        keepdims = keep_dims
    keepdims = bool(keepdims)
    axis, is_matrix = _norm_axis(axis)
    _check_ord(ord, is_matrix)
    with name_scope(name, "norm", [tensor]):
        tensor = convert_to_tensor(tensor)
        if ord in ("fro", "euclidean") or (ord == 2 and not is_matrix):
            result = math_ops.sqrt(reduce_sum(tensor * tensor, axis, keepdims=True))
        elif is_matrix and ord == 2:
            result = _matrix_2_norm(tensor, axis)
        elif ord == 1 or ord == np.inf:
            size = math_ops.abs(tensor)
            if is_matrix:   # max over one axis of the sums over the other
                sum_axis, max_axis = (axis[-2], axis[-1]) if ord == 1 else (axis[-1], axis[-2])
                result = reduce_max(reduce_sum(size, sum_axis, keepdims=True), max_axis, keepdims=True)
            else:
                reduce = reduce_sum if ord == 1 else reduce_max
                result = reduce(size, None if axis is None else axis[0], keepdims=True)
        else:
            result = reduce_sum(math_ops.pow(math_ops.abs(tensor), ord), axis, keepdims=True)
            result = math_ops.pow(result, 1.0 / ord)
        if not keepdims:
            result = shape_ops.squeeze(result, axis)
        return result


__all__ = ["norm"]
