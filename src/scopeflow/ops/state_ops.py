"""State ops: ref variables (`VariableV2`, `Assign*`, `Scatter*`, `CountUpTo`, `IsVariableInitialized`),
resource variables (`VarHandleOp`, `ReadVariableOp`, `ResourceGather`, `AssignVariableOp` ...) and
`tf.assign*`/`tf.scatter_*`.

A variable's session-state key is its variable op's name (`w`, `scope/w`). `VariableV2`/`VarHandleOp`
output a reference (runtime `VarRef`): ordinary consumers read the current value where they run; the
ops declared `ref_inputs=True` here get the reference and read/write the state themselves. Build-time
messages are TF's C++ shape-function texts (golden: tests/golden/variables.json).
"""
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes, errors
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import as_shape
from scopeflow.ops.array_build import convert, xp
from scopeflow.ops.common import convert_to_tensor, create, create1, name_scope
from scopeflow.ops.math_ops import not_allowed_error


def _shape_text(shape):
    return "[" + ",".join("?" if d is None else str(d) for d in shape) + "]"


def merge_shapes(ctx, a, b):
    """TF's `Merge` shape function: equal ranks, equal known dims (its messages); the merged shape."""
    if a is None:
        return b
    if b is None:
        return a
    if len(a) != len(b):
        raise ctx.error(f"Shapes must be equal rank, but are {len(a)} and {len(b)}")
    for i, (x, y) in enumerate(zip(a, b)):
        if x is not None and y is not None and x != y:
            raise ctx.error(f"Dimension {i} in both shapes must be equal, but are {x} and {y}. Shapes are "
                            f"{_shape_text(a)} and {_shape_text(b)}.")
    return tuple(x if x is not None else y for x, y in zip(a, b))


def _value(ref_or_value, ctx):
    return ctx.read(ref_or_value.key) if hasattr(ref_or_value, "key") else ref_or_value


# ---- ref variables ----------------------------------------------------------------------------------
@op("VariableV2", attrs={"shape": None, "dtype": None, "container": "", "shared_name": ""}, type_attr=None,
    context=True)
class VariableV2:
    @staticmethod
    def infer(ctx, *, shape, dtype, container, shared_name):
        dims = None if shape.ndims is None else tuple(d.value for d in shape.dims)
        return [(dims, dtype._as_ref)]

    @staticmethod
    def kernel(ctx, **_):
        return ctx.ref(ctx.op._name)


@op("Assign", attrs={"T": None, "use_locking": True, "validate_shape": True}, type_attr=None, context=True,
    ref_inputs=True)
class Assign:
    @staticmethod
    def infer(ctx, ref, value, *, use_locking, validate_shape, **_):
        shape = merge_shapes(ctx, ref._shape, value._shape) if validate_shape else value._shape
        return [(shape, ref.dtype)]

    @staticmethod
    def kernel(ctx, ref, value, **_):
        ctx.write(ref.key, _value(value, ctx))
        return ref


def _update_infer(ctx, ref, value, **_):
    return [(merge_shapes(ctx, ref._shape, value._shape), ref.dtype)]


def _declare_update(tf_type, combine):
    def kernel(ctx, ref, value, **_):
        ctx.write(ref.key, combine(ctx.read(ref.key), _value(value, ctx)))
        return ref
    cls = type(tf_type, (), {"infer": staticmethod(_update_infer), "kernel": staticmethod(kernel)})
    op(tf_type, attrs={"T": None, "use_locking": False}, type_attr=None, context=True, ref_inputs=True)(cls)


for _type, _combine in {"AssignAdd": jnp.add, "AssignSub": jnp.subtract}.items():
    _declare_update(_type, _combine)


@op("IsVariableInitialized", attrs={"dtype": None}, type_attr=None, context=True, ref_inputs=True)
class IsVariableInitialized:
    @staticmethod
    def infer(ctx, ref, *, dtype):
        return [((), dtypes.bool)]

    @staticmethod
    def kernel(ctx, ref, **_):
        # numpy: the answer is fixed for the trace (the runtime retraces when it changes), so ops on it
        # (report_uninitialized_variables' boolean_mask) fold while tracing
        return np.asarray(ctx.has(ref.key))


