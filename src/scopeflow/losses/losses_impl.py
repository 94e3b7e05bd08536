"""The `tf.losses` loss functions: each builds its per-element losses inside its own name scope
(`softmax_cross_entropy_loss/`, `mean_squared_error/` ...) and reduces them with `compute_weighted_loss`
in that same scope, so the result is `<scope>/value:0` and lands in the LOSSES collection.

Labels and predictions are cast to float32 (cross entropies: to the logits' dtype) and their static
shapes must be compatible ("Shapes (2, 3) and (2, 2) are incompatible"), as in TF 1.15. The op names
inside each scope follow TF's construction order (golden: tests/golden/losses.json). The cross-entropy
kernels are tf.nn's (ops/nn_xent.py).
"""
from scopeflow.framework import dtypes
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.ops import fill_ops, math_ops, nn_ops, nn_xent, reduction_ops, shape_ops, slicing
from scopeflow.ops.common import convert_to_tensor, name_scope
from scopeflow.ops.gradients_impl import stop_gradient
from scopeflow.losses.util import add_loss
from scopeflow.losses.weighting import (Reduction, compute_weighted_loss, div_no_nan, num_present,
                                        remove_squeezable_weights)

_LOSSES = GraphKeys.LOSSES
_DEFAULT = Reduction.SUM_BY_NONZERO_WEIGHTS


def _not_none(**args):
    for arg, value in args.items():
        if value is None:
            raise ValueError(f"Argument `{arg}` must not be None.")


def _float_pair(predictions, labels):
    """Both cast to float32, predictions first; their static shapes must be compatible."""
    predictions = math_ops.cast(predictions, dtypes.float32)
    labels = math_ops.cast(labels, dtypes.float32)
    predictions.shape.assert_is_compatible_with(labels.shape)
    return predictions, labels


def absolute_difference(labels, predictions, weights=1.0, scope=None, loss_collection=_LOSSES,
                        reduction=_DEFAULT):
    """`tf.losses.absolute_difference`: weighted |predictions - labels|."""
    _not_none(labels=labels, predictions=predictions)
    with name_scope(scope, "absolute_difference", (predictions, labels, weights)) as scope:
        predictions, labels = _float_pair(predictions, labels)
        losses = math_ops.abs(math_ops.subtract(predictions, labels))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def mean_squared_error(labels, predictions, weights=1.0, scope=None, loss_collection=_LOSSES,
                       reduction=_DEFAULT):
    """`tf.losses.mean_squared_error`: weighted (predictions - labels)^2.

    >>> import scopeflow as tf
    >>> tf.losses.mean_squared_error([1., 2.], [1., 3.]).name
    'mean_squared_error/value:0'
    """
    _not_none(labels=labels, predictions=predictions)
    with name_scope(scope, "mean_squared_error", (predictions, labels, weights)) as scope:
        predictions, labels = _float_pair(predictions, labels)
        losses = math_ops.squared_difference(predictions, labels)
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def huber_loss(labels, predictions, weights=1.0, delta=1.0, scope=None, loss_collection=_LOSSES,
               reduction=_DEFAULT):
    """`tf.losses.huber_loss`: 0.5 * min(|e|, delta)^2 + delta * (|e| - min(|e|, delta))."""
    _not_none(labels=labels, predictions=predictions)
    with name_scope(scope, "huber_loss", (predictions, labels, weights)) as scope:
        predictions, labels = _float_pair(predictions, labels)
        abs_error = math_ops.abs(math_ops.subtract(predictions, labels))
        quadratic = math_ops.minimum(abs_error, delta)
        linear = math_ops.subtract(abs_error, quadratic)   # TF's form, so values round as TF's
        half = convert_to_tensor(0.5, dtype=quadratic.dtype)
        losses = math_ops.add(math_ops.multiply(half, math_ops.multiply(quadratic, quadratic)),
                              math_ops.multiply(delta, linear))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def log_loss(labels, predictions, weights=1.0, epsilon=1e-7, scope=None, loss_collection=_LOSSES,
             reduction=_DEFAULT):
    """`tf.losses.log_loss`: -y log(p + eps) - (1 - y) log(1 - p + eps)."""
    _not_none(labels=labels, predictions=predictions)
    with name_scope(scope, "log_loss", (predictions, labels, weights)) as scope:
        predictions, labels = _float_pair(predictions, labels)
        losses = (-math_ops.multiply(labels, math_ops.log(predictions + epsilon))
                  - math_ops.multiply(1 - labels, math_ops.log(1 - predictions + epsilon)))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def hinge_loss(labels, logits, weights=1.0, scope=None, loss_collection=_LOSSES, reduction=_DEFAULT):
    """`tf.losses.hinge_loss`: relu(1 - (2 labels - 1) logits), labels in {0, 1}."""
    _not_none(labels=labels, logits=logits)
    with name_scope(scope, "hinge_loss", (logits, labels, weights)) as scope:
        logits, labels = _float_pair(logits, labels)
        all_ones = fill_ops.ones_like(labels)
        labels = math_ops.subtract(2 * labels, all_ones)
        losses = nn_ops.relu(math_ops.subtract(all_ones, math_ops.multiply(labels, logits)))
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def cosine_distance(labels, predictions, axis=None, weights=1.0, scope=None, loss_collection=_LOSSES,
                    reduction=_DEFAULT, dim=None):
    """`tf.losses.cosine_distance`: 1 - sum(labels * predictions, axis) of unit-normalized inputs."""
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'axis' and 'dim'")
        axis = dim
    if axis is None:
        raise ValueError("You must specify argument `axis`.")
    _not_none(labels=labels, predictions=predictions)
    with name_scope(scope, "cosine_distance_loss", (predictions, labels, weights)) as scope:
        predictions, labels = _float_pair(predictions, labels)
        radial_diffs = math_ops.multiply(predictions, labels)
        losses = 1 - reduction_ops.reduce_sum(radial_diffs, axis=(axis,), keepdims=True)
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def mean_pairwise_squared_error(labels, predictions, weights=1.0, scope=None, loss_collection=_LOSSES):
    """`tf.losses.mean_pairwise_squared_error`: per batch element, the mean of the squared differences
    between all pairs of (prediction - label) elements; weights are per batch element."""
    _not_none(labels=labels, predictions=predictions)
    with name_scope(scope, "mean_pairwise_squared_error", (predictions, labels, weights)) as scope:
        weights = math_ops.cast(weights, dtypes.float32)
        predictions, labels = _float_pair(predictions, labels)
        diffs = math_ops.subtract(predictions, labels)
        axis = fill_ops.range(1, shape_ops.rank(diffs))
        sum_squares = reduction_ops.reduce_sum(math_ops.square(diffs), axis, keepdims=True)
        present = num_present(diffs, weights, per_batch=True)
        term1 = 2.0 * div_no_nan(sum_squares, math_ops.maximum(present - 1, 0), name="value")
        sum_diff = reduction_ops.reduce_sum(diffs, axis, keepdims=True)
        term2 = 2.0 * div_no_nan(math_ops.square(sum_diff),
                                 math_ops.maximum(math_ops.multiply(present, present - 1), 0), name="value")
        loss = reduction_ops.reduce_sum(math_ops.multiply(term1 - term2, weights))
        mean_loss = slicing.where(reduction_ops.reduce_sum(present) > 0, loss, fill_ops.zeros_like(loss),
                                  name="value")
        add_loss(mean_loss, loss_collection)
        return mean_loss


