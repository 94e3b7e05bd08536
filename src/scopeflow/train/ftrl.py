"""`tf.train.FtrlOptimizer`: slots `accum` (`w/Ftrl`, ones * initial_accumulator_value) and `linear`
(`w/Ftrl_1`); `ApplyFtrl`, or `ApplyFtrlV2` with l2 shrinkage (`SparseApplyFtrl[V2]` for an IndexedSlices
gradient: only its rows change).

As in the reference, the l2 passed to the kernel is `l2 + beta / (2 * max(learning_rate, 1e-36))` (ops
`Ftrl/Maximum`, `Ftrl/mul`, `Ftrl/truediv`, `Ftrl/add`), which is plain l2 when beta is 0.
"""
from scopeflow.ops import fill_ops, math_ops
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.sparse_training_ops import sparse_apply_op
from scopeflow.train.training_ops import apply_op


def _accumulator_initializer(value):
    def initializer(shape, dtype=None, partition_info=None):
        return fill_ops.ones(shape, dtype) * value
    return initializer


def _check_nonnegative(name, value):
    if value < 0.0:
        raise ValueError(f"{name} {value:f} needs to be positive or zero")


class FtrlOptimizer(Optimizer):
    """`FtrlOptimizer(learning_rate, learning_rate_power=-0.5, initial_accumulator_value=0.1,
    l1_regularization_strength=0.0, l2_regularization_strength=0.0, use_locking=False, name="Ftrl",
    accum_name=None, linear_name=None, l2_shrinkage_regularization_strength=0.0, beta=None)`."""

    def __init__(self, learning_rate, learning_rate_power=-0.5, initial_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0, use_locking=False, name="Ftrl",
                 accum_name=None, linear_name=None, l2_shrinkage_regularization_strength=0.0, beta=None):
        super().__init__(use_locking, name)
        _check_nonnegative("initial_accumulator_value", initial_accumulator_value)
        if learning_rate_power > 0.0:
            raise ValueError(f"learning_rate_power {learning_rate_power:f} needs to be negative or zero")
        _check_nonnegative("l1_regularization_strength", l1_regularization_strength)
        _check_nonnegative("l2_regularization_strength", l2_regularization_strength)
        _check_nonnegative("l2_shrinkage_regularization_strength", l2_shrinkage_regularization_strength)
        self._learning_rate = learning_rate
        self._learning_rate_power = learning_rate_power
        self._initial_accumulator_value = initial_accumulator_value
        self._l1, self._l2 = l1_regularization_strength, l2_regularization_strength
        self._l2_shrinkage = l2_shrinkage_regularization_strength
        self._beta = 0.0 if beta is None else beta
        self._accum_name, self._linear_name = accum_name, linear_name

    def _create_slots(self, var_list):
        for v in var_list:
            dtype = v.dtype.base_dtype
            self._get_or_make_slot_with_initializer(
                v, _accumulator_initializer(self._initial_accumulator_value), v.get_shape(), dtype, "accum",
                self._accum_name or self._name)
            self._zeros_slot(v, "linear", self._linear_name or self._name)

    def _prepare(self):
        self._prepare_hyper(learning_rate=self._learning_rate, l1_regularization_strength=self._l1)
        learning_rate = self._call_if_callable(self._learning_rate)
        self._hyper_t["adjusted_l2"] = self._l2 + self._beta / (2.0 * math_ops.maximum(learning_rate, 1e-36))
        self._prepare_hyper(beta=self._beta, l2_shrinkage_regularization_strength=self._l2_shrinkage,
                            learning_rate_power=self._learning_rate_power)

    def _apply_dense(self, grad, var):
        return self._apply(apply_op, "ApplyFtrl", var, grad)

    def _apply_sparse(self, grad, var):
        return self._apply(sparse_apply_op, "SparseApplyFtrl", var, grad.values, grad.indices)

    def _apply(self, build, tf_type, var, *grad):
        lr, l1, l2 = (self._hyper(n, var) for n in ("learning_rate", "l1_regularization_strength", "adjusted_l2"))
        power = self._hyper("learning_rate_power", var)
        accum, linear = self.get_slot(var, "accum"), self.get_slot(var, "linear")
        if self._l2_shrinkage <= 0.0:
            return build(tf_type, var, [accum, linear], *grad, lr, l1, l2, power, use_locking=self._use_locking)
        shrinkage = self._hyper("l2_shrinkage_regularization_strength", var)
        return build(tf_type + "V2", var, [accum, linear], *grad, lr, l1, l2, shrinkage, power,
                     use_locking=self._use_locking)


__all__ = ["FtrlOptimizer"]
