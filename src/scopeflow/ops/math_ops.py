"""Math ops: element-wise arithmetic, comparisons and logic (from tables), casts and the op builder.

`apply_op` is TF's op builder for the ops of ops/math_ops, reduction_ops and nn_ops: it converts inputs in
order (the first fixes the type attribute T, later Python values convert to T), checks each dtype against
the op's allowed list (op_def order, observed) and raises TF's TypeError otherwise. API functions have TF's
signatures and default names (`tf.add` -> `Add`, `tf.subtract` -> `Sub`); they only build ops.
Golden: tests/golden/ops_math.json.
"""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from scopeflow.framework import dtypes
from scopeflow.framework.registry import declare
from scopeflow.framework.tensor import Tensor
from scopeflow.ops.common import (bool_broadcast_infer, broadcast_infer, convert_to_tensor, create1,
                                  name_scope, same_infer)


def _dtype_list(names):
    return tuple(dtypes.as_dtype(n) for n in names.split())


# Allowed dtypes of each op's type attribute, in TF's op_def order (TF prints them in this order).
ADD_TYPES = _dtype_list("bfloat16 float16 float32 float64 uint8 uint16 uint32 uint64 int8 int16 int32 int64 "
                        "complex64 complex128")
SUB_TYPES = _dtype_list("bfloat16 float16 float32 float64 uint8 int8 uint16 int16 int32 int64 complex64 "
                        "complex128 uint32 uint64")
MUL_TYPES = _dtype_list("bfloat16 float16 float32 float64 uint8 int8 uint16 int16 int32 uint32 uint64 int64 "
                        "complex64 complex128")
FLOORMOD_TYPES = _dtype_list("int8 int16 int32 int64 uint8 uint16 uint32 uint64 bfloat16 float16 float32 "
                             "float64")
TRUNCATEMOD_TYPES = _dtype_list("int32 int64 bfloat16 float16 float32 float64")
POW_TYPES = _dtype_list("bfloat16 float32 float16 float64 int8 int16 int32 int64 complex64 complex128")
SQUARE_TYPES = _dtype_list("bfloat16 float16 float32 float64 int8 int16 int32 int64 uint8 uint16 uint32 uint64 "
                           "complex64 complex128")
FLOAT_COMPLEX_TYPES = _dtype_list("bfloat16 float16 float32 float64 complex64 complex128")
ABS_TYPES = _dtype_list("bfloat16 float16 float32 float64 int8 int16 int32 int64")
SIGNED_TYPES = _dtype_list("bfloat16 float16 float32 float64 int8 int16 int32 int64 complex64 complex128")
FLOAT_TYPES = _dtype_list("bfloat16 float16 float32 float64")
MINMAX_TYPES = _dtype_list("bfloat16 float16 float32 float64 int8 uint8 int16 uint16 int32 uint32 int64 uint64")
SQDIFF_TYPES = _dtype_list("bfloat16 float16 float32 float64 int32 int64 complex64 complex128")
REAL_NUMBER_TYPES = _dtype_list("float32 float64 int32 uint8 int16 int8 int64 bfloat16 uint16 float16 uint32 "
                                "uint64")
NUMBER_TYPES = _dtype_list("float32 float64 int32 uint8 int16 int8 complex64 int64 qint8 quint8 qint32 "
                           "bfloat16 qint16 quint16 uint16 complex128 float16 uint32 uint64")
INDEX_TYPES = _dtype_list("int32 int64")
NN_FLOAT_TYPES = _dtype_list("float16 bfloat16 float32 float64")

# op type -> (input names, allowed dtypes of T (None: any), fixed dtype of every input or None)
SIGNATURES = {}
# Ops whose TF wrapper converts later Python inputs with the dtype fixed so far only as a hint (`tf.add`
# and `+`), so a value that does not fit fails the builder's type check ("Input 'y' of 'AddV2' Op has
# type float32 ..."); TF's generated builders fail the conversion instead ("Expected int32 passed to
# parameter 'y' of op 'Minimum' ...", golden: ops_clip.json, ops_math.json).
HINTED_CONVERSION = frozenset({"AddV2"})


