"""Streaming metrics over confusion counts: true/false positives/negatives, precision, recall, mean_iou
and auc (ROC or PR, over thresholds).

Invariants as in metrics_impl.py: `(value, update_op)` pairs, local metric variables named as TF's
(`precision/true_positives/count:0`, `auc/true_positives:0` of shape [num_thresholds],
`mean_iou/total_confusion_matrix:0` float64). Labels and predictions of the counting metrics are cast
to bool; a ratio with a zero denominator is 0 (golden: tests/golden/metrics.json).
"""
from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant
from scopeflow.losses.weighting import broadcast_weights, div_no_nan
from scopeflow.metrics.metrics_impl import add_to, metric_variable, remove_squeezable
from scopeflow.ops import array_ops, fill_ops, join_ops, math_ops, reduction_ops, shape_ops, slicing, state_ops
from scopeflow.ops.common import convert_to_tensor, name_scope
from scopeflow.ops.variable_scope import variable_scope


# ---- counts ------------------------------------------------------------------------------------------
def _count_condition(values, weights, metrics_collections, updates_collections):
    """A `count` variable summing the (weighted) true `values`: (Identity of count, AssignAdd)."""
    count = metric_variable([], dtypes.float32, name="count")
    values = math_ops.cast(values, dtypes.float32)
    if weights is not None:
        values = math_ops.multiply(values, math_ops.cast(weights, dtypes.float32))
    value = array_ops.identity(count)
    add_to(metrics_collections, value)
    update_op = state_ops.assign_add(count, reduction_ops.reduce_sum(values))
    add_to(updates_collections, update_op)
    return value, update_op


def _counter(default_name, label_is, prediction_is):
    def metric(labels, predictions, weights=None, metrics_collections=None, updates_collections=None, name=None):
        with variable_scope(name, default_name, (predictions, labels, weights)):
            predictions, labels, weights = remove_squeezable(math_ops.cast(predictions, dtypes.bool),
                                                             math_ops.cast(labels, dtypes.bool), weights)
            hit = math_ops.logical_and(math_ops.equal(labels, label_is), math_ops.equal(predictions, prediction_is))
            return _count_condition(hit, weights, metrics_collections, updates_collections)
    metric.__name__ = default_name
    metric.__doc__ = (f"`tf.metrics.{default_name}`: the (weighted) count of labels == {label_is} and "
                      f"predictions == {prediction_is}, as `(count, update_op)`.")
    return metric


true_positives = _counter("true_positives", True, True)
false_positives = _counter("false_positives", False, True)
false_negatives = _counter("false_negatives", True, False)
true_negatives = _counter("true_negatives", False, False)


def _ratio(tp, other, name):
    """tp / (tp + other), or 0 when the denominator is not positive (a `Select` named `name`)."""
    return slicing.where(math_ops.greater(tp + other, 0), math_ops.truediv(tp, tp + other), 0, name)


def _ratio_metric(default_name, other_counter, other_name):
    def metric(labels, predictions, weights=None, metrics_collections=None, updates_collections=None, name=None):
        with variable_scope(name, default_name, (predictions, labels, weights)):
            predictions, labels, weights = remove_squeezable(math_ops.cast(predictions, dtypes.bool),
                                                             math_ops.cast(labels, dtypes.bool), weights)
            tp, tp_update = true_positives(labels, predictions, weights)
            other, other_update = other_counter(labels, predictions, weights)
            value = _ratio(tp, other, "value")
            update_op = _ratio(tp_update, other_update, "update_op")
            add_to(metrics_collections, value)
            add_to(updates_collections, update_op)
            return value, update_op
    metric.__name__ = default_name
    metric.__doc__ = f"`tf.metrics.{default_name}`: true_positives / (true_positives + {other_name})."
    return metric


precision = _ratio_metric("precision", false_positives, "false_positives")
recall = _ratio_metric("recall", false_negatives, "false_negatives")


# ---- mean IOU ------------------------------------------------------------------------------------------
def _flat(t):
    return shape_ops.reshape(t, [-1]) if t.shape.ndims is None or t.shape.ndims > 1 else t


def _confusion(labels, predictions, num_classes, weights):
    """[num_classes, num_classes] float64 counts: rows are labels, columns predictions."""
    rows = fill_ops.one_hot(labels, num_classes, dtype=dtypes.float64)
    cols = fill_ops.one_hot(predictions, num_classes, dtype=dtypes.float64)
    if weights is not None:
        cols = cols * shape_ops.expand_dims(weights, -1)
    return reduction_ops.matmul(rows, cols, transpose_a=True)


