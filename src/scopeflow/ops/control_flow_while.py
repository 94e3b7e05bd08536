"""`tf.while_loop`: one `While` op runs the condition and body subgraphs; `Exit` ops carry the results
under TF1's names (`while/Exit:0` ...).

Build: the condition gets one `Merge` per loop variable (`while/Merge:0`), the body one `Identity`
(`while/Identity:0`), with the shape invariant as static shape; TF1's own op names (Enter, LoopCond,
Switch, NextIteration) are reserved in TF1's order, so the user's ops get TF1's names. With
`maximum_iterations` TF1's counter is built as real ops (an extra first loop variable, `Less`,
`LogicalAnd`, `add`), which shifts the names exactly as TF1 does. The body's results are checked
against the loop variables (structure; shape within the invariant: TF's messages).

Run: without a static `maximum_iterations` (none, or a tensor known only at run time), `lax.while_loop`;
with `back_prop=True` wrapped in a custom VJP that checkpoints the carry and re-runs segments of the loop
backwards (control_flow_while_grad.py), so tf.gradients and optimizers work through it as in TF1. With
a static `maximum_iterations` (a Python int or a Const) and `back_prop=True`, `lax.scan` of that length
whose step runs the body under `lax.cond` while the condition holds and leaves the variables unchanged
after. With `back_prop=False` the results stop gradients. Either way, a gradient through a loop's
gradient is refused at build time, as TF1 refuses it (ops/gradient_loops.py).
Variables written in the body are carried through the loop as values. A loop variable whose shape
changes at run time cannot be expressed in XLA: such a loop fails at run time naming the op.
"""
import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import TensorShape, as_shape
from scopeflow.ops import control_flow_nest as nest
from scopeflow.ops.common import convert_to_tensor, same_infer
from scopeflow.ops.control_flow_subgraph import StateThread, Subgraph, claim, collect, evaluate, merge_captures, value
from scopeflow.ops.control_flow_while_grad import differentiable_while_loop
from scopeflow.ops.math_ops import less, logical_and

_WHILE_ATTRS = {"cond": None, "body": None, "maximum_iterations": -1, "parallel_iterations": 10,
                "back_prop": True, "swap_memory": False}


def run_loop(ctx, test, step, inits, max_iterations, thread, back_prop=True):
    """Runs `step` on the carried values while `test` holds, at most `max_iterations` times when that is
    >= 0 (a masked `lax.scan`), else as `lax.while_loop`, made reverse-differentiable by a custom VJP
    (control_flow_while_grad.py) when `back_prop`. Returns the final values."""
    run_test, run_step = thread.wrap(test), thread.wrap(step)
    carry = (tuple(inits), thread.initial())
    if max_iterations < 0:
        def cond_fun(carry):
            return run_test(carry[1], carry[0])[0]

        def body_fun(carry):
            return run_step(carry[1], carry[0])

        loop = differentiable_while_loop if back_prop else jax.lax.while_loop
        values, state = loop(cond_fun, body_fun, carry)
    else:
        def keep(values, state):
            return values, state

        def advance(values, state):
            return run_step(state, values)

        def scan_step(carry, _):
            values, state, done = carry
            go = jnp.logical_and(jnp.logical_not(done), run_test(state, values)[0])
            values, state = jax.lax.cond(go, advance, keep, values, state)
            return (values, state, jnp.logical_not(go)), None

        (values, state, _), _ = jax.lax.scan(scan_step, carry + (jnp.bool_(False),), None, length=max_iterations)
    thread.commit(state)
    return list(values)


@op("While", attrs=_WHILE_ATTRS, type_attr=None, context=True, ref_inputs=True)
class While:
    @staticmethod
    def infer(ctx, *inputs, body, **_):   # specs come from while_loop() itself
        return [(t._shape, t.dtype.base_dtype) for t in body.inputs]

    @staticmethod
    def kernel(ctx, *args, cond, body, maximum_iterations, back_prop, **_):
        n = len(body.inputs)
        inits = tuple(value(ctx, a) for a in args[:n])
        env_base = dict(zip(ctx.op._inputs[n:], args[n:]))

        def test(values):
            return evaluate(ctx, cond, env_base, values)[0]

        def step(values):
            return tuple(evaluate(ctx, body, env_base, values))

        thread = StateThread(ctx)
        if body.stateful:
            thread.discover(step, inits)
        # without back_prop nothing differentiates the loop: the cheaper while_loop is enough
        outputs = run_loop(ctx, test, step, inits, maximum_iterations if back_prop else -1, thread, back_prop)
        return outputs if back_prop else [jax.lax.stop_gradient(v) for v in outputs]


@op("Exit")
class Exit:
    infer = staticmethod(same_infer)

    @staticmethod
    def kernel(x, **_):
        return x


# ---- build ----------------------------------------------------------------------------------------
def _shape_text(shape):
    return str(TensorShape._from_tuple(shape))


def _fits(shape, invariant):
    """TF's `_ShapeLessThanOrEqual`: `shape` is at least as specific as `invariant`."""
    if invariant is None:
        return True
    if shape is None or len(shape) != len(invariant):
        return False
    return all(i is None or s == i for s, i in zip(shape, invariant))


def _invariant_shapes(flat, shape_invariants):
    if shape_invariants is None:
        return [t._shape for t in flat]
    shapes = [as_shape(s)._dims for s in nest.flatten(shape_invariants)]
    for t, shape in zip(flat, shapes):
        if not _fits(t._shape, shape):
            raise ValueError(f"The shape invariant specified for {t.name} is not compatible with the initial "
                             f"shape of the loop variable. It enters the loop with shape {_shape_text(t._shape)}"
                             f", but the specified shape invariant is {_shape_text(shape)}.")
    return shapes