def signature(op_type, args, allowed=None, fixed=None):
    SIGNATURES[op_type] = (tuple(args.split()), allowed and frozenset(allowed), allowed, fixed)


# ---- TF's op-builder messages -----------------------------------------------------------------------
def not_allowed_error(arg, dtype, allowed):
    """"Value passed to parameter 'x' has DataType int32 not in list of allowed values: float32, ..." """
    return TypeError(f"Value passed to parameter '{arg}' has DataType {dtype.name} not in list of allowed "
                     f"values: {', '.join(d.name for d in allowed)}")


def mismatch_error(op_type, arg, got, expected, expected_arg):
    return TypeError(f"Input '{arg}' of '{op_type}' Op has type {got.name} that does not match type "
                     f"{expected.name} of argument '{expected_arg}'.")


def fixed_mismatch_error(op_type, arg, got, expected):
    return TypeError(f"Input '{arg}' of '{op_type}' Op has type {got.name} that does not match expected "
                     f"type of {expected.name}.")


def fixed_conversion_error(op_type, arg, value, expected, cause):
    return TypeError(f"Expected {expected.name} passed to parameter '{arg}' of op '{op_type}', got {value!r} "
                     f"of type '{type(value).__name__}' instead. Error: {cause}")


def same_dtype_error(x_dtype, y_dtype):
    """truediv / div: "`x` and `y` must have the same dtype, got tf.int32 != tf.float32." """
    return TypeError(f"`x` and `y` must have the same dtype, got {x_dtype!r} != {y_dtype!r}.")


# ---- the op builder -----------------------------------------------------------------------------------
def _checked(op_type, arg, t, first, allowed_set, allowed, fixed):
    """Checks one converted input as TF's builder does; returns the (arg, dtype) that fixes T."""
    dtype = t.dtype.base_dtype
    if fixed is not None:
        if dtype != fixed:
            raise fixed_mismatch_error(op_type, arg, dtype, fixed)
    elif first is None:
        if allowed is not None and dtype not in allowed_set:
            raise not_allowed_error(arg, dtype, allowed)
        return arg, dtype
    elif dtype != first[1]:
        raise mismatch_error(op_type, arg, dtype, first[1], first[0])
    return first


def _check_inputs(op_type, inputs):
    args, allowed_set, allowed, fixed = SIGNATURES[op_type]
    first = None
    for arg, t in zip(args, inputs):
        first = _checked(op_type, arg, t, first, allowed_set, allowed, fixed)


def _convert_inputs(op_type, values):
    """Converts in order: Python values take the dtype fixed so far (the first fixes it)."""
    args, allowed_set, allowed, fixed = SIGNATURES[op_type]
    inputs, first = [], None
    for arg, value in zip(args, values):
        if isinstance(value, Tensor):
            t = value
        elif fixed is not None:
            try:
                t = convert_to_tensor(value, dtype=fixed, name=arg)
            except (TypeError, ValueError) as exc:
                raise fixed_conversion_error(op_type, arg, value, fixed, exc) from None
        elif first is None:
            t = convert_to_tensor(value, name=arg)
        else:
            try:
                t = convert_to_tensor(value, dtype=first[1], name=arg)
            except (TypeError, ValueError) as exc:
                if op_type not in HINTED_CONVERSION:
                    raise fixed_conversion_error(op_type, arg, value, first[1], exc) from None
                t = convert_to_tensor(value, name=arg)
        first = _checked(op_type, arg, t, first, allowed_set, allowed, fixed)
        inputs.append(t)
    return inputs


def apply_op(op_type, values, name=None, default_name=None, **attrs):
    """Builds `op_type` from `values` as TF's op builder does; returns its (first) output.

    Python values become constants named after the input (`Add/y`) inside the op's name scope.
    """
    for v in values:
        if not isinstance(v, Tensor):
            break
    else:
        _check_inputs(op_type, values)
        return create1(op_type, list(values), name or default_name or op_type, **attrs)
    with name_scope(name, default_name or op_type, values) as scope:
        return create1(op_type, _convert_inputs(op_type, values), scope, **attrs)


# ---- element-wise declarations (tables) -----------------------------------------------------------------
def _is_int(x):
    return jnp.issubdtype(x.dtype, jnp.integer)


