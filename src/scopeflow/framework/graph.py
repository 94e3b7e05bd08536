"""`Graph`: ops in creation order, the names in use, collections, and per-thread scope state.

Invariants: ops are only appended (creation order is the run-order tie-breaker); an op name is unique
in its graph, case-insensitively; a finalized graph accepts no new op. The default graph is per thread
(`as_default` pushes) with one process-wide graph at the bottom, as in TF1.
"""
import contextlib
import re
import threading

from scopeflow.framework import device as device_lib
from scopeflow.framework import naming
from scopeflow.framework.registry import lookup
from scopeflow.framework.stack import ThreadLocalState
from scopeflow.framework.tensor import Operation, Tensor, capture_stack, node_text


class InferContext:
    """What a declaration's `infer` gets besides its inputs: the op being built, for TF's messages."""
    __slots__ = ("name", "decl", "inputs", "attrs")

    def __init__(self, name, decl, inputs, attrs):
        self.name, self.decl, self.inputs, self.attrs = name, decl, inputs, attrs

    def node_text(self):
        attrs = dict(self.attrs)
        if self.decl.type_attr and self.inputs:
            attrs[self.decl.type_attr] = self.inputs[0].dtype
        return node_text(self.name, self.decl.type, dict(sorted(attrs.items())), self.inputs)

    def error(self, message, shapes=True):
        """TF's build-time ValueError: `<message> for '<node text>' with input shapes: [2], [3].`"""
        text = f"{message} for '{self.node_text()}'"
        if shapes:
            text += " with input shapes: " + ", ".join(_shape_list(t._shape) for t in self.inputs)
        return ValueError(text + ".")


def _shape_list(shape):
    return "?" if shape is None else "[" + ",".join("?" if d is None else str(d) for d in shape) + "]"


class _ControlDependencies:
    __slots__ = ("control_ops", "seen")

    def __init__(self, control_ops):
        self.control_ops = control_ops   # None clears the outer controllers
        self.seen = set()


