"""`tf.train.MomentumOptimizer`: slot `momentum` (`w/Momentum`), `ApplyMomentum` (optionally Nesterov).

accum = accum * momentum + grad; var -= lr * accum  (Nesterov: var -= grad * lr + accum * momentum * lr).
An IndexedSlices gradient updates only its rows (`SparseApplyMomentum`).
"""
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.sparse_training_ops import sparse_apply_op
from scopeflow.train.training_ops import apply_op


class MomentumOptimizer(Optimizer):
    """`MomentumOptimizer(learning_rate, momentum, use_locking=False, name="Momentum", use_nesterov=False)`."""

    def __init__(self, learning_rate, momentum, use_locking=False, name="Momentum", use_nesterov=False):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate
        self._momentum = momentum
        self._use_nesterov = use_nesterov

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "momentum", self._name)

    def _prepare(self):
        self._prepare_hyper(learning_rate=self._learning_rate, momentum=self._momentum)

    def _apply_dense(self, grad, var):
        return apply_op("ApplyMomentum", var, [self.get_slot(var, "momentum")], self._hyper("learning_rate", var),
                        grad, self._hyper("momentum", var), use_locking=self._use_locking,
                        use_nesterov=self._use_nesterov)

    def _apply_sparse(self, grad, var):
        return sparse_apply_op("SparseApplyMomentum", var, [self.get_slot(var, "momentum")],
                               self._hyper("learning_rate", var), grad.values, grad.indices,
                               self._hyper("momentum", var), use_locking=self._use_locking,
                               use_nesterov=self._use_nesterov)


__all__ = ["MomentumOptimizer"]
