"""Second-order gradients through loops, refused at build time as TF 1.15 refuses them.

TF builds the gradient of a while loop (tf.while_loop with or without maximum_iterations, and map_fn,
scan and the folds, which TF builds on one) as a second while loop, and cannot differentiate that one
again: tf.gradients raises TypeError. tf.hessians runs its inner gradient in a loop of its own, so a
Hessian is a loop too; a Hessian through a loop's gradient fails with a ValueError naming the Hessian's
loop when the first gradient passed a loop at top level, else with the TypeError (golden:
control_while.json, second_order_*). TF refuses loops with and without maximum_iterations alike.
Here each gradient is one `SymbolicGradient` op. Its plan records per x the `level` of the loops on x's
way to the ys (LOOP_FREE; NESTED: only inside a cond or loop function; TOP), and a later gradient whose
way back reaches an output of one that met a loop raises TF's error.
Invariants: a loop with back_prop=False passes no gradient, so neither it nor what lies behind it
counts; a construct on the way counts every loop its functions hold (errs towards refusing).
"""
from scopeflow.ops.control_flow_subgraph import Subgraph

LOOP_FREE, NESTED, TOP = 0, 1, 2
_LOOP_TYPES = ("While", "Scan")   # Scan: map_fn, scan, foldl, foldr (ops/functional_ops.py)


def second_order_error(level, hessian_scope=None):
    """TF's error for a gradient through a gradient that met loops at `level`; `hessian_scope` is the
    `while/gradients/` scope when the gradient is a Hessian's."""
    if hessian_scope is not None and level == TOP:
        return ValueError(f"Cannot use '{hessian_scope}f_count' as input to '{hessian_scope}f_count_1' because "
                          "they are in different while loops. See info log for more details.")
    return TypeError("Second-order gradient for while loops not supported.")


def _is_gradient(op):
    return op._type == "SymbolicGradient"


def _is_loop(op):
    """Whether TF builds `op` as a while loop that gradients pass (a Hessian: tf.hessians' own loop)."""
    if op._type in _LOOP_TYPES:
        return op._attrs.get("back_prop", True)
    return _is_gradient(op) and op._attrs["plan"].jacobian


def _blocks(op):
    return op._type in _LOOP_TYPES and not op._attrs.get("back_prop", True)


def _inside(op):
    """The ops of the functions `op` owns, recursively, except behind a loop that passes no gradient."""
    stack = [op]
    while stack:
        for value in stack.pop()._attrs.values():
            if isinstance(value, Subgraph):
                inner = [o for o in value.ops if not _blocks(o)]
                yield from inner
                stack.extend(inner)


def loop_levels(ys, xs, path, path_ops):
    """`(levels, met)`: per x, the level of the loops between it and the ys; and the highest level of
    loops met by the gradient outputs (of earlier gradients) this gradient passes, LOOP_FREE when none.
    `path_ops` is in creation order. Not modelled: TF also refuses when such an output is a
    `stop_gradients` tensor read on the way (it differentiates the loop's other outputs then; golden:
    second_order_stop_gradients_arg); here our gradient's Identity is the stopped tensor and nothing
    is refused."""
    below = dict.fromkeys(ys, LOOP_FREE)   # tensor a gradient reaches -> level of the loops it passed
    met = LOOP_FREE
    for op in reversed(path_ops):          # each op after every path op that reads its outputs
        passed = [below[t] for t in op._outputs if t in below]
        if not passed or _blocks(op):
            continue
        inner = list(_inside(op))
        own = TOP if _is_loop(op) else NESTED if any(_is_loop(o) for o in inner) else LOOP_FREE
        if any(_is_gradient(o) and max(o._attrs["plan"].loops, default=LOOP_FREE) for o in inner):
            met = max(met, NESTED)
        level = max([own] + passed)
        for t in op._inputs:
            if t in path:
                below[t] = max(below.get(t, LOOP_FREE), level)
    for t in below:
        if _is_gradient(t._op):
            met = max(met, t._op._attrs["plan"].loops[t._value_index])
    return tuple(below.get(x, LOOP_FREE) for x in xs), met


__all__ = ["loop_levels", "second_order_error", "LOOP_FREE", "NESTED", "TOP"]
