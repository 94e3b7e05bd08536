"""`slim.utils`: output aliases and collections, static conditions, shape helpers used by model code.

`collect_named_outputs(collections, alias, t)` records `alias` on the tensor (`t.aliases`) and adds it to
the collections; `convert_collection_to_dict` turns such a collection into the `end_points` dict model
code returns. `constant_value` is a build-time value (None for a Variable or an unknown Tensor), and
`smart_cond` picks a branch at build time when it can, else builds `tf.cond`. Messages are tf-slim's.
"""
import collections as _collections

from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.ops import control_flow_cond
from scopeflow.ops.array_build import const_value
from scopeflow.ops.variables import Variable

NamedOutputs = _collections.namedtuple("NamedOutputs", ["name", "outputs"])


def collect_named_outputs(collections, alias, outputs):
    """Adds `alias` to `outputs.aliases` and `outputs` to `collections` (when any); returns `outputs`."""
    if collections:
        append_tensor_alias(outputs, alias)
        get_default_graph().add_to_collections(collections, outputs)
    return outputs


def append_tensor_alias(tensor, alias):
    """Appends `alias` (a trailing `/` dropped) to `tensor.aliases`."""
    if alias[-1] == "/":
        alias = alias[:-1]
    if getattr(tensor, "aliases", None) is not None:
        tensor.aliases.append(alias)
    else:
        tensor.aliases = [alias]
    return tensor


def get_tensor_aliases(tensor):
    """The aliases of `tensor`, or its op name (`:0` outputs) or tensor name when it has none."""
    aliases = getattr(tensor, "aliases", None)
    if aliases is not None:
        return aliases
    return [tensor.op.name] if tensor.name[-2:] == ":0" else [tensor.name]


def gather_tensors_aliases(tensors):
    return [alias for tensor in tensors for alias in get_tensor_aliases(tensor)]


def convert_collection_to_dict(collection, clear_collection=False):
    """`{alias: tensor}` for every tensor (and each of its aliases) in `collection`, in order."""
    graph = get_default_graph()
    output = _collections.OrderedDict((alias, tensor) for tensor in graph.get_collection(collection)
                                      for alias in get_tensor_aliases(tensor))
    if clear_collection:
        graph.clear_collection(collection)
    return output


def constant_value(value_or_tensor_or_var, dtype=None):
    """The Python/numpy value known at build time; None for a Variable or a Tensor known only at run time."""
    if value_or_tensor_or_var is None:
        raise ValueError("value_or_tensor_or_var cannot be None")
    value = value_or_tensor_or_var
    if isinstance(value, (Tensor, Variable)):
        if dtype and value.dtype != dtype:
            raise ValueError(f"It has the wrong type {value.dtype} instead of {dtype}")
        return None if isinstance(value, Variable) else const_value(value)
    return value


def static_cond(pred, fn1, fn2):
    if not callable(fn1):
        raise TypeError("fn1 must be callable.")
    if not callable(fn2):
        raise TypeError("fn2 must be callable.")
    return fn1() if pred else fn2()


def smart_cond(pred, fn1, fn2, name=None):
    """`fn1()` or `fn2()` when `pred` is known at build time, else `tf.cond(pred, fn1, fn2)`."""
    pred_value = constant_value(pred)
    if pred_value is not None:
        return static_cond(pred_value, fn1, fn2)
    return control_flow_cond.cond(pred, fn1, fn2, name=name)


def get_variable_collections(variables_collections, name):
    """The collections for variable `name`: `variables_collections[name]` for a dict, else as given."""
    if isinstance(variables_collections, dict):
        return variables_collections.get(name, None)
    return variables_collections


def _get_dimension(shape, dim, min_rank=1):
    dims = TensorShape(shape).dims
    if dims is None:
        raise ValueError("dims of shape must be known but is None")
    if len(dims) < min_rank:
        raise ValueError(f"rank of shape must be at least {min_rank} not: {len(dims)}")
    value = dims[dim].value
    if value is None:
        raise ValueError(f"dimension {dim} of shape must be known but is None: {shape}")
    return value


def channel_dimension(shape, data_format, min_rank=1):
    return _get_dimension(shape, 1 if data_format == "channels_first" else -1, min_rank=min_rank)


def last_dimension(shape, min_rank=1):
    """The static size of the last dimension (ValueError when unknown or the rank is too small)."""
    return _get_dimension(shape, -1, min_rank=min_rank)


def two_element_tuple(int_or_tuple):
    if isinstance(int_or_tuple, (list, tuple)):
        if len(int_or_tuple) != 2:
            raise ValueError(f"Must be a list with 2 elements: {int_or_tuple}")
        return int(int_or_tuple[0]), int(int_or_tuple[1])
    if isinstance(int_or_tuple, int):
        return int(int_or_tuple), int(int_or_tuple)
    if isinstance(int_or_tuple, TensorShape) and len(int_or_tuple) == 2:
        return int_or_tuple[0], int_or_tuple[1]
    raise ValueError("Must be an int, a list with 2 elements or a TensorShape of length 2")


def n_positive_integers(n, value):
    """`value` as a tuple of `n` positive ints (an int is repeated)."""
    n_orig, n = n, int(n)
    if n < 1 or n != n_orig:
        raise ValueError("n must be a positive integer")
    try:
        value = int(value)
    except (TypeError, ValueError):
        error = f"Expected sequence of {n} positive integers, but received {value!r}"
        if len(value) != n:
            raise ValueError(error) from None
        try:
            values = tuple(int(x) for x in value)
        except (TypeError, ValueError):
            raise ValueError(error) from None
        for x in values:
            if x < 1:
                raise ValueError(f"expected positive integer, but received {x}")
        return values
    if value < 1:
        raise ValueError(f"expected positive integer, but received {value}")
    return (value,) * n


__all__ = ["NamedOutputs", "collect_named_outputs", "append_tensor_alias", "get_tensor_aliases",
           "gather_tensors_aliases", "convert_collection_to_dict", "constant_value", "static_cond", "smart_cond",
           "get_variable_collections", "channel_dimension", "last_dimension", "two_element_tuple",
           "n_positive_integers"]
