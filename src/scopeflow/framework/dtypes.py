"""TensorFlow's `DType`s: one interned object per type enum, so `is`, `==` and hashing are cheap.

Invariants: `DType(enum)` always returns the same object for the same enum (refs are enum + 100);
`hash(dt) == dt.as_datatype_enum`; `dt == x` holds exactly when `as_dtype(x)` is `dt`, so
`tf.float32 == np.float32 == "float32" == 1` (observed in the TF 1.15 reference). Every behaviour and
message here was observed in the reference (tests/framework/test_dtypes.py lists them). This module
imports nothing from scopeflow; `jax_dtype` answers with numpy / ml_dtypes dtypes that JAX accepts.
"""
import builtins

import ml_dtypes
import numpy as np

_REF_OFFSET = 100  # TF numbers `float32_ref` as DT_FLOAT + 100

# Kinds: f float, i signed int, u unsigned int, c complex, b bool, s string, q quantized, h handle.
#          enum  name         numpy type                                kind
_TABLE = ((1, "float32", np.float32, "f"),
          (2, "float64", np.float64, "f"),
          (3, "int32", np.int32, "i"),
          (4, "uint8", np.uint8, "u"),
          (5, "int16", np.int16, "i"),
          (6, "int8", np.int8, "i"),
          (7, "string", object, "s"),
          (8, "complex64", np.complex64, "c"),
          (9, "int64", np.int64, "i"),
          (10, "bool", np.bool_, "b"),
          (11, "qint8", np.dtype([("qint8", np.int8)]), "q"),
          (12, "quint8", np.dtype([("quint8", np.uint8)]), "q"),
          (13, "qint32", np.dtype([("qint32", np.int32)]), "q"),
          (14, "bfloat16", ml_dtypes.bfloat16, "f"),
          (15, "qint16", np.dtype([("qint16", np.int16)]), "q"),
          (16, "quint16", np.dtype([("quint16", np.uint16)]), "q"),
          (17, "uint16", np.uint16, "u"),
          (18, "complex128", np.complex128, "c"),
          (19, "float16", np.float16, "f"),
          (20, "resource", None, "h"),
          (21, "variant", None, "h"),
          (22, "uint32", np.uint32, "u"),
          (23, "uint64", np.uint64, "u"))

_BY_ENUM = {}    # enum -> DType, refs included; filled once below, never changed after import
_LOOKUP = {}     # everything as_dtype resolves by one dict look-up: enums, names, numpy/Python types


