"""The variable collections (`tf.global_variables` ...) and the ops over them: initializer groups,
`is_variable_initialized`, `assert_variables_initialized`, `report_uninitialized_variables`.

Re-exported by ops/variables.py (TF keeps them in its `variables` module). Builds only ops: the `init`
NoOp's control inputs are exactly the variables' initializers, in collection order.
"""
from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import name_scope
from scopeflow.ops import control_flow_ops, state_ops
from scopeflow.ops.common import create, create1
from scopeflow.ops.gather_ops import boolean_mask
from scopeflow.ops.join_ops import stack
from scopeflow.ops.math_ops import logical_not


# ---- collections -------------------------------------------------------------------------------------
def global_variables(scope=None):
    """`tf.global_variables`: the GLOBAL_VARIABLES collection, filtered by the `scope` regex."""
    return get_default_graph().get_collection(GraphKeys.GLOBAL_VARIABLES, scope)


def all_variables():
    """Deprecated alias of `global_variables`."""
    return global_variables()


def local_variables(scope=None):
    return get_default_graph().get_collection(GraphKeys.LOCAL_VARIABLES, scope)


def model_variables(scope=None):
    return get_default_graph().get_collection(GraphKeys.MODEL_VARIABLES, scope)


def trainable_variables(scope=None):
    return get_default_graph().get_collection(GraphKeys.TRAINABLE_VARIABLES, scope)


def moving_average_variables(scope=None):
    return get_default_graph().get_collection(GraphKeys.MOVING_AVERAGE_VARIABLES, scope)


# ---- initializers and checks -------------------------------------------------------------------------
def variables_initializer(var_list, name="init"):
    """One `NoOp` named `name` with the variables' initializers as control inputs."""
    if not var_list:
        return control_flow_ops.no_op(name=name)
    # TF's group() of ops on one device: a NoOp `name` depending on each of them
    with name_scope(name, "group_deps", var_list) as scope:
        with get_default_graph().control_dependencies([v.initializer for v in var_list]):
            return create("NoOp", [], scope)


def initialize_variables(var_list, name="init"):
    """Deprecated alias of `variables_initializer`."""
    return variables_initializer(var_list, name)


def global_variables_initializer():
    """`tf.global_variables_initializer()`: the op `init` running every global variable's initializer."""
    return variables_initializer(global_variables())


def initialize_all_variables():
    """Deprecated alias of `global_variables_initializer`."""
    return global_variables_initializer()


def local_variables_initializer():
    return variables_initializer(local_variables())


def initialize_local_variables():
    """Deprecated alias of `local_variables_initializer`."""
    return local_variables_initializer()


def is_variable_initialized(variable):
    """`tf.is_variable_initialized`: a bool scalar, True once the variable holds a value."""
    return state_ops.is_variable_initialized(variable)


def assert_variables_initialized(var_list=None):
    """A `Rank` of each variable (fails at run time if one is uninitialized), stacked; None for none."""
    if var_list is None:
        var_list = global_variables() + local_variables()
    if not var_list:
        return None
    ranks = []
    for var in var_list:
        with var.graph.colocate_with(var.op):
            ranks.append(create1("Rank", [convert_to_tensor(var)]))
    return ranks[0] if len(ranks) == 1 else stack(ranks)


def report_uninitialized_variables(var_list=None, name="report_uninitialized_variables"):
    """A 1-D string tensor with the names of the uninitialized variables of `var_list` (default: all)."""
    if var_list is None:
        var_list = global_variables() + local_variables()
    with name_scope(name):
        if not var_list:
            return constant([], dtype=dtypes.string)
        with get_default_graph().device("/cpu:0"):
            initialized = stack([state_ops.is_variable_initialized(v) for v in var_list])
            names = constant([v.op.name for v in var_list])
            return boolean_mask(names, logical_not(initialized))


__all__ = ["global_variables", "all_variables", "local_variables", "model_variables", "trainable_variables",
           "moving_average_variables", "variables_initializer", "initialize_variables",
           "global_variables_initializer", "initialize_all_variables", "local_variables_initializer",
           "initialize_local_variables", "is_variable_initialized", "assert_variables_initialized",
           "report_uninitialized_variables"]
