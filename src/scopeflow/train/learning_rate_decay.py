"""Learning-rate schedules of `tf.train`: exponential, piecewise constant, polynomial, natural-exp,
inverse-time, cosine and cosine-with-restarts decay, each a small graph over `global_step`.

Each builds TF's ops in TF's order inside its name scope (`ExponentialDecay/...`), so names and values
match the reference (golden: tests/golden/train_schedules.json): Python hyper-parameters become
`Cast/x`-style constants in the learning rate's dtype, the global step is cast to it, and the last op is
named after the scope where TF does so.
"""
import math

from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.scopes import name_scope
from scopeflow.ops import math_ops
from scopeflow.ops.control_flow_cond import case, cond
from scopeflow.ops.transform_ops import where_v2


def _start(learning_rate, global_step, *hyper):
    """The initial learning rate Tensor, then each hyper-parameter and the global step in its dtype."""
    initial = convert_to_tensor(learning_rate, name="initial_learning_rate")
    dtype = initial.dtype
    return [initial] + [math_ops.cast(h, dtype) for h in hyper] + [math_ops.cast(global_step, dtype)]


def exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False, name=None):
    """`learning_rate * decay_rate ** (global_step / decay_steps)` (floored exponent with staircase).

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(tf.train.exponential_decay(0.1, tf.train.get_or_create_global_step(), 10, 0.9).name)
    ExponentialDecay:0
    """
    with name_scope(name, "ExponentialDecay", [learning_rate, global_step, decay_steps, decay_rate]) as name:
        initial, decay_steps, decay_rate, step = _start(learning_rate, global_step, decay_steps, decay_rate)
        p = step / decay_steps
        if staircase:
            p = math_ops.floor(p)
        return math_ops.multiply(initial, math_ops.pow(decay_rate, p), name=name)


def natural_exp_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False, name=None):
    """`learning_rate * exp(-decay_rate * global_step / decay_steps)`, as an `ExponentialDecay` of
    `exp(-decay_rate)` (TF builds `Neg`/`Exp` before the scope)."""
    natural_rate = math_ops.exp(math_ops.negative(decay_rate))
    return exponential_decay(learning_rate, global_step, decay_steps, natural_rate, staircase, name)


def inverse_time_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False, name=None):
    """`learning_rate / (1 + decay_rate * global_step / decay_steps)` (floored ratio with staircase)."""
    with name_scope(name, "InverseTimeDecay", [learning_rate, global_step, decay_rate]) as name:
        initial, decay_steps, decay_rate, step = _start(learning_rate, global_step, decay_steps, decay_rate)
        p = step / decay_steps
        if staircase:
            p = math_ops.floor(p)
        one = math_ops.cast(constant(1), initial.dtype)
        denominator = math_ops.add(one, math_ops.multiply(decay_rate, p))
        return math_ops.divide(initial, denominator, name=name)


def polynomial_decay(learning_rate, global_step, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False,
                     name=None):
    """`(lr - end) * (1 - step / decay_steps) ** power + end`, the step clipped at decay_steps (or, with
    cycle, decay_steps stretched to the next multiple above the step)."""
    with name_scope(name, "PolynomialDecay", [learning_rate, global_step, decay_steps, end_learning_rate,
                                              power]) as name:
        initial, end, power, step = _start(learning_rate, global_step, end_learning_rate, power)
        steps = math_ops.cast(decay_steps, initial.dtype)
        if cycle:
            multiplier = where_v2(math_ops.equal(step, 0), 1.0, math_ops.ceil(step / decay_steps))
            steps = math_ops.multiply(steps, multiplier)
        else:
            step = math_ops.minimum(step, steps)
        p = math_ops.divide(step, steps)
        return math_ops.add(math_ops.multiply(initial - end, math_ops.pow(1 - p, power)), end, name=name)


