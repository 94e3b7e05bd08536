"""`tf.variable_scope`, `VariableScope`, `tf.get_variable` and friends: TF1's variable naming and sharing.

A variable scope has two halves: the *variable* scope (a `VariableScope` naming get_variable's variables
and carrying reuse, initializer, regularizer, partitioner, custom getter ...) and an auxiliary *name*
scope for ops. They drift apart on purpose: get_variable ignores name scopes; re-entering `my_scope` by
string opens name scope `my_scope_1/` yet shares `my_scope/` variables; a captured scope re-entered
inside `outer` puts ops under `outer/inner/` while variables stay `inner/...`.
State: the current VariableScope and the per-name open counts (for `default_name` uniquing) are per
thread, in the graph's `_state`; the variables themselves live in the graph's VariableStore.
Invariants: exiting a scope restores exactly the scope that was current on entry; reuse is inherited
by child scopes and `reuse=False` never turns it off. Golden: tests/golden/variable_scope*.json.
"""
import contextlib
import functools

from scopeflow.framework import dtypes, naming
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import graph_of
from scopeflow.ops.variable_store import AUTO_REUSE, default_store
from scopeflow.ops.variables import VariableAggregation, VariableSynchronization

_COUNTS_KEY = "variable_scope_counts"
_SYNC_AUTO = VariableSynchronization.AUTO
_AGG_NONE = VariableAggregation.NONE


