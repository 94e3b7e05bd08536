"""`tf.contrib.layers` regularizers: l1, l2, l1_l2, sum, and `apply_regularization`.

A regularizer is a function `weights -> scalar Tensor or None`; each builds its ops under its own name
scope (`l2_regularizer/scale`, `l2_regularizer/L2Loss`, then the `Mul` named `l2_regularizer`).
Invariants: scale 0 gives a regularizer returning None; a negative or integer scale is a ValueError when
the regularizer is made, not when it runs (golden: variable_scope_getters/contrib_*).
"""
import numbers

from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import name_scope
from scopeflow.ops import math_ops, nn_ops, reduction_ops


def _check_scale(scale, end):
    """True when `scale` switches the regularizer off (0); raises TF's ValueError for bad scales."""
    if isinstance(scale, numbers.Integral):
        raise ValueError(f"scale cannot be an integer: {scale}")
    if isinstance(scale, numbers.Real):
        if scale < 0.0:   # TF's l1 message has no final period, its l2 message has one (golden)
            raise ValueError(f"Setting a scale less than 0 on a regularizer: {scale:g}{end}")
        return scale == 0.0
    return False


def _scaled(kind, scale, scope, penalty):
    def regularizer(weights):
        with name_scope(scope, kind, [weights]) as name:
            my_scale = convert_to_tensor(scale, dtype=weights.dtype.base_dtype, name="scale")
            return math_ops.multiply(my_scale, penalty(weights), name=name)
    return regularizer


def l1_regularizer(scale, scope=None):
    """`scale * sum(|w|)`; scale 0 gives a regularizer that returns None."""
    if _check_scale(scale, ""):
        return lambda _: None
    return _scaled("l1_regularizer", scale, scope, lambda w: reduction_ops.reduce_sum(math_ops.abs(w)))


def l2_regularizer(scale, scope=None):
    """`scale * sum(w ** 2) / 2` (TF's L2Loss); scale 0 gives a regularizer that returns None."""
    if _check_scale(scale, "."):
        return lambda _: None
    return _scaled("l2_regularizer", scale, scope, lambda w: nn_ops.l2_loss(w))


def l1_l2_regularizer(scale_l1=1.0, scale_l2=1.0, scope=None):
    """The sum of an l1 and an l2 regularizer (just one of them when the other scale is 0)."""
    if isinstance(scale_l1, numbers.Integral):
        raise ValueError(f"scale_l1 cannot be an integer: {scale_l1}")
    if isinstance(scale_l2, numbers.Integral):
        raise ValueError(f"scale_l2 cannot be an integer: {scale_l2}")
    scope = scope or "l1_l2_regularizer"
    if scale_l1 == 0.0:
        return l2_regularizer(scale_l2, scope)
    if scale_l2 == 0.0:
        return l1_regularizer(scale_l1, scope)
    return sum_regularizer([l1_regularizer(scale_l1), l2_regularizer(scale_l2)], scope=scope)


def sum_regularizer(regularizer_list, scope=None):
    """A regularizer adding the others' results (`AddN`); None when the list holds no regularizer."""
    regularizer_list = [r for r in regularizer_list if r is not None]
    if not regularizer_list:
        return None

    def sum_reg(weights):
        with name_scope(scope, "sum_regularizer", [weights]) as name:
            tensors = [t for t in (r(weights) for r in regularizer_list) if t is not None]
            return reduction_ops.add_n(tensors, name=name) if tensors else None
    return sum_reg


def apply_regularization(regularizer, weights_list=None):
    """Sums `regularizer(w)` over `weights_list` (default: the WEIGHTS collection) into
    `get_regularization_penalty` and adds it to REGULARIZATION_LOSSES."""
    if not weights_list:
        weights_list = get_default_graph().get_collection(GraphKeys.WEIGHTS)
    if not weights_list:
        raise ValueError("No weights to regularize.")
    with name_scope("get_regularization_penalty", values=weights_list) as scope:
        penalties = [regularizer(w) for w in weights_list]
        penalties = [constant(0.0) if p is None else p for p in penalties]
        for p in penalties:
            if p.get_shape().ndims != 0:
                raise ValueError("regularizer must return a scalar Tensor instead of a Tensor with rank "
                                 f"{p.get_shape().ndims}.")
        total = reduction_ops.add_n(penalties, name=scope)
        get_default_graph().add_to_collection(GraphKeys.REGULARIZATION_LOSSES, total)
        return total


__all__ = ["l1_regularizer", "l2_regularizer", "l1_l2_regularizer", "sum_regularizer", "apply_regularization"]
