"""`Tensor` and `Operation`: the graph's nodes, plain Python objects built once and never recomputed.

An op's name, type, inputs and outputs are final once created; only its control inputs, device and
consumers lists may grow. A Tensor's static shape only ever gets more specific (`set_shape` merges).
Python operators on Tensor dispatch through `OPERATORS`, filled by ops/ (framework never builds math).
"""
import os
import sys

from scopeflow.framework import tensor_shape
from scopeflow.framework.node_text import attr_text, node_def_text

# filled by ops/tensor_operators.py: "__add__" -> function(tensor, other)
OPERATORS = {}
_BINARY_OPERATORS = ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__",
                     "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__",
                     "__rpow__", "__matmul__", "__rmatmul__", "__lt__", "__le__", "__gt__", "__ge__",
                     "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__div__", "__rdiv__")
_UNARY_OPERATORS = ("__neg__", "__abs__", "__invert__")
_SYMBOLIC_MESSAGE = (
    "{what} a symbolic `tf.Tensor` {verb} not allowed. You can attempt the following resolutions to the "
    "problem: If you are running in Graph mode, use Eager execution mode or decorate this function with "
    "@tf.function. If you are using AutoGraph, you can try decorating this function with @tf.function. If "
    "that does not work, then you may be using an unsupported feature or your source code may not be "
    "visible to AutoGraph. See https://github.com/tensorflow/tensorflow/blob/master/tensorflow/python/"
    "autograph/g3doc/reference/limitations.md#access-to-source-code for more information.")


class OperatorNotAllowedInGraphError(TypeError):
    pass


class Tensor:
    """One output of an Operation: `name` is `op_name:index`."""
    __slots__ = ("_op", "_value_index", "_dtype", "_shape", "_consumers", "aliases", "__weakref__")
    OVERLOADABLE_OPERATORS = frozenset(_BINARY_OPERATORS + _UNARY_OPERATORS + ("__getitem__",))

    def __init__(self, op, value_index, dtype, shape):
        self._op = op
        self._value_index = value_index
        self._dtype = dtype
        self._shape = shape          # tuple of int | None, or None for unknown rank
        self._consumers = []

    op = property(lambda self: self._op)
    value_index = property(lambda self: self._value_index)
    dtype = property(lambda self: self._dtype)
    graph = property(lambda self: self._op._graph)
    device = property(lambda self: self._op.device)

    @property
    def name(self):
        return f"{self._op._name}:{self._value_index}"

    @property
    def shape(self):
        return tensor_shape.TensorShape._from_tuple(self._shape)

    def get_shape(self):
        return self.shape

    def set_shape(self, shape):
        """Merges `shape` into the static shape, with TF's message when they conflict."""
        new = tensor_shape.as_shape(shape)._dims
        old = self._shape
        if old is None or new is None:
            self._shape = old if new is None else new
            return
        if len(old) != len(new):
            raise ValueError(f"Shapes must be equal rank, but are {len(old)} and {len(new)}")
        for i, (a, b) in enumerate(zip(old, new)):
            if a is not None and b is not None and a != b:
                raise ValueError(f"Dimension {i} in both shapes must be equal, but are {a} and {b}. Shapes "
                                 f"are {_dims_text(old)} and {_dims_text(new)}.")
        self._shape = tuple(b if a is None else a for a, b in zip(old, new))

    def consumers(self):
        return list(self._consumers)

    def eval(self, feed_dict=None, session=None):
        from scopeflow.framework.default_session import session_for_eval
        return session_for_eval(self.graph, session).run(self, feed_dict)

    def _as_graph_element(self):
        return self

    def __repr__(self):
        return f"<tf.Tensor '{self.name}' shape={self.shape} dtype={self._dtype.name}>"

    def __str__(self):
        shape = "" if self._shape is None else f"shape={self.shape}, "   # TF omits an unknown rank
        return f'Tensor("{self.name}", {shape}dtype={self._dtype.name})'

    __hash__ = object.__hash__

    def __eq__(self, other):      # TF1 graph tensors compare by identity
        return self is other

    def __ne__(self, other):
        return self is not other

    def __bool__(self):
        raise OperatorNotAllowedInGraphError(_SYMBOLIC_MESSAGE.format(what="Using", verb="as a Python `bool` is"))

    def __iter__(self):
        shape = self._shape
        if shape is None or not shape or shape[0] is None:
            raise OperatorNotAllowedInGraphError(_SYMBOLIC_MESSAGE.format(what="Iterating over", verb="is"))
        return (self[i] for i in range(shape[0]))

    def __len__(self):
        raise TypeError(f"len is not well defined for symbolic Tensors. ({self.name}) Please call `x.shape` "
                        "rather than `len(x)` for shape information.")

    def __array__(self, dtype=None, copy=None):
        raise NotImplementedError(f"Cannot convert a symbolic Tensor ({self.name}) to a numpy array. This "
                                  "error may indicate that you're trying to pass a Tensor to a NumPy call, "
                                  "which is not supported")

    def __getitem__(self, item):
        return OPERATORS["__getitem__"](self, item)

    __array_priority__ = 100


