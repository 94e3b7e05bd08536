"""`tf.Variable`: TF1's ref variables (`RefVariable`), resource variables, and the collection functions.

`Variable(...)` builds a `RefVariable` (ops `w/initial_value`, `w` VariableV2, `w/Assign`, `w/read`), or a
`ResourceVariable` when `use_resource=True` or `tf.enable_resource_variables()` is on; both are instances
of `Variable`. A variable's session state lives under its variable op's name. Invariants: a variable's
ops are built once, in TF's order, outside any control-dependency scope (TF's init_scope); a variable is
added to its collections only after all of its ops were built.
"""
import enum

from scopeflow.compat.switches import resource_variables_enabled
from scopeflow.framework import dtypes, naming
from scopeflow.framework.constant_op import convert_to_tensor, register_tensor_conversion_function
from scopeflow.framework.default_session import get_default_session
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import init_scope, name_scope
from scopeflow.framework.tensor import _BINARY_OPERATORS, _SYMBOLIC_MESSAGE, _UNARY_OPERATORS, OPERATORS
from scopeflow.framework.tensor import OperatorNotAllowedInGraphError
from scopeflow.framework.tensor_shape import as_shape, unknown_shape
from scopeflow.ops import state_ops
from scopeflow.ops.array_ops import identity
# The collection and initializer functions are TF's `variables` module functions too.
from scopeflow.ops.variable_collections import *  # noqa: F401,F403  (explicit list in its __all__)
from scopeflow.ops.variable_collections import __all__ as _collection_names


class VariableSynchronization(enum.Enum):
    AUTO = 0
    NONE = 1
    ON_WRITE = 2
    ON_READ = 3


class VariableAggregation(enum.Enum):
    NONE = 0
    SUM = 1
    MEAN = 2
    ONLY_FIRST_REPLICA = 3
    ONLY_FIRST_TOWER = 3


class VariableDef:
    """The fields of TF's VariableDef proto that `to_proto` fills; prints as TF's text format."""
    _FIELDS = ("variable_name", "initializer_name", "snapshot_name", "is_resource", "initial_value_name",
               "trainable")

    def __init__(self, variable_name="", initializer_name="", snapshot_name="", is_resource=False,
                 initial_value_name="", trainable=True):
        self.variable_name, self.initializer_name, self.snapshot_name = variable_name, initializer_name, \
            snapshot_name
        self.is_resource, self.initial_value_name, self.trainable = is_resource, initial_value_name, trainable
        self.save_slice_info_def = None

    def __str__(self):
        lines = []
        for field in self._FIELDS:
            value = getattr(self, field)
            if isinstance(value, bool):
                if value:
                    lines.append(f"{field}: true")
            elif value:
                lines.append(f'{field}: "{value}"')
        return "\n".join(lines) + "\n"

    __repr__ = __str__


def _use_resource(args, kwargs):
    use_resource = kwargs.get("use_resource", args[11] if len(args) > 11 else None)
    return resource_variables_enabled() if use_resource is None else bool(use_resource)


def _strip_scope(name, scope):
    return name[len(scope) + 1:] if scope and name.startswith(scope + "/") else name


def _operator(name):
    def method(self, *args):
        return OPERATORS[name](self.value(), *args)
    method.__name__ = name
    return method


