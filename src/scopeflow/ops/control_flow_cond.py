"""`tf.cond` and `tf.case`: one `If` op runs the branch subgraphs under `lax.cond`; `Merge` ops carry
the results under TF1's names (`cond/Merge:0`, `cond/Merge_1:0` ...).

Build: inside the `cond` scope the names TF1 gives its own ops (`Switch`, `switch_t`, `switch_f`,
`pred_id`) are reserved first, so the user's branch ops get TF1's names (`cond/add`, `cond/mul`); both
branches are built, checked (same structure, same dtypes: TF's messages), and their ops are owned by
the `If` op (control_flow_subgraph.py). `If`'s inputs are the predicate and every tensor the branches
read from outside; its outputs are the branch results (shapes: the most specific shape both fit) and
the taken branch's index, which each `Merge` also outputs as `value_index`.
Run: `lax.cond` over the two branches (differentiable by JAX); a predicate already known while tracing
(e.g. `IsVariableInitialized`) builds only the taken branch. Variable writes in a branch are threaded
out of `lax.cond` as values; the branch results must have the same run-time shapes (XLA's rule).
"""
import jax
import jax.numpy as jnp

from scopeflow.framework import dtypes
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.scopes import control_dependencies, name_scope
from scopeflow.framework.tensor import Operation, Tensor, node_text
from scopeflow.ops import control_flow_nest as nest
from scopeflow.ops.array_ops import identity
from scopeflow.ops.common import convert_to_tensor
from scopeflow.ops.join_ops import stack
from scopeflow.ops.logging_ops import Assert
from scopeflow.ops.math_ops import cast, less
from scopeflow.ops.reduction_ops import reduce_any, reduce_sum
from scopeflow.ops.control_flow_subgraph import (ForwardState, StateThread, Subgraph, claim, collect,
                                                 evaluate, is_traced, merge_captures, value)


@op("If", attrs={"then_branch": None, "else_branch": None}, type_attr=None, context=True, ref_inputs=True)
class If:
    @staticmethod
    def infer(ctx, pred, *captured, then_branch, else_branch):   # specs come from cond() itself
        return [(t._shape, t.dtype.base_dtype) for t in then_branch.outputs] + [((), dtypes.int32)]

    @staticmethod
    def kernel(ctx, pred, *captured, then_branch, else_branch):
        env_base = dict(zip(ctx.op._inputs[1:], captured))
        pred = value(ctx, pred)

        def branch(sub, index):
            return lambda: evaluate(ctx, sub, env_base, ()) + [jnp.int32(index)]

        if not is_traced(pred):   # known while tracing: only the taken branch is built (TF runs one)
            with ForwardState(ctx):   # it writes the state directly: a gradient's re-run starts over
                return branch(then_branch, 1)() if bool(pred) else branch(else_branch, 0)()
        thread = StateThread(ctx)
        for sub, index in ((then_branch, 1), (else_branch, 0)):
            if sub.stateful:
                thread.discover(branch(sub, index))
        run_true, run_false = thread.wrap(branch(then_branch, 1)), thread.wrap(branch(else_branch, 0))
        outputs, state = jax.lax.cond(pred, run_true, run_false, thread.initial())
        thread.commit(state)
        return outputs


@op("Merge", attrs={"N": 1})
class Merge:
    """A cond result (inputs: the `If` output and the branch index) or a while_loop's condition
    argument (input: the loop variable's initial value; set by the loop's kernel)."""
    @staticmethod
    def infer(ctx, x, *rest, N):  # noqa: N803  TF's attr name
        return [(x._shape, x.dtype.base_dtype), ((), dtypes.int32)]

    @staticmethod
    def kernel(x, *rest, N):  # noqa: N803
        return [x, rest[0] if rest else jnp.int32(0)]


# ---- build ----------------------------------------------------------------------------------------
def _merged_shape(a, b):
    """The most specific shape both `a` and `b` fit (None: unknown rank)."""
    if a is None or b is None or len(a) != len(b):
        return None
    return tuple(x if x == y else None for x, y in zip(a, b))


def _branch_outputs(fn, label, pred):
    """Calls a branch; returns (its structure, flat Tensors). An Operation result becomes the branch's
    pivot (the predicate's value) run after it, as TF1 does (golden: cond_branch_returns_op)."""
    result = fn()
    if result is None:
        raise ValueError(f"'{label}' must have a return value.")
    flat = []
    for leaf in nest.flatten(result):
        if isinstance(leaf, Operation):
            with control_dependencies([leaf]):
                leaf = identity(pred)
        elif not isinstance(leaf, Tensor):
            leaf = convert_to_tensor(leaf)
        flat.append(leaf)
    return result, flat


def _check_pred(pred, scope):
    if pred.dtype.base_dtype != dtypes.bool:
        raise TypeError(f"Input 'pred' of 'Switch' Op has type {pred.dtype.base_dtype.name} that does not "
                        "match expected type of bool.")
    if pred._shape is not None and len(pred._shape) != 0:
        text = node_text(scope + "Switch", "Switch", {"T": dtypes.bool}, [pred, pred])
        shape = "[" + ",".join("?" if d is None else str(d) for d in pred._shape) + "]"
        raise ValueError(f"Shape must be rank 0 but is rank {len(pred._shape)} for '{text}' with input "
                         f"shapes: {shape}, {shape}.")