def _dims_text(dims):
    return "[" + ",".join("?" if d is None else str(d) for d in dims) + "]"


def _operator(name):
    def method(self, *args):
        return OPERATORS[name](self, *args)
    method.__name__ = name
    return method


for _name in _BINARY_OPERATORS + _UNARY_OPERATORS:
    setattr(Tensor, _name, _operator(_name))


class Operation:
    """A node of the graph. `inputs`/`outputs` are Tensors; `control_inputs` are Operations."""
    __slots__ = ("_graph", "_name", "_type", "_decl", "_inputs", "_control_inputs", "_outputs", "_attrs",
                 "_device", "_id", "_colocation", "_control_outputs", "_traceback", "__weakref__")

    def __init__(self, graph, name, decl, inputs, attrs, control_inputs, device, op_id):
        self._graph = graph
        self._name = name
        self._type = decl.type
        self._decl = decl
        self._inputs = inputs
        self._attrs = attrs
        self._control_inputs = control_inputs
        self._control_outputs = []
        self._device = device
        self._id = op_id
        self._colocation = ()
        self._traceback = None
        self._outputs = ()

    name = property(lambda self: self._name)
    type = property(lambda self: self._type)
    graph = property(lambda self: self._graph)
    outputs = property(lambda self: list(self._outputs))
    control_inputs = property(lambda self: list(self._control_inputs))
    device = property(lambda self: self._device)

    @property
    def traceback(self):
        """Where the op was built, outermost frame first, as (file, line, function, text) tuples;
        scopeflow's own frames are left out so the user's lines are what an error shows."""
        return [(f, n, fn, None) for f, n, fn in reversed(self._traceback or ()) if not f.startswith(_PACKAGE_DIR)]

    @property
    def inputs(self):
        return tuple(self._inputs)

    @property
    def node_def(self):
        return _NodeDef(self)

    def values(self):
        return tuple(self._outputs)

    def _set_device(self, device):
        self._device = device

    def _add_control_input(self, op):
        if op not in self._control_inputs:
            self._control_inputs.append(op)
            op._control_outputs.append(self)

    def _add_control_inputs(self, ops):
        for op in ops:
            self._add_control_input(op)

    def colocation_groups(self):
        return [f"loc:@{op.name}".encode() for op in self._colocation] or [f"loc:@{self._name}".encode()]

    def get_attr(self, name):
        if name in self._attrs:
            value = self._attrs[name]
            if name == "value" and type(value).__module__ == "numpy":   # Const's value is a TensorProto
                from scopeflow.framework.tensor_proto import wrap
                return wrap(value, self._attrs["dtype"])
            return value
        if name == self._decl.type_attr:
            return (self._inputs[0] if self._inputs else self._outputs[0]).dtype
        raise ValueError(f"Operation '{self._name}' has no attr named '{name}'.")

    def _all_attrs(self):
        """Attributes as TF shows them (type attribute included), sorted by name."""
        attrs = dict(self._attrs)
        if self._decl.type_attr and (self._inputs or self._outputs):
            attrs[self._decl.type_attr] = self.get_attr(self._decl.type_attr)
        return dict(sorted(attrs.items()))

    def _node_text(self):
        """TF's one-line node text used in error messages: `{{node add}} = AddV2[T=DT_FLOAT](a, b)`."""
        return node_text(self._name, self._type, self._all_attrs(), self._inputs)

    def run(self, feed_dict=None, session=None):
        from scopeflow.framework.default_session import session_for_eval
        session_for_eval(self._graph, session).run(self, feed_dict)

    def __repr__(self):
        return f"<tf.Operation '{self._name}' type={self._type}>"

    def __str__(self):
        return str(_NodeDef(self))

    def _as_graph_element(self):
        return self


_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def capture_stack(skip=2):
    """(file, line, function) of each calling frame, innermost first; cheap enough for every op."""
    frame = sys._getframe(skip)
    frames = []
    while frame is not None:
        code = frame.f_code
        frames.append((code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    return frames


def input_name(tensor):
    return tensor._op._name if tensor._value_index == 0 else tensor.name


def node_text(name, op_type, attrs, inputs):
    attr_part = ", ".join(f"{k}={attr_text(v)}" for k, v in attrs.items())
    return (f"{{{{node {name}}}}} = {op_type}[{attr_part}]"
            f"({', '.join(input_name(t) for t in inputs)})")


class _NodeDef:
    """What `op.node_def` gives: fields as attributes, printed as TF's text proto."""

    def __init__(self, op):
        self.name = op._name
        self.op = op._type
        self.input = [input_name(t) for t in op._inputs] + [f"^{c._name}" for c in op._control_inputs]
        self.device = op._device
        self.attr = op._all_attrs()

    def __str__(self):
        return node_def_text(self.name, self.op, self.input, self.device, self.attr)

    __repr__ = __str__

    def SerializeToString(self):
        return str(self).encode()

