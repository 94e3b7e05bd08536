"""IndexedSlices in graphs: the gradient of a gather as TF builds it, the concatenation of several, and the
conversion of an IndexedSlices to a dense Tensor (registered with `register_tensor_conversion_function`).

A gather's gradient is built from the gradient w.r.t. the gather's *output* (never a dense gradient of the
params) with TF's ops under `<gather>_grad/`: Shape, Size, ExpandDims, strided_slice, concat, Reshape
(values), Reshape_1 (indices); gradients of several gathers are concatenated (`concat`, `concat_1`) with
the first one's dense_shape. The dense conversion is TF's `UnsortedSegmentSum(values, indices,
dense_shape[0])`. Names and messages are TF's (golden: tests/golden/indexed_slices.json).
"""
import warnings

import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, register_tensor_conversion_function
from scopeflow.framework.indexed_slices import IndexedSlices
from scopeflow.ops.array_build import const_value
from scopeflow.ops.join_ops import concat
from scopeflow.ops.segment_ops import unsorted_segment_sum
from scopeflow.ops.shape_ops import expand_dims, reshape, shape, size

_LARGE_SPARSE_NUM_ELEMENTS = 100000000


def _to_dense(value, dtype=None, name=None, as_ref=False):
    """TF's conversion of an IndexedSlices: an `UnsortedSegmentSum` over `dense_shape[0]` rows."""
    if dtype is not None and not dtypes.as_dtype(dtype).is_compatible_with(value.dtype):
        raise ValueError(f"Incompatible tensor conversion requested to `dtype` {dtypes.as_dtype(dtype).name} for "
                         f"IndexedSlices ({value}) with dtype {value.dtype.name}")
    if value.dense_shape is None:
        raise ValueError("Tensor conversion requested for IndexedSlices for argument `value` without "
                         f"dense_shape: {value!s}")
    known = const_value(value.dense_shape)
    if known is not None:
        elements = int(np.prod(known))
        if elements >= _LARGE_SPARSE_NUM_ELEMENTS:
            warnings.warn(f"Converting sparse IndexedSlices to a dense Tensor with {elements} elements. This "
                          "may consume a large amount of memory.", stacklevel=3)
    elif value.dense_shape.op.type != "VariableShape":
        # TF 1.15's warning (TF 2.x dropped it): the dense size is known only at run time
        warnings.warn("Converting sparse IndexedSlices to a dense Tensor of unknown shape. This may consume a "
                      "large amount of memory.", stacklevel=3)
    return unsorted_segment_sum(value.values, value.indices, value.dense_shape[0], name=name)


register_tensor_conversion_function(IndexedSlices, _to_dense)


def gather_gradient(grad, gather, dense_shape=None):
    """The IndexedSlices gradient of `gather`'s params (axis 0, no batch dims) given `grad`, the gradient
    w.r.t. its output; built in the current name scope (`<gather>_grad/`). `dense_shape`, when given, is the
    variable shape TF uses for a resource variable (a Const)."""
    params, ids = gather._inputs[0], gather._inputs[1]
    if dense_shape is None:
        params_shape = shape(params)
    else:
        params_shape = constant(np.asarray(dense_shape, np.int32), name="Const")
    ids_size = expand_dims(size(ids), 0)
    values_shape = concat([ids_size, params_shape[1:]], 0)
    return IndexedSlices(reshape(grad, values_shape), reshape(ids, ids_size), params_shape)


def aggregate(slices):
    """TF's sum of several IndexedSlices gradients: values and indices concatenated in the current scope."""
    if len(slices) == 1:
        return slices[0]
    values = concat([s.values for s in slices], 0)
    indices = concat([s.indices for s in slices], 0)
    return IndexedSlices(values, indices, slices[0].dense_shape)


__all__ = ["gather_gradient", "aggregate"]
