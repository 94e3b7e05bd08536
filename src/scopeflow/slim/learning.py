"""`slim.learning`: `create_train_op` (update ops, gradient clipping and multipliers) and its helpers.

`create_train_op` makes the loss depend on an `update_barrier` NoOp over the update ops (UPDATE_OPS by
default, e.g. batch norm's moving averages), applies the optimizer's gradients (incrementing the global
step), and returns `train_op/control_dependency:0`, the loss checked for inf/nan, after the update; it is
added to TRAIN_OP. `summarize_gradients` builds nothing (no summary system yet). slim's `train` loop
(Supervisor based) is not provided.
"""
from scopeflow.framework.constant_op import constant
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.indexed_slices import IndexedSlices
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import check_ops, clip_ops, control_flow_ops
from scopeflow.ops.variable_collections import trainable_variables
from scopeflow.train import training_util
from scopeflow.train.optimizer import Optimizer

_USE_GLOBAL_STEP = 0


def map_gradient_values(grad, fn):
    """`fn` applied to a dense gradient, or to the values of an IndexedSlices one (None stays None)."""
    if grad is None:
        return None
    if isinstance(grad, IndexedSlices):
        return IndexedSlices(fn(grad.values), grad.indices, grad.dense_shape)
    return fn(grad)


def clip_gradient_norms(gradients_to_variables, max_norm):
    """Each gradient clipped to norm `max_norm` (`clip_by_norm`; of its values for IndexedSlices)."""
    return [(map_gradient_values(grad, lambda g: clip_ops.clip_by_norm(g, max_norm)), var)
            for grad, var in gradients_to_variables]


def clip_gradient_norms_fn(max_norm):
    return lambda grads_and_vars: clip_gradient_norms(grads_and_vars, max_norm)


def multiply_gradients(grads_and_vars, gradient_multipliers):
    """Scales the gradients of the variables named (or given) in `gradient_multipliers`."""
    if not isinstance(grads_and_vars, list):
        raise ValueError("`grads_and_vars` must be a list.")
    if not gradient_multipliers:
        raise ValueError("`gradient_multipliers` is empty.")
    if not isinstance(gradient_multipliers, dict):
        raise ValueError("`gradient_multipliers` must be a dict.")
    result = []
    for grad, var in grads_and_vars:
        if var in gradient_multipliers or var.op.name in gradient_multipliers:
            key = var if var in gradient_multipliers else var.op.name
            if grad is None:
                raise ValueError("Requested multiple of `None` gradient.")
            multiplier = gradient_multipliers[key]
            if not isinstance(multiplier, Tensor):
                multiplier = constant(multiplier, dtype=grad.dtype)
            grad = map_gradient_values(grad, lambda g: g * multiplier)
        result.append((grad, var))
    return result


def add_gradients_summaries(grads_and_vars):
    """Would add gradient histograms and norms; builds nothing (no summary system yet), returns []."""
    return []


def create_train_op(total_loss, optimizer, global_step=_USE_GLOBAL_STEP, update_ops=None,
                    variables_to_train=None, clip_gradient_norm=0, summarize_gradients=False,
                    gate_gradients=Optimizer.GATE_OP, aggregation_method=None, colocate_gradients_with_ops=False,
                    gradient_multipliers=None, check_numerics=True):
    """A tensor that, when evaluated, runs the update ops, applies one optimizer step and returns the loss.

    >>> import scopeflow as tf, scopeflow.slim as slim
    >>> with tf.Graph().as_default():
    ...     w = tf.Variable(1.0)
    ...     print(slim.learning.create_train_op(w * w, tf.train.GradientDescentOptimizer(0.1)).name)
    train_op/control_dependency:0
    """
    def transform_grads_fn(grads):
        if gradient_multipliers:
            with name_scope("multiply_grads"):
                grads = multiply_gradients(grads, gradient_multipliers)
        if clip_gradient_norm > 0:
            with name_scope("clip_grads"):
                grads = clip_gradient_norms(grads, clip_gradient_norm)
        return grads

    return _create_train_op(total_loss, optimizer, global_step, update_ops, variables_to_train,
                            transform_grads_fn, gate_gradients, aggregation_method, colocate_gradients_with_ops,
                            check_numerics)


def _create_train_op(total_loss, optimizer, global_step, update_ops, variables_to_train, transform_grads_fn,
                     gate_gradients, aggregation_method, colocate_gradients_with_ops, check_numerics):
    graph = get_default_graph()
    if global_step is _USE_GLOBAL_STEP:
        global_step = training_util.get_or_create_global_step()
    global_update_ops = graph.get_collection(GraphKeys.UPDATE_OPS)
    update_ops = global_update_ops if update_ops is None else list(update_ops)
    if update_ops:
        with graph.control_dependencies(update_ops):
            barrier = control_flow_ops.no_op(name="update_barrier")
        total_loss = control_flow_ops.with_dependencies([barrier], total_loss)
    if variables_to_train is None:
        variables_to_train = trainable_variables()
    if not variables_to_train:
        raise AssertionError()   # tf-slim asserts a non-empty variable list
    grads = optimizer.compute_gradients(total_loss, variables_to_train, gate_gradients=gate_gradients,
                                        aggregation_method=aggregation_method,
                                        colocate_gradients_with_ops=colocate_gradients_with_ops)
    if transform_grads_fn:
        grads = transform_grads_fn(grads)
    grad_updates = optimizer.apply_gradients(grads, global_step=global_step)
    with name_scope("train_op"):
        if check_numerics:
            total_loss = check_ops.check_numerics(total_loss, "LossTensor is inf or nan")
        train_op = control_flow_ops.with_dependencies([grad_updates], total_loss)
    train_ops = graph.get_collection_ref(GraphKeys.TRAIN_OP)
    if not any(op is train_op for op in train_ops):
        train_ops.append(train_op)
    return train_op


__all__ = ["map_gradient_values", "clip_gradient_norms", "clip_gradient_norms_fn", "multiply_gradients", "add_gradients_summaries",
           "create_train_op"]