def sigmoid_cross_entropy(multi_class_labels, logits, weights=1.0, label_smoothing=0, scope=None,
                          loss_collection=_LOSSES, reduction=_DEFAULT):
    """`tf.losses.sigmoid_cross_entropy`; labels smoothed towards 1/2 when `label_smoothing` > 0."""
    _not_none(multi_class_labels=multi_class_labels, logits=logits)
    with name_scope(scope, "sigmoid_cross_entropy_loss", (logits, multi_class_labels, weights)) as scope:
        logits = convert_to_tensor(logits)
        multi_class_labels = math_ops.cast(multi_class_labels, logits.dtype)
        logits.shape.assert_is_compatible_with(multi_class_labels.shape)
        if label_smoothing > 0:
            multi_class_labels = multi_class_labels * (1 - label_smoothing) + 0.5 * label_smoothing
        losses = nn_xent.sigmoid_cross_entropy_with_logits(labels=multi_class_labels, logits=logits,
                                                      name="xentropy")
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def softmax_cross_entropy(onehot_labels, logits, weights=1.0, label_smoothing=0, scope=None,
                          loss_collection=_LOSSES, reduction=_DEFAULT):
    """`tf.losses.softmax_cross_entropy`; labels smoothed towards 1/num_classes when `label_smoothing` > 0.

    Labels do not receive gradients (a `labels_stop_gradient` op), as in TF.
    """
    _not_none(onehot_labels=onehot_labels, logits=logits)
    with name_scope(scope, "softmax_cross_entropy_loss", (logits, onehot_labels, weights)) as scope:
        logits = convert_to_tensor(logits)
        onehot_labels = math_ops.cast(onehot_labels, logits.dtype)
        logits.shape.assert_is_compatible_with(onehot_labels.shape)
        if label_smoothing > 0:
            num_classes = math_ops.cast(shape_ops.shape(onehot_labels)[-1], logits.dtype)
            smooth_positives = 1.0 - label_smoothing
            smooth_negatives = label_smoothing / num_classes
            onehot_labels = onehot_labels * smooth_positives + smooth_negatives
        onehot_labels = stop_gradient(onehot_labels, name="labels_stop_gradient")
        losses = nn_xent.softmax_cross_entropy_with_logits_v2(labels=onehot_labels, logits=logits, name="xentropy")
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


def sparse_softmax_cross_entropy(labels, logits, weights=1.0, scope=None, loss_collection=_LOSSES,
                                 reduction=_DEFAULT):
    """`tf.losses.sparse_softmax_cross_entropy`: class indices `labels` of rank(logits) - 1 (a trailing
    size-1 dim is squeezed away, also from the weights)."""
    _not_none(labels=labels, logits=logits)
    with name_scope(scope, "sparse_softmax_cross_entropy_loss", (logits, labels, weights)) as scope:
        labels, logits, weights = remove_squeezable_weights(labels, logits, weights, expected_rank_diff=1)
        losses = nn_xent.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits, name="xentropy")
        return compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)


__all__ = ["absolute_difference", "cosine_distance", "hinge_loss", "huber_loss", "log_loss",
           "mean_pairwise_squared_error", "mean_squared_error", "sigmoid_cross_entropy", "softmax_cross_entropy",
           "sparse_softmax_cross_entropy"]
