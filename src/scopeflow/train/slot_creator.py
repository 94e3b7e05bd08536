"""Slot variables: per-variable optimizer state (`w/Adam`, `w/Adam_1`, `w/Momentum`, `x/ExponentialMovingAverage`).

A slot is a non-trainable `get_variable` made in `variable_scope(None, default_name=<primary op
name>/<slot name>)`, so its name follows the variable scope (not the name scope) and a second slot of the
same name is uniquified to `w/Adam_1`; it is colocated with its primary and is never partitioned.
"""
from scopeflow.framework.graph import get_default_graph
from scopeflow.ops import init_ops, shape_ops
from scopeflow.ops.fill_ops import zeros
from scopeflow.ops.variable_scope import get_variable, get_variable_scope, variable_scope


def _slot_variable(primary, name, colocate_with_primary, **kwargs):
    scope = get_variable_scope()
    partitioner = scope.partitioner
    scope.set_partitioner(None)    # slots mirror their primary; they are never split themselves
    try:
        with variable_scope(None, primary.op.name + "/" + name):
            if colocate_with_primary:
                with get_default_graph().colocate_with(primary.op):
                    return get_variable("", trainable=False, **kwargs)
            return get_variable("", trainable=False, **kwargs)
    finally:
        scope.set_partitioner(partitioner)


def create_slot(primary, val, name, colocate_with_primary=True):
    """A slot for `primary` initialized from the Tensor `val`."""
    validate_shape = val.get_shape().is_fully_defined()
    return _slot_variable(primary, name, colocate_with_primary, initializer=val,
                          validate_shape=validate_shape)


def create_slot_with_initializer(primary, initializer, shape, dtype, name, colocate_with_primary=True):
    """A slot for `primary` of `shape` and `dtype` from an initializer (ops under `w/Adam/Initializer/`)."""
    return _slot_variable(primary, name, colocate_with_primary, shape=shape, dtype=dtype,
                          initializer=initializer, validate_shape=shape.is_fully_defined())


def create_zeros_slot(primary, name, dtype=None, colocate_with_primary=True):
    """A zero-filled slot shaped like `primary`."""
    dtype = (dtype or primary.dtype).base_dtype
    shape = primary.get_shape()
    if shape.is_fully_defined():
        return create_slot_with_initializer(primary, init_ops.zeros_initializer(), shape, dtype, name,
                                            colocate_with_primary)
    value = zeros(shape_ops.shape(primary), dtype=dtype)
    return create_slot(primary, value, name, colocate_with_primary)


__all__ = ["create_slot", "create_slot_with_initializer", "create_zeros_slot"]