class Variable:
    """`tf.Variable(initial_value, trainable, collections, validate_shape, caching_device, name, ...)`.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     w = tf.Variable([1.0, 2.0], name="w")
    ...     print(w.name, w.dtype.name, w.value().name)
    w:0 float32_ref w/read:0
    """
    __array_priority__ = 100

    def __new__(cls, *args, **kwargs):
        if cls is Variable:
            cls = ResourceVariable if _use_resource(args, kwargs) else RefVariable
        return object.__new__(cls)

    def __init__(self, initial_value=None, trainable=None, collections=None, validate_shape=True,
                 caching_device=None, name=None, variable_def=None, dtype=None, expected_shape=None,
                 import_scope=None, constraint=None, use_resource=None,
                 synchronization=VariableSynchronization.AUTO, aggregation=VariableAggregation.NONE,
                 shape=None):
        self._save_slice_info = None
        self._synchronization, self._aggregation = synchronization, aggregation
        if variable_def is not None:
            if initial_value is not None:
                raise ValueError("variable_def and initial_value are mutually exclusive.")
            self._init_from_proto(variable_def, import_scope)
            return
        if initial_value is None:
            raise ValueError("initial_value must be specified.")
        if collections is None:
            collections = [GraphKeys.GLOBAL_VARIABLES]
        if not isinstance(collections, (list, tuple, set)):
            raise ValueError("collections argument to Variable constructor must be a list, tuple, or set. "
                             f"Got {collections} of type {type(collections)}")
        if constraint is not None and not callable(constraint):
            raise ValueError("The `constraint` argument must be a callable.")
        if trainable is None:   # ON_READ only changes the default: an explicit trainable=True stays (observed)
            trainable = synchronization != VariableSynchronization.ON_READ
        if trainable and GraphKeys.TRAINABLE_VARIABLES not in collections:
            collections = list(collections) + [GraphKeys.TRAINABLE_VARIABLES]
        self._trainable = bool(trainable)
        self._constraint = constraint
        self._caching_device = caching_device
        with init_scope():
            self._build(initial_value, validate_shape, caching_device, name, dtype, shape)
        self.graph.add_to_collections(collections, self)

    @staticmethod
    def _convert_initial_value(value, dtype, name):
        return convert_to_tensor(value, name=name, dtype=dtype)   # a Tensor's dtype error names `name`

    def _initial_value_tensor(self, initial_value, dtype, in_initializer_scope):
        """The initial value Tensor, built in TF's scopes (`w/Initializer/...` for callables)."""
        if callable(initial_value):
            with name_scope("Initializer"), get_default_graph().device(None):
                return self._convert_initial_value(initial_value(), dtype, "initial_value")
        if in_initializer_scope:
            with name_scope("Initializer"):
                return self._convert_initial_value(initial_value, dtype, "initial_value")
        return self._convert_initial_value(initial_value, dtype, "initial_value")

    @staticmethod
    def _variable_shape(initial_value, validate_shape, shape):
        if shape is not None:
            return as_shape(shape)
        if not validate_shape:
            return unknown_shape()
        if not initial_value.shape.is_fully_defined():
            raise ValueError(f"initial_value must have a shape specified: {initial_value}")
        return initial_value.shape

    # ---- what both kinds share ----------------------------------------------------------------
    name = property(lambda self: self._variable.name)
    op = property(lambda self: self._variable.op)
    graph = property(lambda self: self._variable.graph)
    device = property(lambda self: self._variable.device)
    trainable = property(lambda self: self._trainable)
    constraint = property(lambda self: self._constraint)
    initializer = property(lambda self: self._initializer_op)
    initial_value = property(lambda self: self._initial_value)
    synchronization = property(lambda self: self._synchronization)
    aggregation = property(lambda self: self._aggregation)
    _in_graph_mode = True

    @property
    def _shared_name(self):
        return self.name[:self.name.index(":")]

    def get_shape(self):
        return self.shape

    def initialized_value(self):
        """The value once initialized: the variable if it is, else its initial value."""
        with init_scope():
            is_init = state_ops.is_variable_initialized(self)
            return _select_initialized(is_init, self.read_value, lambda: self.initial_value)

    def eval(self, session=None):
        return self._as_graph_element().eval(session=session)

    def load(self, value, session=None):
        """Writes `value` by feeding the initializer's value input."""
        session = session or get_default_session()
        if session is None:
            raise ValueError("Either session argument should be provided or default session should be "
                             "established")
        session.run(self._initializer_op, {self._initializer_op.inputs[1]: value})

    def to_proto(self, export_scope=None):
        if export_scope is not None and not self._variable.name.startswith(export_scope):
            return None
        return VariableDef(
            _strip_scope(self._variable.name, export_scope), _strip_scope(self._initializer_op.name,
                                                                          export_scope),
            _strip_scope(self._snapshot_tensor().name, export_scope), self._is_resource,
            _strip_scope(self._initial_value.name, export_scope) if self._initial_value is not None else "",
            self._trainable)

    @staticmethod
    def from_proto(variable_def, import_scope=None):
        return Variable(variable_def=variable_def, import_scope=import_scope)

    def _init_from_proto(self, variable_def, import_scope):
        graph = get_default_graph()

        def element(name):
            return graph.as_graph_element(naming.join(import_scope, name) if import_scope else name)
        self._variable = element(variable_def.variable_name)
        self._initializer_op = element(variable_def.initializer_name)
        initial_value_name = getattr(variable_def, "initial_value_name", "")
        self._initial_value = element(initial_value_name) if initial_value_name else None
        self._trainable = getattr(variable_def, "trainable", True)
        self._constraint = None
        self._caching_device = None
        self._set_snapshot(element(variable_def.snapshot_name))

    def _get_save_slice_info(self):
        return self._save_slice_info

    def _set_save_slice_info(self, save_slice_info):
        self._save_slice_info = save_slice_info

    def _scatter(self, fn, sparse_delta, use_locking, name):
        if not (hasattr(sparse_delta, "indices") and hasattr(sparse_delta, "values")):
            raise TypeError(f"sparse_delta is not IndexedSlices: {sparse_delta}")
        return fn(self, sparse_delta.indices, sparse_delta.values, use_locking=use_locking, name=name)

    def scatter_sub(self, sparse_delta, use_locking=False, name=None):
        return self._scatter(state_ops.scatter_sub, sparse_delta, use_locking, name)

    def scatter_add(self, sparse_delta, use_locking=False, name=None):
        return self._scatter(state_ops.scatter_add, sparse_delta, use_locking, name)

    def scatter_update(self, sparse_delta, use_locking=False, name=None):
        return self._scatter(state_ops.scatter_update, sparse_delta, use_locking, name)

    def scatter_mul(self, sparse_delta, use_locking=False, name=None):
        return self._scatter(state_ops.scatter_mul, sparse_delta, use_locking, name)

    def scatter_div(self, sparse_delta, use_locking=False, name=None):
        return self._scatter(state_ops.scatter_div, sparse_delta, use_locking, name)

    def scatter_max(self, sparse_delta, use_locking=False, name=None):
        return self._scatter(state_ops.scatter_max, sparse_delta, use_locking, name)

    def scatter_min(self, sparse_delta, use_locking=False, name=None):
        return self._scatter(state_ops.scatter_min, sparse_delta, use_locking, name)

    def __iter__(self):
        raise OperatorNotAllowedInGraphError(_SYMBOLIC_MESSAGE.format(what="Iterating over", verb="is"))

    def __getitem__(self, item):
        return OPERATORS["__getitem__"](self.value(), item)

    __hash__ = object.__hash__

    def __eq__(self, other):      # TF1 graph variables compare by identity
        return self is other

    def __ne__(self, other):
        return self is not other

    def __repr__(self):
        return f"<tf.Variable '{self.name}' shape={self.shape} dtype={self.dtype.name}>"

    class SaveSliceInfo:
        """Where a partition lies in its full variable (`tf.Variable.SaveSliceInfo`)."""

        def __init__(self, full_name=None, full_shape=None, var_offset=None, var_shape=None,
                     save_slice_info_def=None, import_scope=None):
            self.full_name, self.full_shape = full_name, full_shape
            self.var_offset, self.var_shape = var_offset, var_shape

        @property
        def spec(self):
            full = " ".join(str(d) for d in self.full_shape) + " "
            return full + ":".join(f"{o},{s}" for o, s in zip(self.var_offset, self.var_shape))