@op("CountUpTo", attrs={"T": None, "limit": 0}, type_attr=None, context=True, ref_inputs=True)
class CountUpTo:
    @staticmethod
    def infer(ctx, ref, *, limit, **_):
        if ref.dtype.base_dtype not in (dtypes.int32, dtypes.int64):
            raise TypeError(f"Value passed to parameter 'ref' has DataType {ref.dtype.base_dtype.name} not "
                            "in list of allowed values: int32, int64")
        if ref._shape is not None and len(ref._shape) != 0:
            raise ctx.error(f"Shape must be rank 0 but is rank {len(ref._shape)}")
        return [((), ref.dtype.base_dtype)]

    @staticmethod
    def kernel(ctx, ref, *, limit, **_):
        # TF raises OutOfRangeError("Reached limit of N") at the limit; the run-time check fails the run
        # before any state is committed, so the variable keeps its value (golden: variables.json)
        old = ctx.read(ref.key)
        op = ctx.op

        def failure(_):
            message = errors.with_node(f"Reached limit of {limit}", op.name)
            return errors.OutOfRangeError(op.node_def, op, message)

        ctx.check_at_run(old < limit, [old], failure)
        ctx.write(ref.key, jnp.where(old < limit, old + 1, old))
        return old


def _scatter_infer(ctx, ref, indices, updates, **_):
    if ref._shape is not None and indices._shape is not None and updates._shape is not None:
        merge_shapes(ctx, updates._shape, indices._shape + ref._shape[1:])
    return [(ref._shape, ref.dtype)]


_SCATTER = {
    "ScatterUpdate": (lambda at, u: at.set(u), True),
    "ScatterAdd": (lambda at, u: at.add(u), False),
    "ScatterSub": (lambda at, u: at.add(-u), False),
    "ScatterMul": (lambda at, u: at.multiply(u), False),
    "ScatterDiv": (lambda at, u: at.divide(u), False),
    "ScatterMax": (lambda at, u: at.max(u), False),
    "ScatterMin": (lambda at, u: at.min(u), False),
}


def _declare_scatter(tf_type, update, locking):
    def kernel(ctx, ref, indices, updates, **_):
        # Out-of-range indices are dropped (TF raises InvalidArgumentError; values are not checked in jit).
        ctx.write(ref.key, update(ctx.read(ref.key).at[_value(indices, ctx)], _value(updates, ctx)))
        return ref
    cls = type(tf_type, (), {"infer": staticmethod(_scatter_infer), "kernel": staticmethod(kernel)})
    attrs = {"T": None, "Tindices": dtypes.int32, "use_locking": locking}
    op(tf_type, attrs=attrs, type_attr=None, context=True, ref_inputs=True)(cls)


for _type, (_update, _locking) in _SCATTER.items():
    _declare_scatter(_type, _update, _locking)


# ---- resource variables ------------------------------------------------------------------------------
@op("VarHandleOp", attrs={"container": "", "shared_name": "", "dtype": None, "shape": None}, type_attr=None,
    context=True)
class VarHandleOp:
    @staticmethod
    def infer(ctx, **_):
        return [((), dtypes.resource)]

    @staticmethod
    def kernel(ctx, **_):
        return ctx.ref(ctx.op._name)


def _resource_read(ctx, handle, error=errors.FailedPreconditionError):
    if not ctx.has(handle.key):
        op_ = ctx.op
        # TF's text depends on whether the session holds any resource at all (observed in the reference);
        # random-stream counters live under 'rng/' (runtime/context.py) and are not resources
        holds_any = any(not k.startswith("rng/") for k in ctx.state) or bool(ctx._present)
        status = (f"Resource localhost/{handle.key}/N10tensorflow3VarE does not exist." if holds_any else
                  f"Container localhost does not exist. (Could not find resource: localhost/{handle.key})")
        text = status if error is errors.NotFoundError else (
            f"Could not find variable {handle.key}. This could mean that the variable has been deleted. In "
            "TF1, it can also mean the variable is uninitialized. Debug info: container=localhost, status "
            f"error message={status}")
        raise error(op_.node_def, op_, errors.with_node(text, op_.name))
    return ctx.read(handle.key)


@op("ReadVariableOp", attrs={"dtype": None}, type_attr=None, context=True, ref_inputs=True)
class ReadVariableOp:
    @staticmethod
    def infer(ctx, handle, *, dtype):
        return [(None, dtype)]   # API functions pass the variable's shape as output_specs

    @staticmethod
    def kernel(ctx, handle, **_):
        return _resource_read(ctx, handle)


_RESOURCE_GATHER_INDEX_TYPES = (dtypes.int32, dtypes.int64)


def _handle_shape(handle):
    """The variable's static shape as a tuple (None when unknown), from its `VarHandleOp`."""
    shape = handle._op._attrs.get("shape") if handle._op._type == "VarHandleOp" else None
    return None if shape is None or shape.ndims is None else tuple(d.value for d in shape.dims)


@op("ResourceGather", attrs={"batch_dims": 0, "dtype": None, "validate_indices": True, "Tindices": None},
    type_attr=None, context=True, ref_inputs=True)