class VariableScope:
    """A variable scope's settings; `get_variable` inside it uses them as defaults."""

    def __init__(self, reuse, name="", initializer=None, regularizer=None, caching_device=None,
                 partitioner=None, custom_getter=None, name_scope="", dtype=dtypes.float32, use_resource=None,
                 constraint=None):
        self._name = name
        self._initializer = initializer
        self._regularizer = regularizer
        self._reuse = reuse
        self._caching_device = caching_device
        self._partitioner = partitioner
        self._custom_getter = custom_getter
        self._name_scope = name_scope
        self._dtype = dtype
        self._use_resource = use_resource
        self._constraint = constraint

    name = property(lambda self: self._name)
    original_name_scope = property(lambda self: self._name_scope)
    reuse = property(lambda self: self._reuse)
    initializer = property(lambda self: self._initializer)
    dtype = property(lambda self: self._dtype)
    use_resource = property(lambda self: self._use_resource)
    regularizer = property(lambda self: self._regularizer)
    caching_device = property(lambda self: self._caching_device)
    partitioner = property(lambda self: self._partitioner)
    custom_getter = property(lambda self: self._custom_getter)
    constraint = property(lambda self: self._constraint)

    def reuse_variables(self):
        """Makes get_variable share existing variables in this scope from now on."""
        self._reuse = True

    def set_initializer(self, initializer):
        self._initializer = initializer

    def set_dtype(self, dtype):
        self._dtype = dtype

    def set_use_resource(self, use_resource):
        self._use_resource = use_resource

    def set_regularizer(self, regularizer):
        self._regularizer = regularizer

    def set_caching_device(self, caching_device):
        self._caching_device = caching_device

    def set_partitioner(self, partitioner):
        self._partitioner = partitioner

    def set_custom_getter(self, custom_getter):
        self._custom_getter = custom_getter

    def get_collection(self, name):
        """The collection's items whose names start with this scope's name and a slash."""
        return get_default_graph().get_collection(name, self._name + "/" if self._name else "")

    def trainable_variables(self):
        return self.get_collection(GraphKeys.TRAINABLE_VARIABLES)

    def global_variables(self):
        return self.get_collection(GraphKeys.GLOBAL_VARIABLES)

    def local_variables(self):
        return self.get_collection(GraphKeys.LOCAL_VARIABLES)

    def get_variable(self, var_store, name, shape=None, dtype=None, initializer=None, regularizer=None,
                     reuse=None, trainable=None, collections=None, caching_device=None, partitioner=None,
                     validate_shape=True, use_resource=None, custom_getter=None, constraint=None,
                     synchronization=_SYNC_AUTO, aggregation=_AGG_NONE):
        """Gets or creates `self.name/name` in `var_store`, this scope's settings filling the gaps."""
        if regularizer is None:
            regularizer = self._regularizer
        if caching_device is None:
            caching_device = self._caching_device
        if partitioner is None:
            partitioner = self._partitioner
        if custom_getter is None:
            custom_getter = self._custom_getter
        if reuse is None:
            reuse = self._reuse
        if use_resource is None:
            use_resource = self._use_resource
        full_name = naming.join(self._name, name)
        # Variable names depend on variable scopes only: build them at the root name scope.
        with get_default_graph().name_scope(None):
            if dtype is not None and initializer is not None and not callable(initializer):
                init_dtype = convert_to_tensor(initializer).dtype.base_dtype   # leaves a Const, as TF
                if init_dtype != dtype:
                    raise ValueError(f"Initializer type '{init_dtype}' and explicit dtype '{dtypes.as_dtype(dtype)}' "
                                     "don't match.")
            if initializer is None:
                initializer = self._initializer
            if constraint is None:
                constraint = self._constraint
            if dtype is None:
                dtype = self._dtype
            return var_store.get_variable(
                full_name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                reuse=reuse, trainable=trainable, collections=collections, caching_device=caching_device,
                partitioner=partitioner, validate_shape=validate_shape, use_resource=use_resource,
                custom_getter=custom_getter, constraint=constraint, synchronization=synchronization,
                aggregation=aggregation)

    def _get_partitioned_variable(self, var_store, name, shape=None, dtype=None, initializer=None,
                                  regularizer=None, trainable=True, collections=None, caching_device=None,
                                  partitioner=None, validate_shape=True, use_resource=None, constraint=None,
                                  synchronization=_SYNC_AUTO, aggregation=_AGG_NONE):
        """The partitioned variable `self.name/name` (the scope's name itself when `name` is empty)."""
        if self._custom_getter is not None:
            raise ValueError("Private access to _get_partitioned_variable is not allowed when a custom getter "
                             f"is set.  Current custom getter: {self._custom_getter}.  It is likely that you're "
                             "using create_partitioned_variables.  If so, consider instead using get_variable "
                             "with a non-empty partitioner parameter instead.")
        partitioner = partitioner if partitioner is not None else self._partitioner
        if partitioner is None:
            raise ValueError("No partitioner was specified")
        full_name = naming.join(self._name, name) if name else self._name
        with get_default_graph().name_scope(None):
            return var_store._get_partitioned_variable(
                full_name, shape, partitioner, dtype if dtype is not None else self._dtype,
                initializer if initializer is not None else self._initializer,
                regularizer if regularizer is not None else self._regularizer, self._reuse, trainable,
                collections, caching_device if caching_device is not None else self._caching_device,
                validate_shape, use_resource if use_resource is not None else self._use_resource,
                constraint if constraint is not None else self._constraint, synchronization, aggregation)


# ---- per-thread scope state ----------------------------------------------------------------------
def _current(graph):
    scope = graph._state.variable_scope
    if scope is None:
        scope = graph._state.variable_scope = VariableScope(False)
    return scope


def _counts(graph):
    extra = graph._state.extra
    counts = extra.get(_COUNTS_KEY)
    if counts is None:
        counts = extra[_COUNTS_KEY] = {}
    return counts


def get_variable_scope():
    """`tf.get_variable_scope()`: the current VariableScope (the root one has name '')."""
    return _current(get_default_graph())


def _wrap_custom_getter(custom_getter, old_getter):
    """A getter calling `custom_getter` with `old_getter` (bound to the next getter) as its getter."""
    if old_getter is None:
        return custom_getter

    def wrapped_custom_getter(getter, *args, **kwargs):
        return custom_getter(functools.partial(old_getter, getter), *args, **kwargs)
    return wrapped_custom_getter


