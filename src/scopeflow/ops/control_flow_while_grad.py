"""Reverse-mode gradients of a `tf.while_loop` whose trip count is known only at run time.

`differentiable_while_loop(test, step, carry)` is `lax.while_loop` (what a run without gradients
executes) wrapped in a `jax.custom_vjp`, because JAX cannot reverse-differentiate `lax.while_loop`.
Forward pass under differentiation: the same loop, also counting its iterations n and keeping a buffer
of CAPACITY carries (checkpoints), one every s-th iteration; s starts at 1 and doubles whenever the
buffer fills (every other checkpoint is kept). Backward pass, segment by segment from the last: a segment
is re-run from its checkpoint into a second buffer in the same way, then each of its steps, last first,
gets its input carry recomputed from the nearest checkpoint there and pulls the cotangent back through
`jax.vjp` of the step. Memory: 2 * CAPACITY carries. Time: n steps forward; n steps and n step VJPs
backward while n <= CAPACITY^2, plus about n^2 / (2 CAPACITY^2) recomputed steps beyond.
Invariants: test and step are traced to jaxprs once, and every value they close over (captured tensors,
variables the body reads) becomes an explicit argument of the custom VJP; the rules keep only the jaxprs,
never those values (tracers of the enclosing trace, which a closure would keep alive with the program).
The step's VJP differentiates only what the gradient needs: the perturbed inexact consts, and the inexact
carry leaves that a perturbed value can reach (`_Differentiated`); integers, bools, values only the test
reads and values off the gradient's way get no cotangent (None: zero).
"""
import dataclasses

import jax
import jax.numpy as jnp
from jax.custom_derivatives import SymbolicZero
from jax.extend.core import Literal

CAPACITY = 32   # checkpoints per buffer; even, so that a full buffer halves by keeping every other one
DEPTH = 1       # buffers the backward pass re-fills below the forward pass's one


def _is_inexact(x):
    return jnp.issubdtype(jnp.result_type(x), jnp.inexact)


def _trace(fn, leaves):
    """`fn(leaves)` as a jaxpr, and the values it closes over, to be passed back in explicitly."""
    closed = jax.make_jaxpr(fn)(leaves)
    return closed.jaxpr, list(closed.consts)


def _evaluate(jaxpr, leaves, consts):
    return jax.core.eval_jaxpr(jaxpr, consts, *leaves)


def _reaches(jaxpr, const_mask, leaf_mask):
    """Per output of `jaxpr`: whether a marked input may reach it (an equation with a marked input marks
    all its outputs, so the answer errs towards True)."""
    marked = {v for v, m in zip(jaxpr.constvars, const_mask) if m}
    marked.update(v for v, m in zip(jaxpr.invars, leaf_mask) if m)
    for eqn in jaxpr.eqns:
        if any(not isinstance(v, Literal) and v in marked for v in eqn.invars):
            marked.update(eqn.outvars)
    return [not isinstance(v, Literal) and v in marked for v in jaxpr.outvars]


@jax.tree_util.register_static
@dataclasses.dataclass(frozen=True)
class _Differentiated:
    """What the backward pass differentiates (a residual without arrays): per step const, whether it is
    inexact and perturbed; per carry leaf, whether it is inexact and perturbed on entry or in some
    iteration (a step output a differentiated value reaches)."""
    consts: tuple
    leaves: tuple


def _differentiated(jaxpr, leaves, consts):
    """`_Differentiated` of a loop over `jaxpr`, from the fwd rule's `CustomVJPPrimal` arguments."""
    const_mask = tuple(c.perturbed and _is_inexact(c.value) for c in consts)
    inexact = [_is_inexact(x.value) for x in leaves]
    leaf_mask = tuple(x.perturbed and i for x, i in zip(leaves, inexact))
    while True:   # grows monotonically, so at most one pass per leaf
        reached = _reaches(jaxpr, const_mask, leaf_mask)
        grown = tuple(m or (r and i) for m, r, i in zip(leaf_mask, reached, inexact))
        if grown == leaf_mask:
            return _Differentiated(const_mask, leaf_mask)
        leaf_mask = grown