def _truncate_div(x, y):
    """C division: integers truncate toward zero (TF's RealDiv/TruncateDiv on ints)."""
    if _is_int(x):
        x, y = jnp.broadcast_arrays(x, y)
        return lax.div(x, y)
    return exact_divide(x, y)


def exact_divide(x, y):
    """x / y for floats as TF divides (every kernel that divides uses this: RealDiv, Mean).

    XLA turns `x / c` (c constant or broadcast) into `x * (1 / c)` and fuses that into FMAs, so
    1 - 100 / 100 comes out as 2.2e-8. Small results (schedules, scalar arithmetic, means of a few
    values) divide by an opaque full-shape divisor, exactly as TF; large ones keep XLA's multiply (<= 1 ulp).
    """
    if _rewritten_by_xla(x, y):
        shape = jnp.broadcast_shapes(np.shape(x), np.shape(y))
        y = lax.optimization_barrier(jnp.broadcast_to(jnp.asarray(y, x.dtype), shape))
    return x / y


_EXACT_DIVISION_MAX_SIZE = 4096


def _rewritten_by_xla(x, y):
    """Whether XLA would replace x / y by a multiply by 1 / y that TF does not do."""
    if _is_numpy(x) and _is_numpy(y) or not jnp.issubdtype(x.dtype, jnp.floating):
        return False
    size = int(np.prod(jnp.broadcast_shapes(np.shape(x), np.shape(y))))
    constant_or_broadcast = _is_numpy(y) or np.size(y) < size
    return constant_or_broadcast and size <= _EXACT_DIVISION_MAX_SIZE and not (
        _is_numpy(y) and _exact_reciprocals(y))


def _exact_reciprocals(y):
    """Whether every 1/y is exact in y's dtype (y a power of two), so multiplying is dividing."""
    if not jnp.issubdtype(y.dtype, jnp.floating) or y.size > 64:
        return False
    mantissa, _ = np.frexp(np.asarray(y, np.float64))
    return bool(np.all(np.abs(mantissa) == 0.5))


def _truncate_quotient(x, y):
    """TruncateDiv: the quotient rounded toward zero, for floats too (observed: 1. / 2. -> 0.)."""
    return _truncate_div(x, y) if _is_int(x) else jnp.trunc(x / y)


def _truncate_mod(x, y):
    x, y = jnp.broadcast_arrays(x, y)
    return lax.rem(x, y)


def _squared_difference(x, y):
    d = x - y
    return d * jnp.conj(d)


