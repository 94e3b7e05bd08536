"""Array ops, part 1: placeholders and identity. The family continues in shape_ops (reshape, transpose,
shape ...), join_ops (concat, stack, split, tile, pad, list packing), fill_ops (zeros, range, eye ...)
and slicing (strided_slice / `t[...]`, slice, gather, where); array_build holds their shared helpers.

Declarations and TF API functions only; kernels are pure jax.numpy. Names and op types are TF's
(golden: tests/golden/ops_array.json).
"""
import jax.numpy as jnp

from scopeflow.framework import errors
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import as_shape
from scopeflow.ops.common import convert_to_tensor, create1, dtypes, name_scope, same_infer


def _shape_tuple(shape):
    shape = as_shape(shape)
    return None if shape.ndims is None else tuple(d.value for d in shape.dims)


@op("Placeholder", attrs={"dtype": None, "shape": None}, type_attr=None, context=True)
class Placeholder:
    @staticmethod
    def infer(ctx, *, dtype, shape):
        return [(_shape_tuple(shape), dtype)]

    @staticmethod
    def kernel(ctx, *, dtype, shape):
        op = ctx.op    # reached only when the placeholder was not fed
        dims = None if shape.ndims is None else [d.value for d in shape.dims]
        message = errors.with_node(errors.placeholder_not_fed(op.name, dtype.name, dims), op.name)
        raise errors.InvalidArgumentError(op.node_def, op, message)


@op("PlaceholderWithDefault", attrs={"dtype": None, "shape": None}, type_attr=None)
class PlaceholderWithDefault:
    @staticmethod
    def infer(ctx, x, *, dtype, shape):
        return [(_shape_tuple(shape), dtype)]

    @staticmethod
    def kernel(x, **_):
        return x


# ref_inputs: an Identity of a ref variable (`w/read`) forwards the reference, so each consumer
# reads the value where it runs, as TF's aliased buffer does
# (golden: variables.json assign_control_dependencies)
@op("Identity", ref_inputs=True)
class Identity:
    infer = staticmethod(same_infer)

    @staticmethod
    def kernel(x, **_):
        return x


def placeholder(dtype, shape=None, name=None):
    """`tf.placeholder`: a graph input that must be fed."""
    return create1("Placeholder", [], name, dtype=dtypes.as_dtype(dtype), shape=as_shape(shape))


def placeholder_with_default(input, shape, name=None):  # noqa: A002  TF's argument name
    """`tf.placeholder_with_default`: a non-Tensor default becomes `PlaceholderWithDefault/input`."""
    graph = get_default_graph()
    with graph.name_scope(name or "PlaceholderWithDefault") as scope:
        input = convert_to_tensor(input, name="input")
        attrs = {"dtype": input.dtype.base_dtype, "shape": as_shape(shape)}
        return graph._create_op("PlaceholderWithDefault", [input], scope, attrs)._outputs[0]


def identity(input, name=None):  # noqa: A002
    if hasattr(input, "_as_graph_element") and not hasattr(input, "_op"):
        input = input.value() if hasattr(input, "value") else convert_to_tensor(input)
    if isinstance(input, Tensor):
        return create1("Identity", [input], name)
    graph = get_default_graph()
    with graph.name_scope(name or "Identity") as scope:
        input = convert_to_tensor(input, name="input")
        return graph._create_op("Identity", [input], scope)._outputs[0]


__all__ = ["placeholder", "placeholder_with_default", "identity", "jnp", "name_scope"]
