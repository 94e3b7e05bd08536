"""`tf.train.GradientDescentOptimizer`: `var -= learning_rate * grad` (`ApplyGradientDescent`).

No slots. A sparse (IndexedSlices) gradient becomes a `ScatterSub` of `values * learning_rate`, as in TF,
duplicate indices summed by the scatter. A resource variable, which has no scatter op in scopeflow yet (TF:
`ResourceScatterAdd`), gets the equal dense update.
"""
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.training_ops import apply_op


class GradientDescentOptimizer(Optimizer):
    """`GradientDescentOptimizer(learning_rate, use_locking=False, name="GradientDescent")`."""

    def __init__(self, learning_rate, use_locking=False, name="GradientDescent"):
        super().__init__(use_locking, name)
        self._learning_rate = learning_rate

    def _prepare(self):
        self._prepare_hyper(learning_rate=self._learning_rate)

    def _apply_dense(self, grad, var):
        return apply_op("ApplyGradientDescent", var, [], self._hyper("learning_rate", var), grad,
                        use_locking=self._use_locking)

    def _apply_sparse_duplicate_indices(self, grad, var):
        if var._is_resource:
            return self._apply_dense(convert_to_tensor(grad), var)
        values = grad.values * self._hyper("learning_rate", var)
        delta = type(grad)(values, grad.indices, getattr(grad, "dense_shape", None))
        return var.scatter_sub(delta, use_locking=self._use_locking).op


__all__ = ["GradientDescentOptimizer"]