def mean_iou(labels, predictions, num_classes, weights=None, metrics_collections=None, updates_collections=None,
             name=None):
    """`tf.metrics.mean_iou`: the mean over classes (those present) of TP / (TP + FP + FN), from a
    streaming confusion matrix; the update op returns that matrix."""
    with variable_scope(name, "mean_iou", (predictions, labels, weights)):
        predictions = convert_to_tensor(predictions)
        labels = convert_to_tensor(labels)
        predictions.shape.assert_is_compatible_with(labels.shape)
        total_cm = metric_variable([num_classes, num_classes], dtypes.float64, name="total_confusion_matrix")
        predictions = math_ops.cast(predictions, dtypes.int64)
        labels = math_ops.cast(labels, dtypes.int64)
        weights = None if weights is None else _flat(math_ops.cast(weights, dtypes.float64))
        update_op = state_ops.assign_add(total_cm, _confusion(_flat(labels), _flat(predictions), num_classes,
                                                              weights))
        sum_over_row = math_ops.cast(reduction_ops.reduce_sum(total_cm, 0), dtypes.float32)
        sum_over_col = math_ops.cast(reduction_ops.reduce_sum(total_cm, 1), dtypes.float32)
        diag = reduction_ops.reduce_sum(total_cm * fill_ops.eye(num_classes, dtype=dtypes.float64), 1)
        cm_diag = math_ops.cast(diag, dtypes.float32)
        denominator = sum_over_row + sum_over_col - cm_diag
        num_valid = reduction_ops.reduce_sum(math_ops.cast(math_ops.not_equal(denominator, 0), dtypes.float32))
        denominator = slicing.where(math_ops.greater(denominator, 0), denominator, fill_ops.ones_like(denominator))
        iou = math_ops.truediv(cm_diag, denominator)
        value = slicing.where(math_ops.greater(num_valid, 0),
                              reduction_ops.reduce_sum(iou, name="mean_iou") / num_valid, 0)
        add_to(metrics_collections, value)
        add_to(updates_collections, update_op)
        return value, update_op


# ---- AUC ---------------------------------------------------------------------------------------------
_KEYS = ("tp", "fn", "tn", "fp")
_VARIABLE_NAMES = {"tp": "true_positives", "fn": "false_negatives", "tn": "true_negatives",
                   "fp": "false_positives"}


def _confusion_at_thresholds(labels, predictions, thresholds, weights):
    """Per threshold t, the (weighted) counts of predictions > t against labels, as variables of shape
    [len(thresholds)] and their update ops (dicts keyed tp, fn, tn, fp)."""
    predictions, labels, weights = remove_squeezable(math_ops.cast(predictions, dtypes.float32),
                                                     math_ops.cast(labels, dtypes.bool), weights)
    n = len(thresholds)
    predictions_2d = shape_ops.reshape(predictions, [-1, 1])
    labels_2d = shape_ops.reshape(math_ops.cast(labels, dtypes.bool), [1, -1])
    num_predictions = predictions_2d.shape.as_list()[0]
    if num_predictions is None:
        num_predictions = shape_ops.shape(predictions_2d)[0]
    thresh_tiled = join_ops.tile(shape_ops.expand_dims(constant(thresholds, dtype=dtypes.float32), [1]),
                                 join_ops.stack([1, num_predictions]))
    preds_tiled = join_ops.tile(shape_ops.transpose(predictions_2d), [n, 1])
    pred_is_pos = math_ops.greater(preds_tiled, thresh_tiled)
    label_is_pos = join_ops.tile(labels_2d, [n, 1])
    pred_is_neg = math_ops.logical_not(pred_is_pos)
    label_is_neg = math_ops.logical_not(label_is_pos)
    weights_tiled = None
    if weights is not None:
        weights = broadcast_weights(math_ops.cast(weights, dtypes.float32), predictions)
        weights_tiled = join_ops.tile(shape_ops.reshape(weights, [1, -1]), [n, 1])
    conditions = {"tp": (label_is_pos, pred_is_pos), "fn": (label_is_pos, pred_is_neg),
                  "tn": (label_is_neg, pred_is_neg), "fp": (label_is_neg, pred_is_pos)}
    values, updates = {}, {}
    for key in _KEYS:
        variable = metric_variable([n], dtypes.float32, name=_VARIABLE_NAMES[key])
        hit = math_ops.cast(math_ops.logical_and(*conditions[key]), dtypes.float32)
        if weights_tiled is not None:
            hit = hit * weights_tiled
        updates[key] = state_ops.assign_add(variable, reduction_ops.reduce_sum(hit, 1))
        values[key] = variable
    return values, updates


