"""`TensorProto` as Python code sees it (`op.get_attr("value")`), `tf.make_tensor_proto`, `tf.make_ndarray`.

The proto wraps a numpy array; it prints TF's text form (dtype, tensor_shape, values). The binary
encoding belongs to io/.
"""
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.node_text import enum_name


class TensorProto:
    __slots__ = ("_array", "_dtype")

    def __init__(self, array, dtype):
        self._array = array
        self._dtype = dtype

    @property
    def dtype(self):
        return self._dtype.as_datatype_enum

    @property
    def tensor_shape(self):
        return _ShapeProto(self._array.shape)

    def __str__(self):
        lines = [f"dtype: {enum_name(self._dtype)}", "tensor_shape {"]
        for n in self._array.shape:
            lines += ["  dim {", f"    size: {n}", "  }"]
        lines.append("}")
        if self._array.size == 1:
            lines.append(f"{_val_field(self._dtype)}: {_scalar_text(self._array.ravel()[0])}")
        else:
            lines.append(f'tensor_content: "{_escape(self._array.tobytes())}"')
        return "\n".join(lines) + "\n"

    __repr__ = __str__


class _ShapeProto:
    def __init__(self, shape):
        self.dim = [_Dim(n) for n in shape]
        self.unknown_rank = False


class _Dim:
    def __init__(self, size):
        self.size = size
        self.name = ""


def _val_field(dtype):
    name = dtype.name
    if name in ("float32", "float16", "bfloat16"):
        return "float_val" if name == "float32" else "half_val"
    return {"float64": "double_val", "int64": "int64_val", "bool": "bool_val", "string": "string_val",
            "complex64": "scomplex_val", "complex128": "dcomplex_val"}.get(name, "int_val")


def _scalar_text(value):
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):g}"
    if isinstance(value, bytes):
        return f'"{value.decode("latin1")}"'
    return str(value)


def _escape(data):
    return "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\{b:03o}" for b in data)


def make_tensor_proto(values, dtype=None, shape=None, verify_shape=False, allow_broadcast=False):
    from scopeflow.framework.constant_op import to_numpy
    array, dt = to_numpy(values, dtype)
    if shape is not None:
        array = np.broadcast_to(array, tuple(shape)).copy() if array.size == 1 else array.reshape(shape)
    return TensorProto(array, dt)


def make_ndarray(tensor):
    return np.array(tensor._array, dtype=tensor._array.dtype)


def wrap(value, dtype):
    return TensorProto(value, dtypes.as_dtype(dtype))