def cosine_decay(learning_rate, global_step, decay_steps, alpha=0.0, name=None):
    """`lr * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) + alpha)`."""
    with name_scope(name, "CosineDecay", [learning_rate, global_step]):
        initial, decay_steps, step = _start(learning_rate, global_step, decay_steps)
        step = math_ops.minimum(step, decay_steps)
        fraction = step / decay_steps
        cosine = 0.5 * (1.0 + math_ops.cos(constant(math.pi, dtype=initial.dtype) * fraction))
        decayed = (1 - alpha) * cosine + alpha
        return math_ops.multiply(initial, decayed)


def _restart_step(fraction, t_mul, geometric):
    """(index of the current period, fraction of it completed) for periods growing by `t_mul`."""
    if not geometric:
        i_restart = math_ops.floor(fraction)
        return i_restart, fraction - i_restart
    i_restart = math_ops.floor(math_ops.log(1.0 - fraction * (1.0 - t_mul)) / math_ops.log(t_mul))
    sum_r = (1.0 - t_mul ** i_restart) / (1.0 - t_mul)
    return i_restart, (fraction - sum_r) / t_mul ** i_restart


def cosine_decay_restarts(learning_rate, global_step, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0,
                          name=None):
    """Cosine decay restarted after `first_decay_steps`, periods growing by `t_mul`, peaks by `m_mul`."""
    with name_scope(name, "SGDRDecay", [learning_rate, global_step]) as name:
        initial, first_steps, alpha, t_mul, m_mul, step = _start(learning_rate, global_step,
                                                                 first_decay_steps, alpha, t_mul, m_mul)
        fraction = step / first_steps
        i_restart, fraction = cond(math_ops.equal(t_mul, 1.0),
                                   lambda: _restart_step(fraction, t_mul, geometric=False),
                                   lambda: _restart_step(fraction, t_mul, geometric=True))
        m_fac = m_mul ** i_restart
        cosine = 0.5 * m_fac * (1.0 + math_ops.cos(constant(math.pi, dtype=initial.dtype) * fraction))
        decayed = (1 - alpha) * cosine + alpha
        return math_ops.multiply(initial, decayed, name=name)


def piecewise_constant(x, boundaries, values, name=None):
    """`values[i]` for `boundaries[i-1] < x <= boundaries[i]`, as TF's exclusive `case`."""
    boundaries = [convert_to_tensor(b) for b in boundaries]
    values = [convert_to_tensor(v) for v in values]
    x = convert_to_tensor(x)
    if len(boundaries) != len(values) - 1:
        raise ValueError("The length of boundaries should be 1 less than the length of values")
    for i, b in enumerate(boundaries):
        if b.dtype.base_dtype != x.dtype.base_dtype:
            if b.dtype.base_dtype.name == "int32" and x.dtype.base_dtype.name == "int64":
                boundaries[i] = math_ops.cast(b, x.dtype.base_dtype)   # int32 boundaries for an int64 step
            else:
                raise ValueError(f"Boundaries ({b.dtype}) must have the same dtype as x ({x.dtype.base_dtype}).")
    for v in values[1:]:
        if v.dtype.base_dtype != values[0].dtype.base_dtype:
            raise ValueError(f"Values must have elements all with the same dtype ({values[0].dtype} vs "
                             f"{v.dtype}).")
    with name_scope(name, "PiecewiseConstant", [x] + boundaries + values):
        pairs = [(x <= boundaries[0], lambda: values[0]), (x > boundaries[-1], lambda: values[-1])]
        for low, high, v in zip(boundaries[:-1], boundaries[1:], values[1:-1]):
            pairs.append(((x > low) & (x <= high), lambda v=v: v))
        return case(pairs, lambda: values[0], exclusive=True)


piecewise_constant_decay = piecewise_constant

__all__ = ["exponential_decay", "natural_exp_decay", "inverse_time_decay", "polynomial_decay", "cosine_decay",
           "cosine_decay_restarts", "piecewise_constant", "piecewise_constant_decay"]
