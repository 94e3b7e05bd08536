"""The public graph-scope functions: `tf.name_scope`, `control_dependencies`, `device`, collections.

Thin wrappers over the default graph (or the graph of `values`), so user code and ops/ share one
implementation of each rule, which lives in `Graph` and `naming`.
"""
import contextlib

from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.tensor import Operation, Tensor


def graph_of(values):
    """The graph of the first Tensor/Operation-like value, else the default graph."""
    for value in values or ():
        if isinstance(value, (Tensor, Operation)):
            return value.graph
        graph = getattr(value, "graph", None)
        if graph is not None and hasattr(graph, "_create_op"):
            return graph
    return get_default_graph()


class name_scope:  # noqa: N801  TF's public (lower-case) class name
    """`tf.name_scope(name, default_name=None, values=None)`: yields the scope string `'outer/name/'`.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     with tf.name_scope("layer") as scope:
    ...         print(scope)
    layer/
    """

    def __init__(self, name, default_name=None, values=None):
        self._name = default_name if name is None else name
        self._values = values
        self._context = None

    @property
    def name(self):
        return self._name

    def __enter__(self):
        graph = graph_of(self._values) if self._values else get_default_graph()
        self._graph_context = graph.as_default() if self._values else None
        if self._graph_context is not None:
            self._graph_context.__enter__()
        self._context = graph.name_scope(self._name)
        return self._context.__enter__()

    def __exit__(self, *exc):
        self._context.__exit__(*exc)
        if self._graph_context is not None:
            self._graph_context.__exit__(*exc)
        return False


def get_name_scope():
    return get_default_graph().get_name_scope()


def control_dependencies(control_inputs):
    return get_default_graph().control_dependencies(control_inputs)


def device(device_name_or_function):
    return get_default_graph().device(device_name_or_function)


def colocate_with(op, ignore_existing=False):
    return get_default_graph().colocate_with(op, ignore_existing)


@contextlib.contextmanager
def init_scope():
    graph = get_default_graph()
    with graph.control_dependencies(None):
        yield


def add_to_collection(name, value):
    get_default_graph().add_to_collection(name, value)


def add_to_collections(names, value):
    get_default_graph().add_to_collections(names, value)


def get_collection(key, scope=None):
    return get_default_graph().get_collection(key, scope)


def get_collection_ref(key):
    return get_default_graph().get_collection_ref(key)


def executing_eagerly():
    return False


def inside_function():
    return False
