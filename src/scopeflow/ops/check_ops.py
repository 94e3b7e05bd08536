"""Checks: check_numerics (CheckNumerics), verify_tensor_all_finite, and the assert family (assert_equal,
assert_less, ..., assert_rank*, assert_type, assert_integer, assert_scalar) with is_* predicates.

As in TF: a condition decidable at build time is decided there (InvalidArgumentError / ValueError /
TypeError with TF's words, or a NoOp when it holds); otherwise the assert is a `tf.Assert` op, which
fails the run with InvalidArgumentError naming it ("assertion failed: [...]"). Run-time failures go
through `ctx.check_at_run` (runtime/program.py): the run commits no state. Golden:
tests/golden/ops_check.json. tf.Assert always builds the plain Assert op (no AssertGuard cond).
"""
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes, errors
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.scopes import colocate_with, control_dependencies, name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import control_flow_ops, math_ops, shape_ops
from scopeflow.ops.array_build import build, const_value
from scopeflow.ops.common import same_infer
from scopeflow.ops.logging_ops import Assert
from scopeflow.ops.math_ops import FLOAT_TYPES, not_allowed_error
from scopeflow.ops.reduction_ops import reduce_all

_NUMERIC = frozenset(d for d in dtypes.__dict__.values() if isinstance(d, dtypes.DType)
                     and (d.is_floating or d.is_integer or d.is_complex or d.is_quantized))


# ---- CheckNumerics ---------------------------------------------------------------------------------------
@op("CheckNumerics", attrs={"message": b""}, context=True)
class CheckNumerics:
    infer = staticmethod(same_infer)

    @staticmethod
    def kernel(ctx, x, *, message, **_):
        node = ctx.op

        def failure(values):
            nan, inf = (bool(v) for v in values)
            found = "Inf and NaN" if nan and inf else "Inf" if inf else "NaN"
            text = f"{message.decode()} : Tensor had {found} values"
            return errors.InvalidArgumentError(node.node_def, node, errors.with_node(text, node.name))

        has_nan, has_inf = jnp.any(jnp.isnan(x)), jnp.any(jnp.isinf(x))
        ctx.check_at_run(~(has_nan | has_inf), [has_nan, has_inf], failure)
        return x


def check_numerics(tensor, message, name=None):
    """`tf.check_numerics` (op CheckNumerics): `tensor`, failing the run if it holds NaN or Inf."""
    if isinstance(tensor, Tensor) and tensor.dtype.base_dtype not in FLOAT_TYPES:
        raise not_allowed_error("tensor", tensor.dtype.base_dtype, FLOAT_TYPES)
    return build("CheckNumerics", name, [("tensor", tensor, None)], {"message": message.encode()})


def verify_tensor_all_finite(t=None, msg=None, name=None, x=None, message=None):
    """`tf.verify_tensor_all_finite`: `t` after a CheckNumerics of it (under `VerifyFinite/`)."""
    t = x if t is None else t
    msg = message if msg is None else msg
    with name_scope(name, "VerifyFinite", [t]):
        t = convert_to_tensor(t, name="t")
        with colocate_with(t):
            verify = check_numerics(t, message=msg)
            return control_flow_ops.with_dependencies([verify], t)


def add_check_numerics_ops():
    """`tf.add_check_numerics_ops`: a CheckNumerics (message `op:index`) of every float output in the
    graph, chained by control dependencies, grouped into one op."""
    checks = []
    for node in get_default_graph().get_operations():
        for output in node.outputs:
            if output.dtype.base_dtype in (dtypes.float16, dtypes.float32, dtypes.float64):
                with control_dependencies(checks):
                    checks = [check_numerics(output, message=f"{node.name}:{output.value_index}")]
    return control_flow_ops.group(*checks)


# ---- binary asserts ----------------------------------------------------------------------------------------
def _static_failure(data):
    """TF's build-time failure: the data's build-time values joined by newlines."""
    parts = []
    for d in data:
        value = const_value(d) if isinstance(d, Tensor) else None
        if value is None:
            parts.append(d.name if isinstance(d, Tensor) else str(d))
        else:
            parts.append(value.decode() if isinstance(value, bytes) else str(value))
    return errors.InvalidArgumentError(None, None, "\n".join(parts))


def _binary_assert(symbol, op_func, static_func, x, y, data, summarize, message, name, default_name):
    with name_scope(name, default_name, [x, y, data]):
        x = convert_to_tensor(x, name="x")
        y = convert_to_tensor(y, name="y")
        if data is None:
            data = [f"Condition x {symbol} y did not hold element-wise:", f"x ({x.name}) = ", x,
                    f"y ({y.name}) = ", y]
        if message is not None:
            data = [message] + list(data)
        condition = reduce_all(op_func(x, y))
        x_value, y_value = const_value(x), const_value(y)
        if x_value is not None and y_value is not None:
            if not np.all(static_func(x_value, y_value)):
                raise _static_failure(data)
        return Assert(condition, data, summarize=summarize)


