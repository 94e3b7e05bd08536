"""`tf.gradients`, `tf.hessians`, `tf.stop_gradient`: gradients are graph ops whose kernel runs JAX's VJP
of the forward computation.

`tf.gradients` opens the `gradients` name scope (`gradients_1` for a second call), finds the path from xs
to ys (gradient_plan.py) and builds ONE `SymbolicGradient` op (inputs: ys, xs, grad_ys, then the tensors
the path reads) with one output per connected x. Each x's gradient is returned through an `Identity` named
as TF 1.15 names that tensor (gradient_names.py): `gradients/MatMul_grad/MatMul_1`, `gradients/AddN_1`,
`gradients/grad_ys_0`, or with gate_gradients (optimizers' GATE_OP) `gradients/MatMul_grad/tuple/
control_dependency_1`; outputs 1, 2 ... of one TF op (`FusedBatchNormGradV3:2`) come from one `IdentityN`,
and xs TF gives one tensor share it. Only these ops exist under the scope, not the rest of TF's gradient
graph. An x TF's naming is not modelled for keeps `gradients/<consumer>_grad/Identity` (or `AddN`).
Run time: the kernel copies the values computed so far (`ctx.env`), adds a zero perturbation to each x
(to a variable x's state value, so every read of the variable on the path sees it), re-runs only the path
ops and takes `jax.vjp` with respect to the perturbations. Ops off the path - random ops, reads of other
variables - are not re-run: their forward values are reused, so dropout masks match the forward, and XLA
merges the re-run path with the forward (CSE). A cond, while_loop or map_fn on the path re-runs its
branches or body from the state it found in the forward (random counters, variables it writes:
control_flow_subgraph.ForwardState), so random ops inside draw what the forward drew. An op with a
Python gradient function runs as a `jax.custom_vjp` whose backward pass evaluates the ops that function
built. A gradient through the gradient of a loop (while_loop, map_fn ..., a Hessian) raises TF's error at
build time (gradient_loops.py).
An x read only by row gathers gets TF's IndexedSlices: the op outputs the gradient w.r.t. the gathered
rows, reshaped and concatenated as TF does (gradient_plan.py, indexed_slices_ops.py).
"""
import copy
import enum

import jax
import jax.numpy as jnp

from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import gradient_names, indexed_slices_ops
from scopeflow.ops.common import convert_to_tensor, create, create1, name_scope, same_infer
from scopeflow.ops.custom_gradient import identity_n
from scopeflow.ops.gradient_loops import LOOP_FREE, second_order_error
from scopeflow.ops.gradient_plan import build_plan, has_float_values

_PASS_THROUGH = ("Identity", "ReadVariableOp")


class UnconnectedGradients(enum.Enum):
    """What `tf.gradients` returns for an x the ys do not depend on."""
    NONE = "none"
    ZERO = "zero"


class AggregationMethod:
    """How gradients from several paths are summed (accepted; XLA chooses the summation order)."""
    ADD_N = 0
    DEFAULT = ADD_N
    EXPERIMENTAL_TREE = 1
    EXPERIMENTAL_ACCUMULATE_N = 2


# ---- ops ----------------------------------------------------------------------------------------------
@op("StopGradient")
class StopGradient:
    infer = staticmethod(same_infer)

    @staticmethod
    def kernel(x, **_):
        return jax.lax.stop_gradient(x)


def _is_ref(value):
    return hasattr(value, "key")


def _value(ctx, value):
    return ctx.read(value.key) if _is_ref(value) else value


@op("SymbolicGradient", attrs={"plan": None}, type_attr=None, context=True, ref_inputs=True)
class SymbolicGradient:
    @staticmethod
    def infer(ctx, *inputs, plan):
        return list(plan.specs)

    @staticmethod
    def kernel(ctx, *inputs, plan):
        forward, bases = _path_function(ctx, plan)
        outs, vjp = jax.vjp(forward, *[jnp.zeros_like(b) for b in bases])
        if plan.jacobian:
            basis = jnp.eye(outs[0].shape[0], dtype=outs[0].dtype)
            return list(jax.vmap(lambda row: vjp((row,)))(basis))
        n = len(plan.ys) + len(plan.xs)
        given = iter(inputs[n:n + sum(plan.has_grad_ys)])
        cotangents = tuple(next(given) if has else jnp.ones_like(y) for y, has in zip(outs, plan.has_grad_ys))
        return list(vjp(cotangents))


