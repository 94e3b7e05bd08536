"""`tf.train.RMSPropOptimizer`: slots `rms` (ones, `w/RMSProp`), `mg` when centered, `momentum` (zeros).

Slot names follow creation order: `w/RMSProp` (rms), then `w/RMSProp_1` (mg if centered, else momentum),
then `w/RMSProp_2`. Updates are `ApplyRMSProp` or `ApplyCenteredRMSProp` (`SparseApply...` for an
IndexedSlices gradient: only its rows change).
"""
from scopeflow.ops import init_ops
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.sparse_training_ops import sparse_apply_op
from scopeflow.train.training_ops import apply_op


class RMSPropOptimizer(Optimizer):
    """`RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
    centered=False, name="RMSProp")`."""

    def __init__(self, learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
                 centered=False, name="RMSProp"):
        super().__init__(use_locking, name)
        self._learning_rate, self._decay, self._momentum = learning_rate, decay, momentum
        self._epsilon, self._centered = epsilon, centered

    def _create_slots(self, var_list):
        for v in var_list:
            dtype = v.dtype.base_dtype
            self._get_or_make_slot_with_initializer(v, init_ops.ones_initializer(dtype=dtype), v.get_shape(),
                                                    dtype, "rms", self._name)
            if self._centered:
                self._zeros_slot(v, "mg", self._name)
            self._zeros_slot(v, "momentum", self._name)

    def _prepare(self):
        self._prepare_hyper(learning_rate=self._learning_rate, decay=self._decay, momentum=self._momentum,
                            epsilon=self._epsilon)

    def _apply_dense(self, grad, var):
        hyper = [self._hyper(n, var) for n in ("learning_rate", "decay", "momentum", "epsilon")]
        rms, mom = self.get_slot(var, "rms"), self.get_slot(var, "momentum")
        if self._centered:
            return apply_op("ApplyCenteredRMSProp", var, [self.get_slot(var, "mg"), rms, mom], *hyper, grad,
                            use_locking=self._use_locking)
        return apply_op("ApplyRMSProp", var, [rms, mom], *hyper, grad, use_locking=self._use_locking)

    def _apply_sparse(self, grad, var):
        hyper = [self._hyper(n, var) for n in ("learning_rate", "decay", "momentum", "epsilon")]
        rms, mom = self.get_slot(var, "rms"), self.get_slot(var, "momentum")
        slots = [self.get_slot(var, "mg"), rms, mom] if self._centered else [rms, mom]
        tf_type = "SparseApplyCenteredRMSProp" if self._centered else "SparseApplyRMSProp"
        return sparse_apply_op(tf_type, var, slots, *hyper, grad.values, grad.indices,
                               use_locking=self._use_locking)


__all__ = ["RMSPropOptimizer"]
