"""slim's variables module: `variable`, `model_variable`, collection queries, `assign_from_values`.

`variable` is `tf.get_variable` with tf-slim's collection rule (GLOBAL_VARIABLES unless `collections` is
given) and its `device`; `model_variable` also adds MODEL_VARIABLES. A `custom_getter` is called with
`reuse=` the current variable scope's reuse, as tf-slim does, so the slim layers' renaming getter can
sit in front of any scope getter. Queries filter a collection by scope regex and name suffix
(`get_variables_by_name('weights')`). Golden: tests/golden/slim_variables.json.
"""
import functools
import re

from scopeflow.framework import dtypes
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.ops import array_ops, control_flow_ops
from scopeflow.ops import variable_scope as vs
from scopeflow.ops.variables import Variable, VariableAggregation, VariableSynchronization
from scopeflow.slim.arg_scope import add_arg_scope
from scopeflow.train.training_util import assert_global_step
from scopeflow.train.training_util import create_global_step
from scopeflow.train.training_util import get_global_step
from scopeflow.train.training_util import get_or_create_global_step

_AUTO = VariableSynchronization.AUTO
_NONE = VariableAggregation.NONE


def assert_or_get_global_step(graph=None, global_step_tensor=None):
    """`global_step_tensor` checked, or the graph's global step (None when it has none)."""
    if global_step_tensor is None:
        return get_global_step(graph)
    assert_global_step(global_step_tensor)
    return global_step_tensor


def local_variable(initial_value, validate_shape=True, name=None, use_resource=None):
    """A non-trainable `tf.Variable` in LOCAL_VARIABLES."""
    return Variable(initial_value, trainable=False, collections=[GraphKeys.LOCAL_VARIABLES],
                    validate_shape=validate_shape, use_resource=use_resource, name=name)


def global_variable(initial_value, validate_shape=True, name=None, use_resource=None):
    """A non-trainable `tf.Variable` in GLOBAL_VARIABLES."""
    return Variable(initial_value, trainable=False, collections=[GraphKeys.GLOBAL_VARIABLES],
                    validate_shape=validate_shape, use_resource=use_resource, name=name)


@add_arg_scope
def variable(name, shape=None, dtype=None, initializer=None, regularizer=None, trainable=True, collections=None,
             caching_device=None, device=None, partitioner=None, custom_getter=None, use_resource=None,
             synchronization=_AUTO, aggregation=_NONE):
    """Gets or creates variable `name` in the current variable scope (GLOBAL_VARIABLES by default)."""
    collections = list(dict.fromkeys(collections if collections is not None else [GraphKeys.GLOBAL_VARIABLES]))
    getter = vs.get_variable
    if custom_getter is not None:
        getter = functools.partial(custom_getter, reuse=vs.get_variable_scope().reuse)
    with get_default_graph().device(device or ""):
        return getter(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                      trainable=trainable, collections=collections, caching_device=caching_device,
                      partitioner=partitioner, use_resource=use_resource, synchronization=synchronization,
                      aggregation=aggregation)


@add_arg_scope
def model_variable(name, shape=None, dtype=dtypes.float32, initializer=None, regularizer=None, trainable=True,
                   collections=None, caching_device=None, device=None, partitioner=None, custom_getter=None,
                   use_resource=None, synchronization=_AUTO, aggregation=_NONE):
    """`variable` that is also in MODEL_VARIABLES (and always in GLOBAL_VARIABLES)."""
    collections = list(collections or []) + [GraphKeys.GLOBAL_VARIABLES, GraphKeys.MODEL_VARIABLES]
    return variable(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                    trainable=trainable, collections=collections, caching_device=caching_device, device=device,
                    partitioner=partitioner, custom_getter=custom_getter, use_resource=use_resource,
                    synchronization=synchronization, aggregation=aggregation)


def add_model_variable(var):
    """Adds `var` to MODEL_VARIABLES once."""
    graph = get_default_graph()
    if var not in graph.get_collection(GraphKeys.MODEL_VARIABLES):
        graph.add_to_collection(GraphKeys.MODEL_VARIABLES, var)


def get_variables(scope=None, suffix=None, collection=GraphKeys.GLOBAL_VARIABLES):
    """Variables of `collection` whose names match `scope` (a regex prefix) and end with `suffix`."""
    if scope and isinstance(scope, vs.VariableScope):
        scope = scope.name
    if suffix is not None:
        if ":" not in suffix:
            suffix += ":"
        scope = (scope or "") + ".*" + suffix
    return get_default_graph().get_collection(collection, scope)