#  TF type          kernel                 allowed T        function name(s)
_BINARY = (
    ("AddV2", jnp.add, ADD_TYPES),
    ("Sub", jnp.subtract, SUB_TYPES),
    ("Mul", jnp.multiply, MUL_TYPES),
    ("RealDiv", _truncate_div, MUL_TYPES),
    ("FloorDiv", jnp.floor_divide, MUL_TYPES),
    ("FloorMod", jnp.mod, FLOORMOD_TYPES),
    ("TruncateDiv", _truncate_quotient, MUL_TYPES),
    ("TruncateMod", _truncate_mod, TRUNCATEMOD_TYPES),
    ("Pow", jnp.power, POW_TYPES),
    ("Maximum", jnp.maximum, MINMAX_TYPES),
    ("Minimum", jnp.minimum, MINMAX_TYPES),
    ("SquaredDifference", _squared_difference, SQDIFF_TYPES),
    ("Atan2", jnp.arctan2, FLOAT_TYPES),
)
_COMPARISONS = (
    ("Less", jnp.less, REAL_NUMBER_TYPES),
    ("LessEqual", jnp.less_equal, REAL_NUMBER_TYPES),
    ("Greater", jnp.greater, REAL_NUMBER_TYPES),
    ("GreaterEqual", jnp.greater_equal, REAL_NUMBER_TYPES),
)
_UNARY = (
    ("Square", lambda x: x * x, SQUARE_TYPES),
    ("Sqrt", jnp.sqrt, FLOAT_COMPLEX_TYPES),
    ("Rsqrt", lax.rsqrt, FLOAT_COMPLEX_TYPES),
    ("Exp", jnp.exp, FLOAT_COMPLEX_TYPES),
    ("Log", jnp.log, FLOAT_COMPLEX_TYPES),
    ("Log1p", jnp.log1p, FLOAT_COMPLEX_TYPES),
    ("Expm1", jnp.expm1, FLOAT_COMPLEX_TYPES),
    ("Abs", jnp.abs, ABS_TYPES),
    ("Neg", jnp.negative, SIGNED_TYPES),
    ("Sign", jnp.sign, SIGNED_TYPES),
    ("Reciprocal", lambda x: _truncate_div(jnp.ones((), x.dtype), x), SIGNED_TYPES),
    ("Floor", jnp.floor, FLOAT_TYPES),
    ("Ceil", jnp.ceil, FLOAT_TYPES),
    ("Round", jnp.round, SIGNED_TYPES),       # half to even, like TF
    ("Sin", jnp.sin, FLOAT_COMPLEX_TYPES),
    ("Cos", jnp.cos, FLOAT_COMPLEX_TYPES),
    ("Tan", jnp.tan, FLOAT_COMPLEX_TYPES),
    ("Asin", jnp.arcsin, FLOAT_COMPLEX_TYPES),
    ("Acos", jnp.arccos, FLOAT_COMPLEX_TYPES),
    ("Atan", jnp.arctan, FLOAT_COMPLEX_TYPES),
    ("Sinh", jnp.sinh, FLOAT_COMPLEX_TYPES),
    ("Cosh", jnp.cosh, FLOAT_COMPLEX_TYPES),
    ("Erf", lax.erf, FLOAT_TYPES),
    ("Erfc", lax.erfc, FLOAT_TYPES),
    ("Lgamma", lax.lgamma, FLOAT_TYPES),
    ("Digamma", lax.digamma, FLOAT_TYPES),
    ("Sigmoid", jax.nn.sigmoid, FLOAT_COMPLEX_TYPES),
    ("Tanh", jnp.tanh, FLOAT_COMPLEX_TYPES),
)
_PREDICATES = (("IsFinite", jnp.isfinite), ("IsNan", jnp.isnan), ("IsInf", jnp.isinf))
_LOGICAL = (("LogicalAnd", jnp.logical_and), ("LogicalOr", jnp.logical_or))


def _bool_same_infer(ctx, x, **_):
    return [(x._shape, dtypes.bool)]


# numpy twins: with two numpy inputs (build-time constants) the result stays numpy, so shape arithmetic
# such as `tf.shape(x)[0] * 2` remains static under jax.jit (see ops/array_build.xp)
_NUMPY_TWINS = {jnp.add: np.add, jnp.subtract: np.subtract, jnp.multiply: np.multiply,
                jnp.floor_divide: np.floor_divide, jnp.mod: np.mod, jnp.maximum: np.maximum,
                jnp.minimum: np.minimum, jnp.equal: np.equal, jnp.not_equal: np.not_equal,
                jnp.logical_and: np.logical_and, jnp.logical_or: np.logical_or, jnp.logical_not: np.logical_not}


def _is_numpy(x):
    return isinstance(x, (np.ndarray, np.generic))


def _binary_kernel(fn):
    twin = _NUMPY_TWINS.get(fn)
    if twin is None:
        return lambda x, y, **_: fn(x, y)
    return lambda x, y, **_: twin(x, y) if _is_numpy(x) and _is_numpy(y) else fn(x, y)


def _unary_kernel(fn):
    twin = _NUMPY_TWINS.get(fn)
    if twin is None:
        return lambda x, **_: fn(x)
    return lambda x, **_: twin(x) if _is_numpy(x) else fn(x)


for _type, _fn, _allowed in _BINARY:
    declare(_type, broadcast_infer, _binary_kernel(_fn))
    signature(_type, "y x" if _type == "Atan2" else "x y", _allowed)
for _type, _fn, _allowed in _COMPARISONS:
    declare(_type, bool_broadcast_infer, _binary_kernel(_fn))
    signature(_type, "x y", _allowed)
