"""`tf.IndexedSlices` (a sparse set of rows of a dense tensor) and `IndexedSlicesValue` (what
`Session.run` returns for one).

An IndexedSlices is plain graph data: three Tensors (`dense_shape` may be None) and no op of its own; its
name, dtype, op, graph and device are those of `values`. It is what `tf.gradients` returns for the params
of a gather (ops/indexed_slices_ops.py builds those and registers the conversion to a dense Tensor, an
`UnsortedSegmentSum`). `str()` is TF's `IndexedSlices(indices=..., values=..., dense_shape=...)`; `repr()`
stays Python's default, as TF's does (golden: tests/golden/indexed_slices.json).
"""
import collections

from scopeflow.framework.tensor import Tensor

IndexedSlicesValue = collections.namedtuple("IndexedSlicesValue", ["values", "indices", "dense_shape"])
IndexedSlicesValue.__doc__ = "The value of an IndexedSlices fetched by `Session.run`: numpy arrays."


class IndexedSlices:
    """`tf.IndexedSlices(values, indices, dense_shape=None)`: `dense[indices[i], ...] = values[i, ...]`.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(tf.IndexedSlices(tf.constant([1.], name="v"), tf.constant([3], name="i")))
    IndexedSlices(indices=Tensor("i:0", shape=(1,), dtype=int32), values=Tensor("v:0", shape=(1,), dtype=float32))
    """
    __slots__ = ("_values", "_indices", "_dense_shape")

    def __init__(self, values, indices, dense_shape=None):
        self._values = values
        self._indices = indices
        self._dense_shape = dense_shape

    values = property(lambda self: self._values, doc="The Tensor of the slices' values.")
    indices = property(lambda self: self._indices, doc="The 1-D Tensor of the slices' row indices.")
    dense_shape = property(lambda self: self._dense_shape, doc="The dense tensor's shape (a Tensor), or None.")
    name = property(lambda self: self._values.name)
    dtype = property(lambda self: self._values.dtype)
    op = property(lambda self: self._values.op)
    graph = property(lambda self: self._values.graph)
    device = property(lambda self: self._values.device)

    def consumers(self):
        """The ops reading any of the component tensors."""
        parts = [t for t in (self._values, self._indices, self._dense_shape) if isinstance(t, Tensor)]
        return list(dict.fromkeys(op for t in parts for op in t.consumers()))

    def __str__(self):
        shape = "" if self._dense_shape is None else f", dense_shape={self._dense_shape}"
        return f"IndexedSlices(indices={self._indices}, values={self._values}{shape})"

    def __neg__(self):
        return IndexedSlices(-self._values, self._indices, self._dense_shape)


__all__ = ["IndexedSlices", "IndexedSlicesValue"]