def _path_function(ctx, plan):
    """`forward(*perturbations) -> ys`, re-running the path over a copy of the values computed so far, and
    the values of the xs (where the perturbations are taken at zero)."""
    env0 = ctx.env
    bases = [_value(ctx, env0[x]) for x in plan.xs]
    # a variable x is perturbed in the state (every read on the path sees it) unless its value is
    # already an array (a reference resolved by an enclosing gradient)
    in_state = [v and _is_ref(env0[x]) for x, v in zip(plan.xs, plan.variable_xs)]
    perturbed = {env0[x].key for x, v in zip(plan.xs, in_state) if v}

    def forward(*eps):
        env = dict(env0)
        for t in plan.recomputed:
            env.pop(t, None)
        for t in plan.boundary:   # values off the path read the unperturbed variable
            if _is_ref(env[t]) and env[t].key in perturbed:
                env[t] = ctx.read(env[t].key)
        sub = copy.copy(ctx)
        sub.state = dict(ctx.state)
        sub.replaying = True   # a cond / loop on the path restarts from its forward entry state
        for i in plan.initial:
            x = plan.xs[i]
            if in_state[i]:
                sub.state[env0[x].key] = bases[i] + eps[i]
            else:
                env[x] = bases[i] + eps[i]
        for kind, step in plan.steps:
            if kind == "ops":
                sub.evaluate(step, env)
            elif kind == "perturb":
                env[plan.xs[step]] = _value(sub, env[plan.xs[step]]) + eps[step]
            elif kind == "stop":
                env[step] = jax.lax.stop_gradient(_value(sub, env[step]))
            elif kind == "forward":
                env[step._outputs[0]] = env[step._inputs[0]]
            else:
                _run_custom(sub, step, env)
        return tuple(_value(sub, env[y]) for y in plan.ys)

    return forward, bases


def _run_custom(ctx, step, env):
    """Evaluates `step.op` in `env` as a custom VJP whose backward pass runs the gradient function's ops."""
    op_ = step.op
    inputs = op_._inputs
    diff = [i for i, t in enumerate(inputs) if step.results[i] is not None and has_float_values(t)]
    diff_extras = [t for t in step.extras if has_float_values(t)]
    # an input the gradient function gives None gets no gradient at all (not a zero one: 0 * inf is nan)
    fixed = {t: jax.lax.stop_gradient(_value(ctx, env[t])) if has_float_values(t) else env[t]
             for i, t in enumerate(inputs) if i not in diff}
    fixed.update((t, _value(ctx, env[t])) for t in step.extras if t not in diff_extras)

    def bind(args, extra_args):
        bound = dict(fixed)
        bound.update((inputs[i], v) for i, v in zip(diff, args))
        bound.update(zip(diff_extras, extra_args))
        return bound

    def run_op(args, extra_args):
        bound = bind(args, extra_args)
        ctx.evaluate([op_], bound)
        return tuple(_value(ctx, bound[t]) for t in op_._outputs)

    @jax.custom_vjp
    def apply(args, extra_args):
        return run_op(args, extra_args)

    def apply_fwd(args, extra_args):
        # through `apply` itself, so a gradient of this gradient uses the custom rule again, as TF's does
        outs = apply(args, extra_args)
        return outs, (args, extra_args, outs)

    def apply_bwd(residuals, cotangents):
        args, extra_args, outs = residuals
        bound = bind(args, extra_args)
        bound.update(zip(op_._outputs, outs))
        bound.update((g, ct) for g, ct in zip(step.grad_inputs, cotangents) if g is not None)
        ctx.evaluate(list(step.ops), bound)
        grads = tuple(jnp.zeros_like(a) if step.results[i] is None else
                      jnp.asarray(_value(ctx, bound[step.results[i]]), a.dtype)
                      for i, a in zip(diff, args))
        return grads, tuple(jnp.zeros_like(e) for e in extra_args)

    apply.defvjp(apply_fwd, apply_bwd)
    args = tuple(_value(ctx, env[inputs[i]]) for i in diff)
    extra_args = tuple(_value(ctx, env[t]) for t in diff_extras)
    for t, value in zip(op_._outputs, apply(args, extra_args)):
        env[t] = value