class variable_scope:  # noqa: N801  TF's public (lower-case) class name
    """`tf.variable_scope`: a VariableScope plus an auxiliary name scope; yields the VariableScope.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     with tf.variable_scope("my_scope"):
    ...         v = tf.get_variable("v", [1])
    ...     with tf.variable_scope("my_scope", reuse=True) as scope:
    ...         print(scope.original_name_scope, tf.get_variable("v", [1]) is v)
    my_scope_1/ True
    """

    def __init__(self, name_or_scope, default_name=None, values=None, initializer=None, regularizer=None,
                 caching_device=None, partitioner=None, custom_getter=None, reuse=None, dtype=None,
                 use_resource=None, constraint=None, auxiliary_name_scope=True):
        if default_name is None and name_or_scope is None:
            raise TypeError("If default_name is None then name_or_scope is required")
        if reuse is False:   # reuse is inherited: False means "inherit", as None does
            reuse = None
        if not (reuse is True or reuse is None or reuse is AUTO_REUSE):
            raise ValueError("The reuse parameter must be True or False or None.")
        if not isinstance(auxiliary_name_scope, bool):
            raise TypeError("The auxiliary_name_scope must be `True` or `False`, while get "
                            f"{auxiliary_name_scope}")
        self._name_or_scope = name_or_scope
        self._default_name = default_name
        self._settings = {"initializer": initializer, "regularizer": regularizer,
                          "caching_device": caching_device, "partitioner": partitioner, "dtype": dtype,
                          "use_resource": use_resource}
        self._custom_getter = custom_getter
        self._constraint = constraint
        self._reuse = reuse
        self._graph = graph_of(values) if values else get_default_graph()
        self._auxiliary_name_scope = auxiliary_name_scope
        self._exits = []

    def __enter__(self):
        graph = self._graph
        self._push(graph.as_default())
        try:
            return self._enter(graph)
        except BaseException:
            self._unwind(None, None, None)
            raise

    def __exit__(self, exc_type, exc_value, tb):
        self._unwind(exc_type, exc_value, tb)
        return False

    def _push(self, context):
        entered = context.__enter__()
        self._exits.append(context.__exit__)
        return entered

    def _unwind(self, *exc):
        while self._exits:
            self._exits.pop()(*exc)

    def _enter(self, graph):
        name_scope = None
        if not self._auxiliary_name_scope:   # stay in the current name scope (re-entered verbatim)
            current = graph.get_name_scope()
            name_scope = graph.name_scope(current + "/" if current else "")
        scope = self._name_or_scope
        if scope is None:
            if self._reuse:
                raise ValueError("reuse=True cannot be used without a name_or_scope")
            entered = self._push(name_scope or graph.name_scope(self._default_name))
            unique = naming.unique_subscope(_current(graph).name, self._default_name, _counts(graph))
            return self._enter_variable_scope(graph, unique, entered)
        if not isinstance(scope, (VariableScope, str)):
            raise TypeError("VariableScope: name_or_scope must be a string or VariableScope.")
        short_name = scope if isinstance(scope, str) else scope.name.rsplit("/", 1)[-1]
        if not short_name and name_scope is None:   # entering the root scope: no name scope at all
            return self._enter_variable_scope(graph, scope, None)
        entered = self._push(name_scope or graph.name_scope(short_name))
        return self._enter_variable_scope(graph, scope, entered if isinstance(scope, str) else None)

    def _enter_variable_scope(self, graph, scope, name_scope):
        """Makes the new VariableScope current (TF's `_pure_variable_scope`); registers its undo."""
        state = graph._state
        old = _current(graph)
        counts = _counts(graph)
        if isinstance(scope, VariableScope):
            new = VariableScope(scope.reuse if not self._reuse else self._reuse, name=scope.name,
                                initializer=scope.initializer, regularizer=scope.regularizer,
                                caching_device=scope.caching_device, partitioner=scope.partitioner,
                                custom_getter=scope.custom_getter, name_scope=scope.original_name_scope,
                                dtype=scope.dtype, use_resource=scope.use_resource)
            base_getter = scope.custom_getter
            counts[new.name] = counts.get(new.name, 0) + 1
            saved = dict(counts)   # subscopes opened inside are forgotten on exit

            def restore_counts():
                state.extra[_COUNTS_KEY] = saved
        else:
            new = VariableScope(self._reuse or old.reuse, name=naming.join(old.name, scope),
                                initializer=old.initializer, regularizer=old.regularizer,
                                caching_device=old.caching_device, partitioner=old.partitioner,
                                custom_getter=old.custom_getter, name_scope=scope if name_scope is None else name_scope,
                                dtype=old.dtype, use_resource=old.use_resource)
            base_getter = old.custom_getter
            counts[new.name] = counts.get(new.name, 0) + 1
            prefix = new.name + "/"

            def restore_counts():
                live = _counts(graph)
                for key in live:
                    if key.startswith(prefix):
                        live[key] = 0
        for key, value in self._settings.items():
            if value is not None:
                setattr(new, "_" + key, value)
        if self._custom_getter is not None:
            new._custom_getter = _wrap_custom_getter(self._custom_getter, base_getter)
        new._constraint = self._constraint   # never inherited, not even from a captured scope (golden)
        state.variable_scope = new

        def leave(*_):
            restore_counts()
            state.variable_scope = old
        self._exits.append(leave)
        return new


