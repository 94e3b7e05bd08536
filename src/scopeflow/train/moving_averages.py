"""`tf.train.ExponentialMovingAverage` and `assign_moving_average`.

An average is a slot of its variable or tensor named `<op name>/<ema name>` (`w/ExponentialMovingAverage`),
initialized from the variable's (initialized) value, or zeros for a tensor; averaged variables join
MOVING_AVERAGE_VARIABLES. Each update is `avg -= (avg - value) * (1 - decay)` as an `AssignSub` named
`<ema name>/AssignMovingAvg`; zero-debiased averages keep a `biased` and a `local_step` variable and
assign `biased / (1 - decay ** step)`. Golden: tests/golden/train_ema.json.
"""
from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import add_to_collection, init_scope, name_scope
from scopeflow.ops import control_flow_ops, init_ops, math_ops, state_ops
from scopeflow.ops.variable_collections import global_variables, moving_average_variables, trainable_variables
from scopeflow.ops.variable_scope import get_variable, get_variable_scope, variable_scope
from scopeflow.ops.variables import Variable
from scopeflow.train import slot_creator

_FLOATS = (dtypes.float16, dtypes.float32, dtypes.float64)


def _unique_in_scope(name):
    """`name`, or `name_N` if the current variable scope already holds a global variable `name`."""
    scope = get_variable_scope()
    if scope.reuse:
        return name
    taken = {v.op.name for v in scope.global_variables()}
    full = scope.name + "/" + name
    if full not in taken:
        return name
    index = 1
    while f"{full}_{index}" in taken:
        index += 1
    return f"{name}_{index}"


def _zero_debias(variable, value, decay):
    """The debiased new average: EMA kept in `<var>/biased`, divided by 1 - (1 - decay) ** local_step."""
    with variable_scope(variable.op.name, auxiliary_name_scope=False):
        with init_scope():
            kwargs = dict(initializer=init_ops.zeros_initializer(), dtype=variable.dtype.base_dtype,
                          trainable=False)
            biased = get_variable(_unique_in_scope("biased"), shape=variable.get_shape(), **kwargs)
            local_step = get_variable(_unique_in_scope("local_step"), shape=[], **kwargs)
    update_biased = state_ops.assign_sub(biased, (biased - value) * decay)
    update_step = state_ops.assign_add(local_step, 1)
    bias_factor = 1 - math_ops.pow(1.0 - decay, update_step)
    return update_biased / bias_factor


def assign_moving_average(variable, value, decay, zero_debias=True, name=None):
    """`variable -= (variable - value) * (1 - decay)`, zero-debiased by default; returns the new value.

    >>> import scopeflow as tf
    >>> from scopeflow.train.moving_averages import assign_moving_average
    >>> with tf.Graph().as_default():
    ...     v = tf.Variable([0.0, 0.0], name="v")
    ...     print(assign_moving_average(v, [1.0, 2.0], 0.9, zero_debias=False).name)
    AssignMovingAvg:0
    """
    with name_scope(name, "AssignMovingAvg", [variable, value, decay]) as scope:
        decay = convert_to_tensor(1.0 - decay, name="decay")
        if decay.dtype.base_dtype != variable.dtype.base_dtype:
            decay = math_ops.cast(decay, variable.dtype.base_dtype)
        if zero_debias:
            return state_ops.assign(variable, _zero_debias(variable, value, decay), name=scope)
        return state_ops.assign_sub(variable, (variable - value) * decay, name=scope)


class ExponentialMovingAverage:
    """`ExponentialMovingAverage(decay, num_updates=None, zero_debias=False,
    name="ExponentialMovingAverage")`; with num_updates the decay is min(decay, (1 + n) / (10 + n))."""

    def __init__(self, decay, num_updates=None, zero_debias=False, name="ExponentialMovingAverage"):
        self._decay = decay
        self._num_updates = num_updates
        self._zero_debias = zero_debias
        self._name = name
        self._averages = {}    # the averaged Variable or Tensor (by identity) -> its average Variable

    name = property(lambda self: self._name)

    def apply(self, var_list=None):
        """Creates the averages of `var_list` (default: trainable variables) once; returns a NoOp
        (`<name>`) running one moving-average update for each."""
        if var_list is None:
            var_list = trainable_variables()
        debiased = set()
        for var in var_list:
            if var.dtype.base_dtype not in _FLOATS:
                raise TypeError(f"The variables must be half, float, or double: {var.name}")
            if var in self._averages:
                continue
            with init_scope():
                if isinstance(var, Variable):
                    average = slot_creator.create_slot(var, var.initialized_value(), self._name)
                    add_to_collection(GraphKeys.MOVING_AVERAGE_VARIABLES, var)
                else:
                    colocate = var.op.type in ("Variable", "VariableV2", "VarHandleOp")
                    average = slot_creator.create_zeros_slot(var, self._name, colocate_with_primary=colocate)
                    if self._zero_debias:
                        debiased.add(average)
            self._averages[var] = average
        with name_scope(self._name) as scope:
            decay = convert_to_tensor(self._decay, dtype=dtypes.float32, name="decay")
            if self._num_updates is not None:
                num_updates = math_ops.cast(self._num_updates, dtypes.float32, name="num_updates")
                decay = math_ops.minimum(decay, (1.0 + num_updates) / (10.0 + num_updates))
            updates = [assign_moving_average(self._averages[var], var, decay,
                                             zero_debias=self._averages[var] in debiased)
                       for var in var_list]
            return control_flow_ops.group(*updates, name=scope)

    def average(self, var):
        """The average Variable of `var`, or None if `apply` did not average it."""
        return self._averages.get(var)

    def average_name(self, var):
        """The average's op name (`w/ExponentialMovingAverage`), also before `apply` (for restoring)."""
        if var in self._averages:
            return self._averages[var].op.name
        return get_default_graph().unique_name(var.op.name + "/" + self._name, mark_as_used=False)

    def variables_to_restore(self, moving_avg_variables=None):
        """{checkpoint name: variable}: averaged variables restore from their averages' names, the other
        global variables from their own."""
        if moving_avg_variables is None:
            moving_avg_variables = trainable_variables() + moving_average_variables()
        moving_avg_variables = set(moving_avg_variables)
        name_map = {self.average_name(v): v for v in moving_avg_variables}
        for v in global_variables():
            if v not in moving_avg_variables and v.op.name not in name_map:
                name_map[v.op.name] = v
        return name_map


__all__ = ["ExponentialMovingAverage", "assign_moving_average"]