class _Step:
    """The loop step over flat carry leaves (its jaxpr; consts passed in), and its VJP w.r.t. the
    leaves and consts in `differentiated`."""

    def __init__(self, jaxpr, differentiated):
        self.jaxpr, self.mask = jaxpr, differentiated

    def __call__(self, leaves, consts):
        return _evaluate(self.jaxpr, leaves, consts)

    def pull(self, leaves, consts, ct, ct_consts):
        """The cotangent of the differentiated input leaves of one step taken from `leaves`, given `ct` of
        its differentiated output leaves; the consts' cotangents are added to `ct_consts`."""
        mask = self.mask

        def outputs(free_leaves, free_consts):
            outs = self(_merge(mask.leaves, free_leaves, leaves), _merge(mask.consts, free_consts, consts))
            return _pick(mask.leaves, outs)

        _, vjp = jax.vjp(outputs, _pick(mask.leaves, leaves), _pick(mask.consts, consts))
        d_leaves, d_consts = vjp(ct)
        d_leaves = [d.astype(c.dtype) for d, c in zip(d_leaves, ct)]   # keeps the loop carry's types
        return d_leaves, [a + d.astype(a.dtype) for a, d in zip(ct_consts, d_consts)]


def _pick(mask, items):
    return [x for m, x in zip(mask, items) if m]


def _merge(mask, picked, items):
    """`items` with the masked positions replaced, in order, by `picked`."""
    picked = iter(picked)
    return [next(picked) if m else x for m, x in zip(mask, items)]


def _buffers(leaves):
    """Room for CAPACITY checkpoints of a carry like `leaves`."""
    return [jnp.zeros((CAPACITY,) + jnp.shape(x), jnp.result_type(x)) for x in leaves]