@contextlib.contextmanager
def variable_op_scope(values, name_or_scope, default_name=None, initializer=None, regularizer=None,
                      caching_device=None, partitioner=None, custom_getter=None, reuse=None, dtype=None,
                      use_resource=None, constraint=None):
    """`tf.variable_op_scope` (deprecated in TF): variable_scope with `values` first."""
    with variable_scope(name_or_scope, default_name=default_name, values=values, initializer=initializer,
                        regularizer=regularizer, caching_device=caching_device, partitioner=partitioner,
                        custom_getter=custom_getter, reuse=reuse, dtype=dtype, use_resource=use_resource,
                        constraint=constraint) as scope:
        yield scope


def get_variable(name, shape=None, dtype=None, initializer=None, regularizer=None, trainable=None,
                 collections=None, caching_device=None, partitioner=None, validate_shape=True, use_resource=None,
                 custom_getter=None, constraint=None, synchronization=_SYNC_AUTO, aggregation=_AGG_NONE):
    """`tf.get_variable`: the variable `<variable scope>/name`, created or shared per the scope's reuse.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     with tf.name_scope("ns"), tf.variable_scope("layer"):
    ...         print(tf.get_variable("w", [2]).name)
    layer/w:0
    """
    graph = get_default_graph()
    return _current(graph).get_variable(
        default_store(graph), name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
        trainable=trainable, collections=collections, caching_device=caching_device, partitioner=partitioner,
        validate_shape=validate_shape, use_resource=use_resource, custom_getter=custom_getter,
        constraint=constraint, synchronization=synchronization, aggregation=aggregation)


def get_local_variable(name, shape=None, dtype=None, initializer=None, regularizer=None, trainable=False,
                       collections=None, caching_device=None, partitioner=None, validate_shape=True,
                       use_resource=None, custom_getter=None, constraint=None, synchronization=_SYNC_AUTO,
                       aggregation=_AGG_NONE):
    """`tf.get_local_variable`: get_variable into LOCAL_VARIABLES, never trainable."""
    if collections:
        collections += [GraphKeys.LOCAL_VARIABLES]   # TF extends the caller's own list
    else:
        collections = [GraphKeys.LOCAL_VARIABLES]
    return get_variable(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                        trainable=False, collections=collections, caching_device=caching_device,
                        partitioner=partitioner, validate_shape=validate_shape, use_resource=use_resource,
                        custom_getter=custom_getter, constraint=constraint, synchronization=synchronization,
                        aggregation=aggregation)


def no_regularizer(_):
    """`tf.no_regularizer`: use as a variable's regularizer to switch off the scope's one."""
    return None


__all__ = ["VariableScope", "variable_scope", "variable_op_scope", "get_variable_scope", "get_variable",
           "get_local_variable", "no_regularizer", "AUTO_REUSE"]