def get_model_variables(scope=None, suffix=None):
    return get_variables(scope, suffix, GraphKeys.MODEL_VARIABLES)


def get_local_variables(scope=None, suffix=None):
    return get_variables(scope, suffix, GraphKeys.LOCAL_VARIABLES)


def get_trainable_variables(scope=None, suffix=None):
    return get_variables(scope, suffix, GraphKeys.TRAINABLE_VARIABLES)


def get_variables_to_restore(include=None, exclude=None):
    """Global variables under the `include` scopes (all by default) minus those under `exclude`."""
    if include is None:
        to_include = get_variables()
    else:
        if not isinstance(include, (list, tuple)):
            raise TypeError("include is provided but is not a list or a tuple.")
        to_include = [v for scope in include for v in get_variables(scope)]
    excluded = set()
    if exclude is not None:
        if not isinstance(exclude, (list, tuple)):
            raise TypeError("exclude is provided but is not a list or a tuple.")
        for scope in exclude:
            excluded.update(id(v) for v in get_variables(scope))
    return [v for v in to_include if id(v) not in excluded]


def get_variables_by_suffix(suffix, scope=None):
    return get_variables(scope=scope, suffix=suffix)


def get_variables_by_name(given_name, scope=None):
    """Variables whose last name component is `given_name` (`.../weights:0` for 'weights')."""
    return get_variables(scope=scope, suffix="/" + given_name + ":|^" + given_name + ":")


def get_unique_variable(var_op_name):
    """The one global variable whose op name is `var_op_name` (ValueError otherwise)."""
    candidates = get_variables(scope=var_op_name)
    if not candidates:
        raise ValueError(f"Couldn't find variable {var_op_name}")
    for candidate in candidates:
        if candidate.op.name == var_op_name:
            return candidate
    raise ValueError(f"Variable {var_op_name} does not uniquely identify a variable")


def get_variable_full_name(var):
    """The checkpoint name of `var` (its full name when it is a partition)."""
    info = var._get_save_slice_info()
    return info.full_name if info else var.op.name


def filter_variables(var_list, include_patterns=None, exclude_patterns=None, reg_search=True):
    """The variables of `var_list` whose names match an include pattern and no exclude pattern."""
    match = re.search if reg_search else re.match
    included = list(var_list) if include_patterns is None else \
        [v for v in var_list if any(match(p, v.name) for p in include_patterns)]
    if exclude_patterns is None:
        return included
    return [v for v in included if not any(match(p, v.name) for p in exclude_patterns)]


def assign_from_values(var_names_to_values):
    """`(assign_op, feed_dict)` that loads numpy values into the named variables through placeholders."""
    graph = get_default_graph()
    feed_dict = {}
    assign_ops = []
    for var_name, var_value in var_names_to_values.items():
        found = graph.get_collection(GraphKeys.GLOBAL_VARIABLES, var_name)
        if not found:
            raise ValueError(f"Variable {var_name} wasn't found")
        if len(found) > 1:
            exact = [v for v in found if v.op.name == var_name]
            if not exact:
                raise ValueError(f"Variable {var_name} doesn't uniquely identify a variable")
            var = exact[0]
        else:
            var = found[0]
        value = array_ops.placeholder(dtype=var.dtype.base_dtype, shape=var.get_shape(),
                                      name="placeholder/" + var.op.name)
        assign_ops.append(var.assign(value))
        feed_dict[value] = var_value.reshape(var.get_shape().as_list())
    return control_flow_ops.group(*assign_ops), feed_dict


def assign_from_values_fn(var_names_to_values):
    """A function `session -> None` running `assign_from_values`' op with its feeds."""
    assign_op, feed_dict = assign_from_values(var_names_to_values)

    def callback(session):
        return session.run(assign_op, feed_dict)
    return callback


__all__ = ["assert_global_step", "assert_or_get_global_step", "create_global_step", "get_global_step",
           "get_or_create_global_step", "local_variable", "global_variable", "variable", "model_variable",
           "add_model_variable", "get_variables", "get_model_variables", "get_local_variables",
           "get_trainable_variables", "get_variables_to_restore", "get_variables_by_suffix",
           "get_variables_by_name", "get_unique_variable", "get_variable_full_name", "filter_variables",
           "assign_from_values", "assign_from_values_fn"]