def _area(x, y, n, summation_method, name):
    dx = x[:n - 1] - x[1:]
    if summation_method in ("trapezoidal", "careful_interpolation"):
        heights = (y[:n - 1] + y[1:]) / 2.
    elif summation_method == "minoring":
        heights = math_ops.minimum(y[:n - 1], y[1:])
    elif summation_method == "majoring":
        heights = math_ops.maximum(y[:n - 1], y[1:])
    else:
        raise ValueError(f"Invalid summation_method: {summation_method} summation_method should be "
                         "'trapezoidal', 'careful_interpolation', 'minoring', or 'majoring'.")
    return reduction_ops.reduce_sum(math_ops.multiply(dx, heights), name=name)


def _interpolated_pr_auc(tp, fp, fn, n):
    """Davis & Goadrich's interpolation of the PR curve between thresholds (TF's careful_interpolation),
    a `Sum` named `interpolate_pr_auc`."""
    with name_scope(None, "interpolate_pr_auc") as scope:
        dtp = tp[:n - 1] - tp[1:]
        p = tp + fp
        prec_slope = div_no_nan(dtp, math_ops.maximum(p[:n - 1] - p[1:], 0))
        intercept = tp[1:] - math_ops.multiply(prec_slope, p[1:])
        safe_p_ratio = slicing.where(math_ops.logical_and(p[:n - 1] > 0, p[1:] > 0),
                                     div_no_nan(p[:n - 1], math_ops.maximum(p[1:], 0)),
                                     fill_ops.ones_like(p[1:]))
        return reduction_ops.reduce_sum(
            div_no_nan(prec_slope * (dtp + intercept * math_ops.log(safe_p_ratio)),
                       math_ops.maximum(tp[1:] + fn[1:], 0)), name=scope)


def auc(labels, predictions, weights=None, num_thresholds=200, metrics_collections=None,
        updates_collections=None, curve="ROC", name=None, summation_method="trapezoidal", thresholds=None):
    """`tf.metrics.auc`: area under the ROC or PR curve from streaming counts at `num_thresholds`
    thresholds spread over [0, 1] (plus one just below 0 and one just above 1)."""
    with variable_scope(name, "auc", (labels, predictions, weights)):
        if curve not in ("ROC", "PR"):
            raise ValueError(f"Curve must be either ROC or PR. Curve {curve} is unknown.")
        if not hasattr(predictions, "dtype"):   # TF reads predictions.dtype for its [0, 1] checks
            raise AttributeError(f"'{type(predictions).__name__}' object has no attribute 'dtype'")
        kepsilon = 1e-7
        if thresholds is not None:
            thresholds = sorted(thresholds)
            num_thresholds = len(thresholds) + 2
        else:
            thresholds = [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
        thresholds = [0.0 - kepsilon] + list(thresholds) + [1.0 + kepsilon]
        values, updates = _confusion_at_thresholds(labels, predictions, thresholds, weights)
        epsilon = 1.0e-6
        n = num_thresholds

        def compute(c, name):
            tp, fn, tn, fp = (c[k] for k in _KEYS)
            if curve == "PR" and summation_method == "careful_interpolation":
                return _interpolated_pr_auc(tp, fp, fn, n)
            rec = math_ops.truediv(tp + epsilon, tp + fn + epsilon)
            if curve == "ROC":
                x, y = math_ops.truediv(fp, fp + tn + epsilon), rec
            else:
                x, y = rec, math_ops.truediv(tp + epsilon, tp + fp + epsilon)
            return _area(x, y, n, summation_method, name)

        value = compute(values, "value")
        update_op = compute(updates, "update_op")
        add_to(metrics_collections, value)
        add_to(updates_collections, update_op)
        return value, update_op


__all__ = ["auc", "false_negatives", "false_positives", "mean_iou", "precision", "recall", "true_negatives",
           "true_positives"]
