"""Streaming metrics built on a running total and count: `mean`, `accuracy`, `mean_absolute_error`,
`mean_squared_error`, `root_mean_squared_error`, `mean_tensor`; and `metric_variable`, shared by all.

Each metric returns `(value, update_op)`: `value` reads the metric's local variables, `update_op` adds
this batch and returns the new value. The variables live in a variable scope named after the metric
(`accuracy/total:0`, `accuracy/count:0`), are not trainable, and are in the LOCAL_VARIABLES and
METRIC_VARIABLES collections only, so `tf.local_variables_initializer()` resets them (golden:
tests/golden/metrics.json).
"""
from scopeflow.framework import dtypes
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import add_to_collections, control_dependencies
from scopeflow.losses.weighting import broadcast_weights, div_no_nan, remove_squeezable_dimensions
from scopeflow.ops import fill_ops, math_ops, reduction_ops, shape_ops, state_ops
from scopeflow.ops.common import convert_to_tensor
from scopeflow.ops.variable_scope import variable_scope
from scopeflow.ops.variables import Variable


def metric_variable(shape, dtype, validate_shape=True, name=None):
    """A zero-initialized local variable in LOCAL_VARIABLES and METRIC_VARIABLES."""
    return Variable(lambda: fill_ops.zeros(shape, dtype), trainable=False,
                    collections=[GraphKeys.LOCAL_VARIABLES, GraphKeys.METRIC_VARIABLES],
                    validate_shape=validate_shape, name=name)


def remove_squeezable(predictions, labels, weights):
    """TF's metrics `_remove_squeezable_dimensions`: labels vs predictions (shapes must then be
    compatible), then weights of rank(predictions) +- 1 are squeezed or expanded (static ranks)."""
    predictions = convert_to_tensor(predictions)
    if labels is not None:
        labels, predictions = remove_squeezable_dimensions(labels, predictions)
        predictions.shape.assert_is_compatible_with(labels.shape)
    if weights is None:
        return predictions, labels, None
    weights = convert_to_tensor(weights)
    w_rank, p_rank = weights.shape.ndims, predictions.shape.ndims
    if w_rank == 0 or w_rank is None or p_rank is None:
        return predictions, labels, weights
    if w_rank - p_rank == 1:
        weights = shape_ops.squeeze(weights, [-1])
    elif p_rank - w_rank == 1:
        weights = shape_ops.expand_dims(weights, [-1])
    return predictions, labels, weights


def add_to(collections, value):
    if collections:
        add_to_collections(collections, value)


def _safe_mean(total, count, name):
    return div_no_nan(total, math_ops.maximum(count, 0), name=name)


def mean(values, weights=None, metrics_collections=None, updates_collections=None, name=None):
    """`tf.metrics.mean`: the (weighted) mean of all values seen, as `(mean, update_op)`.

    >>> import scopeflow as tf
    >>> m, update = tf.metrics.mean([1., 2.])
    >>> m.name, update.name, [v.name for v in tf.local_variables()]
    ('mean/value:0', 'mean/update_op:0', ['mean/total:0', 'mean/count:0'])
    """
    with variable_scope(name, "mean", (values, weights)):
        values = math_ops.cast(values, dtypes.float32)
        total = metric_variable([], dtypes.float32, name="total")
        count = metric_variable([], dtypes.float32, name="count")
        if weights is None:
            num_values = math_ops.cast(shape_ops.size(values), dtypes.float32)
        else:
            values, _, weights = remove_squeezable(values, None, weights)
            weights = broadcast_weights(math_ops.cast(weights, dtypes.float32), values)
            values = math_ops.multiply(values, weights)
            num_values = reduction_ops.reduce_sum(weights)
        update_total = state_ops.assign_add(total, reduction_ops.reduce_sum(values))
        with control_dependencies([values]):
            update_count = state_ops.assign_add(count, num_values)
        mean_t = _safe_mean(total, count, "value")
        add_to(metrics_collections, mean_t)
        update_op = _safe_mean(update_total, update_count, "update_op")
        add_to(updates_collections, update_op)
        return mean_t, update_op


def accuracy(labels, predictions, weights=None, metrics_collections=None, updates_collections=None, name=None):
    """`tf.metrics.accuracy`: how often `predictions` equal `labels` (the `mean` of the matches)."""
    predictions, labels, weights = remove_squeezable(predictions, labels, weights)
    predictions.shape.assert_is_compatible_with(labels.shape)
    if labels.dtype.base_dtype != predictions.dtype.base_dtype:
        predictions = math_ops.cast(predictions, labels.dtype.base_dtype)
    is_correct = math_ops.cast(math_ops.equal(predictions, labels), dtypes.float32)
    return mean(is_correct, weights, metrics_collections, updates_collections, name or "accuracy")


def mean_absolute_error(labels, predictions, weights=None, metrics_collections=None, updates_collections=None,
                        name=None):
    """`tf.metrics.mean_absolute_error`: the `mean` of |predictions - labels|."""
    predictions, labels, weights = remove_squeezable(predictions, labels, weights)
    absolute_errors = math_ops.abs(predictions - labels)
    return mean(absolute_errors, weights, metrics_collections, updates_collections, name or "mean_absolute_error")


def mean_squared_error(labels, predictions, weights=None, metrics_collections=None, updates_collections=None,
                       name=None):
    """`tf.metrics.mean_squared_error`: the `mean` of (labels - predictions)^2."""
    predictions, labels, weights = remove_squeezable(predictions, labels, weights)
    squared_error = math_ops.squared_difference(labels, predictions)
    return mean(squared_error, weights, metrics_collections, updates_collections, name or "mean_squared_error")


def root_mean_squared_error(labels, predictions, weights=None, metrics_collections=None,
                            updates_collections=None, name=None):
    """`tf.metrics.root_mean_squared_error`: sqrt of the streaming mean squared error (`Sqrt` ops at
    the caller's scope, as TF builds them)."""
    predictions, labels, weights = remove_squeezable(predictions, labels, weights)
    mse, update_mse = mean_squared_error(labels, predictions, weights, None, None,
                                         name or "root_mean_squared_error")
    rmse = math_ops.sqrt(mse)
    add_to(metrics_collections, rmse)
    update_rmse = math_ops.sqrt(update_mse)
    add_to(updates_collections, update_rmse)
    return rmse, update_rmse


def mean_tensor(values, weights=None, metrics_collections=None, updates_collections=None, name=None):
    """`tf.metrics.mean_tensor`: the element-wise streaming mean of `values` (a fully known shape)."""
    with variable_scope(name, "mean", (values, weights)):
        values = math_ops.cast(values, dtypes.float32)
        total = metric_variable(values.shape, dtypes.float32, name="total_tensor")
        count = metric_variable(values.shape, dtypes.float32, name="count_tensor")
        num_values = fill_ops.ones_like(values)
        if weights is not None:
            values, _, weights = remove_squeezable(values, None, weights)
            weights = broadcast_weights(math_ops.cast(weights, dtypes.float32), values)
            values = math_ops.multiply(values, weights)
            num_values = math_ops.multiply(num_values, weights)
        update_total = state_ops.assign_add(total, values)
        with control_dependencies([values]):
            update_count = state_ops.assign_add(count, num_values)
        mean_t = _safe_mean(total, count, "value")
        add_to(metrics_collections, mean_t)
        update_op = _safe_mean(update_total, update_count, "update_op")
        add_to(updates_collections, update_op)
        return mean_t, update_op


__all__ = ["accuracy", "mean", "mean_absolute_error", "mean_squared_error", "mean_tensor", "metric_variable",
           "root_mean_squared_error"]