# ---- API ----------------------------------------------------------------------------------------------
def stop_gradient(input, name=None):  # noqa: A002  TF's argument name
    """`tf.stop_gradient`: the input's value, through which no gradient flows (op `StopGradient`)."""
    if isinstance(input, Tensor):
        return create1("StopGradient", [input], name)
    with name_scope(name, "StopGradient", [input]) as scope:
        input = convert_to_tensor(input, name="input")
        return create1("StopGradient", [input], scope)


def _as_list(value):
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _as_x(x):
    """A variable differentiates as its variable op's output (`w:0`, the handle of a resource variable)."""
    if x is None:
        raise AttributeError("'NoneType' object has no attribute 'op'")
    if hasattr(x, "_ref") and not isinstance(x, Tensor):
        return x._ref()
    return convert_to_tensor(x, name="x")


def _unconnected_mode(value):
    try:
        return UnconnectedGradients(value)
    except ValueError:
        raise ValueError(f"Unknown value for unconnected_gradients: {value!r}") from None


def _check_aggregation(method):
    if method is not None and method not in (0, 1, 2):
        raise ValueError(f"Invalid `aggregation_method` specified {method}. Accepted values are [0, 1, 2].")


def _grad_y(grad_y, y, i):
    grad_y = convert_to_tensor(grad_y, dtype=None if isinstance(grad_y, Tensor) else y.dtype.base_dtype,
                               name=f"grad_y_{i}")   # TF names it so; `grad_ys_<i>` is its Identity
    if grad_y.dtype.base_dtype != y.dtype.base_dtype:
        raise TypeError(f"Gradient type {grad_y.dtype.base_dtype.name} generated for op {y.op.name} with "
                        f"type {y.dtype.base_dtype.name} must be {y.dtype.base_dtype.name}")
    if not grad_y.shape.is_compatible_with(y.shape):
        raise ValueError(f"Incompatible shapes between op input and calculated input gradient. Forward "
                         f"operation: {y.op.name}. Input index: 0. Original input shape: {y.shape}. Calculated "
                         f"input gradient shape: {grad_y.shape}")
    return grad_y


def _result_scope(x, on_path):
    """The name for an x's gradient that gradient_names cannot name: `<consumer>_grad/Identity` after the op
    it flows back from, or `AddN` for a sum."""
    consumers = [c for c in x._consumers if c in on_path]
    while len(consumers) == 1 and consumers[0]._type in _PASS_THROUGH:
        consumers = [c for t in consumers[0]._outputs for c in t._consumers if c in on_path]
    if not consumers:
        return None, "Identity"
    if len(consumers) > 1:
        return None, "AddN"
    return consumers[0]._name + "_grad", "Identity"


def _named_results(xs, outputs, names):
    """x -> a tensor named as TF names x's gradient (`names`: x -> TFName), for the xs TF names. xs sharing
    one TF tensor share one result; the outputs of one TF op come from one op with TF's output indices (an
    `IdentityN`, whose outputs at indices no x asks for repeat another gradient)."""
    by_op = {}
    for x in xs:
        name = names.get(x)
        if isinstance(name, gradient_names.TFName):
            by_op.setdefault(name.op, {}).setdefault(name.index, x)
    tensors = {}
    for op_name, firsts in by_op.items():
        if list(firsts) == [0]:
            tensors[(op_name, 0)] = create1("Identity", [outputs[firsts[0]]], op_name)
            continue
        filler = outputs[next(iter(firsts.values()))]
        inputs = [outputs[firsts[i]] if i in firsts else filler for i in range(max(firsts) + 1)]
        for i, t in enumerate(identity_n(inputs, name=op_name)):
            tensors[(op_name, i)] = t
    return {x: tensors[(names[x].op, names[x].index)] for x in xs
            if isinstance(names.get(x), gradient_names.TFName)}