def _pick(primary, deprecated, label, old):
    if deprecated is not None:
        if primary is not None:
            raise TypeError(f"cond(): '{label}' and '{old}' may not be set simultaneously.")
        return deprecated
    if primary is None:
        raise TypeError(f"cond(): '{label}' argument required")
    return primary


def cond(pred, true_fn=None, false_fn=None, strict=False, name=None, fn1=None, fn2=None):
    """`tf.cond`: `true_fn()` if `pred` else `false_fn()`, as one `If` op and a `Merge` per result.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     x = tf.constant(2.0)
    ...     print(cond(x > 1.0, lambda: x + 1.0, lambda: x - 1.0).name)
    cond/Merge:0
    """
    true_fn = _pick(true_fn, fn1, "true_fn", "fn1")
    false_fn = _pick(false_fn, fn2, "false_fn", "fn2")
    if not callable(true_fn):
        raise TypeError("'true_fn' must be callable.")
    if not callable(false_fn):
        raise TypeError("'false_fn' must be callable.")
    if isinstance(pred, bool):
        raise TypeError("'pred' must not be a Python bool.")
    with name_scope(name, "cond", [pred]) as scope:
        graph = get_default_graph()
        pred = convert_to_tensor(pred)
        _check_pred(pred, scope)
        for reserved in ("Switch", "switch_t", "switch_f", "pred_id"):   # TF1's own ops come first
            graph.unique_name(reserved)
        start = graph._version
        true_result, true_flat = _branch_outputs(true_fn, "true_fn", pred)
        false_result, false_flat = _branch_outputs(false_fn, "false_fn", pred)
        nest.assert_same(true_result, false_result)
        true_types = [t.dtype.base_dtype for t in true_flat]
        false_types = [t.dtype.base_dtype for t in false_flat]
        if true_types != false_types:
            def names(types):
                return ", ".join(t.name for t in types)
            raise ValueError("Outputs of 'true_fn' and 'false_fn' must have the same type(s). Received "
                             f"{names(true_types)} from 'true_fn' and {names(false_types)} from 'false_fn'.")
        true_ops, true_caps, true_ctl = collect(graph, start, (), true_flat)
        false_ops, false_caps, false_ctl = collect(graph, start, (), false_flat)
        then_branch = Subgraph(scope + "true_fn", (), true_flat, true_ops)
        else_branch = Subgraph(scope + "false_fn", (), false_flat, false_ops)
        specs = [(_merged_shape(t._shape, f._shape), t.dtype.base_dtype) for t, f in zip(true_flat, false_flat)]
        owner = graph._create_op("If", [pred] + merge_captures(true_caps, false_caps), "If",
                                 {"then_branch": then_branch, "else_branch": else_branch},
                                 specs + [((), dtypes.int32)])
        owner._add_control_inputs(c for c in merge_captures(true_ctl, false_ctl) if c is not owner)
        claim(owner, true_ops + false_ops)
        index = owner._outputs[-1]
        merged = [graph._create_op("Merge", [t, index], "Merge", {"N": 2})._outputs[0] for t in owner._outputs[:-1]]
        result = nest.pack(true_result, merged)
        if not strict and isinstance(result, (list, tuple)) and len(result) == 1:
            return result[0]
        return result


def _pairs(pred_fn_pairs):
    if not isinstance(pred_fn_pairs, (list, tuple, dict)):
        raise TypeError("'pred_fn_pairs' must be a list, tuple, or dict. Received: "
                        f"{type(pred_fn_pairs)}")
    pairs = list(pred_fn_pairs.items() if isinstance(pred_fn_pairs, dict) else pred_fn_pairs)
    for pred, fn in pairs:
        if not callable(fn):
            raise TypeError(f"fn for pred {pred.name} must be callable.")
    return pairs


def _guarded(fn, condition, message, preds_c, count):
    """`fn` whose results run after an Assert of `condition` (data: the message and the predicates)."""
    def guarded():
        check = Assert(condition, [message, preds_c], summarize=count)
        result = fn()
        with control_dependencies([check]):
            return nest.pack(result, [identity(t) for t in nest.flatten(result)])
    return guarded


def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    """`tf.case`: the fn of the first true predicate (else `default`), as nested conds `case/cond/...`.

    Without a default the last fn is the default, run after an Assert that some predicate is true;
    `exclusive=True` asserts first that at most one predicate is true (golden: control_cond.json).
    """
    pairs = _pairs(pred_fn_pairs)
    with name_scope(name, "case", [pred for pred, _ in pairs]):
        preds = [convert_to_tensor(pred) for pred, _ in pairs]
        fns = [fn for _, fn in pairs]
        names = ", ".join(p.name for p in preds)
        preds_c = stack(preds, name="preds_c") if exclusive or default is None else None
        if default is None:
            default = _guarded(fns[-1], reduce_any(preds_c), "Input error: None of conditions evaluated as "
                               "True:", preds_c, len(preds))
            preds, fns = preds[:-1], fns[:-1]

        def chain(i):
            if i == len(preds):
                return default()
            return cond(preds[i], fns[i], lambda: chain(i + 1), strict=strict)

        if not exclusive:
            return chain(0)
        at_most_one = less(reduce_sum(cast(preds_c, dtypes.int32)), 2)
        check = Assert(at_most_one, [f"Input error: exclusive=True: more than 1 conditions ({names}) evaluated "
                                     "as True:", preds_c], summarize=len(pairs))
        with control_dependencies([check]):
            return chain(0)


__all__ = ["cond", "case"]