class ResourceGather:
    """Rows of a resource variable read through its handle (no ReadVariableOp): variable [N] + R,
    indices I -> I + R."""

    @staticmethod
    def infer(ctx, handle, indices, *, dtype, **_):
        shape = _handle_shape(handle)
        if shape is not None and not shape:
            raise ctx.error("Shape must be at least rank 1 but is rank 0")
        if shape is None or indices._shape is None:
            return [(None, dtype)]
        return [(indices._shape + shape[1:], dtype)]

    @staticmethod
    def kernel(ctx, handle, indices, **_):
        value = _resource_read(ctx, handle)
        return xp(value, indices).take(value, indices, axis=0)


@op("AssignVariableOp", attrs={"dtype": None, "validate_shape": False}, type_attr=None, context=True,
    ref_inputs=True)
class AssignVariableOp:
    @staticmethod
    def infer(ctx, handle, value, **_):
        return []

    @staticmethod
    def kernel(ctx, handle, value, **_):
        ctx.write(handle.key, _value(value, ctx))
        return []


def _declare_resource_update(tf_type, combine):
    def kernel(ctx, handle, value, **_):
        ctx.write(handle.key, combine(_resource_read(ctx, handle, errors.NotFoundError), _value(value, ctx)))
        return []
    cls = type(tf_type, (), {"infer": staticmethod(lambda ctx, handle, value, **_: []),
                             "kernel": staticmethod(kernel)})
    op(tf_type, attrs={"dtype": None}, type_attr=None, context=True, ref_inputs=True)(cls)


for _type, _combine in {"AssignAddVariableOp": jnp.add, "AssignSubVariableOp": jnp.subtract}.items():
    _declare_resource_update(_type, _combine)


@op("VarIsInitializedOp", type_attr=None, context=True, ref_inputs=True)
class VarIsInitializedOp:
    @staticmethod
    def infer(ctx, handle):
        return [((), dtypes.bool)]

    @staticmethod
    def kernel(ctx, handle):
        return jnp.asarray(ctx.has(handle.key))


# ---- API ---------------------------------------------------------------------------------------------
# The ref ops name their type attribute `T` explicitly: TF's T is the base dtype (DT_FLOAT), while the
# registry would derive it from the first input, a ref (DT_FLOAT_REF).
def variable_op_v2(shape, dtype, name="Variable", container="", shared_name=""):
    """The `VariableV2` op's ref tensor (`w:0`, dtype float32_ref); `name` may be a scope `w/`."""
    return get_default_graph()._create_op("VariableV2", [], name, {
        "shape": as_shape(shape), "dtype": dtypes.as_dtype(dtype).base_dtype, "container": container,
        "shared_name": shared_name})._outputs[0]


def _as_ref(ref):
    if isinstance(ref, Tensor):
        return ref
    return ref._ref() if hasattr(ref, "_ref") else ref


def convert_input(op_type, value, dtype, arg="value", like_arg="ref"):
    """Converts `value` for input `arg` of `op_type` to `dtype`, with TF's op-builder TypeErrors."""
    if isinstance(value, Tensor) or hasattr(value, "_as_graph_element"):
        tensor = convert_to_tensor(value)
        if tensor.dtype.base_dtype != dtype:
            raise TypeError(f"Input '{arg}' of '{op_type}' Op has type {tensor.dtype.base_dtype.name} that "
                            f"does not match type {dtype.name} of argument '{like_arg}'.")
        return tensor
    try:
        return convert_to_tensor(value, dtype=dtype, name=arg)
    except TypeError as exc:
        raise TypeError(f"Expected {dtype.name} passed to parameter '{arg}' of op '{op_type}', got {value!r} "
                        f"of type '{type(value).__name__}' instead. Error: {exc}") from None


def _ref_update(op_type, ref, value, name, **attrs):
    with name_scope(name, op_type, [ref, value]) as scope:
        value = convert_input(op_type, value, ref.dtype.base_dtype)
        graph = ref.graph
        with graph.colocate_with(ref.op):
            return create1(op_type, [ref, value], scope, T=ref.dtype.base_dtype, **attrs)


def assign(ref, value, validate_shape=None, use_locking=None, name=None):
    """`tf.assign`: an `Assign` op writing `value` into the ref variable; returns the ref after it."""
    if not getattr(ref.dtype, "_is_ref_dtype", False):
        return ref.assign(value, name=name)
    return _ref_update("Assign", _as_ref(ref), value, name,
                       use_locking=True if use_locking is None else use_locking,
                       validate_shape=True if validate_shape is None else validate_shape)


def assign_add(ref, value, use_locking=None, name=None):
    """`tf.assign_add`: `AssignAdd` (`ref += value`)."""
    if not getattr(ref.dtype, "_is_ref_dtype", False):
        return ref.assign_add(value, name=name)
    return _ref_update("AssignAdd", _as_ref(ref), value, name, use_locking=bool(use_locking))


