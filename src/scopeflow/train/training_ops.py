"""The optimizers' update ops (`ApplyGradientDescent`, `ApplyMomentum`, `ApplyAdam`, `ApplyRMSProp`,
`ApplyCenteredRMSProp`, `ApplyAdagrad`, `ApplyAdadelta`, `ApplyFtrl`, `ApplyFtrlV2`) and their builders.

Each op takes the variable and its slots as references (`ref_inputs=True`), reads them, writes the
updated values back in one step and outputs the variable's reference, as TF's kernels do. The update
arithmetic follows TF's kernels term by term, so float32 results agree to rounding (golden:
tests/golden/train_optimizers.json). Build-time checks are TF's shape function: slots and gradient merge
with the variable's shape, hyper-parameters must be scalars.
"""
import jax.numpy as jnp

from scopeflow.framework.registry import declare
from scopeflow.framework.scopes import name_scope
from scopeflow.ops.common import create
from scopeflow.ops.state_ops import convert_input, merge_shapes


def _gradient_descent(var, alpha, delta):
    return [var - alpha * delta]


def _momentum(var, accum, lr, grad, momentum, *, use_nesterov):
    accum = accum * momentum + grad
    if use_nesterov:
        return [var - (grad * lr + accum * momentum * lr), accum]
    return [var - lr * accum, accum]


def _adam(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad, *, use_nesterov):
    alpha = lr * jnp.sqrt(1 - beta2_power) / (1 - beta1_power)
    m = m + (grad - m) * (1 - beta1)
    v = v + (jnp.square(grad) - v) * (1 - beta2)
    step = grad * (1 - beta1) + beta1 * m if use_nesterov else m
    return [var - (step * alpha) / (jnp.sqrt(v) + epsilon), m, v]


def _rmsprop(var, ms, mom, lr, rho, momentum, epsilon, grad):
    ms = ms + (jnp.square(grad) - ms) * (1 - rho)
    mom = mom * momentum + (grad * lr) / jnp.sqrt(ms + epsilon)
    return [var - mom, ms, mom]


def _centered_rmsprop(var, mg, ms, mom, lr, rho, momentum, epsilon, grad):
    ms = ms + (jnp.square(grad) - ms) * (1 - rho)
    mg = mg + (grad - mg) * (1 - rho)
    denom = (ms - jnp.square(mg)) + epsilon
    mom = mom * momentum + (grad * lr) / jnp.sqrt(denom)
    return [var - mom, mg, ms, mom]


def _adagrad(var, accum, lr, grad, *, update_slots):
    if update_slots:
        accum = accum + jnp.square(grad)
    return [var - grad * lr * jnp.reciprocal(jnp.sqrt(accum)), accum]


def _adadelta(var, accum, accum_update, lr, rho, epsilon, grad):
    accum = accum * rho + jnp.square(grad) * (1 - rho)
    update = jnp.sqrt(accum_update + epsilon) * jnp.reciprocal(jnp.sqrt(accum + epsilon)) * grad
    accum_update = accum_update * rho + jnp.square(update) * (1 - rho)
    return [var - update * lr, accum, accum_update]


def _ftrl_step(var, accum, linear, grad, shrunk_grad, lr, l1, l2, lr_power, by_lr):
    """TF's FTRL-proximal step; lr_power -0.5 (the default) uses square roots as TF's kernel does;
    `by_lr` is the kernel's multiply_linear_by_lr form (linear scaled by the learning rate)."""
    new_accum = accum + jnp.square(grad)
    half = lr_power == -0.5
    new_pow = jnp.where(half, jnp.sqrt(new_accum), jnp.power(new_accum, -lr_power))
    old_pow = jnp.where(half, jnp.sqrt(accum), jnp.power(accum, -lr_power))
    if by_lr:
        linear = linear + shrunk_grad * lr - (new_pow - old_pow) * var
        quadratic, l1 = new_pow + 2 * l2 * lr, l1 * lr
    else:
        linear = linear + shrunk_grad - (new_pow - old_pow) / lr * var
        quadratic = new_pow / lr + 2 * l2
    shrunk = (l1 * jnp.sign(linear) - linear) / quadratic
    var = jnp.where(jnp.abs(linear) > l1, shrunk, jnp.zeros_like(shrunk))
    return [var, new_accum, linear]


def _ftrl(var, accum, linear, grad, lr, l1, l2, lr_power, *, multiply_linear_by_lr):
    return _ftrl_step(var, accum, linear, grad, grad, lr, l1, l2, lr_power, multiply_linear_by_lr)


def _ftrl_v2(var, accum, linear, grad, lr, l1, l2, l2_shrinkage, lr_power, *, multiply_linear_by_lr):
    return _ftrl_step(var, accum, linear, grad, grad + 2 * l2_shrinkage * var, lr, l1, l2, lr_power,
                      multiply_linear_by_lr)


