"""Array ops: placeholders, identity, shapes and layout (reshape, concat, stack, slicing ...).

Declarations and TF API functions only; kernels are pure jax.numpy. Names and op types are TF's
(golden: tests/golden/ops_array.json).
"""
import jax.numpy as jnp

from scopeflow.framework import errors
from scopeflow.framework.registry import op
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


@op("Identity")
class Identity:
    infer = staticmethod(same_infer)

    @staticmethod
    def kernel(x, **_):
        return x


def placeholder(dtype, shape=None, name=None):
    """`tf.placeholder`: a graph input that must be fed."""
    return create1("Placeholder", [], name, dtype=dtypes.as_dtype(dtype), shape=as_shape(shape))


def placeholder_with_default(input, shape, name=None):  # noqa: A002  TF's argument name
    input = convert_to_tensor(input)
    return create1("PlaceholderWithDefault", [input], name, dtype=input.dtype, shape=as_shape(shape))


def identity(input, name=None):  # noqa: A002
    if hasattr(input, "_as_graph_element") and not hasattr(input, "_op"):
        input = input.value() if hasattr(input, "value") else convert_to_tensor(input)
    input = convert_to_tensor(input)
    return create1("Identity", [input], name)


__all__ = ["placeholder", "placeholder_with_default", "identity", "jnp", "name_scope"]