def _record(step, go, leaves, buffers):
    """Runs `leaves = step(leaves)` while `go(j, leaves)` (j counts steps from 0), keeping checkpoints in
    `buffers` (overwritten). Returns the final leaves and the recording `(n, s, buffers)`: n steps ran, and
    slot k of the buffers holds the carry entering step k * s."""
    def halve(buffers, stride, slot):
        return [b.at[:CAPACITY // 2].set(b[::2]) for b in buffers], stride * 2, slot // 2

    def keep(buffers, stride, slot):
        return buffers, stride, slot

    def run(state):
        leaves, j, end = state
        return step(leaves), j + 1, end

    # one outer iteration per checkpoint; the steps between two run in an inner loop that carries no
    # buffers (measured on CPU: a buffer in the carry of every step costs about a copy of the carry)
    def segment(state):
        leaves, j, stride, slot, buffers = state
        buffers, stride, slot = jax.lax.cond(slot == CAPACITY, halve, keep, buffers, stride, slot)
        buffers = [b.at[slot].set(x) for b, x in zip(buffers, leaves)]
        leaves, j, _ = jax.lax.while_loop(lambda s: (s[1] < s[2]) & go(s[1], s[0]), run, (leaves, j, j + stride))
        return leaves, j, stride, slot + 1, buffers

    start = (leaves, jnp.int32(0), jnp.int32(1), jnp.int32(0), buffers)
    leaves, n, stride, _, buffers = jax.lax.while_loop(lambda state: go(state[1], state[0]), segment, start)
    return leaves, (n, stride, buffers)


def _pull_back(step, consts, recording, ct, ct_consts, spares):
    """Pulls `ct` (of the differentiated leaves after the recorded steps) back to before the first one,
    adding the consts' cotangents to `ct_consts`. Each segment between two checkpoints is re-recorded into
    the first of `spares` (buffers reused from segment to segment), and so on down; returns the spares too."""
    n, stride, checkpoints = recording

    def segment(state):
        k, ct, ct_consts, spares = state
        length = jnp.minimum(stride, n - k * stride)
        leaves = [b[k] for b in checkpoints]
        if not spares:
            ct, ct_consts = _pull_back_recomputing(step, consts, leaves, length, ct, ct_consts)
        else:
            _, inner = _record(lambda x: step(x, consts), lambda j, _: j < length, leaves, spares[0])
            ct, ct_consts, rest = _pull_back(step, consts, inner, ct, ct_consts, spares[1:])
            spares = [inner[2]] + rest
        return k - 1, ct, ct_consts, spares

    last = (n + stride - 1) // stride - 1
    _, ct, ct_consts, spares = jax.lax.while_loop(lambda state: state[0] >= 0, segment,
                                                  (last, ct, ct_consts, list(spares)))
    return ct, ct_consts, spares


def _pull_back_recomputing(step, consts, leaves, length, ct, ct_consts):
    """`_pull_back` over `length` steps from `leaves`, recomputing each step's input from them."""
    def back(state):
        j, ct, ct_consts = state
        inputs = jax.lax.fori_loop(0, j, lambda _, x: step(x, consts), leaves)
        ct, ct_consts = step.pull(inputs, consts, ct, ct_consts)
        return j - 1, ct, ct_consts

    _, ct, ct_consts = jax.lax.while_loop(lambda state: state[0] >= 0, back, (length - 1, ct, ct_consts))
    return ct, ct_consts


def _dense(ct, dtype):
    """An output cotangent as an array of `dtype` (a symbolic zero becomes zeros)."""
    if isinstance(ct, SymbolicZero):
        return jnp.zeros(ct.shape, dtype)
    return ct.astype(dtype)


def differentiable_while_loop(test, step, carry):
    """`lax.while_loop(test, step, carry)` that JAX can also reverse-differentiate (see the module doc)."""
    leaves, tree = jax.tree_util.tree_flatten(carry)

    def on_leaves(fn):
        return lambda leaves: jax.tree_util.tree_leaves(fn(jax.tree_util.tree_unflatten(tree, leaves)))

    step_jaxpr, step_consts = _trace(on_leaves(step), leaves)
    test_jaxpr, test_consts = _trace(on_leaves(test), leaves)
    n_leaves, n_consts, n_test_consts = len(leaves), len(step_consts), len(test_consts)

    def holds(test_consts):
        return lambda leaves: _evaluate(test_jaxpr, leaves, test_consts)[0]

    def advance(consts):
        return lambda leaves: _evaluate(step_jaxpr, leaves, consts)

    @jax.custom_vjp
    def loop(leaves, consts, test_consts):
        return jax.lax.while_loop(holds(test_consts), advance(consts), leaves)

    def loop_fwd(leaves, consts, test_consts):   # each argument leaf: a CustomVJPPrimal (symbolic_zeros)
        differentiated = _differentiated(step_jaxpr, leaves, consts)
        leaves, consts, test_consts = ([a.value for a in args] for args in (leaves, consts, test_consts))
        go = holds(test_consts)
        out, recording = _record(advance(consts), lambda _, x: go(x), leaves, _buffers(leaves))
        return out, (differentiated, consts, recording)

    def loop_bwd(residuals, ct):
        differentiated, consts, recording = residuals
        none = ([None] * n_leaves, [None] * n_consts, [None] * n_test_consts)
        ct = _pick(differentiated.leaves, ct)
        if all(isinstance(c, SymbolicZero) for c in ct):   # also: nothing differentiated
            return none
        step_fn = _Step(step_jaxpr, differentiated)
        checkpoints = recording[2]
        ct = [_dense(c, b.dtype) for c, b in zip(ct, _pick(differentiated.leaves, checkpoints))]
        ct_consts = [jnp.zeros_like(c) for c in _pick(differentiated.consts, consts)]
        spares = [[jnp.zeros_like(b) for b in checkpoints] for _ in range(DEPTH)]
        ct, ct_consts, _ = _pull_back(step_fn, consts, recording, ct, ct_consts, spares)
        return (_merge(differentiated.leaves, ct, none[0]), _merge(differentiated.consts, ct_consts, none[1]),
                none[2])

    loop.defvjp(loop_fwd, loop_bwd, symbolic_zeros=True)
    return jax.tree_util.tree_unflatten(tree, loop(leaves, step_consts, test_consts))


__all__ = ["differentiable_while_loop", "CAPACITY"]
