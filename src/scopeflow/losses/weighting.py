"""Loss weighting shared by tf.losses and tf.metrics: `Reduction`, `compute_weighted_loss`, the
`assert_broadcastable` / `broadcast_weights` checks, squeezable-dimension removal and `DivNoNan`.

Invariants: weights that can never broadcast to the values raise TF's ValueError at build time; when
shapes (or ranks) are only known at run time, one `assert_broadcastable/AssertGuard/Assert` op fails the
run with TF's message instead. Every reduction ends in TF's op names (`<scope>/value` a DivNoNan,
`<scope>/Sum` for SUM, `<scope>/Mul` for NONE) (golden: tests/golden/losses.json).
"""
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.registry import REGISTRY, declare
from scopeflow.framework.scopes import control_dependencies
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import fill_ops, math_ops, reduction_ops, shape_ops, slicing
from scopeflow.ops.common import broadcast_infer, convert_to_tensor, create, name_scope
from scopeflow.ops.join_ops import concat
from scopeflow.ops.math_ops import FLOAT_COMPLEX_TYPES, apply_op, signature
from scopeflow.losses import util


def _div_no_nan_kernel(x, y, **_):
    safe = jnp.where(y == 0, jnp.ones((), y.dtype), y)
    return jnp.where(y == 0, jnp.zeros((), x.dtype), x / safe)   # 0 where y == 0, as TF (also for 0/0)


# DivNoNan belongs to math; declared here, where the first users are, unless math already has it
if "DivNoNan" not in REGISTRY:
    declare("DivNoNan", broadcast_infer, _div_no_nan_kernel)
    signature("DivNoNan", "x y", FLOAT_COMPLEX_TYPES)


def div_no_nan(x, y, name=None):
    """`x / y`, or 0 where `y` is 0 (a `DivNoNan` op, default name `div_no_nan`)."""
    return apply_op("DivNoNan", (x, y), name, "div_no_nan")


class Reduction:
    """Types of loss reduction (`tf.losses.Reduction`); TF1's default is SUM_BY_NONZERO_WEIGHTS."""

    NONE = "none"
    SUM = "weighted_sum"
    SUM_OVER_BATCH_SIZE = "weighted_sum_over_batch_size"
    MEAN = "weighted_mean"
    SUM_BY_NONZERO_WEIGHTS = "weighted_sum_by_nonzero_weights"
    SUM_OVER_NONZERO_WEIGHTS = SUM_BY_NONZERO_WEIGHTS

    @classmethod
    def all(cls):
        return (cls.NONE, cls.SUM, cls.MEAN, cls.SUM_OVER_BATCH_SIZE, cls.SUM_OVER_NONZERO_WEIGHTS,
                cls.SUM_BY_NONZERO_WEIGHTS)

    @classmethod
    def validate(cls, key):
        if key not in cls.all():
            raise ValueError(f"Invalid Reduction Key {key}. Key should be one of {cls.all()}.")


# ---- weights vs values -----------------------------------------------------------------------------
def _is_number(x):
    return isinstance(x, (int, float, np.number)) and not isinstance(x, bool)


def _rank_error(weights, values):
    w, v = weights.shape, values.shape
    return ValueError(f"weights can not be broadcast to values. values.rank={v.ndims}. weights.rank={w.ndims}. "
                      f"values.shape={v}. weights.shape={w}. Received weights={weights}, values={values}")


def _dim_error(weights, values, dim):
    w = np.array(weights.shape.as_list())
    v = np.array(values.shape.as_list())
    return ValueError(f"weights can not be broadcast to values. Mismatch at dim {dim}. values.shape={v}, "
                      f"weights.shape={w}. Received weights={weights}, values={values}")


def _nonzero(x):
    """0/1 int32 per element, from ops whose kernels stay numpy on numpy inputs (static under jit)."""
    return math_ops.cast(math_ops.cast(x, dtypes.bool), dtypes.int32)


def _valid_same_rank(w_shape, v_shape, rank):
    """Each weights dim is 1 or the values' dim, for weights and values of one known rank."""
    with name_scope(None, "is_valid_shape"):
        bad = math_ops.multiply(_nonzero(w_shape - 1), _nonzero(w_shape - v_shape))
        count = bad[0]
        for i in range(1, rank):
            count = count + bad[i]
        return math_ops.cast(1 - math_ops.minimum(count, 1), dtypes.bool)