for _type, _fn in (("Equal", jnp.equal), ("NotEqual", jnp.not_equal)):
    declare(_type, bool_broadcast_infer, _binary_kernel(_fn), attrs={"incompatible_shape_error": True})
    signature(_type, "x y")
for _type, _fn, _allowed in _UNARY:
    declare(_type, same_infer, _unary_kernel(_fn))
    signature(_type, "x", _allowed)
for _type, _fn in _PREDICATES:
    declare(_type, _bool_same_infer, _unary_kernel(_fn))
    signature(_type, "x", FLOAT_TYPES)
for _type, _fn in _LOGICAL:
    declare(_type, bool_broadcast_infer, _binary_kernel(_fn), type_attr=None)
    signature(_type, "x y", fixed=dtypes.bool)
declare("LogicalNot", _bool_same_infer, _unary_kernel(jnp.logical_not), type_attr=None)
signature("LogicalNot", "x", fixed=dtypes.bool)


# ---- element-wise API functions ----------------------------------------------------------------------
def _gen_binary(op_type, default_name=None, py_name=None):
    default_name = default_name or op_type

    def function(x, y, name=None):
        return apply_op(op_type, (x, y), name, default_name)
    function.__name__ = py_name or op_type.lower()
    function.__doc__ = f"`tf.{function.__name__}`: the element-wise `{op_type}` op (default name {default_name})."
    return function


def _gen_unary(op_type, py_name):
    def function(x, name=None):
        return apply_op(op_type, (x,), name)
    function.__name__ = py_name
    function.__doc__ = f"`tf.{py_name}`: the element-wise `{op_type}` op."
    return function


add = _gen_binary("AddV2", "Add", "add")
subtract = _gen_binary("Sub", py_name="subtract")
multiply = _gen_binary("Mul", py_name="multiply")
realdiv = _gen_binary("RealDiv", py_name="realdiv")
floormod = mod = _gen_binary("FloorMod", py_name="floormod")
truncatediv = _gen_binary("TruncateDiv", py_name="truncatediv")
truncatemod = _gen_binary("TruncateMod", py_name="truncatemod")
pow = _gen_binary("Pow", py_name="pow")  # noqa: A001  TF's name
maximum = _gen_binary("Maximum", py_name="maximum")
minimum = _gen_binary("Minimum", py_name="minimum")
squared_difference = _gen_binary("SquaredDifference", py_name="squared_difference")
less = _gen_binary("Less", py_name="less")
less_equal = _gen_binary("LessEqual", py_name="less_equal")
greater = _gen_binary("Greater", py_name="greater")
greater_equal = _gen_binary("GreaterEqual", py_name="greater_equal")
logical_and = _gen_binary("LogicalAnd", py_name="logical_and")
logical_or = _gen_binary("LogicalOr", py_name="logical_or")
atan2 = _gen_binary("Atan2", py_name="atan2")


def equal(x, y, name=None):
    """`tf.equal`: element-wise `Equal` (bool), with TF's `incompatible_shape_error=True` attribute."""
    return apply_op("Equal", (x, y), name)


def not_equal(x, y, name=None):
    return apply_op("NotEqual", (x, y), name)


def logical_not(x, name=None):
    return apply_op("LogicalNot", (x,), name)


def logical_xor(x, y, name="LogicalXor"):
    """`tf.logical_xor`: built as TF does, `(x | y) & ~(x & y)`, the last `LogicalAnd` named `name`."""
    return logical_and(logical_or(x, y), logical_not(logical_and(x, y)), name=name)


