"""`tf.train.AdagradOptimizer` (slot `accumulator`, `w/Adagrad`, filled with initial_accumulator_value)
and `tf.train.AdadeltaOptimizer` (slots `accum`, `accum_update`: `w/Adadelta`, `w/Adadelta_1`).
IndexedSlices gradients update only their rows (`SparseApplyAdagrad`, `SparseApplyAdadelta`)."""
from scopeflow.ops import init_ops
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.sparse_training_ops import sparse_apply_op
from scopeflow.train.training_ops import apply_op


class AdagradOptimizer(Optimizer):
    """`AdagradOptimizer(learning_rate, initial_accumulator_value=0.1, use_locking=False, name="Adagrad")`."""

    def __init__(self, learning_rate, initial_accumulator_value=0.1, use_locking=False, name="Adagrad"):
        if initial_accumulator_value <= 0.0:
            raise ValueError(f"initial_accumulator_value must be positive: {initial_accumulator_value}")
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._initial_accumulator_value = initial_accumulator_value

    def _create_slots(self, var_list):
        for v in var_list:
            dtype = v.dtype.base_dtype
            init = init_ops.constant_initializer(self._initial_accumulator_value, dtype=dtype)
            self._get_or_make_slot_with_initializer(v, init, v.get_shape(), dtype, "accumulator", self._name)

    def _prepare(self):
        self._prepare_hyper(learning_rate=self._learning_rate)

    def _apply_dense(self, grad, var):
        accumulator = self.get_slot(var, "accumulator")
        return apply_op("ApplyAdagrad", var, [accumulator], self._hyper("learning_rate", var), grad,
                        use_locking=self._use_locking)

    def _apply_sparse(self, grad, var):
        return sparse_apply_op("SparseApplyAdagrad", var, [self.get_slot(var, "accumulator")],
                               self._hyper("learning_rate", var), grad.values, grad.indices,
                               use_locking=self._use_locking)


class AdadeltaOptimizer(Optimizer):
    """`AdadeltaOptimizer(learning_rate=0.001, rho=0.95, epsilon=1e-08, use_locking=False, name="Adadelta")`."""

    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-08, use_locking=False, name="Adadelta"):
        super().__init__(use_locking, name)
        self._lr, self._rho, self._epsilon = learning_rate, rho, epsilon

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "accum", self._name)
            self._zeros_slot(v, "accum_update", self._name)

    def _prepare(self):
        self._prepare_hyper(lr=self._lr, rho=self._rho, epsilon=self._epsilon)

    def _apply_dense(self, grad, var):
        return apply_op("ApplyAdadelta", var, [self.get_slot(var, "accum"), self.get_slot(var, "accum_update")],
                        self._hyper("lr", var), self._hyper("rho", var), self._hyper("epsilon", var), grad,
                        use_locking=self._use_locking)

    def _apply_sparse(self, grad, var):
        return sparse_apply_op("SparseApplyAdadelta", var,
                               [self.get_slot(var, "accum"), self.get_slot(var, "accum_update")],
                               self._hyper("lr", var), self._hyper("rho", var), self._hyper("epsilon", var),
                               grad.values, grad.indices, use_locking=self._use_locking)


__all__ = ["AdagradOptimizer", "AdadeltaOptimizer"]
