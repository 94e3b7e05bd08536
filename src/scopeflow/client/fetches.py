"""Session.run's fetch structures: flatten any nest to graph elements, rebuild the nest from values.

A nest is a Tensor, Operation, Variable-like object, tensor/op name, or a list, tuple, namedtuple or dict
of nests. An Operation's value is None. An IndexedSlices is a composite of its component tensors,
rebuilt as an IndexedSlicesValue (dense_shape None when it has none). `FetchStructure` is built once
per distinct fetch argument and cached by the session, so a repeated `run(y)` does no structure work.
"""
import collections.abc

from scopeflow.framework import errors
from scopeflow.framework.indexed_slices import IndexedSlices, IndexedSlicesValue
from scopeflow.framework.tensor import Operation, Tensor


def _resolve(graph, fetch):
    """A fetch leaf -> the graph's Tensor or Operation, with TF's errors."""
    if isinstance(fetch, (Tensor, Operation)):
        if fetch.graph is not graph:
            kind = "Tensor" if isinstance(fetch, Tensor) else "Operation"
            cause = errors.not_in_this_graph(kind, fetch)
            raise errors.fetch_not_interpretable(fetch, cause)
        return fetch
    if isinstance(fetch, (str, bytes)) or hasattr(fetch, "_as_graph_element"):
        try:
            element = graph.as_graph_element(fetch, allow_tensor=True, allow_operation=True)
        except (KeyError, ValueError) as cause:
            raise errors.fetch_not_interpretable(fetch, cause) from None
        return element
    raise TypeError(f"Fetch argument {fetch!r} has invalid type {type(fetch)!r}, must be a string or "
                    "Tensor. (Can not convert a " + type(fetch).__name__ + " into a Tensor or Operation.)")


class FetchStructure:
    """The leaves of one fetch argument and how to put their values back in its shape."""

    def __init__(self, graph, fetches):
        self.leaves = []                      # Tensor or Operation, in flatten order
        self.template = self._flatten(graph, fetches)
        self.tensors = tuple(dict.fromkeys(t for t in self.leaves if isinstance(t, Tensor)))
        self.targets = tuple(dict.fromkeys(op for op in self.leaves if isinstance(op, Operation)))
        position = {t: i for i, t in enumerate(self.tensors)}
        self.leaf_slots = tuple(position.get(leaf, -1) for leaf in self.leaves)

    def _flatten(self, graph, fetch):
        if fetch is None:
            raise TypeError(f"Fetch argument None has invalid type {type(None)!r}")
        if isinstance(fetch, (Tensor, Operation, str, bytes)) or hasattr(fetch, "_as_graph_element"):
            self.leaves.append(_resolve(graph, fetch))
            return len(self.leaves) - 1
        if isinstance(fetch, IndexedSlices):
            parts = (fetch.values, fetch.indices, fetch.dense_shape)
            return (IndexedSlicesValue, [None if p is None else self._flatten(graph, p) for p in parts])
        if isinstance(fetch, tuple) and hasattr(fetch, "_fields"):
            return (type(fetch), [self._flatten(graph, f) for f in fetch])
        if isinstance(fetch, (list, tuple)):
            return (type(fetch), [self._flatten(graph, f) for f in fetch])
        if isinstance(fetch, collections.abc.Mapping):
            return (type(fetch), {k: self._flatten(graph, v) for k, v in fetch.items()})
        return _resolve(graph, fetch)   # raises TF's TypeError

    def build(self, values):
        """The user's structure with `values` (one per distinct tensor) in place of the leaves."""
        leaf_values = [None if slot < 0 else values[slot] for slot in self.leaf_slots]
        return _rebuild(self.template, leaf_values)


def _rebuild(template, leaf_values):
    if isinstance(template, int):
        return leaf_values[template]
    if template is None:   # an IndexedSlices without dense_shape
        return None
    kind, children = template
    if isinstance(children, dict):
        rebuilt = {k: _rebuild(v, leaf_values) for k, v in children.items()}
        return rebuilt if kind is dict else kind(rebuilt) if not hasattr(kind, "default_factory") \
            else _copy_mapping(kind, rebuilt)
    items = [_rebuild(c, leaf_values) for c in children]
    if kind is list:
        return items
    if kind is tuple:
        return tuple(items)
    return kind(*items)   # namedtuple


def _copy_mapping(kind, items):
    out = kind(None)
    out.update(items)
    return out


def structure_key(fetches):
    """A hashable key for a fetch argument, or None when it cannot be cached cheaply."""
    if isinstance(fetches, (Tensor, Operation, str)):
        return fetches
    if isinstance(fetches, (list, tuple)) and not hasattr(fetches, "_fields"):
        try:
            return (type(fetches),) + tuple(fetches) if all(
                isinstance(f, (Tensor, Operation, str)) for f in fetches) else None
        except TypeError:
            return None
    return None