for _name in _BINARY_OPERATORS + _UNARY_OPERATORS:
    setattr(Variable, _name, _operator(_name))


class RefVariable(Variable):
    """TF1's default variable: a `VariableV2` ref op, read through `w/read`."""
    _is_resource = False

    def _build(self, initial_value, validate_shape, caching_device, name, dtype, shape):
        values = [] if callable(initial_value) else [initial_value]
        with name_scope(name, "Variable", values) as scope:
            self._initial_value = self._initial_value_tensor(initial_value, dtype, False)
            var_shape = self._variable_shape(self._initial_value, validate_shape, shape)
            self._variable = state_ops.variable_op_v2(var_shape, self._initial_value.dtype.base_dtype,
                                                      name=scope)
            graph = self._variable.graph
            with graph.colocate_with(self._variable.op):
                self._initializer_op = state_ops.assign(self._variable, self._initial_value,
                                                        validate_shape=validate_shape).op
            if caching_device is not None:
                with graph.device(caching_device):
                    self._snapshot = identity(self._variable, name="read")
            else:
                with graph.colocate_with(self._variable.op):
                    self._snapshot = identity(self._variable, name="read")

    def _set_snapshot(self, snapshot):
        self._snapshot = snapshot

    def _snapshot_tensor(self):
        return self._snapshot

    dtype = property(lambda self: self._variable.dtype)
    shape = property(lambda self: self._variable.shape)

    def value(self):
        return self._snapshot

    def read_value(self):
        return identity(self._variable, name="read")

    def _ref(self):
        return self._variable

    def _as_graph_element(self):
        return self._variable

    def set_shape(self, shape):
        self._variable.set_shape(shape)
        self._snapshot.set_shape(shape)

    def assign(self, value, use_locking=False, name=None, read_value=True):
        result = state_ops.assign(self._variable, value, use_locking=use_locking, name=name)
        return result if read_value else result.op

    def assign_add(self, delta, use_locking=False, name=None, read_value=True):
        result = state_ops.assign_add(self._variable, delta, use_locking=use_locking, name=name)
        return result if read_value else result.op

    def assign_sub(self, delta, use_locking=False, name=None, read_value=True):
        result = state_ops.assign_sub(self._variable, delta, use_locking=use_locking, name=name)
        return result if read_value else result.op

    def count_up_to(self, limit):
        return state_ops.count_up_to(self._variable, limit)

    def is_initialized(self, name=None):
        return state_ops.is_variable_initialized(self._variable, name)

    def _dense_var_to_tensor(self, dtype=None, name=None, as_ref=False):
        if dtype is not None and not dtypes.as_dtype(dtype).is_compatible_with(self.dtype):
            requested = dtypes.as_dtype(dtype).name
            raise ValueError(f"Incompatible type conversion requested to type '{requested}' for variable of "
                             f"type '{self.dtype.name}'")
        return self._variable if as_ref else self.value()


