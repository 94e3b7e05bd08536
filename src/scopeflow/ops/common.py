"""Shared pieces of op declarations and API functions: graph choice, dtype checks, broadcasting.

Every build-time message comes from here or framework/errors.py, as TF prints it (golden: ops_*.json).
"""
from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import declare
from scopeflow.framework.scopes import graph_of, name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import BroadcastError, broadcast_shapes


def create(op_type, inputs, name=None, **attrs):
    """Builds one op in the graph of its inputs; returns the Operation."""
    graph = inputs[0]._op._graph if inputs else get_default_graph()
    return graph._create_op(op_type, inputs, name, attrs)


def create1(op_type, inputs, name=None, **attrs):
    """Builds a one-output op and returns its Tensor."""
    return create(op_type, inputs, name, **attrs)._outputs[0]


def mismatch_error(op_type, arg, got, expected, expected_arg):
    return TypeError(f"Input '{arg}' of '{op_type}' Op has type {got.name} that does not match type "
                     f"{expected.name} of argument '{expected_arg}'.")


def convert_pair(op_type, x, y, arg_names=("x", "y")):
    """Converts two operands to Tensors of one dtype, as TF's op builder does (TypeError otherwise)."""
    if isinstance(x, Tensor) or not isinstance(y, Tensor):
        x = convert_to_tensor(x, name=arg_names[0])
        y = _convert_like(op_type, y, x, arg_names[1], arg_names[0])
    else:
        y_t = y
        x = _convert_like(op_type, x, y_t, arg_names[0], arg_names[1], first=True)
        y = y_t
    return x, y


def _convert_like(op_type, value, like, arg, like_arg, first=False):
    base = like.dtype.base_dtype
    if isinstance(value, Tensor) or hasattr(value, "_as_graph_element"):
        value = convert_to_tensor(value)
        if value.dtype.base_dtype != base:
            if first:
                raise mismatch_error(op_type, like_arg, base, value.dtype.base_dtype, arg)
            raise mismatch_error(op_type, arg, value.dtype.base_dtype, base, like_arg)
        return value
    try:
        return convert_to_tensor(value, dtype=base, name=arg)
    except TypeError:
        inferred = convert_to_tensor(value, name=arg)
        if first:
            raise mismatch_error(op_type, like_arg, base, inferred.dtype, arg) from None
        raise mismatch_error(op_type, arg, inferred.dtype, base, like_arg) from None


def broadcast_infer(ctx, x, y, **_):
    """Output spec of an element-wise binary op: broadcast shapes (TF's message), x's dtype."""
    if x._shape is None or y._shape is None:
        return [(None, x.dtype.base_dtype)]
    try:
        shape = broadcast_shapes(x._shape, y._shape)
    except BroadcastError as exc:
        raise ctx.error(f"Dimensions must be equal, but are {exc.x} and {exc.y}") from None
    return [(shape, x.dtype.base_dtype)]


def same_infer(ctx, x, **_):
    return [(x._shape, x.dtype.base_dtype)]


def bool_broadcast_infer(ctx, x, y, **_):
    return [(broadcast_infer(ctx, x, y)[0][0], dtypes.bool)]


def unary(tf_type, fn, **flags):
    """Declares an element-wise op that keeps shape and dtype."""
    declare(tf_type, same_infer, lambda x, **_: fn(x), **flags)


def binary(tf_type, fn, infer=broadcast_infer, **flags):
    """Declares an element-wise broadcasting binary op."""
    declare(tf_type, infer, lambda x, y, **_: fn(x, y), **flags)


__all__ = ["create", "create1", "convert_pair", "broadcast_infer", "same_infer", "bool_broadcast_infer",
           "unary", "binary", "name_scope", "graph_of", "convert_to_tensor", "dtypes"]
