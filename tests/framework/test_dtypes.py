"""framework/dtypes.py against what the reference (TF 1.15 semantics, /work/shared/tools/tf1ref) printed.

Every literal expected value below was observed in the reference; no TensorFlow import here.
"""
import copy
import pickle

import ml_dtypes
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scopeflow.framework import dtypes

# observed in TF 1.15 reference: name -> (enum, ref enum, size, flags set, real_dtype name)
#   flags: f=is_floating i=is_integer c=is_complex b=is_bool u=is_unsigned q=is_quantized
#          n=is_numpy_compatible m=is_numeric
TABLE = {
    "float16": (19, 119, 2, "fnm", "float16"),
    "float32": (1, 101, 4, "fnm", "float32"),
    "float64": (2, 102, 8, "fnm", "float64"),
    "bfloat16": (14, 114, 2, "fnm", "bfloat16"),
    "int8": (6, 106, 1, "inm", "int8"),
    "int16": (5, 105, 2, "inm", "int16"),
    "int32": (3, 103, 4, "inm", "int32"),
    "int64": (9, 109, 8, "inm", "int64"),
    "uint8": (4, 104, 1, "iunm", "uint8"),
    "uint16": (17, 117, 2, "iunm", "uint16"),
    "uint32": (22, 122, 4, "iunm", "uint32"),
    "uint64": (23, 123, 8, "iunm", "uint64"),
    "bool": (10, 110, 1, "bn", "bool"),
    "complex64": (8, 108, 8, "cnm", "float32"),
    "complex128": (18, 118, 16, "cnm", "float64"),
    "string": (7, 107, 0, "n", "string"),
    "qint8": (11, 111, 1, "qnm", "qint8"),
    "quint8": (12, 112, 1, "qnm", "quint8"),
    "qint16": (15, 115, 2, "qnm", "qint16"),
    "quint16": (16, 116, 2, "qnm", "quint16"),
    "qint32": (13, 113, 4, "qnm", "qint32"),
    "resource": (20, 120, 0, "", "resource"),
    "variant": (21, 121, 0, "", "variant"),
}
FLAGS = {"f": "is_floating", "i": "is_integer", "c": "is_complex", "b": "is_bool", "u": "is_unsigned",
         "q": "is_quantized", "n": "is_numpy_compatible", "m": "is_numeric"}
ALL = [getattr(dtypes, name) for name in TABLE]
ALL_WITH_REFS = ALL + [d._as_ref for d in ALL]


@pytest.mark.parametrize("name", TABLE)
def test_dtype_properties(name):
    enum, ref_enum, size, flags, real = TABLE[name]
    dt = getattr(dtypes, name)
    assert (dt.name, dt.as_datatype_enum, dt.size, dt.real_dtype.name) == (name, enum, size, real)
    assert {flag: getattr(dt, attr) for flag, attr in FLAGS.items()} == {f: f in flags for f in FLAGS}
    assert repr(dt) == f"tf.{name}" and str(dt) == f"<dtype: '{name}'>"
    assert dt.base_dtype is dt and not dt._is_ref_dtype and hash(dt) == enum


@pytest.mark.parametrize("name", TABLE)
def test_ref_dtypes(name):
    enum, ref_enum, size, flags, real = TABLE[name]
    ref = getattr(dtypes, name)._as_ref
    assert (ref.name, ref.as_datatype_enum, repr(ref), str(ref)) == (
        name + "_ref", ref_enum, f"tf.{name}_ref", f"<dtype: '{name}_ref'>")  # observed in TF 1.15 reference
    assert ref._is_ref_dtype and ref.is_ref_dtype and ref._as_ref is ref
    assert ref.base_dtype is getattr(dtypes, name) and getattr(dtypes, name + "_ref") is ref
    assert {flag: getattr(ref, attr) for flag, attr in FLAGS.items()} == {f: f in flags for f in FLAGS}
    assert ref.size == size and hash(ref) == ref_enum


def test_aliases_and_ref_aliases():
    assert dtypes.half is dtypes.float16 and dtypes.double is dtypes.float64
    assert dtypes.half_ref is dtypes.float16_ref and dtypes.double_ref is dtypes.float64_ref
    assert repr(dtypes.half_ref) == "tf.float16_ref"  # observed in TF 1.15 reference


