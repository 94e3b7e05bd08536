"""`optimize_loss` (tf.contrib.layers / slim): one call from a loss to a training tensor.

In `variable_scope(name or 'OptimizeLoss')`: the loss depends on the update ops (UPDATE_OPS by
default); a float learning rate becomes the non-trainable variable `OptimizeLoss/learning_rate`, passed
through `learning_rate_decay_fn(lr, global_step)` when given; the optimizer is a name from
OPTIMIZER_CLS_NAMES, an Optimizer class, instance or factory; gradients may get noise, multipliers and
clipping (a float clips by global norm, a callable transforms the pairs); the step is
`OptimizeLoss/train` and the result is `OptimizeLoss/control_dependency:0`, the loss after the step.
Summaries are not written (no summary system yet), but the norms they would report are still built
so later op names match TF's.
"""

from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import check_ops, clip_ops, control_flow_ops, init_ops, math_ops, random_ops
from scopeflow.ops import variable_scope as vs
from scopeflow.ops.variable_collections import trainable_variables
from scopeflow.slim.learning import map_gradient_values
from scopeflow.train import training_util
from scopeflow.train.adagrad import AdagradOptimizer
from scopeflow.train.adam import AdamOptimizer
from scopeflow.train.ftrl import FtrlOptimizer
from scopeflow.train.gradient_descent import GradientDescentOptimizer
from scopeflow.train.momentum import MomentumOptimizer
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.rmsprop import RMSPropOptimizer

OPTIMIZER_CLS_NAMES = {
    "Adagrad": AdagradOptimizer,
    "Adam": AdamOptimizer,
    "Ftrl": FtrlOptimizer,
    "Momentum": lambda learning_rate: MomentumOptimizer(learning_rate, momentum=0.9),
    "RMSProp": RMSPropOptimizer,
    "SGD": GradientDescentOptimizer,
}
OPTIMIZER_SUMMARIES = ["learning_rate", "loss", "gradients", "gradient_norm", "global_gradient_norm"]


def _learning_rate(learning_rate):
    if learning_rate is None:
        return None
    if isinstance(learning_rate, Tensor) and learning_rate.get_shape().ndims == 0:
        return learning_rate
    if isinstance(learning_rate, float):
        if learning_rate < 0.0:
            raise ValueError(f"Invalid learning_rate {learning_rate}.")
        return vs.get_variable("learning_rate", [], trainable=False,
                               initializer=init_ops.constant_initializer(learning_rate))
    raise ValueError(f"Learning rate should be 0d Tensor or float. Got {learning_rate} of type "
                     f"{type(learning_rate)}")


def _make_optimizer(optimizer, lr, learning_rate):
    if isinstance(optimizer, str):
        if lr is None:
            raise ValueError(f"Learning rate is None, but should be specified if optimizer is string ({optimizer}).")
        if optimizer not in OPTIMIZER_CLS_NAMES:
            raise ValueError(f"Optimizer name should be one of [{', '.join(OPTIMIZER_CLS_NAMES)}], you provided "
                             f"{optimizer}.")
        return OPTIMIZER_CLS_NAMES[optimizer](learning_rate=lr)
    if isinstance(optimizer, type) and issubclass(optimizer, Optimizer):
        if lr is None:
            raise ValueError(f"Learning rate is None, but should be specified if optimizer is class ({optimizer}).")
        return optimizer(learning_rate=lr)
    if isinstance(optimizer, Optimizer):
        return optimizer
    if callable(optimizer):
        opt = optimizer(lr) if learning_rate is not None else optimizer()
        if not isinstance(opt, Optimizer):
            raise ValueError(f"Unrecognized optimizer: function should return subclass of Optimizer. Got {opt}.")
        return opt
    raise ValueError("Unrecognized optimizer: should be string, subclass of Optimizer, instance of subclass of "
                     f"Optimizer or function with one argument. Got {optimizer}.")