class DType:
    """A TensorFlow element type, such as `tf.float32` or the ref type `float32_ref`."""
    __slots__ = ("_type_enum", "_name", "_kind", "_numpy", "_base", "_ref")

    def __new__(cls, type_value):
        type_enum = int(type_value)  # TF: DType("float32") is int()'s ValueError
        found = _BY_ENUM.get(type_enum)
        if found is None:
            raise TypeError(f"{type_enum} does not correspond to a valid tensorflow::DataType")
        return found

    @classmethod
    def _create(cls, type_enum, name, numpy_type, kind, base):
        dtype = object.__new__(cls)
        dtype._type_enum, dtype._name, dtype._kind, dtype._numpy = type_enum, name, kind, numpy_type
        dtype._base = base if base is not None else dtype
        dtype._ref = None
        return dtype

    # --- identity -------------------------------------------------------------------------------
    @property
    def name(self):
        return self._name

    @property
    def as_datatype_enum(self):
        return self._type_enum

    @property
    def _is_ref_dtype(self):
        return self._base is not self

    # TF has only the private `_is_ref_dtype`; this spelling is kept for scopeflow's own callers.
    is_ref_dtype = _is_ref_dtype

    @property
    def _as_ref(self):
        return self._ref

    @property
    def base_dtype(self):
        return self._base

    @property
    def real_dtype(self):
        # TF: only complex types change; float32_ref.real_dtype stays float32_ref.
        base = self._base
        if base._kind == "c":
            return float32 if base._type_enum == 8 else float64
        return self

    # --- classification -------------------------------------------------------------------------
    is_floating = property(lambda self: self._kind == "f")
    is_integer = property(lambda self: self._kind in ("i", "u"))
    is_unsigned = property(lambda self: self._kind == "u")
    is_complex = property(lambda self: self._kind == "c")
    is_bool = property(lambda self: self._kind == "b")
    is_quantized = property(lambda self: self._kind == "q")
    is_numpy_compatible = property(lambda self: self._kind != "h")
    is_numeric = property(lambda self: self._kind not in ("b", "s", "h"))

    @property
    def as_numpy_dtype(self):
        if self._kind == "h":
            raise KeyError(self._type_enum)
        if self._kind == "s" and self._is_ref_dtype:
            return np.object_  # TF quirk: string is builtin `object`, string_ref is np.object_
        return self._numpy

    @property
    def size(self):
        if self._kind in ("s", "h"):
            return 0
        return np.dtype(self._numpy).itemsize

    @property
    def min(self):
        return self._extreme("minimum")

    @property
    def max(self):
        return self._extreme("maximum")

    def _extreme(self, which):
        kind = self._kind
        if kind == "h":
            raise TypeError(f"Cannot find {which} value of {self}.")
        if kind == "q":
            raise TypeError(f"Cannot find {which} value of {self} with quantized type {self._base}.")
        if kind in ("b", "c", "s"):
            raise TypeError(f"Cannot find {which} value of {self} with type {self._base}.")
        if kind == "f":
            info = ml_dtypes.finfo(self._numpy)  # numpy's finfo, extended to bfloat16
            return info.min if which == "minimum" else info.max
        info = np.iinfo(self._numpy)
        return int(info.min if which == "minimum" else info.max)

    @property
    def limits(self):
        """TF's clipped image range: `(0, 1)` for float32/float64, `(0, max)` for integers."""
        if self._kind == "h":
            raise KeyError(self._type_enum)
        limits = _LIMITS.get(self._base._name)
        if limits is None:
            raise ValueError(f"{self} does not have defined limits.")
        return limits

    def is_compatible_with(self, other):
        """True if a value of dtype `other` may be used where `self` is expected (refs decay)."""
        other = as_dtype(other)
        return self._type_enum in (other._type_enum, other._base._type_enum)

    # --- Python protocol ------------------------------------------------------------------------
    def __eq__(self, other):
        if other is self:
            return True
        if other is None:
            return False
        try:
            return as_dtype(other) is self
        except TypeError:
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return self._type_enum

    def __repr__(self):
        return "tf." + self._name

    def __str__(self):
        return f"<dtype: '{self._name}'>"

    def __reduce__(self):
        return as_dtype, (self._name,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _build():
    aliases = {"float16": ("half",), "float32": ("float",), "float64": ("double",)}
    for type_enum, name, numpy_type, kind in _TABLE:
        base = DType._create(type_enum, name, numpy_type, kind, None)
        ref = DType._create(type_enum + _REF_OFFSET, name + "_ref", numpy_type, kind, base)
        base._ref = ref
        ref._ref = ref
        _BY_ENUM[type_enum], _BY_ENUM[ref._type_enum] = base, ref
        for spelling in (name,) + aliases.get(name, ()):
            _LOOKUP[spelling], _LOOKUP[spelling + "_ref"] = base, ref
        if numpy_type is not None and not isinstance(numpy_type, np.dtype):
            _LOOKUP[numpy_type] = base
    _LOOKUP.update(_BY_ENUM)
    # Python types and the other numpy spellings of string (observed: int, complex, str -> TypeError).
    _LOOKUP.update({float: _BY_ENUM[1], builtins.bool: _BY_ENUM[10], np.object_: _BY_ENUM[7],
                    np.str_: _BY_ENUM[7], np.bytes_: _BY_ENUM[7]})


_build()

_QUANTIZED_NUMPY = {dtype: _BY_ENUM[enum] for enum, _, dtype, kind in _TABLE if kind == "q"}


def as_dtype(type_value):
    """Converts `type_value` (a DType, name, enum, numpy dtype or type, or Python type) to a DType.

    >>> as_dtype(float), as_dtype("double"), as_dtype(101)
    (tf.float32, tf.float64, tf.float32_ref)
    """
    if type_value.__class__ is DType:
        return type_value
    try:
        # One look-up covers names, enums (TF matches numbers by value, so 1.0 and np.int64(1) are
        # float32 too) and numpy / Python scalar types.
        found = _LOOKUP.get(type_value)
    except TypeError:  # unhashable, e.g. a list or an array
        found = None
    if found is not None:
        return found
    if isinstance(type_value, np.dtype):
        found = _LOOKUP.get(type_value.type) if type_value.fields is None else None
        if found is None:
            found = _QUANTIZED_NUMPY.get(type_value)
    elif isinstance(getattr(type_value, "dtype", None), np.dtype):  # numpy arrays and scalars
        found = as_dtype(type_value.dtype)
    if found is not None:
        return found
    raise TypeError(f"Cannot convert the argument `type_value`: {type_value!r} to a TensorFlow DType.")


def jax_dtype(dtype):
    """The numpy dtype a JAX array holding `dtype` values uses, or None (string, resource, variant)."""
    return _JAX_DTYPES.get(as_dtype(dtype)._base._type_enum)


# --- the public constants (TF's names) -----------------------------------------------------------
float16 = half = _BY_ENUM[19]
float32 = _BY_ENUM[1]
float64 = double = _BY_ENUM[2]
bfloat16 = _BY_ENUM[14]
int8 = _BY_ENUM[6]
int16 = _BY_ENUM[5]
int32 = _BY_ENUM[3]
int64 = _BY_ENUM[9]
uint8 = _BY_ENUM[4]
uint16 = _BY_ENUM[17]
uint32 = _BY_ENUM[22]
uint64 = _BY_ENUM[23]
bool = _BY_ENUM[10]  # noqa: A001  TF's name; this module uses builtins.bool where it needs Python's
complex64 = _BY_ENUM[8]
complex128 = _BY_ENUM[18]
string = _BY_ENUM[7]
qint8 = _BY_ENUM[11]
quint8 = _BY_ENUM[12]
qint16 = _BY_ENUM[15]
quint16 = _BY_ENUM[16]
qint32 = _BY_ENUM[13]
resource = _BY_ENUM[20]
variant = _BY_ENUM[21]

float16_ref = half_ref = float16._as_ref
float32_ref = float32._as_ref
float64_ref = double_ref = float64._as_ref
bfloat16_ref = bfloat16._as_ref
int8_ref = int8._as_ref
int16_ref = int16._as_ref
int32_ref = int32._as_ref
int64_ref = int64._as_ref
uint8_ref = uint8._as_ref
uint16_ref = uint16._as_ref
uint32_ref = uint32._as_ref
uint64_ref = uint64._as_ref
bool_ref = bool._as_ref
complex64_ref = complex64._as_ref
complex128_ref = complex128._as_ref
string_ref = string._as_ref
qint8_ref = qint8._as_ref
quint8_ref = quint8._as_ref
qint16_ref = qint16._as_ref
quint16_ref = quint16._as_ref
qint32_ref = qint32._as_ref
resource_ref = resource._as_ref
variant_ref = variant._as_ref

# Observed in the reference: floats clip (-1, 1) to (0, 1); integers and bool clip min to 0.
_LIMITS = {"bool": (0, True), "float32": (0, 1), "float64": (0, 1)}
_LIMITS.update({name: (0, int(np.iinfo(numpy_type).max))
                for _, name, numpy_type, kind in _TABLE if kind in ("i", "u")})

# Quantized values live in JAX as their storage integers.
_JAX_DTYPES = {enum: np.dtype(numpy_type) for enum, _, numpy_type, kind in _TABLE if kind in "fiucb"}
_JAX_DTYPES.update({enum: numpy_type[0] for enum, _, numpy_type, kind in _TABLE if kind == "q"})

# Sets used by op declarations.
FLOATS = (float16, bfloat16, float32, float64)
INTEGERS = (int8, int16, int32, int64, uint8, uint16, uint32, uint64)
COMPLEX = (complex64, complex128)
NUMERIC = FLOATS + INTEGERS + COMPLEX
QUANTIZED_DTYPES = frozenset((qint8, quint8, qint16, quint16, qint32,
                              qint8_ref, quint8_ref, qint16_ref, quint16_ref, qint32_ref))