class ResourceVariable(Variable):
    """A resource variable (`use_resource=True`): `VarHandleOp` `w`, read by `ReadVariableOp`."""
    _is_resource = True

    def _build(self, initial_value, validate_shape, caching_device, name, dtype, shape):
        values = [] if callable(initial_value) else [initial_value]
        with name_scope(name, "Variable", values) as scope:
            self._initial_value = self._initial_value_tensor(initial_value, dtype, True)
            self._dtype = self._initial_value.dtype.base_dtype
            var_shape = self._variable_shape(self._initial_value, validate_shape, shape)
            self._shape = var_shape
            handle_name = scope[:-1]
            self._handle = state_ops.var_handle_op(self._dtype, var_shape, scope, shared_name=handle_name)
            self._variable = self._handle
            graph = self._handle.graph
            with graph.colocate_with(self._handle.op):
                with name_scope("IsInitialized"):
                    self._is_initialized_op = state_ops.var_is_initialized_op(self._handle)
                with name_scope("Assign") as assign_scope:
                    self._initializer_op = state_ops.resource_update(
                        "AssignVariableOp", self._handle, self._initial_value, self._dtype, assign_scope,
                        validate_shape=False)
                with name_scope("Read"):
                    self._graph_element = self._read_variable_op()
            self._cached_value = None
            if caching_device is not None:
                with graph.device(caching_device):
                    self._cached_value = identity(self._graph_element)

    def _init_from_proto(self, variable_def, import_scope):
        super()._init_from_proto(variable_def, import_scope)
        self._handle = self._variable
        self._dtype = self._graph_element.dtype
        self._shape = self._graph_element.shape
        self._cached_value = None

    def _set_snapshot(self, snapshot):
        self._graph_element = snapshot

    def _snapshot_tensor(self):
        return self._graph_element

    handle = property(lambda self: self._handle)
    dtype = property(lambda self: self._dtype)
    shape = property(lambda self: self._shape)

    def _read_variable_op(self):
        shape = None if self._shape.ndims is None else tuple(d.value for d in self._shape.dims)
        return state_ops.read_variable_op(self._handle, self._dtype, shape)

    def value(self):
        if self._cached_value is not None:
            return self._cached_value
        with self.graph.colocate_with(None, ignore_existing=True):
            return self._read_variable_op()

    def read_value(self):
        with name_scope("Read"):
            value = self._read_variable_op()
        return identity(value)

    def _ref(self):
        return self._handle

    def sparse_read(self, indices, name=None):
        """Rows `indices` of the variable: one `ResourceGather` on the handle (`tf.gather`'s axis-0 path)."""
        return state_ops.resource_gather(self._handle, indices, self._dtype, name)

    def _as_graph_element(self):
        return self._graph_element

    def _check_assign_shape(self, value):
        if not value.shape.is_compatible_with(self._shape):
            raise ValueError(f"Cannot assign value to variable ' {self.name}': Shape mismatch.The variable "
                             f"shape {self._shape}, and the assigned value shape {value.shape} are "
                             "incompatible.")

    def _update(self, op_type, value, name, read_value):
        value = convert_to_tensor(value, dtype=self._dtype)
        self._check_assign_shape(value)
        with name_scope(name, op_type, [self._handle, value]) as scope:
            update = state_ops.resource_update(op_type, self._handle, value, self._dtype, scope)
        if not read_value:
            return update
        with self.graph.control_dependencies([update]):
            return self._read_variable_op()

    def assign(self, value, use_locking=None, name=None, read_value=True):
        return self._update("AssignVariableOp", value, name, read_value)

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        return self._update("AssignAddVariableOp", delta, name, read_value)

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        return self._update("AssignSubVariableOp", delta, name, read_value)

    def is_initialized(self, name=None):
        return state_ops.var_is_initialized_op(self._handle, name)

    def _scatter(self, fn, sparse_delta, use_locking, name):
        raise NotImplementedError("scopeflow: scatter updates of resource variables are not supported yet")

    def count_up_to(self, limit):
        raise NotImplementedError("scopeflow: count_up_to of resource variables is not supported yet")

    def _dense_var_to_tensor(self, dtype=None, name=None, as_ref=False):
        if dtype is not None and not dtypes.as_dtype(dtype).is_compatible_with(self._dtype):
            raise ValueError(f"Incompatible type conversion requested to type {dtypes.as_dtype(dtype).name} "
                             f"for `tf.Variable of type {self._dtype.name}. (Variable: {self!r})")
        return self._handle if as_ref else self.value()


def _to_tensor(var, dtype=None, name=None, as_ref=False):
    return var._dense_var_to_tensor(dtype=dtype, name=name, as_ref=as_ref)


register_tensor_conversion_function(Variable, _to_tensor)


def _select_initialized(is_init, if_true, if_false):
    """TF's `cond(is_initialized, read_value, lambda: initial_value)` (`cond/Merge:0`).

    control_flow_ops (another issue's module) provides `cond`; until it exists the variable is read
    directly, which is right whenever its initializer runs first (run order ties go to creation order,
    so `global_variables_initializer` initializes `w` before a variable built from
    `w.initialized_value()`).
    """
    try:
        from scopeflow.ops.control_flow_ops import cond   # written under the training issue
    except ImportError:
        return if_true()
    return cond(is_init, if_true, if_false)



__all__ = ["Variable", "RefVariable", "ResourceVariable", "VariableSynchronization", "VariableAggregation",
           "VariableDef"] + list(_collection_names)
