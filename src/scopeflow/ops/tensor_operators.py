"""Tensor's Python operators (`x + y`, `-x`, `x @ y`, `b & c` ...): fills `framework.tensor.OPERATORS`.

As in TF, an operator opens a name scope named after it (`add`, `sub`, `mul`, `truediv`, `floordiv`, `mod`,
`pow`, `matmul`, `and`, `or`, `xor`) and builds the op inside it; comparisons and unary operators build the
op directly (`Less`, `Neg`, `Abs`, `LogicalNot`). A reflected operator (`1 - x`) first converts the Python
operand to the tensor's dtype, named `<scope>/x`, so `1.5 + int_tensor` fails in the conversion, while
`int_tensor + 1.5` fails in the op builder (both TypeErrors, with TF's two different messages).
`==` and `__getitem__` are not set here (identity comparison in TF1; slicing belongs to array ops).
"""
from scopeflow.framework.tensor import OPERATORS, Tensor
from scopeflow.ops import math_ops, reduction_ops
from scopeflow.ops.common import convert_to_tensor, name_scope


def _scoped(scope_name, function, op_type=None):
    """`x <op> y` and `y <op> x` for a function taking (x, y, name) that opens `name` verbatim.

    With `op_type` (a single op) and two Tensors the scope would hold nothing else, so the op is built
    directly under the scope's name (same name, less work).
    """
    def forward(x, y):
        if op_type is not None and isinstance(y, Tensor):
            return math_ops.apply_op(op_type, (x, y), None, scope_name)
        with name_scope(None, scope_name, [x, y]) as scope:
            return function(x, y, name=scope)

    def reflected(y, x):   # `x <op> y` where only y is a Tensor
        with name_scope(None, scope_name, [x, y]) as scope:
            x = convert_to_tensor(x, dtype=y.dtype.base_dtype, name="x")
            return function(x, y, name=scope)
    return forward, reflected


def _apply(op_type):
    function = lambda x, y, name: math_ops.apply_op(op_type, (x, y), name)  # noqa: E731
    function.op_type = op_type
    return function


_SCOPED = {
    "add": ("add", _apply("AddV2")),
    "sub": ("sub", _apply("Sub")),
    "mul": ("mul", _apply("Mul")),
    "truediv": ("truediv", math_ops.truediv),
    "div": ("truediv", math_ops.truediv),          # Python 2's `/`, kept for callers that use the name
    "floordiv": ("floordiv", math_ops.floordiv),
    "mod": ("mod", _apply("FloorMod")),
    "pow": ("pow", _apply("Pow")),
    "matmul": ("matmul", lambda x, y, name: reduction_ops.matmul(x, y, name=name)),
    "and": ("and", _apply("LogicalAnd")),
    "or": ("or", _apply("LogicalOr")),
    "xor": ("xor", math_ops.logical_xor),
}
for _method, (_scope_name, _function) in _SCOPED.items():
    OPERATORS[f"__{_method}__"], OPERATORS[f"__r{_method}__"] = _scoped(_scope_name, _function,
                                                                        getattr(_function, "op_type", None))

# comparisons: `1 < x` is Python's `x > 1`, so no reflected forms are needed
OPERATORS["__lt__"] = lambda x, y: math_ops.less(x, y)
OPERATORS["__le__"] = lambda x, y: math_ops.less_equal(x, y)
OPERATORS["__gt__"] = lambda x, y: math_ops.greater(x, y)
OPERATORS["__ge__"] = lambda x, y: math_ops.greater_equal(x, y)
OPERATORS["__neg__"] = lambda x: math_ops.negative(x)
OPERATORS["__abs__"] = lambda x: math_ops.abs(x)
OPERATORS["__invert__"] = lambda x: math_ops.logical_not(x)