def test_real_dtype_of_refs():
    # observed in TF 1.15 reference: only complex refs change, and lose the ref
    assert dtypes.float32_ref.real_dtype is dtypes.float32_ref
    assert dtypes.complex64_ref.real_dtype is dtypes.float32


def test_as_numpy_dtype():
    # observed in TF 1.15 reference
    expected = {"float16": np.float16, "float32": np.float32, "float64": np.float64,
                "bfloat16": ml_dtypes.bfloat16, "int8": np.int8, "int16": np.int16, "int32": np.int32,
                "int64": np.int64, "uint8": np.uint8, "uint16": np.uint16, "uint32": np.uint32,
                "uint64": np.uint64, "bool": np.bool_, "complex64": np.complex64,
                "complex128": np.complex128, "string": object}
    for name, numpy_type in expected.items():
        assert getattr(dtypes, name).as_numpy_dtype is numpy_type, name
    assert dtypes.string_ref.as_numpy_dtype is np.object_  # observed: not builtin object for the ref
    assert dtypes.qint8.as_numpy_dtype == np.dtype([("qint8", "i1")])
    assert dtypes.quint16.as_numpy_dtype == np.dtype([("quint16", "<u2")])
    with pytest.raises(KeyError, match="20"):
        dtypes.resource.as_numpy_dtype
    with pytest.raises(KeyError, match="120"):
        dtypes.resource_ref.as_numpy_dtype


def test_min_max_values_and_types():
    # observed in TF 1.15 reference (values and Python/numpy scalar types)
    assert repr(dtypes.float16.min) == "np.float16(-6.55e+04)"
    assert repr(dtypes.float32.max) == "np.float32(3.4028235e+38)"
    assert repr(dtypes.float64.min) == "np.float64(-1.7976931348623157e+308)"
    assert type(dtypes.bfloat16.min) is ml_dtypes.bfloat16 and float(dtypes.bfloat16.max) == 3.3895313892515355e+38
    assert (dtypes.int8.min, dtypes.int8.max, type(dtypes.int8.min)) == (-128, 127, int)
    assert (dtypes.uint64.min, dtypes.uint64.max) == (0, 18446744073709551615)
    assert (dtypes.int64.min, dtypes.int32_ref.min) == (-9223372036854775808, -2147483648)


@pytest.mark.parametrize("dt, message", [  # observed in TF 1.15 reference
    (dtypes.bool, "Cannot find minimum value of <dtype: 'bool'> with type <dtype: 'bool'>."),
    (dtypes.complex64, "Cannot find minimum value of <dtype: 'complex64'> with type <dtype: 'complex64'>."),
    (dtypes.string, "Cannot find minimum value of <dtype: 'string'> with type <dtype: 'string'>."),
    (dtypes.bool_ref, "Cannot find minimum value of <dtype: 'bool_ref'> with type <dtype: 'bool'>."),
    (dtypes.qint8, "Cannot find minimum value of <dtype: 'qint8'> with quantized type <dtype: 'qint8'>."),
    (dtypes.qint8_ref, "Cannot find minimum value of <dtype: 'qint8_ref'> with quantized type <dtype: 'qint8'>."),
    (dtypes.resource, "Cannot find minimum value of <dtype: 'resource'>."),
    (dtypes.resource_ref, "Cannot find minimum value of <dtype: 'resource_ref'>."),
])
def test_min_errors(dt, message):
    with pytest.raises(TypeError) as info:
        dt.min
    assert str(info.value) == message
    with pytest.raises(TypeError) as info:
        dt.max
    assert str(info.value) == message.replace("minimum", "maximum")


def test_limits():
    # observed in TF 1.15 reference
    assert dtypes.float32.limits == (0, 1) and dtypes.float64.limits == (0, 1)
    assert dtypes.bool.limits == (0, True) and dtypes.bool.limits[1] is True
    assert dtypes.int8.limits == (0, 127) and dtypes.uint8.limits == (0, 255)
    assert dtypes.int32_ref.limits == (0, 2147483647) and dtypes.uint64.limits == (0, 18446744073709551615)
    for dt in (dtypes.float16, dtypes.bfloat16, dtypes.complex64, dtypes.string, dtypes.qint8):
        with pytest.raises(ValueError) as info:
            dt.limits
        assert str(info.value) == f"<dtype: '{dt.name}'> does not have defined limits."
    with pytest.raises(KeyError, match="21"):
        dtypes.variant.limits


