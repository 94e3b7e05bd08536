"""`Graph.as_graph_def()`: the graph as a GraphDef-like object (nodes in creation order, TF's text form).

Serialisation to the binary protobuf is the io/ package's job; this object carries what Python code
reads from a GraphDef (`node`, `versions`, `len(gd.node)`, `str(gd)`).
"""
from scopeflow.framework.tensor import _NodeDef


class GraphDef:
    def __init__(self, nodes, producer=27):
        self.node = list(nodes)
        self.versions = _Versions(producer)
        self.library = None

    def __str__(self):
        body = []
        for node in self.node:
            body.append("node {\n" + "".join(f"  {line}\n" for line in str(node).splitlines()) + "}\n")
        return "".join(body) + f"versions {{\n  producer: {self.versions.producer}\n}}\n"

    __repr__ = __str__

    def ByteSize(self):
        return len(str(self))


class _Versions:
    def __init__(self, producer):
        self.producer = producer
        self.min_consumer = 0


def graph_to_graph_def(graph, add_shapes=False):
    return GraphDef(_NodeDef(op) for op in graph._ops)