square = _gen_unary("Square", "square")
sqrt = _gen_unary("Sqrt", "sqrt")
rsqrt = _gen_unary("Rsqrt", "rsqrt")
exp = _gen_unary("Exp", "exp")
log = _gen_unary("Log", "log")
log1p = _gen_unary("Log1p", "log1p")
expm1 = _gen_unary("Expm1", "expm1")
abs = _gen_unary("Abs", "abs")  # noqa: A001
negative = _gen_unary("Neg", "negative")
sign = _gen_unary("Sign", "sign")
reciprocal = _gen_unary("Reciprocal", "reciprocal")
floor = _gen_unary("Floor", "floor")
ceil = _gen_unary("Ceil", "ceil")
sin = _gen_unary("Sin", "sin")
cos = _gen_unary("Cos", "cos")
tan = _gen_unary("Tan", "tan")
asin = _gen_unary("Asin", "asin")
acos = _gen_unary("Acos", "acos")
atan = _gen_unary("Atan", "atan")
sinh = _gen_unary("Sinh", "sinh")
cosh = _gen_unary("Cosh", "cosh")
erf = _gen_unary("Erf", "erf")
erfc = _gen_unary("Erfc", "erfc")
lgamma = _gen_unary("Lgamma", "lgamma")
digamma = _gen_unary("Digamma", "digamma")
sigmoid = _gen_unary("Sigmoid", "sigmoid")
tanh = _gen_unary("Tanh", "tanh")
is_finite = _gen_unary("IsFinite", "is_finite")
is_nan = _gen_unary("IsNan", "is_nan")
is_inf = _gen_unary("IsInf", "is_inf")


def round(x, name=None):  # noqa: A001
    """`tf.round`: half to even; integer tensors are returned as they are (observed)."""
    x = convert_to_tensor(x, name="x") if not isinstance(x, Tensor) else x
    if x.dtype.base_dtype.is_integer:
        return x
    return apply_op("Round", (x,), name)


# ---- division: TF's Python-level rules -----------------------------------------------------------------
# integer `/` casts both sides first (observed: int8/16, uint8/16 -> float32; int32/64 -> float64)
_TRUEDIV_CAST = {dtypes.int8: dtypes.float32, dtypes.uint8: dtypes.float32, dtypes.int16: dtypes.float32,
                 dtypes.uint16: dtypes.float32, dtypes.int32: dtypes.float64, dtypes.int64: dtypes.float64,
                 dtypes.uint32: dtypes.float64, dtypes.uint64: dtypes.float64}


def _convert_operands(x, y):
    x = x if isinstance(x, Tensor) else convert_to_tensor(x, name="x")
    if not isinstance(y, Tensor):
        try:
            y = convert_to_tensor(y, dtype=x.dtype.base_dtype, name="y")
        except (TypeError, ValueError):
            y = convert_to_tensor(y, name="y")
    if x.dtype.base_dtype != y.dtype.base_dtype:
        raise same_dtype_error(x.dtype.base_dtype, y.dtype.base_dtype)
    return x, y


def truediv(x, y, name=None):
    """`tf.truediv` (and `/`): `RealDiv`; integers are cast to floats first (`truediv/Cast`).

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     q = tf.constant([1, 2]) / 2
    ...     print(q.name, q.dtype.name, [t.name for t in q.op.inputs])
    truediv:0 float64 ['truediv/Cast:0', 'truediv/Cast_1:0']
    """
    with name_scope(name, "truediv", [x, y]) as scope:
        x, y = _convert_operands(x, y)
        target = _TRUEDIV_CAST.get(x.dtype.base_dtype)
        if target is not None:
            x, y = cast(x, target), cast(y, target)
        return apply_op("RealDiv", (x, y), scope)


def div(x, y, name=None):
    """`tf.div` (TF1): `RealDiv` for floats, `FloorDiv` for integers, named `div`."""
    with name_scope(name, "div", [x, y]) as scope:
        x, y = _convert_operands(x, y)
        op_type = "RealDiv" if x.dtype.base_dtype.is_floating or x.dtype.base_dtype.is_complex else "FloorDiv"
        return apply_op(op_type, (x, y), scope)


def divide(x, y, name=None):
    """`tf.divide`: `x / y` (a `truediv` scope), or `truediv` named `name`."""
    if name is not None:
        return truediv(x, y, name=name)
    if not isinstance(x, Tensor):
        x = convert_to_tensor(x, dtype=y.dtype.base_dtype if isinstance(y, Tensor) else None)
    return truediv(x, y)


def floordiv(x, y, name=None):
    """`tf.floordiv` (and `//`): `FloorDiv` named `floordiv`."""
    with name_scope(name, "floordiv", [x, y]) as scope:
        return apply_op("FloorDiv", (x, y), scope)


# ---- casts ------------------------------------------------------------------------------------------
def _cast_infer(ctx, x, *, SrcT, DstT, Truncate):  # noqa: N803  TF's attribute names
    return [(x._shape, DstT)]


