"""Session.run's feed_dict: keys to feedable Tensors, values to arrays of the tensor's dtype and shape.

Messages are TF's (framework/errors.py builders). Key resolution is cached per key object, so a
repeated feed of the same placeholder costs a dict look-up, a dtype check and a shape check.
"""
import numpy as np

from scopeflow.framework import errors
from scopeflow.framework.tensor import Tensor


class FeedConverter:
    def __init__(self, graph):
        self._graph = graph
        self._resolved = {}    # feed key -> (Tensor, numpy dtype, static shape)

    def _resolve(self, key):
        if isinstance(key, Tensor):
            tensor = key
            if tensor.graph is not self._graph:
                raise ValueError(f"Tensor {tensor} is not an element of this graph.")
        else:
            try:
                tensor = self._graph.as_graph_element(key, allow_tensor=True, allow_operation=False)
            except (KeyError, ValueError) as cause:
                raise errors.feed_key_not_interpretable(cause) from None
            except TypeError as cause:
                raise TypeError(f"Cannot interpret feed_dict key as Tensor: {cause}") from None
        np_dtype = tensor.dtype.base_dtype.as_numpy_dtype
        entry = (tensor, np.dtype(np_dtype), tensor._shape)
        try:
            self._resolved[key] = entry
        except TypeError:
            pass
        return entry

    def convert(self, feed_dict):
        tensors = []
        values = []
        for key, value in feed_dict.items():
            try:
                entry = self._resolved.get(key) or self._resolve(key)
            except TypeError:
                entry = self._resolve(key)
            tensor, np_dtype, shape = entry
            if not (type(value) is np.ndarray and value.dtype == np_dtype):
                value = _as_array(value, np_dtype, tensor, key)
            if shape is not None and not _compatible(shape, value.shape):
                raise errors.feed_shape_mismatch(value.shape, tensor.name, shape)
            tensors.append(tensor)
            values.append(value)
        return tuple(tensors), tuple(values)


def _compatible(static, actual):
    if len(static) != len(actual):
        return False
    for s, a in zip(static, actual):
        if s is not None and s != a:
            return False
    return True


def _as_array(value, np_dtype, tensor, key):
    if isinstance(value, Tensor) or hasattr(value, "_as_graph_element"):
        raise TypeError("The value of a feed cannot be a tf.Tensor object. Acceptable feed values include "
                        "Python scalars, strings, lists, numpy ndarrays, or TensorHandles. For reference, "
                        f"the tensor object was {value} which was passed to the argument `feed_dict` with "
                        f"key {key}.")
    if np_dtype == object:
        return np.asarray(value, dtype=object)
    return np.asarray(value, dtype=np_dtype)