def _binary(symbol, op_func, static_func, default_name):
    def function(x, y, data=None, summarize=None, message=None, name=None):
        return _binary_assert(symbol, op_func, static_func, x, y, data, summarize, message, name, default_name)
    function.__name__ = default_name
    function.__doc__ = f"`tf.{default_name}`: asserts `x {symbol} y` element-wise (static or at run time)."
    return function


assert_less = _binary("<", math_ops.less, np.less, "assert_less")
assert_less_equal = _binary("<=", math_ops.less_equal, np.less_equal, "assert_less_equal")
assert_greater = _binary(">", math_ops.greater, np.greater, "assert_greater")
assert_greater_equal = _binary(">=", math_ops.greater_equal, np.greater_equal, "assert_greater_equal")
assert_none_equal = _binary("!=", math_ops.not_equal, np.not_equal, "assert_none_equal")
_assert_equal = _binary("==", math_ops.equal, np.equal, "assert_equal")


def assert_equal(x, y, data=None, summarize=None, message=None, name=None):
    """`tf.assert_equal`: a NoOp for `x is y`; else asserts `x == y` (scope opened twice, as TF does)."""
    with name_scope(name, "assert_equal", [x, y, data]):
        if x is y:
            return control_flow_ops.no_op()
    return _assert_equal(x, y, data, summarize, message, name)


def assert_near(x, y, rtol=None, atol=None, data=None, summarize=None, message=None, name=None):
    """`tf.assert_near`: `|x - y| <= atol + rtol * |y|` element-wise (default tolerances 10 eps)."""
    with name_scope(name, "assert_near", [x, y, rtol, atol, data]):
        x = convert_to_tensor(x, name="x")
        y = convert_to_tensor(y, name="y", dtype=x.dtype.base_dtype)
        eps = np.finfo(x.dtype.base_dtype.as_numpy_dtype).eps
        rtol = convert_to_tensor(10 * eps if rtol is None else rtol, name="rtol", dtype=x.dtype.base_dtype)
        atol = convert_to_tensor(10 * eps if atol is None else atol, name="atol", dtype=x.dtype.base_dtype)
        if data is None:
            data = [f"x and y not equal to tolerance rtol = {rtol}, atol = {atol}", f"x ({x.name}) = ", x,
                    f"y ({y.name}) = ", y]
        if message is not None:
            data = [message] + list(data)
        tolerance = atol + rtol * math_ops.abs(y)
        difference = math_ops.abs(x - y)
        condition = reduce_all(math_ops.less_equal(difference, tolerance))
        return Assert(condition, data, summarize=summarize)


# ---- unary asserts (against zero) --------------------------------------------------------------------------
def _unary(symbol, binary, zero_first, default_name):
    def function(x, data=None, summarize=None, message=None, name=None):
        message = "" if message is None else message
        with name_scope(name, default_name, [x, data]):
            x = convert_to_tensor(x, name="x")
            if data is None:
                data = [message, f"Condition x {symbol} 0 did not hold element-wise:", f"x ({x.name}) = ", x]
            zero = convert_to_tensor(0, dtype=x.dtype.base_dtype)
            pair = (zero, x) if zero_first else (x, zero)
            return binary(*pair, data=data, summarize=summarize)
    function.__name__ = default_name
    function.__doc__ = f"`tf.{default_name}`: asserts `x {symbol} 0` element-wise."
    return function


assert_positive = _unary(">", assert_less, True, "assert_positive")
assert_negative = _unary("<", assert_less, False, "assert_negative")
assert_non_negative = _unary(">=", assert_less_equal, True, "assert_non_negative")
assert_non_positive = _unary("<=", assert_less_equal, False, "assert_non_positive")


# ---- rank, type and shape asserts ------------------------------------------------------------------------
def _prefix(message):
    return f"{message}.  " if message else ""


def _rank_assert(x, ranks, message, name, default_name, static_ok, text, dynamic_condition):
    """Shared body of assert_rank / _at_least / _in: static when the rank is known, else an Assert."""
    with name_scope(name, default_name, [x] + list(ranks)):
        x = convert_to_tensor(x, name="x")
        ranks_t = [convert_to_tensor(r, name="rank") for r in ranks]
        shape = shape_ops.shape(x)
        with name_scope(None, "assert_type"):
            control_flow_ops.no_op(name="statically_determined_correct_type")
        values = [const_value(r) for r in ranks_t]
        if x._shape is not None and all(v is not None for v in values):
            wanted = [int(v) for v in values]
            if not static_ok(len(x._shape), wanted):
                raise ValueError(f"{_prefix(message)}Tensor {x.name} must have rank {text(wanted)}.  Received rank "
                                 f"{len(x._shape)}, shape {x.shape}")
            return control_flow_ops.no_op(name="static_checks_determined_all_ok")
        data = [message or "", f"Tensor {x.name} must have rank{text(None)}", *ranks_t, "Received shape: ", shape]
        condition = dynamic_condition(shape_ops.rank(x), ranks_t)
        return Assert(condition, data)