def assign_sub(ref, value, use_locking=None, name=None):
    """`tf.assign_sub`: `AssignSub` (`ref -= value`)."""
    if not getattr(ref.dtype, "_is_ref_dtype", False):
        return ref.assign_sub(value, name=name)
    return _ref_update("AssignSub", _as_ref(ref), value, name, use_locking=bool(use_locking))


def _scatter(op_type, ref, indices, updates, use_locking, name):
    ref = _as_ref(ref)
    with name_scope(name, op_type, [ref, indices, updates]) as scope:
        indices = convert_to_tensor(indices, name="indices")
        if indices.dtype.base_dtype not in (dtypes.int32, dtypes.int64):
            raise TypeError(f"Value passed to parameter 'indices' has DataType {indices.dtype.name} not in "
                            "list of allowed values: int32, int64")
        updates = convert_input(op_type, updates, ref.dtype.base_dtype, "updates")
        with ref.graph.colocate_with(ref.op):
            return create1(op_type, [ref, indices, updates], scope, T=ref.dtype.base_dtype,
                           Tindices=indices.dtype.base_dtype, use_locking=use_locking)


def _scatter_api(op_type, default_locking):
    def scatter(ref, indices, updates, use_locking=default_locking, name=None):
        if not getattr(ref.dtype, "_is_ref_dtype", False):
            raise TypeError(f"'{op_type}' Op requires that input 'ref' be a mutable tensor (e.g.: a "
                            "tf.Variable)")
        return _scatter(op_type, ref, indices, updates, use_locking, name)
    scatter.__name__ = "scatter_" + op_type[len("Scatter"):].lower()
    scatter.__doc__ = f"`tf.{scatter.__name__}`: a `{op_type}` op on a ref variable; returns the ref after."
    return scatter


scatter_update = _scatter_api("ScatterUpdate", True)
scatter_add = _scatter_api("ScatterAdd", False)
scatter_sub = _scatter_api("ScatterSub", False)
scatter_mul = _scatter_api("ScatterMul", False)
scatter_div = _scatter_api("ScatterDiv", False)
scatter_max = _scatter_api("ScatterMax", False)
scatter_min = _scatter_api("ScatterMin", False)


def count_up_to(ref, limit, name=None):
    """`tf.count_up_to`: increments an int variable, returning its value before the increment."""
    ref = _as_ref(ref)
    return create1("CountUpTo", [ref], name, T=ref.dtype.base_dtype, limit=int(limit))


def is_variable_initialized(ref, name=None):
    """`IsVariableInitialized` for a ref variable; `VarIsInitializedOp` for a resource one."""
    if not getattr(ref.dtype, "_is_ref_dtype", False):
        return ref.is_initialized(name=name)
    ref = _as_ref(ref)
    with ref.graph.colocate_with(ref.op):
        return create1("IsVariableInitialized", [ref], name, dtype=ref.dtype.base_dtype)


# ---- resource variable ops (used by variables.ResourceVariable) ---------------------------------------
def var_handle_op(dtype, shape, name, shared_name="", container=""):
    return get_default_graph()._create_op("VarHandleOp", [], name, {
        "container": container, "shared_name": shared_name, "dtype": dtypes.as_dtype(dtype).base_dtype,
        "shape": as_shape(shape)})._outputs[0]


def read_variable_op(handle, dtype, shape, name=None):
    graph = handle.graph
    op_ = graph._create_op("ReadVariableOp", [handle], name, {"dtype": dtype},
                           output_specs=[(shape, dtype)])
    return op_._outputs[0]


def resource_gather(handle, indices, dtype, name=None):
    """`ResourceGather` of `handle` under the name scope `name` (default `Gather`), as TF's `sparse_read`:
    the op takes the scope's name and its converted indices are `<scope>/indices`."""
    with name_scope(name, "Gather") as scope:
        indices = convert(indices, dtypes.int32, "indices")
        if indices.dtype.base_dtype not in _RESOURCE_GATHER_INDEX_TYPES:
            raise not_allowed_error("indices", indices.dtype.base_dtype, _RESOURCE_GATHER_INDEX_TYPES)
        return create1("ResourceGather", [handle, indices], scope, batch_dims=0, dtype=dtype,
                       validate_indices=True, Tindices=indices.dtype.base_dtype)


def resource_update(op_type, handle, value, dtype, name=None, **attrs):
    return create(op_type, [handle, value], name, dtype=dtype, **attrs)


def var_is_initialized_op(handle, name=None):
    return create1("VarIsInitializedOp", [handle], name)


__all__ = ["assign", "assign_add", "assign_sub", "scatter_update", "scatter_add", "scatter_sub",
           "scatter_mul", "scatter_div", "scatter_max", "scatter_min", "count_up_to",
           "is_variable_initialized", "variable_op_v2"]