def _valid_any_rank(weights, values, w_shape, v_shape):
    """TF's test when a rank is known only at run time: `(is_valid, is_scalar)`, valid when the weights
    are a scalar or have the values' rank with each dim 1 or the values' dim."""
    w_rank = shape_ops.rank(weights, name="weights/rank")
    v_rank = shape_ops.rank(values, name="values/rank")
    is_scalar = math_ops.equal(0, w_rank, name="is_scalar")
    with name_scope(None, "is_valid_shape"):
        # both shapes padded with ones to one length, so that shapes of different ranks compare
        w_dims = concat([w_shape, fill_ops.ones_like(v_shape)], 0)
        v_dims = concat([v_shape, fill_ops.ones_like(w_shape)], 0)
        bad = math_ops.logical_and(math_ops.not_equal(w_dims, 1), math_ops.not_equal(w_dims, v_dims))
        no_bad_dim = math_ops.equal(shape_ops.size(slicing.where(bad)), 0)
        same_rank = math_ops.equal(w_rank, v_rank)
        return math_ops.logical_or(is_scalar, math_ops.logical_and(same_rank, no_bad_dim)), is_scalar


def _dynamic_check(weights, values):
    """One Assert op failing the run unless `weights` broadcast to `values` as TF allows.

    TF builds this from a cond and set ops; here the condition is shape arithmetic whose kernels fold to
    numpy, so the run fails at trace time with TF's message before any op sees the bad shapes.
    """
    w_shape = shape_ops.shape(weights, name="weights/shape")
    v_shape = shape_ops.shape(values, name="values/shape")
    rank = weights.shape.ndims
    if rank is not None and values.shape.ndims is not None:
        valid = _valid_same_rank(w_shape, v_shape, rank)
        is_scalar = convert_to_tensor(False, name="is_scalar")
    else:
        valid, is_scalar = _valid_any_rank(weights, values, w_shape, v_shape)
    data = ["weights can not be broadcast to values.", "weights.shape=", weights.name, w_shape,
            "values.shape=", values.name, v_shape, "is_scalar=", is_scalar]
    with name_scope("AssertGuard"), name_scope("Assert") as scope:
        data = [d if isinstance(d, Tensor) else convert_to_tensor(d, name=f"data_{i}") for i, d in enumerate(data)]
        return create("Assert", [valid] + data, scope, T=[d.dtype.base_dtype for d in data], summarize=3)


def assert_broadcastable(weights, values):
    """TF's check that `weights` broadcast to `values`: ValueError now, an Assert op, or None (checked).

    Python numbers never build anything; other weights are converted inside `assert_broadcastable/`.
    """
    if _is_number(weights):
        return None
    with name_scope(None, "assert_broadcastable", [weights, values]):
        weights = convert_to_tensor(weights, name="weights")
        values = convert_to_tensor(values, name="values")
        w_rank, v_rank = weights.shape.ndims, values.shape.ndims
        if w_rank == 0:
            return None
        if w_rank is not None and v_rank is not None:
            if w_rank != v_rank:
                raise _rank_error(weights, values)
            w_dims, v_dims = weights.shape.as_list(), values.shape.as_list()
            if None not in w_dims and None not in v_dims:
                for i, (w, v) in enumerate(zip(w_dims, v_dims)):
                    if w not in (1, v):
                        raise _dim_error(weights, values, i)
                return None
        return _dynamic_check(weights, values)


def broadcast_weights(weights, values):
    """`weights` broadcast to the shape of `values` (TF's `broadcast_weights`, a `Mul` named so)."""
    with name_scope(None, "broadcast_weights", (weights, values)) as scope:
        values = convert_to_tensor(values, name="values")
        with name_scope(None, "weights", (weights,)) as weights_scope:
            weights = convert_to_tensor(weights, name=weights_scope)
        if (weights.shape.is_fully_defined() and values.shape.is_fully_defined()
                and weights.shape == values.shape):
            return weights
        check = assert_broadcastable(weights, values)
        with control_dependencies([check] if check is not None else []):
            return math_ops.multiply(weights, fill_ops.ones_like(values), name=scope)


def _squeeze_last(t):
    return shape_ops.squeeze(t, [-1])