def optimize_loss(loss, global_step, learning_rate, optimizer, gradient_noise_scale=None,
                  gradient_multipliers=None, clip_gradients=None, learning_rate_decay_fn=None, update_ops=None,
                  variables=None, name=None, summaries=None, colocate_gradients_with_ops=False,
                  increment_global_step=True):
    """Builds the training step for `loss`; returns the loss tensor that runs it (see the module doc)."""
    loss = convert_to_tensor(loss)
    check_ops.assert_scalar(loss)
    if global_step is None:
        global_step = training_util.get_global_step()
    else:
        training_util.assert_global_step(global_step)
    with vs.variable_scope(name, "OptimizeLoss", [loss, global_step]):
        if update_ops is None:
            update_ops = get_default_graph().get_collection(GraphKeys.UPDATE_OPS)
        if update_ops:
            loss = control_flow_ops.with_dependencies(list(update_ops), loss)
        lr = _learning_rate(learning_rate)
        if summaries is None:
            summaries = ["loss", "learning_rate", "global_gradient_norm"]
        for summ in summaries:
            if summ not in OPTIMIZER_SUMMARIES:
                raise ValueError(f"Summaries should be one of [{', '.join(OPTIMIZER_SUMMARIES)}], you provided "
                                 f"{summ}.")
        if learning_rate is not None and learning_rate_decay_fn is not None:
            if global_step is None:
                raise ValueError("global_step is required for learning_rate_decay_fn.")
            lr = learning_rate_decay_fn(lr, global_step)
        opt = _make_optimizer(optimizer, lr, learning_rate)
        if variables is None:
            variables = trainable_variables()
        gradients = opt.compute_gradients(loss, variables, colocate_gradients_with_ops=colocate_gradients_with_ops)
        if gradient_noise_scale is not None:
            gradients = _add_scaled_noise_to_gradients(gradients, gradient_noise_scale)
        if gradient_multipliers is not None:
            gradients = _multiply_gradients(gradients, gradient_multipliers)
            if not gradients:
                raise ValueError("Empty list of (gradient, var) pairs encountered. This is most likely to be caused "
                                 "by an improper value of gradient_multipliers.")
        reports_norms = "global_gradient_norm" in summaries or "gradient_norm" in summaries
        if reports_norms:
            clip_ops.global_norm(list(zip(*gradients))[0])   # TF summarises it (golden: op names after it)
        if isinstance(clip_gradients, float):
            gradients = _clip_gradients_by_norm(gradients, clip_gradients)
        elif callable(clip_gradients):
            gradients = clip_gradients(gradients)
        elif clip_gradients is not None:
            raise ValueError(f"Unknown type {type(clip_gradients)} for clip_gradients")
        if "gradient_norm" in summaries:
            for gradient, _ in gradients:
                if gradient is not None:
                    clip_ops.global_norm([gradient])
        if clip_gradients is not None and reports_norms:
            clip_ops.global_norm(list(zip(*gradients))[0])
        grad_updates = opt.apply_gradients(gradients, global_step=global_step if increment_global_step else None,
                                           name="train")
        return control_flow_ops.with_dependencies([grad_updates], loss)


def _clip_gradients_by_norm(grads_and_vars, clip_gradients):
    gradients, variables = zip(*grads_and_vars)
    clipped, _ = clip_ops.clip_by_global_norm(gradients, clip_gradients)
    return list(zip(clipped, variables))


def _add_scaled_noise_to_gradients(grads_and_vars, gradient_noise_scale):
    def noisy(values):
        return values + random_ops.truncated_normal(values.get_shape()) * gradient_noise_scale
    return [(map_gradient_values(grad, noisy), var) for grad, var in grads_and_vars]


def _multiply_gradients(grads_and_vars, gradient_multipliers):
    result = []
    for grad, var in grads_and_vars:
        if grad is not None and (var in gradient_multipliers or var.name in gradient_multipliers):
            key = var if var in gradient_multipliers else var.name
            multiplier = gradient_multipliers[key]
            grad = map_gradient_values(grad, lambda g: g * math_ops.cast(multiplier, g.dtype))
        result.append((grad, var))
    return result


__all__ = ["OPTIMIZER_CLS_NAMES", "OPTIMIZER_SUMMARIES", "optimize_loss"]
