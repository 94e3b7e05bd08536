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
variables the body reads) becomes an explicit argument of the custom VJP, so it gets its cotangent;
only inexact (float, complex) values get cotangents, integers and bools get none (zero).
"""
import jax
import jax.numpy as jnp

CAPACITY = 32   # checkpoints per buffer; even, so that a full buffer halves by keeping every other one
DEPTH = 1       # buffers the backward pass re-fills below the forward pass's one


def _is_inexact(x):
    return jnp.issubdtype(jnp.result_type(x), jnp.inexact)


class _Converted:
    """`fn(leaves)` traced once: called as `self(leaves, consts)` with the values it closed over passed
    explicitly (`self.consts` holds them as traced)."""

    def __init__(self, fn, leaves):
        closed = jax.make_jaxpr(fn)(leaves)
        self.jaxpr, self.consts = closed.jaxpr, list(closed.consts)

    def __call__(self, leaves, consts):
        return jax.core.eval_jaxpr(self.jaxpr, consts, *leaves)


class _Step(_Converted):
    """The loop step over flat carry leaves, and its VJP w.r.t. its inexact leaves and consts."""

    def __init__(self, fn, leaves):
        super().__init__(fn, leaves)
        self.leaf_mask = [_is_inexact(x) for x in leaves]
        self.const_mask = [_is_inexact(c) for c in self.consts]

    def pull(self, leaves, consts, ct, ct_consts):
        """The cotangent of the inexact input leaves of one step taken from `leaves`, given `ct` of its
        inexact output leaves; the consts' cotangents are added to `ct_consts`."""
        def inexact_outputs(free_leaves, free_consts):
            outs = self(_merge(self.leaf_mask, free_leaves, leaves), _merge(self.const_mask, free_consts, consts))
            return _pick(self.leaf_mask, outs)

        _, vjp = jax.vjp(inexact_outputs, _pick(self.leaf_mask, leaves), _pick(self.const_mask, consts))
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
    """Pulls `ct` (of the inexact leaves after the recorded steps) back to before the first one, adding the
    consts' cotangents to `ct_consts`. Each segment between two checkpoints is re-recorded into the first
    of `spares` (buffers reused from segment to segment), and so on down; returns the spares too."""
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


def differentiable_while_loop(test, step, carry):
    """`lax.while_loop(test, step, carry)` that JAX can also reverse-differentiate (see the module doc)."""
    leaves, tree = jax.tree_util.tree_flatten(carry)

    def on_leaves(fn):
        return lambda leaves: jax.tree_util.tree_leaves(fn(jax.tree_util.tree_unflatten(tree, leaves)))

    step_fn, test_fn = _Step(on_leaves(step), leaves), _Converted(on_leaves(test), leaves)

    @jax.custom_vjp
    def loop(leaves, consts, test_consts):
        return jax.lax.while_loop(lambda x: test_fn(x, test_consts)[0], lambda x: step_fn(x, consts), leaves)

    def loop_fwd(leaves, consts, test_consts):
        out, recording = _record(lambda x: step_fn(x, consts), lambda _, x: test_fn(x, test_consts)[0], leaves,
                                 _buffers(leaves))
        return out, (consts, recording)

    def loop_bwd(residuals, ct):
        consts, recording = residuals
        checkpoints = recording[2]
        ct_consts = [jnp.zeros_like(c) for c in _pick(step_fn.const_mask, consts)]
        ct = [c.astype(b.dtype) for c, b in zip(_pick(step_fn.leaf_mask, ct), _pick(step_fn.leaf_mask, checkpoints))]
        spares = [[jnp.zeros_like(b) for b in checkpoints] for _ in range(DEPTH)]
        ct, ct_consts, _ = _pull_back(step_fn, consts, recording, ct, ct_consts, spares)
        # None: no cotangent for an integer or bool value, nor for anything only the test reads
        return (_merge(step_fn.leaf_mask, ct, [None] * len(checkpoints)),
                _merge(step_fn.const_mask, ct_consts, [None] * len(consts)), [None] * len(test_fn.consts))

    loop.defvjp(loop_fwd, loop_bwd)
    return jax.tree_util.tree_unflatten(tree, loop(leaves, step_fn.consts, test_fn.consts))


__all__ = ["differentiable_while_loop", "CAPACITY"]