def _symbolic_gradient(ys, xs, grad_ys, stops, jacobian=False, gate=False, aggregation_method=None,
                       hessian_scope=None):
    """Builds the gradient op in the current name scope; returns one Tensor or None per x. Refuses, as
    TF, a gradient through a loop's gradient (gradient_loops.py; `hessian_scope`: a Hessian's)."""
    has = [g is not None for g in grad_ys]
    plan = build_plan(ys, xs, stops, has, jacobian)
    if plan is None:
        return [None] * len(xs)
    if plan.second_order != LOOP_FREE:
        raise second_order_error(plan.second_order, hessian_scope)
    given = [g for y, g in zip(ys, grad_ys) if g is not None and y in plan.ys]
    reads = [t for t in plan.boundary + plan.extras if t not in plan.ys and t not in plan.xs]
    gradient_op = create("SymbolicGradient", list(plan.ys) + list(plan.xs) + given + reads,
                         "SymbolicGradient", plan=plan)
    on_path = {t._op for t in plan.recomputed}
    custom = {step.op: step for kind, step in plan.steps if kind == "custom"}
    scopes = {o._name + "_grad": step.scope for o, step in custom.items()}
    outputs = dict(zip(plan.xs, gradient_op._outputs))
    dense = [x for x in dict.fromkeys(xs) if x in outputs and x not in plan.sparse]
    names = {} if jacobian else gradient_names.tf_names(ys, xs, stops, gate, custom, aggregation_method)
    results = _named_results(dense, outputs, names)
    for x in dense:
        if x in results:
            continue
        scope, name = _result_scope(x, on_path)
        if scope is None:
            results[x] = create1("Identity", [outputs[x]], name)
            continue
        with name_scope(scopes.get(scope, scope)) as full:   # one `<op>_grad/` scope per op, as TF
            scopes[scope] = full
            results[x] = create1("Identity", [outputs[x]], name)
    for x, gathers in plan.sparse.items():
        results[x] = _sparse_result(x, gathers, outputs, scopes)
    return [results.get(x) for x in xs]


def _sparse_result(x, gathers, outputs, scopes):
    """The IndexedSlices gradient of a sparse x from the gradients w.r.t. its gathers' outputs (None when
    none of them is connected), built as TF does (ops/indexed_slices_ops.py)."""
    dense_shape = None
    if x._op._type == "VarHandleOp":   # TF's resource gather gives the variable's shape as a Const
        shape = x._op._attrs["shape"]
        if shape is not None and shape.is_fully_defined():
            dense_shape = shape.as_list()
    parts = []
    for gather in gathers:
        out = outputs.get(gather._outputs[0])
        if out is None:
            continue
        scope = gather._name + "_grad"
        with name_scope(scopes.get(scope, scope)) as full:
            scopes[scope] = full
            parts.append(indexed_slices_ops.gather_gradient(out, gather, dense_shape))
    return indexed_slices_ops.aggregate(parts) if parts else None


def _zeros_for(x):
    from scopeflow.ops.fill_ops import zeros, zeros_like
    if x._op._type == "VarHandleOp":
        shape = x._op._attrs["shape"]
        return zeros([d.value for d in shape.dims], x._op._attrs["dtype"])
    return zeros_like(x)