@pytest.mark.parametrize("value, expected", [  # observed in TF 1.15 reference
    ("float32", "float32"), ("float", "float32"), ("half", "float16"), ("double", "float64"),
    ("float32_ref", "float32_ref"), ("half_ref", "float16_ref"), ("float_ref", "float32_ref"),
    ("double_ref", "float64_ref"), ("string", "string"), ("bfloat16", "bfloat16"), ("qint8", "qint8"),
    ("resource", "resource"), ("int8", "int8"),
    (np.float32, "float32"), (np.dtype("float32"), "float32"), (np.dtype(">f4"), "float32"),
    (np.int64, "int64"), (np.bool_, "bool"), (np.object_, "string"), (np.dtype("O"), "string"),
    (np.str_, "string"), (np.bytes_, "string"), (np.dtype("S3"), "string"), (np.dtype("U3"), "string"),
    (np.complex64, "complex64"), (np.float16, "float16"), (np.int_, "int64"), (np.uint, "uint64"),
    (np.intc, "int32"), (np.dtype("bool"), "bool"), (ml_dtypes.bfloat16, "bfloat16"),
    (np.dtype(ml_dtypes.bfloat16), "bfloat16"), (np.dtype([("qint8", np.int8)]), "qint8"),
    (float, "float32"), (bool, "bool"), (object, "string"),
    (1, "float32"), (101, "float32_ref"), (20, "resource"), (np.int32(1), "float32"), (True, "float32"),
    (1.0, "float32"), (2.0, "float64"), (np.float32(2.0), "float64"), (np.int8(101), "float32_ref"),
    (np.complex64(1), "float32"), (np.bool_(True), "float32"),
    # numbers that are no enum fall back to their numpy dtype
    (np.float32(99.0), "float32"), (np.float64(1.5), "float64"), (np.int64(0), "int64"),
    (np.zeros(2), "float64"), (np.zeros(2, np.int8), "int8"), (np.array(3), "int64"),
])
def test_as_dtype(value, expected):
    assert dtypes.as_dtype(value).name == expected


@pytest.mark.parametrize("value, shown", [  # observed in TF 1.15 reference
    ("int", "'int'"), ("str", "'str'"), ("complex", "'complex'"), ("Float32", "'Float32'"),
    ("float32 ", "'float32 '"), (b"float32", "b'float32'"), (int, "<class 'int'>"),
    (complex, "<class 'complex'>"), (str, "<class 'str'>"), (bytes, "<class 'bytes'>"), (0, "0"),
    (99, "99"), (None, "None"), ([1], "[1]"), (1.5, "1.5"), (np.void, "<class 'numpy.void'>"),
    (np.dtype("V"), "dtype('V')"), (np.dtype([("a", np.int8)]), "dtype([('a', 'i1')])"),
    (np.datetime64, "<class 'numpy.datetime64'>"), (np.longdouble, "<class 'numpy.longdouble'>"),
])
def test_as_dtype_rejects(value, shown):
    with pytest.raises(TypeError) as info:
        dtypes.as_dtype(value)
    assert str(info.value) == f"Cannot convert the argument `type_value`: {shown} to a TensorFlow DType."


def test_dtype_constructor_is_interned():
    assert dtypes.DType(1) is dtypes.float32 and dtypes.DType(101) is dtypes.float32_ref
    assert dtypes.as_dtype(dtypes.float32) is dtypes.float32
    with pytest.raises(TypeError, match=r"^99 does not correspond to a valid tensorflow::DataType$"):
        dtypes.DType(99)  # observed in TF 1.15 reference
    with pytest.raises(ValueError, match=r"invalid literal for int\(\) with base 10: 'float32'"):
        dtypes.DType("float32")  # observed in TF 1.15 reference


@pytest.mark.parametrize("other, expected", [  # observed in TF 1.15 reference: tf.float32 == other
    (np.float32, True), (np.dtype("float32"), True), ("float32", True), ("float", True), (1, True),
    (float, True), (1.0, True), (np.float64(1.0), True), ("junk", False), (None, False),
    (np.float64, False), (101, False), (1.5, False), ([1], False),
    (np.dtype([("a", "i1")]), False), (dtypes.float64, False), (dtypes.float32_ref, False),
])
def test_equality(other, expected):
    assert (dtypes.float32 == other) is expected
    assert (dtypes.float32 != other) is (not expected)