# TF type -> (input names, how many leading inputs are references, update, extra attributes)
_APPLY = {
    "ApplyGradientDescent": (("var", "alpha", "delta"), 1, _gradient_descent, {}),
    "ApplyMomentum": (("var", "accum", "lr", "grad", "momentum"), 2, _momentum, {"use_nesterov": False}),
    "ApplyAdam": (("var", "m", "v", "beta1_power", "beta2_power", "lr", "beta1", "beta2", "epsilon", "grad"),
                  3, _adam, {"use_nesterov": False}),
    "ApplyRMSProp": (("var", "ms", "mom", "lr", "rho", "momentum", "epsilon", "grad"), 3, _rmsprop, {}),
    "ApplyCenteredRMSProp": (("var", "mg", "ms", "mom", "lr", "rho", "momentum", "epsilon", "grad"), 4,
                             _centered_rmsprop, {}),
    "ApplyAdagrad": (("var", "accum", "lr", "grad"), 2, _adagrad, {"update_slots": True}),
    "ApplyAdadelta": (("var", "accum", "accum_update", "lr", "rho", "epsilon", "grad"), 3, _adadelta, {}),
    "ApplyFtrl": (("var", "accum", "linear", "grad", "lr", "l1", "l2", "lr_power"), 3, _ftrl,
                  {"multiply_linear_by_lr": False}),
    "ApplyFtrlV2": (("var", "accum", "linear", "grad", "lr", "l1", "l2", "l2_shrinkage", "lr_power"), 3,
                    _ftrl_v2, {"multiply_linear_by_lr": False}),
}
_TENSOR_ARGS = {"var", "accum", "m", "v", "ms", "mom", "mg", "accum_update", "linear", "grad", "delta"}


def _declare_apply(tf_type, names, n_refs, update, extra):
    """Declares `tf_type` on ref variables (outputs the variable's ref) and `Resource<tf_type>` on
    resource handles (no outputs); both run `update` over the current values and write them back."""
    tensor_positions = {i for i, n in enumerate(names) if n in _TENSOR_ARGS}

    def check(ctx, inputs, first):
        shape = None
        for i, t in enumerate(inputs[first:], first):
            if i in tensor_positions:
                shape = merge_shapes(ctx, shape, t._shape)
            elif t._shape is not None and len(t._shape) != 0:
                raise ctx.error(f"Shape must be rank 0 but is rank {len(t._shape)}")
        return shape

    def ref_infer(ctx, *inputs, **_):
        return [(check(ctx, inputs, 0), inputs[0].dtype)]

    def resource_infer(ctx, *inputs, **_):
        check(ctx, inputs, n_refs)   # handles carry no shape; the values must still agree
        return []

    def run(ctx, args, attrs):
        refs = args[:n_refs]
        values = [ctx.read(r.key) for r in refs]
        values += [ctx.read(a.key) if hasattr(a, "key") else a for a in args[n_refs:]]
        for ref, value in zip(refs, update(*values, **{k: attrs[k] for k in extra})):
            ctx.write(ref.key, value)
        return refs[0]

    def ref_kernel(ctx, *args, **attrs):
        return run(ctx, args, attrs)

    def resource_kernel(ctx, *args, **attrs):
        run(ctx, args, attrs)
        return []

    flags = dict(attrs={"T": None, "use_locking": False, **extra}, type_attr=None, context=True,
                 ref_inputs=True)
    declare(tf_type, ref_infer, ref_kernel, **flags)
    declare("Resource" + tf_type, resource_infer, resource_kernel, **flags)


for _type, (_names, _n_refs, _update, _extra) in _APPLY.items():
    _declare_apply(_type, _names, _n_refs, _update, _extra)


def apply_op(tf_type, var, slots, *values, name=None, **attrs):
    """Builds the update `tf_type` of the Variable `var` with its slot Variables `slots` and `values` in
    TF's input order; a resource variable gets `Resource<tf_type>` on the handles. Returns the Operation.

    Values are converted to the variable's dtype inside the op's name scope, with TF's op-builder
    TypeError, e.g. "Input 'delta' of 'ApplyGradientDescent' Op has type string that does not match type
    float32 of argument 'var'."
    """
    names = _APPLY[tf_type][0][1 + len(slots):]
    dtype = var.dtype.base_dtype
    if var._is_resource:
        tf_type = "Resource" + tf_type
    with name_scope(name, tf_type, [var]) as scope:
        inputs = [var._ref()] + [slot._ref() for slot in slots]
        inputs += [convert_input(tf_type, value, dtype, arg, "var") for arg, value in zip(names, values)]
        return create(tf_type, inputs, scope, T=dtype, **attrs)


__all__ = ["apply_op"]