def gradients(ys, xs, grad_ys=None, name="gradients", colocate_gradients_with_ops=False, gate_gradients=False,
              aggregation_method=None, stop_gradients=None,
              unconnected_gradients=UnconnectedGradients.NONE):
    """`tf.gradients`: the sum over ys of d(y)/d(x) for each x (None for an x the ys do not depend on).

    Gradients are named as TF names them (the gated name is what `Optimizer.compute_gradients` gives):

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     x = tf.placeholder(tf.float32, [None, 2], name="x")
    ...     w = tf.Variable(tf.ones([2, 1]), name="w")
    ...     loss = tf.reduce_sum(tf.matmul(x, w))
    ...     print(tf.gradients(loss, w)[0].name)
    ...     print(tf.gradients(loss, w, gate_gradients=True)[0].name)
    gradients/MatMul_grad/MatMul_1:0
    gradients_1/MatMul_grad/tuple/control_dependency_1:0
    """
    mode = _unconnected_mode(unconnected_gradients)
    _check_aggregation(aggregation_method)
    ys, xs = _as_list(ys), _as_list(xs)
    grad_ys = [None] * len(ys) if grad_ys is None else _as_list(grad_ys)
    stop_gradients = [] if stop_gradients is None else _as_list(stop_gradients)
    if len(grad_ys) != len(ys):
        raise ValueError(f"Length mismatch. Passed {len(grad_ys)} grad_ys for {len(ys)} ys")
    values = [v for v in ys + xs + stop_gradients + grad_ys if v is not None]
    with name_scope(name, "gradients", values):
        ys = [convert_to_tensor(y, name=f"y_{i}") for i, y in enumerate(ys)]
        xs = [_as_x(x) for x in xs]
        # a variable stops at its own output (`w:0`), as TF converts it with as_ref (golden: indexed_slices)
        stops = [s._ref() if hasattr(s, "_ref") and not isinstance(s, Tensor) else convert_to_tensor(s)
                 for s in stop_gradients]
        grad_ys = [None if g is None else _grad_y(g, y, i) for i, (y, g) in enumerate(zip(ys, grad_ys))]
        results = _symbolic_gradient(ys, xs, grad_ys, stops, gate=bool(gate_gradients),
                                     aggregation_method=aggregation_method)
    if mode is UnconnectedGradients.ZERO:
        results = [_zeros_for(x) if g is None else g for g, x in zip(results, xs)]
    return results


def hessians(ys, xs, name="hessians", colocate_gradients_with_ops=False, gate_gradients=False,
             aggregation_method=None):
    """`tf.hessians`: per x, the second derivatives of sum(ys), shaped `x.shape + x.shape`.

    TF builds a while loop over the gradient's elements; here one op takes the Jacobian of the flattened
    gradient (a vmapped VJP), inside the `while/` scope TF's loop would use.
    """
    from scopeflow.ops.join_ops import concat
    from scopeflow.ops.shape_ops import reshape, shape
    xs = _as_list(xs)
    kwargs = dict(colocate_gradients_with_ops=colocate_gradients_with_ops, gate_gradients=gate_gradients,
                  aggregation_method=aggregation_method)
    results = []
    for gradient, x in zip(gradients(ys, xs, **kwargs), xs):
        if gradient is None:   # TF's reshape of the None gradient fails converting it
            raise ValueError("Tried to convert 'tensor' to a tensor and failed. Error: None values not "
                             "supported.")
        flat = reshape(gradient, [-1])
        x_t = _as_x(x)
        with name_scope("while"), name_scope("gradients") as scope:
            jacobian = _symbolic_gradient([flat], [x_t], [None], [], jacobian=True, hessian_scope=scope)[0]
        x_shape = jacobian.shape[1:].as_list() if jacobian.shape.ndims else None
        if x_shape is not None and None not in x_shape:
            results.append(reshape(jacobian, x_shape + x_shape))
        else:
            x_dims = shape(x_t)
            results.append(reshape(jacobian, concat([x_dims, x_dims], 0)))
    return results


__all__ = ["gradients", "hessians", "stop_gradient", "UnconnectedGradients", "AggregationMethod"]