class Graph:
    def __init__(self):
        self._ops = []
        self._ops_by_name = {}
        self._names_in_use = {}
        self._collections = {}
        self._finalized = False
        self._seed = None
        self._seed_offset = 0    # op seeds handed out under a graph seed (framework/random_seed.py)
        self._state = ThreadLocalState()
        self._version = 0
        self._lock = threading.RLock()
        self._building_function = False
        self._gradient_override_map = {}
        self._gradient_op_types = {}   # op -> gradient type it was built under (gradient_override_map)
        self._attr_scope_map = {}
        self._cache = {}   # derived data keyed by (kind, graph version), e.g. the runtime's plans
        self._control_flow_owner = {}   # op built by a cond/while function -> the op that runs it

    # ---- identity and state -------------------------------------------------------------------
    @property
    def version(self):
        return self._version

    @property
    def _last_id(self):
        return self._version

    @property
    def seed(self):
        return self._seed

    @seed.setter
    def seed(self, seed):
        self._seed = seed

    @property
    def finalized(self):
        return self._finalized

    def finalize(self):
        self._finalized = True

    def _unsafe_unfinalize(self):
        self._finalized = False

    @property
    def building_function(self):
        return False

    def as_default(self):
        return _default_graph_stack.pushed(self)

    def as_graph_def(self, from_version=None, add_shapes=False):
        from scopeflow.framework.graph_def import graph_to_graph_def
        return graph_to_graph_def(self, add_shapes)

    # ---- names ---------------------------------------------------------------------------------
    def get_name_scope(self):
        return self._state.name_scope

    def unique_name(self, name, mark_as_used=True):
        scope = self._state.name_scope
        return naming.unique(naming.join(scope, name) if scope else name, self._names_in_use, mark_as_used)

    @contextlib.contextmanager
    def name_scope(self, name):
        state = self._state
        old = state.name_scope
        if name:
            if isinstance(name, str) and name.endswith("/"):
                naming.check_scope_name(name, at_root=not old)
                new = name[:-1]
            else:
                naming.check_scope_name(name, at_root=not old)
                new = self.unique_name(name)
        else:
            new = ""
        state.name_scope = new
        try:
            yield new + "/" if new else ""
        finally:
            state.name_scope = old

    # ---- building ------------------------------------------------------------------------------
    def _create_op(self, op_type, inputs, name=None, attrs=None, output_specs=None):
        """Builds and records one op: unique name, inference, control deps, device; returns it."""
        if self._finalized:
            raise RuntimeError("Graph is finalized and cannot be modified.")
        decl = lookup(op_type)
        if name and name[-1] == "/":
            name = name[:-1]
        else:
            naming.check_op_name(name or op_type) if name else None
            name = self.unique_name(name or op_type)
        merged = decl.attrs.copy()
        if attrs:
            merged.update(attrs)
        if output_specs is None:
            output_specs = decl.infer(InferContext(name, decl, inputs, merged), *inputs, **merged)
        control = self._control_inputs_for(inputs) if self._state.control_controllers else []
        state = self._state
        device = self._device_for(state) if state.devices else ""
        self._version += 1
        op = Operation(self, name, decl, inputs, merged, control, device, self._version)
        op._outputs = tuple(Tensor(op, i, dtype, shape) for i, (shape, dtype) in enumerate(output_specs))
        op._traceback = capture_stack()
        for t in inputs:
            t._consumers.append(op)
        for c in control:
            c._control_outputs.append(op)
        if state.colocation:
            op._colocation = tuple(state.colocation[-1])
        if state.control_controllers:
            for controller in state.control_controllers:
                controller.seen.add(op)
        if self._gradient_override_map and op_type in self._gradient_override_map:
            self._gradient_op_types[op] = self._gradient_override_map[op_type]
        self._ops.append(op)
        self._ops_by_name[name] = op
        return op

    def create_op(self, op_type, inputs, dtypes=None, input_types=None, name=None, attrs=None,
                  op_def=None, compute_shapes=True, compute_device=True):
        return self._create_op(op_type, list(inputs), name, attrs)

    # ---- control dependencies ------------------------------------------------------------------
    def _control_inputs_for(self, inputs):
        input_ops = {t._op for t in inputs}
        result = []
        controllers = self._state.control_controllers
        start = max((i for i, c in enumerate(controllers) if c.control_ops is None), default=-1) + 1
        for controller in controllers[start:]:
            if any(op in controller.seen for op in input_ops):
                continue   # an input was built inside this scope, so it already depends on it
            for c in controller.control_ops:
                if c not in input_ops and c not in result:
                    result.append(c)
        return result

    @contextlib.contextmanager
    def control_dependencies(self, control_inputs):
        if control_inputs is None:
            controller = _ControlDependencies(None)
        else:
            ops = []
            for c in control_inputs:
                c = _as_op(c)
                if c._graph is not self:
                    raise ValueError(f"{c!r} must be from the same graph as {self!r}.")
                ops.append(c)
            controller = _ControlDependencies(ops)
        stack = self._state.control_controllers
        stack.append(controller)
        try:
            yield
        finally:
            stack.remove(controller)

    # ---- devices and colocation ------------------------------------------------------------------
    def _device_for(self, state):
        device = ""
        for spec in state.devices:
            if spec is None:
                device = ""
            elif callable(spec):
                device = spec(None) or ""
            else:
                device = device_lib.merge(device, spec)
        return device

    @contextlib.contextmanager
    def device(self, device_name_or_function):
        spec = device_name_or_function
        if isinstance(spec, str) or spec is None:
            spec = device_lib.canonical(spec) if spec else None
        elif not callable(spec):
            spec = device_lib.canonical(spec.to_string())
        self._state.devices.append(spec)
        try:
            yield
        finally:
            self._state.devices.pop()

    @contextlib.contextmanager
    def colocate_with(self, op, ignore_existing=False):
        stack = self._state.colocation
        if op is None:
            stack.append(())
        else:
            op = _as_op(op)
            stack.append(((op,) if ignore_existing or not stack else tuple(stack[-1]) + (op,)))
        try:
            yield
        finally:
            stack.pop()

    @contextlib.contextmanager
    def gradient_override_map(self, op_type_map):
        saved = dict(self._gradient_override_map)
        self._gradient_override_map.update(op_type_map)
        try:
            yield
        finally:
            self._gradient_override_map = saved

    # ---- lookup --------------------------------------------------------------------------------
    def get_operations(self):
        return list(self._ops)

    def get_operation_by_name(self, name):
        if not isinstance(name, str):
            raise TypeError(f"Operation names are strings (or similar), not {type(name).__name__}.")
        return self.as_graph_element(name, allow_tensor=False, allow_operation=True)

    def get_tensor_by_name(self, name):
        if not isinstance(name, str):
            raise TypeError(f"Tensor names are strings (or similar), not {type(name).__name__}.")
        return self.as_graph_element(name, allow_tensor=True, allow_operation=False)

    def _get_operation_by_name_unsafe(self, name):
        return self._ops_by_name[name]

    def as_graph_element(self, obj, allow_tensor=True, allow_operation=True):
        from scopeflow.framework.graph_elements import as_graph_element
        return as_graph_element(self, obj, allow_tensor, allow_operation)

    def is_fetchable(self, tensor_or_op):
        return True

    def is_feedable(self, tensor):
        return True

    # ---- collections ---------------------------------------------------------------------------
    def add_to_collection(self, name, value):
        self._collections.setdefault(name, []).append(value)

    def add_to_collections(self, names, value):
        names = (names,) if isinstance(names, str) else set(names)
        for name in names:
            self.add_to_collection(name, value)

    def get_collection_ref(self, name):
        return self._collections.setdefault(name, [])

    def get_collection(self, name, scope=None):
        items = self._collections.get(name)
        if items is None:
            return []
        if scope is None:
            return list(items)
        regex = re.compile(scope) if isinstance(scope, str) else scope
        return [item for item in items if _item_name(item) is not None and regex.match(_item_name(item))]

    def get_all_collection_keys(self):
        return [key for key, items in self._collections.items() if items is not None and isinstance(key, str)]

    def clear_collection(self, name):
        self._collections.pop(name, None)


def _item_name(item):
    try:
        return item.name
    except AttributeError:
        return None


def _as_op(value):
    if isinstance(value, Operation):
        return value
    if isinstance(value, Tensor):
        return value._op
    element = value._as_graph_element() if hasattr(value, "_as_graph_element") else None
    if element is None and hasattr(value, "op"):
        element = value.op
    if element is None:
        raise TypeError(f"Can not convert a {type(value).__name__} into a Operation.")
    return element._op if isinstance(element, Tensor) else element


class _DefaultGraphStack(threading.local):
    def __init__(self):
        self.stack = []

    @contextlib.contextmanager
    def pushed(self, graph):
        self.stack.append(graph)
        try:
            yield graph
        finally:
            self.stack.remove(graph)


_default_graph_stack = _DefaultGraphStack()
_global_default_graph = None


def get_default_graph():
    if _default_graph_stack.stack:
        return _default_graph_stack.stack[-1]
    global _global_default_graph
    if _global_default_graph is None:
        _global_default_graph = Graph()
    return _global_default_graph


def reset_default_graph():
    if _default_graph_stack.stack:
        raise AssertionError("Do not use tf.reset_default_graph() to clear nested graphs. If you need a "
                             "cleared graph, exit the nesting and create a new graph.")
    global _global_default_graph
    _global_default_graph = None
