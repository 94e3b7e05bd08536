"""Small control ops: `no_op` (NoOp), `group` (a NoOp `group_deps` with control inputs), `tuple`
(identities gated on one group) and `with_dependencies`; `Assert` lives in logging_ops with Print.

A NoOp has no inputs or outputs: it only orders work through its control inputs. `group` keeps TF's
shape: one NoOp when every input sits on one device, else one inner `NoOp` per device (sorted by device
name) under the group's scope and the group on top (golden: tests/golden/ops_control.json).
"""
import builtins

from scopeflow.framework.indexed_slices import IndexedSlices
from scopeflow.framework.registry import op
from scopeflow.framework.scopes import colocate_with, control_dependencies, device, name_scope
from scopeflow.framework.tensor import Operation, Tensor
from scopeflow.ops.array_ops import identity
from scopeflow.ops.common import convert_to_tensor, create


@op("NoOp", type_attr=None)
class NoOp:
    @staticmethod
    def infer(ctx):
        return []

    @staticmethod
    def kernel():
        return []


def no_op(name=None):
    """`tf.no_op`: an op that does nothing (fetching it gives None)."""
    return create("NoOp", [], name)


def _flatten(inputs):
    """TF's nest.flatten over lists, tuples and dicts (dicts in key order)."""
    for item in inputs:
        if isinstance(item, (list, builtins.tuple)):   # `tuple` is TF's function in this module
            yield from _flatten(item)
        elif isinstance(item, dict):
            yield from _flatten([item[key] for key in sorted(item)])
        else:
            yield item


def _check_groupable(item):
    if not hasattr(item, "device"):
        raise TypeError(f"'inputs' should be zero or more (nested) Tensors. Received '{item}' with type "
                        f"'{type(item)}'.")


def _group_on_device(dev, deps, name=None):
    with control_dependencies(deps):
        if not dev:   # an input without a device keeps the surrounding device scope
            return no_op(name=name)
        with device(dev):
            return no_op(name=name)


def group(*inputs, **kwargs):
    """`tf.group`: a NoOp (`group_deps`) that runs after all `inputs` (nested Tensors or Operations).

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     a, b = tf.constant(1.), tf.constant(2.)
    ...     g = group(a, b)
    ...     print(g.name, [op.name for op in g.control_inputs])
    group_deps ['Const', 'Const_1']
    """
    name = kwargs.pop("name", None)
    if kwargs:
        raise ValueError("Unknown keyword arguments: " + ", ".join(kwargs))
    with name_scope(name, "group_deps", inputs) as name:
        if not inputs:
            return no_op(name=name)
        on_device = {}
        for item in _flatten(inputs):
            _check_groupable(item)
            on_device.setdefault(item.device or "", []).append(item)
        if len(on_device) == 1:
            (dev, deps), = on_device.items()
            return _group_on_device(dev, deps, name)
        deps = [_group_on_device(dev, on_device[dev]) for dev in sorted(on_device)]
        with control_dependencies(deps):
            return no_op(name=name)


def with_dependencies(dependencies, output_tensor, name=None):
    """An Identity of `output_tensor` (named `control_dependency`) that runs after `dependencies`."""
    with name_scope(name, "control_dependency", list(dependencies) + [output_tensor]) as name:
        with colocate_with(output_tensor):
            with control_dependencies(dependencies):
                return identity(convert_to_tensor(output_tensor), name=name)


def tuple(tensors, name=None, control_inputs=None):  # noqa: A001  TF's public name
    """`tf.tuple`: each tensor through an Identity gated on one group of all of them (and control_inputs).

    Other values become constants; Operations come back as a NoOp group under the same gate; None stays
    None.
    """
    with name_scope(name, "tuple", tensors) as name:
        tensors = [t if t is None or isinstance(t, (Tensor, Operation, IndexedSlices)) else convert_to_tensor(t)
                   for t in tensors]
        gating = [t if isinstance(t, Operation) else t.op for t in tensors if t is not None]
        for c in control_inputs or ():
            if isinstance(c, Tensor):
                c = c._op
            elif not isinstance(c, Operation):
                raise TypeError("'control_inputs' must only contain Operation or Tensor. Received: "
                                f"{type(c)}")
            gating.append(c)
        gate = group(*sorted(set(gating), key=lambda g: g._id))
        result = []
        for t in tensors:
            if isinstance(t, Tensor):
                result.append(with_dependencies([gate], t))
            elif isinstance(t, IndexedSlices):   # its values gated, as TF
                result.append(IndexedSlices(with_dependencies([gate], t.values), t.indices, t.dense_shape))
            elif isinstance(t, Operation):
                with control_dependencies([gate]):
                    result.append(group(t))
            else:
                result.append(None)
        return result


__all__ = ["no_op", "group", "tuple", "with_dependencies"]


# tf.cond and tf.while_loop live in their own modules; re-exported here, TF's module for them
# (variables.py's initialized_value reaches cond through this module).
from scopeflow.ops.control_flow_cond import case, cond  # noqa: E402
from scopeflow.ops.control_flow_while import while_loop  # noqa: E402