def test_reflected_equality_and_hash():
    # observed in TF 1.15 reference
    assert np.float32 == dtypes.float32 and "float32" == dtypes.float32
    assert np.dtype("float32") == dtypes.float32
    assert dtypes.float32_ref == "float32_ref" and dtypes.float32_ref == 101
    assert dtypes.float32 in [np.float32] and dtypes.float32 in ("float32",)
    assert hash(dtypes.float32) == 1 and hash(dtypes.float32_ref) == 101
    assert {dtypes.float32: 1}.get("float32") is None  # hash is the enum, not the name's hash


def test_is_compatible_with():
    # observed in TF 1.15 reference: a ref may be used where its base is expected, not the reverse
    assert dtypes.float32.is_compatible_with(dtypes.float32_ref)
    assert not dtypes.float32_ref.is_compatible_with(dtypes.float32)
    assert dtypes.float32_ref.is_compatible_with(dtypes.float32_ref)
    assert not dtypes.float32.is_compatible_with(dtypes.float64)
    assert dtypes.float32.is_compatible_with("float32") and dtypes.float32.is_compatible_with(np.float32)
    assert dtypes.float32.is_compatible_with(1)
    with pytest.raises(TypeError, match=r"Cannot convert the argument `type_value`: 'junk' to a TensorFlow"):
        dtypes.float32.is_compatible_with("junk")
    with pytest.raises(TypeError, match="`type_value`: None to"):
        dtypes.float32.is_compatible_with(None)


def test_quantized_set():
    # observed in TF 1.15 reference: tf.dtypes.QUANTIZED_DTYPES
    assert sorted(d.name for d in dtypes.QUANTIZED_DTYPES) == sorted(
        ["qint8", "quint8", "qint32", "qint16", "quint16",
         "qint8_ref", "quint8_ref", "qint32_ref", "qint16_ref", "quint16_ref"])


def test_pickle_and_copy_keep_identity():
    for dt in (dtypes.float32, dtypes.bfloat16, dtypes.int64_ref):
        assert pickle.loads(pickle.dumps(dt)) is dt
        assert copy.copy(dt) is dt and copy.deepcopy(dt) is dt
    assert dtypes.float32.__reduce__() == (dtypes.as_dtype, ("float32",))  # as TF


def test_jax_dtype():
    assert dtypes.jax_dtype(dtypes.float32) == np.dtype("float32")
    assert dtypes.jax_dtype("float64_ref") == np.dtype("float64")
    assert dtypes.jax_dtype(dtypes.bfloat16) == np.dtype(ml_dtypes.bfloat16)
    assert dtypes.jax_dtype(dtypes.bool) == np.dtype(bool)
    assert dtypes.jax_dtype(dtypes.qint8) == np.dtype("int8")
    assert dtypes.jax_dtype(dtypes.quint16) == np.dtype("uint16")
    assert dtypes.jax_dtype(dtypes.string) is None and dtypes.jax_dtype(dtypes.resource) is None


def test_declaration_sets():
    assert all(d.is_floating for d in dtypes.FLOATS) and len(dtypes.FLOATS) == 4
    assert all(d.is_integer for d in dtypes.INTEGERS) and len(dtypes.INTEGERS) == 8
    assert set(dtypes.NUMERIC) == set(dtypes.FLOATS + dtypes.INTEGERS + dtypes.COMPLEX)
    assert dtypes.bool not in dtypes.NUMERIC and dtypes.string not in dtypes.NUMERIC


@given(st.sampled_from(ALL_WITH_REFS))
def test_every_spelling_round_trips(dt):
    assert dtypes.as_dtype(dt.name) is dt
    assert dtypes.as_dtype(dt.as_datatype_enum) is dt
    assert dtypes.DType(dt.as_datatype_enum) is dt
    assert dt == dt.name and hash(dt) == dt.as_datatype_enum
    if dt.is_numpy_compatible:
        assert dtypes.as_dtype(dt.as_numpy_dtype) is dt.base_dtype


@given(st.sampled_from(ALL_WITH_REFS), st.sampled_from(ALL_WITH_REFS))
def test_equality_is_identity_and_compatibility_follows_base(a, b):
    assert (a == b) is (a is b) and (a != b) is (a is not b)
    assert a.is_compatible_with(b) is (a is b or a is b.base_dtype)