def _static_int(t):
    """The value of a Python int or a Const scalar, else -1 (known only at run time)."""
    if isinstance(t, (int, np.integer)):
        return int(t)
    if isinstance(t, Tensor) and t._op._type == "Const":
        return int(np.asarray(t._op._attrs["value"]))
    return -1


def _placeholders(graph, op_type, flat, shapes):
    attrs = {"N": 2} if op_type == "Merge" else {}
    specs = [[(shape, t.dtype.base_dtype)] + ([((), dtypes.int32)] if op_type == "Merge" else [])
             for t, shape in zip(flat, shapes)]
    return [graph._create_op(op_type, [t], op_type, attrs, spec)._outputs[0] for t, spec in zip(flat, specs)]


def _reserve(graph, name, count=1):
    for _ in range(count):
        graph.unique_name(name)


def _call(fn, loop_vars, packed):
    """TF1 calls cond/body with the loop variables spread when they are a list, tuple or dict."""
    return fn(*packed) if isinstance(loop_vars, (list, tuple, dict)) else fn(packed)


def while_loop(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10, back_prop=True,
               swap_memory=False, name=None, maximum_iterations=None, return_same_structure=False):
    """`tf.while_loop`: repeats `body` while `cond` holds; one `While` op and an `Exit` per variable.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(while_loop(lambda i: i < 3, lambda i: i + 1, [tf.constant(0)]).name)
    while/Exit:0
    """
    if not callable(cond):
        raise TypeError("'cond' must be callable.")
    if not callable(body):
        raise TypeError("'body' must be callable.")
    if parallel_iterations < 1:
        raise TypeError("'parallel_iterations' must be a positive integer.")
    if not loop_vars:
        raise ValueError("'loop_vars' must be provided.")
    counted = maximum_iterations is not None
    with name_scope(name, "while", nest.flatten(loop_vars)) as scope:
        graph = get_default_graph()
        flat = [convert_to_tensor(t) for t in nest.flatten(loop_vars)]
        shapes = _invariant_shapes(flat, shape_invariants)
        if counted:
            limit = convert_to_tensor(maximum_iterations, dtype=dtypes.int32, name="maximum_iterations")
            flat = [constant(0, dtypes.int32, name="iteration_counter")] + flat
            shapes = [()] + shapes
        start = graph._version
        k = len(flat)
        _reserve(graph, "Enter", k)
        merges = _placeholders(graph, "Merge", flat, shapes)
        user_merges = merges[1:] if counted else merges
        packed = nest.pack(loop_vars, user_merges)
        below = less(merges[0], limit) if counted else None
        pred = convert_to_tensor(_call(cond, loop_vars, packed))
        if pred.dtype.base_dtype != dtypes.bool:
            raise TypeError(f"Input 'input' of 'LoopCond' Op has type {pred.dtype.base_dtype.name} that does not "
                            "match expected type of bool.")
        if counted:
            pred = logical_and(below, pred)
        _reserve(graph, "LoopCond")
        _reserve(graph, "Switch", k)
        identities = _placeholders(graph, "Identity", flat, shapes)
        user_identities = identities[1:] if counted else identities
        next_count = identities[0] + 1 if counted else None   # TF1's `add`
        result = _call(body, loop_vars, nest.pack(loop_vars, user_identities))
        if not nest.is_sequence(result):
            result = [result]
        if counted:
            nest.assert_same([loop_vars], [result], check_types=True)
        else:
            nest.assert_same(list(loop_vars) if not isinstance(loop_vars, dict) else loop_vars,
                             list(result) if not isinstance(result, dict) else result, check_types=True)
        body_flat = [convert_to_tensor(t) for t in nest.flatten(result)]
        if counted:
            body_flat = [next_count] + body_flat
        for t, out, shape in zip(flat, body_flat, shapes):
            if not _fits(out._shape, shape):
                raise ValueError(f"Input tensor '{t.name}' enters the loop with shape {_shape_text(t._shape)}, "
                                 f"but has shape {_shape_text(out._shape)} after one iteration. To allow the shape "
                                 "to vary across iterations, use the `shape_invariants` argument of tf.while_loop "
                                 "to specify a less-specific shape.")
        _reserve(graph, "NextIteration", k)
        cond_ops, cond_caps, cond_ctl = collect(graph, start, merges, [pred])
        body_ops, body_caps, body_ctl = collect(graph, start, identities, body_flat)
        attrs = {"cond": Subgraph(scope + "cond", merges, [pred], cond_ops),
                 "body": Subgraph(scope + "body", identities, body_flat, body_ops),
                 "maximum_iterations": _static_int(maximum_iterations) if counted else -1,
                 "parallel_iterations": parallel_iterations, "back_prop": bool(back_prop),
                 "swap_memory": bool(swap_memory)}
        owner = graph._create_op("While", flat + merge_captures(cond_caps, body_caps), "While", attrs,
                                 [(shape, t.dtype.base_dtype) for t, shape in zip(flat, shapes)])
        owner._add_control_inputs(merge_captures(cond_ctl, body_ctl))
        claim(owner, cond_ops + body_ops + [t._op for t in merges + identities])
        exits = [graph._create_op("Exit", [t], "Exit")._outputs[0] for t in owner._outputs]
        if counted:
            exits = exits[1:]
        packed_exits = nest.pack(result, exits)
        if not return_same_structure and len(exits) == 1:
            return exits[0]
        return packed_exits


__all__ = ["while_loop", "run_loop"]
