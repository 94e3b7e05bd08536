"""`Graph.as_graph_element`: names, Tensors, Operations and graph-element-like objects to graph nodes.

Every message here is TF's, observed in the reference (golden: framework_graph.json).
"""
from scopeflow.framework.tensor import Operation, Tensor

_FORM = 'Tensor names must be of the form "<op_name>:<output_index>".'


def _type_words(allow_tensor, allow_operation):
    return {(True, True): "Tensor or Operation", (True, False): "Tensor",
            (False, True): "Operation"}[(allow_tensor, allow_operation)]


def _from_name(graph, name, allow_tensor, allow_operation):
    if ":" in name and allow_tensor:
        op_name, _, index = name.partition(":")
        if not index.isdigit() or ":" in index:
            raise ValueError(f"The name {name!r} looks a like a Tensor name, but is not a valid one. {_FORM}")
        op = graph._ops_by_name.get(op_name)
        if op is None:
            raise KeyError(f"The name {name!r} refers to a Tensor which does not exist. The operation, "
                           f"{op_name!r}, does not exist in the graph.")
        if int(index) >= len(op._outputs):
            raise KeyError(f"The name {name!r} refers to a Tensor which does not exist. The operation, "
                           f"{op_name!r}, exists but only has {len(op._outputs)} outputs.")
        return op._outputs[int(index)]
    if ":" in name:
        raise ValueError(f"Name {name!r} appears to refer to a Tensor, not a Operation.")
    if not allow_operation:
        if name in graph._ops_by_name:
            raise ValueError(f"The name {name!r} refers to an Operation, not a Tensor. {_FORM}")
        raise ValueError(f"The name {name!r} looks like an (invalid) Operation name, not a Tensor. {_FORM}")
    op = graph._ops_by_name.get(name)
    if op is None:
        raise KeyError(f"The name {name!r} refers to an Operation not in the graph.")
    return op


def as_graph_element(graph, obj, allow_tensor=True, allow_operation=True):
    words = _type_words(allow_tensor, allow_operation)
    if isinstance(obj, bytes):
        obj = obj.decode()
    if isinstance(obj, str):
        return _from_name(graph, obj, allow_tensor, allow_operation)
    if hasattr(obj, "_as_graph_element") and not isinstance(obj, (Tensor, Operation)):
        obj = obj._as_graph_element()
    if isinstance(obj, Tensor) and allow_tensor:
        if obj.graph is not graph:
            raise ValueError(f"Tensor {obj} is not an element of this graph.")
        return obj
    if isinstance(obj, Operation) and allow_operation:
        if obj.graph is not graph:
            raise ValueError(f"Operation {obj!r} is not an element of this graph.")
        return obj
    raise TypeError(f"Can not convert a {type(obj).__name__} into a {words}.")