def remove_squeezable_dimensions(labels, predictions, expected_rank_diff=0, name=None):
    """Drops a trailing size-1 dim of labels or predictions when their ranks differ by one from
    `expected_rank_diff` (static ranks only, as TF does when they are known)."""
    with name_scope(name, "remove_squeezable_dimensions", [labels, predictions]):
        predictions = convert_to_tensor(predictions)
        labels = convert_to_tensor(labels)
        p_shape, l_shape = predictions.shape, labels.shape
        if p_shape.ndims is not None and l_shape.ndims is not None:
            diff = p_shape.ndims - l_shape.ndims
            if diff == expected_rank_diff + 1 and p_shape.dims[-1].is_compatible_with(1):
                predictions = _squeeze_last(predictions)
            elif diff == expected_rank_diff - 1 and l_shape.dims[-1].is_compatible_with(1):
                labels = _squeeze_last(labels)
        return labels, predictions


def remove_squeezable_weights(labels, predictions, weights, expected_rank_diff=0):
    """TF's losses/metrics `_remove_squeezable_dimensions`: labels vs predictions, then weights (a Tensor
    from here on) lose a trailing dim when their rank is one more than the labels'."""
    labels, predictions = remove_squeezable_dimensions(labels, predictions, expected_rank_diff)
    if weights is None:
        return labels, predictions, None
    weights = convert_to_tensor(weights)
    l_rank, w_rank = labels.shape.ndims, weights.shape.ndims
    if l_rank is not None and w_rank is not None and w_rank - l_rank == 1:
        weights = _squeeze_last(weights)
    return labels, predictions, weights


# ---- reductions --------------------------------------------------------------------------------------
def num_present(losses, weights, per_batch=False):
    """How many loss elements have nonzero weight (a `Sum` named `num_present`); per batch element keeps
    dims 1.. as size 1."""
    with name_scope(None, "num_present", (losses, weights)) as scope:
        weights = math_ops.cast(weights, dtypes.float32)
        present = slicing.where(math_ops.equal(weights, 0.0), fill_ops.zeros_like(weights),
                                fill_ops.ones_like(weights))
        present = broadcast_weights(present, losses)
        if per_batch:
            axis = fill_ops.range(1, shape_ops.rank(present))
            return reduction_ops.reduce_sum(present, axis=axis, keepdims=True, name=scope)
        return reduction_ops.reduce_sum(present, name=scope)


def _safe_mean(losses, count):
    return div_no_nan(reduction_ops.reduce_sum(losses), count, name="value")


def _num_elements(losses):
    with name_scope(None, "num_elements") as scope:
        return math_ops.cast(shape_ops.size(losses, name=scope), losses.dtype)


def compute_weighted_loss(losses, weights=1.0, scope=None, loss_collection="losses",
                          reduction=Reduction.SUM_BY_NONZERO_WEIGHTS):
    """`tf.losses.compute_weighted_loss`: weights the losses, reduces them, adds the result to
    `loss_collection`; the result has the losses' dtype.

    >>> import scopeflow as tf
    >>> tf.losses.compute_weighted_loss(tf.constant([1., 2.])).name
    'weighted_loss/value:0'
    """
    Reduction.validate(reduction)
    with name_scope(scope, "weighted_loss", (losses, weights)):
        check = assert_broadcastable(weights, losses)
        with control_dependencies([check] if check is not None else []):
            losses = convert_to_tensor(losses)
            input_dtype = losses.dtype.base_dtype
            losses = math_ops.cast(losses, dtypes.float32)
            weights = math_ops.cast(weights, dtypes.float32)
            loss = math_ops.multiply(losses, weights)
            if reduction != Reduction.NONE:
                loss = reduction_ops.reduce_sum(loss)
                if reduction == Reduction.MEAN:
                    loss = _safe_mean(loss, reduction_ops.reduce_sum(fill_ops.ones_like(losses) * weights))
                elif reduction == Reduction.SUM_BY_NONZERO_WEIGHTS:
                    loss = _safe_mean(loss, num_present(losses, weights))
                elif reduction == Reduction.SUM_OVER_BATCH_SIZE:
                    loss = _safe_mean(loss, _num_elements(losses))
            loss = math_ops.cast(loss, input_dtype)
            util.add_loss(loss, loss_collection)
            return loss


__all__ = ["Reduction", "assert_broadcastable", "broadcast_weights", "compute_weighted_loss", "div_no_nan",
           "num_present", "remove_squeezable_dimensions", "remove_squeezable_weights"]
