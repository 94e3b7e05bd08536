"""`tf.train.AdamOptimizer`: slots `m`, `v` (`w/Adam`, `w/Adam_1`), non-slot `beta1_power`, `beta2_power`.

The powers are plain variables (named in the current name scope: `train/beta1_power`) colocated with the
first variable by name, shared by every variable of the optimizer in one graph. `_finish` multiplies
them by beta1/beta2 after all `ApplyAdam` updates (`Adam/mul`, `Adam/Assign`, ...).
An IndexedSlices gradient takes TF1's sparse path, built from ops: m and v decay everywhere (`Assign`),
the gradient's rows are added (`ScatterAdd`) and every row of the variable moves (`AssignSub`). A resource
variable, which has no scatter op in scopeflow yet, gets the dense update, equal to it up to rounding.
"""
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.scopes import control_dependencies
from scopeflow.ops import control_flow_ops
from scopeflow.ops import state_ops
from scopeflow.ops.math_ops import cast, sqrt
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.training_ops import apply_op


class AdamOptimizer(Optimizer):
    """`AdamOptimizer(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08, use_locking=False,
    name="Adam")`."""

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08, use_locking=False,
                 name="Adam"):
        super().__init__(use_locking, name)
        self._lr, self._beta1, self._beta2, self._epsilon = learning_rate, beta1, beta2, epsilon

    def _get_beta_accumulators(self):
        graph = get_default_graph()
        return (self._get_non_slot_variable("beta1_power", graph),
                self._get_non_slot_variable("beta2_power", graph))

    def _create_slots(self, var_list):
        first = min(var_list, key=lambda v: v.name)
        self._create_non_slot_variable(self._beta1, "beta1_power", first)
        self._create_non_slot_variable(self._beta2, "beta2_power", first)
        for v in var_list:
            self._zeros_slot(v, "m", self._name)
            self._zeros_slot(v, "v", self._name)

    def _prepare(self):
        self._prepare_hyper(learning_rate=self._lr, beta1=self._beta1, beta2=self._beta2,
                            epsilon=self._epsilon)

    def _apply_dense(self, grad, var):
        beta1_power, beta2_power = self._get_beta_accumulators()
        dtype = var.dtype.base_dtype
        return apply_op("ApplyAdam", var, [self.get_slot(var, "m"), self.get_slot(var, "v")],
                        _cast(beta1_power, dtype), _cast(beta2_power, dtype), self._hyper("learning_rate", var),
                        self._hyper("beta1", var), self._hyper("beta2", var), self._hyper("epsilon", var), grad,
                        use_locking=self._use_locking)

    def _apply_sparse(self, grad, var):
        if var._is_resource:
            return self._apply_dense(convert_to_tensor(grad), var)
        beta1_power, beta2_power = self._get_beta_accumulators()
        dtype = var.dtype.base_dtype
        beta1_power, beta2_power = _cast(beta1_power, dtype), _cast(beta2_power, dtype)
        beta1_t, beta2_t = self._hyper("beta1", var), self._hyper("beta2", var)
        lr = self._hyper("learning_rate", var) * sqrt(1 - beta2_power) / (1 - beta1_power)
        values, indices = grad.values, grad.indices
        m, v = self.get_slot(var, "m"), self.get_slot(var, "v")
        m_scaled = values * (1 - beta1_t)
        m_t = state_ops.assign(m, m * beta1_t, use_locking=self._use_locking)
        with control_dependencies([m_t]):
            m_t = state_ops.scatter_add(m, indices, m_scaled, use_locking=self._use_locking)
        v_scaled = (values * values) * (1 - beta2_t)
        v_t = state_ops.assign(v, v * beta2_t, use_locking=self._use_locking)
        with control_dependencies([v_t]):
            v_t = state_ops.scatter_add(v, indices, v_scaled, use_locking=self._use_locking)
        var_update = state_ops.assign_sub(var, lr * m_t / (sqrt(v_t) + self._hyper("epsilon", var)),
                                          use_locking=self._use_locking)
        return control_flow_ops.group(var_update, m_t, v_t)

    def _finish(self, update_ops, name_scope_name):
        with control_dependencies(update_ops):
            beta1_power, beta2_power = self._get_beta_accumulators()
            with get_default_graph().colocate_with(beta1_power.op):
                update_beta1 = beta1_power.assign(beta1_power * self._hyper_t["beta1"],
                                                  use_locking=self._use_locking)
                update_beta2 = beta2_power.assign(beta2_power * self._hyper_t["beta2"],
                                                  use_locking=self._use_locking)
        return control_flow_ops.group(*update_ops, update_beta1, update_beta2, name=name_scope_name)


def _cast(variable, dtype):
    """TF's cast of a beta power: a resource variable of the right dtype is passed as it is (and read
    inside the update op's scope); a ref variable is read (`beta1_power/read`) and cast if needed."""
    if variable._is_resource and variable.dtype.base_dtype == dtype:
        return variable
    return cast(variable, dtype)


__all__ = ["AdamOptimizer"]
