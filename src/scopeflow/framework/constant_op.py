"""`tf.constant`, `convert_to_tensor` and the `Const` op: Python/numpy values become graph constants.

Dtype inference follows TF1: Python floats -> float32, Python ints -> int32 (int64 when they do not fit),
numpy values keep their dtype, strings -> string, empty lists -> float32. Other types convert through
functions registered with `register_tensor_conversion_function` (Variables register one).
"""
import numbers

import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Operation, Tensor

_CONVERSION_FUNCTIONS = []   # (priority, base_type, fn), lowest priority first
LIST_PACKER = [None]         # set by ops/array_ops: packs nested lists holding Tensors


@op("Const", attrs={"value": None, "dtype": None}, type_attr=None)
class Const:
    @staticmethod
    def infer(ctx, *, value, dtype):
        return [(value.shape, dtype)]

    @staticmethod
    def kernel(*, value, dtype):
        return value


def _reject(value, dtype):
    raise TypeError(f"Expected {dtype.name}, but got {value!r} of type '{type(value).__name__}'.")


def _check_python_elements(value, dtype):
    """TF refuses lossy Python conversions: 1.5 to int32, 1 to string."""
    if isinstance(value, (list, tuple)):
        for v in value:
            _check_python_elements(v, dtype)
    elif dtype == dtypes.string:
        if not isinstance(value, (str, bytes)):
            _reject(value, dtype)
    elif isinstance(value, (str, bytes)):
        _reject(value, dtype)
    elif dtype.is_bool and not isinstance(value, bool):
        _reject(value, dtype)
    elif dtype.is_integer and isinstance(value, float):   # even 1.0 (observed)
        _reject(value, dtype)
    elif (dtype.is_integer or dtype.is_floating) and isinstance(value, complex):
        _reject(value, dtype)


def _infer_python_dtype(array):
    kind = array.dtype.kind
    if kind == "f":
        return dtypes.float32
    if kind in "iu":
        info = np.iinfo(np.int32)
        if array.size == 0 or (array.min() >= info.min and array.max() <= info.max):
            return dtypes.int32
        return dtypes.int64
    if kind == "c":
        return dtypes.complex128
    if kind in "SUO":
        return dtypes.string
    return dtypes.as_dtype(array.dtype)


def to_numpy(value, dtype=None):
    """The numpy array a constant of `value` holds, and its DType."""
    if value is None:
        raise ValueError("None values not supported.")
    is_numpy = isinstance(value, (np.ndarray, np.generic))
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype).base_dtype
        if not is_numpy:
            _check_python_elements(value, dtype)
    if dtype is None or not is_numpy:
        if isinstance(value, (str, bytes)) or (not is_numpy and dtype == dtypes.string):
            array = np.array(value, dtype=object)
        else:
            try:
                array = np.asarray(value)
            except ValueError:
                raise
            if array.dtype == object:
                raise TypeError(f"Failed to convert elements of {value} to Tensor. Consider casting elements "
                                "to a supported type. See https://www.tensorflow.org/api_docs/python/tf/"
                                "dtypes for supported TF dtypes.")
            if array.size == 0 and not is_numpy and dtype is None:
                array = array.astype(np.float32)
        if dtype is None:
            dtype = dtypes.as_dtype(array.dtype) if is_numpy else _infer_python_dtype(array)
    else:
        array = value
    if dtype == dtypes.string:
        array = np.asarray(array, dtype=object)
        return np.vectorize(lambda s: s.encode() if isinstance(s, str) else s, otypes=[object])(array) \
            if array.size else array, dtype
    return np.asarray(array, dtype=dtype.as_numpy_dtype), dtype


def constant(value, dtype=None, shape=None, name="Const", verify_shape=False):
    """`tf.constant`: a `Const` op; `shape=` broadcasts a scalar or pads with the last value."""
    if isinstance(value, Tensor) or (isinstance(value, (list, tuple)) and
                                     any(isinstance(v, Tensor) for v in _flatten(value))):
        raise TypeError("Expected any non-tensor type, but got a tensor instead.")
    array, dtype = to_numpy(value, dtype)
    if shape is not None:
        shape = tuple(int(d) for d in (shape if isinstance(shape, (list, tuple)) else list(shape)))
        if verify_shape and array.shape != shape:
            raise TypeError(f"Expected Tensor's shape: {shape}, but got {array.shape}.")
        if array.shape != shape:
            size = int(np.prod(shape))
            if array.size == 1:
                array = np.broadcast_to(array.reshape(()), shape).copy()
            elif array.size == size:
                array = array.reshape(shape)
            elif 0 < array.size < size:
                array = np.concatenate([array.ravel(), np.repeat(array.ravel()[-1:], size - array.size)])
                array = array.reshape(shape)
            else:
                raise ValueError(f"Too many elements provided. Takes at most {size}, but got {array.size}.")
    graph = get_default_graph()
    return graph._create_op("Const", [], name, {"value": array, "dtype": dtype}).outputs[0]


def register_tensor_conversion_function(base_type, conversion_func, priority=100):
    _CONVERSION_FUNCTIONS.append((priority, base_type, conversion_func))
    _CONVERSION_FUNCTIONS.sort(key=lambda entry: entry[0])


def convert_to_tensor(value, dtype=None, name=None, preferred_dtype=None, dtype_hint=None, as_ref=False):
    """A Tensor for `value`: Tensors pass through (dtype checked), other values become constants."""
    if isinstance(value, Tensor):
        if dtype is not None and not dtypes.as_dtype(dtype).is_compatible_with(value.dtype):
            prefix = f"{name}: " if name else ""   # TF names the argument when it has one
            raise ValueError(f"{prefix}Tensor conversion requested dtype {dtypes.as_dtype(dtype).name} for "
                             f"Tensor with dtype {value.dtype.name}: {value!r}")
        return value
    if isinstance(value, Operation):
        raise TypeError(f"Can't convert Operation '{value.name}' to Tensor (target dtype={dtype}, "
                        f"name={name!r}, as_ref={as_ref})")
    for _, base_type, fn in _CONVERSION_FUNCTIONS:
        if isinstance(value, base_type):
            return fn(value, dtype=dtype, name=name, as_ref=as_ref)
    if isinstance(value, (list, tuple)) and any(isinstance(v, Tensor) for v in _flatten(value)):
        return LIST_PACKER[0](value, dtype, name)   # ops/join_ops packs with `Pack` ops
    preferred_dtype = preferred_dtype or dtype_hint
    if dtype is None and preferred_dtype is not None:
        try:
            return constant(value, dtype=preferred_dtype, name=name or "Const")
        except (TypeError, ValueError):
            pass
    return constant(value, dtype=dtype, name=name or "Const")


def _flatten(value):
    for v in value:
        if isinstance(v, (list, tuple)):
            yield from _flatten(v)
        else:
            yield v


def is_number(value):
    return isinstance(value, numbers.Number)