def assert_rank(x, rank, message=None, name=None):
    """`tf.assert_rank`: ValueError at build time for a known wrong rank; a NoOp when it matches."""
    return _rank_assert(x, [rank], message, name, "assert_rank", lambda r, w: r == w[0],
                        lambda w: "" if w is None else str(w[0]),
                        lambda r, ranks: math_ops.equal(r, ranks[0]))


def assert_rank_at_least(x, rank, message=None, name=None):
    """`tf.assert_rank_at_least`."""
    return _rank_assert(x, [rank], message, name, "assert_rank_at_least", lambda r, w: r >= w[0],
                        lambda w: " at least" if w is None else f"at least {w[0]}",
                        lambda r, ranks: math_ops.greater_equal(r, ranks[0]))


def assert_rank_in(x, ranks, message=None, name=None):
    """`tf.assert_rank_in`: the rank is one of `ranks`."""
    def any_equal(r, ranks_t):
        result = math_ops.equal(r, ranks_t[0])
        for other in ranks_t[1:]:
            result = math_ops.logical_or(result, math_ops.equal(r, other))
        return result
    return _rank_assert(x, list(ranks), message, name, "assert_rank_in", lambda r, w: r in w,
                        lambda w: " in" if w is None else f"in {tuple(w)}", any_equal)


def assert_type(tensor, tf_type, message=None, name=None):
    """`tf.assert_type`: TypeError at build time; else a NoOp `statically_determined_correct_type`."""
    tf_type = dtypes.as_dtype(tf_type)
    with name_scope(name, "assert_type", [tensor]):
        tensor = convert_to_tensor(tensor, name="tensor")
        if tensor.dtype.base_dtype != tf_type:
            raise TypeError(f"{_prefix(message)}{tensor.name} must be of type {tf_type!r}; got "
                            f"{tensor.dtype.base_dtype!r}")
        return control_flow_ops.no_op(name="statically_determined_correct_type")


def assert_integer(x, message=None, name=None):
    """`tf.assert_integer`: TypeError unless `x` has an integer dtype."""
    with name_scope(name, "assert_integer", [x]):
        x = convert_to_tensor(x, name="x")
        if not x.dtype.is_integer:
            raise TypeError(f'{_prefix(message)}Expected "x" to be integer type.  Found: {x.name} of dtype '
                            f'{x.dtype}')
        return control_flow_ops.no_op("statically_determined_was_integer")


def assert_scalar(tensor, name=None, message=None):
    """`tf.assert_scalar`: the tensor itself, or ValueError when its static shape is not scalar."""
    with name_scope(name, "assert_scalar", [tensor]) as scope:
        tensor = convert_to_tensor(tensor, name=scope)
        shape = tensor.shape
        if shape.ndims != 0:
            if shape.ndims is None:
                raise ValueError(f"{_prefix(message)}Expected scalar shape, saw unknown shape.")
            raise ValueError(f"{_prefix(message)}Expected scalar shape for {tensor.name}, saw shape: {shape}.")
        return tensor


# ---- predicates ------------------------------------------------------------------------------------------
def is_numeric_tensor(tensor):
    """`tf.is_numeric_tensor`: a Tensor of a numeric (not bool or string) dtype."""
    return isinstance(tensor, Tensor) and tensor.dtype.base_dtype in _NUMERIC


def _monotonic(compare, x, name, default_name):
    with name_scope(name, default_name, [x]):
        x = shape_ops.reshape(convert_to_tensor(x, name="x"), [-1])
        diff = x[1:] - x[:-1]
        return reduce_all(compare(constant(0, dtype=diff.dtype.base_dtype), diff))


def is_non_decreasing(x, name=None):
    """`tf.is_non_decreasing`: every element is <= the next (flattened)."""
    return _monotonic(math_ops.less_equal, x, name, "is_non_decreasing")


def is_strictly_increasing(x, name=None):
    """`tf.is_strictly_increasing`: every element is < the next (flattened)."""
    return _monotonic(math_ops.less, x, name, "is_strictly_increasing")


__all__ = ["check_numerics", "verify_tensor_all_finite", "add_check_numerics_ops", "assert_equal", "assert_none_equal", "assert_less",
           "assert_less_equal", "assert_greater", "assert_greater_equal", "assert_near", "assert_positive",
           "assert_negative", "assert_non_negative", "assert_non_positive", "assert_rank", "assert_rank_at_least",
           "assert_rank_in", "assert_type", "assert_integer", "assert_scalar", "is_numeric_tensor",
           "is_non_decreasing", "is_strictly_increasing"]