def _cast_kernel(x, *, SrcT, DstT, Truncate):  # noqa: N803
    target = dtypes.jax_dtype(DstT)
    if _is_numpy(x) and not DstT.is_complex:
        return np.asarray(x).astype(target)
    if DstT.is_bool:
        return x != 0
    if x.dtype.kind == "c" and not DstT.is_complex:
        x = jnp.real(x)
    return x.astype(target)


declare("Cast", _cast_infer, _cast_kernel, type_attr=None, attrs={"SrcT": None, "DstT": None, "Truncate": False})


def cast(x, dtype, name=None):
    """`tf.cast`: a `Cast` op, or `x` itself when it already has `dtype`."""
    base = dtypes.as_dtype(dtype).base_dtype
    if isinstance(x, Tensor):
        src = x.dtype.base_dtype
        if src == base:
            return x
        return create1("Cast", [x], name or "Cast", SrcT=src, DstT=base)
    with name_scope(name, "Cast", [x]) as scope:
        x = convert_to_tensor(x, name="x")
        src = x.dtype.base_dtype
        if src == base:
            return x
        return create1("Cast", [x], scope, SrcT=src, DstT=base)


def to_float(x, name="ToFloat"):
    return cast(x, dtypes.float32, name=name)


def to_double(x, name="ToDouble"):
    return cast(x, dtypes.float64, name=name)


def to_int32(x, name="ToInt32"):
    return cast(x, dtypes.int32, name=name)


def to_int64(x, name="ToInt64"):
    return cast(x, dtypes.int64, name=name)


def to_bfloat16(x, name="ToBFloat16"):
    return cast(x, dtypes.bfloat16, name=name)


# ---- clipping -------------------------------------------------------------------------------------
def _clip_infer(ctx, t, lo, hi, **_):
    return [(t._shape, t.dtype.base_dtype)]


declare("ClipByValue", _clip_infer, lambda t, lo, hi, **_: jnp.clip(t, lo, hi))
signature("ClipByValue", "t clip_value_min clip_value_max", NUMBER_TYPES)


def saturate_cast(value, dtype, name=None):
    """`tf.saturate_cast`: clamps to the target's range (`saturate_cast/clamp`), then casts."""
    with name_scope(name, "saturate_cast", [value]) as scope:
        value = convert_to_tensor(value, name="value")
        dtype = dtypes.as_dtype(dtype).base_dtype
        src = value.dtype.base_dtype
        if not src.is_complex:
            low, high = _clamp_bounds(src, dtype)
            value = apply_op("ClipByValue", (value, convert_to_tensor(low), convert_to_tensor(high)), "clamp")
        return cast(value, dtype, name=scope)


def _clamp_bounds(src, dst):
    """The target's range as `src` values, rounded inward (observed: float32 -> int32 tops at 2147483520)."""
    numpy_type = src.as_numpy_dtype
    low, high = numpy_type(max(src.min, dst.min)), numpy_type(min(src.max, dst.max))
    if src.is_floating:
        if float(high) > dst.max:
            high = np.nextafter(high, numpy_type(0))
        if float(low) < dst.min:
            low = np.nextafter(low, numpy_type(0))
    return np.array(low, numpy_type), np.array(high, numpy_type)


__all__ = ["apply_op", "signature", "add", "subtract", "multiply", "truediv", "div", "divide", "realdiv",
           "floordiv", "floormod", "mod", "truncatediv", "truncatemod", "pow", "maximum", "minimum",
           "squared_difference", "atan2", "equal", "not_equal", "less", "less_equal", "greater",
           "greater_equal", "logical_and", "logical_or", "logical_not", "logical_xor", "square", "sqrt",
           "rsqrt", "exp", "log", "log1p", "expm1", "abs", "negative", "sign", "reciprocal", "floor", "ceil",
           "round", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "erf", "erfc", "lgamma",
           "digamma", "sigmoid", "tanh", "is_finite", "is_nan", "is_inf", "cast", "to_float", "to_double",
           "to_int32", "to_int64", "to_bfloat16", "saturate_cast"]
