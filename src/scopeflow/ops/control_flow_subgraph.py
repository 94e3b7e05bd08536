"""Owned subgraphs: the ops a cond branch, a loop body or a map_fn function builds, and how they run.

TF1 builds a branch's ops as ordinary graph ops (`cond/add`, `while/mul`) inside a control-flow
context. Here, after a function is built, `collect` walks back from its outputs to find the ops it
needs (a `Subgraph`, in creation order), the tensors it reads from outside (captures: they become data
inputs of the owning op, so every graph walker sees the dependency) and its outside control inputs (the
owner's control inputs). `claim` records `graph._control_flow_owner[op] = owner`: the run planner never
schedules an owned op on its own (runtime/plan.py); only the owner's kernel runs it, through
`ctx.evaluate`, inside `lax.cond` / `lax.while_loop` / `lax.scan`.

Invariants: ops of variables (VariableV2 and its `read` snapshot) are never owned, so initializers and
optimizers keep using them from outside; a tensor built inside one construct and used outside it is a
build-time error. Variable writes inside a subgraph become explicit carried state (`StateThread`).
"""
import jax
import jax.numpy as jnp


_VARIABLE_TYPES = frozenset({"VariableV2", "Variable", "VarHandleOp"})


class Subgraph:
    """One function of a control-flow op: placeholders in, output tensors out, owned ops in run order.

    It is the value of the owner's function attributes (`then_branch`, `body` ...) and prints as its name.
    """
    __slots__ = ("name", "inputs", "outputs", "ops", "stateful")

    def __init__(self, name, inputs, outputs, ops):
        self.name = name
        self.inputs = tuple(inputs)      # placeholder tensors the owner's kernel sets
        self.outputs = tuple(outputs)
        self.ops = tuple(ops)
        self.stateful = any(op._decl.stateful for op in ops)

    def __str__(self):
        return self.name

    __repr__ = __str__


def _outside(op, start_id):
    """Whether `op` is not owned by the construct being built (built before it, or a variable op)."""
    if op._id <= start_id or op._type in _VARIABLE_TYPES:
        return True
    return op._type == "Identity" and op._inputs and op._inputs[0]._op._type in _VARIABLE_TYPES


def _leak_error(inner, user):
    return ValueError(f"Cannot use '{inner.name}' as input to '{user.name}' because '{inner.name}' is in "
                      "a control-flow construct (cond, while_loop or map_fn) and only runs inside it.")


def collect(graph, start_id, placeholders, outputs, extra_ops=()):
    """The ops (built after `start_id`) that `outputs` and `extra_ops` need, stopping at `placeholders`
    and at outside tensors; returns (ops in creation order, captured tensors, outside control inputs)."""
    owners = graph._control_flow_owner
    stop = set(placeholders)
    ops, captures, controls = set(), {}, {}
    stack = []

    def need(op, user):
        if op in owners:
            raise _leak_error(op, user)
        if op not in ops:
            ops.add(op)
            stack.append(op)

    def read(tensor, user):
        if tensor in stop:
            return
        if _outside(tensor._op, start_id):
            captures.setdefault(tensor, None)
        else:
            need(tensor._op, user)

    def wait_for(op, user):
        if _outside(op, start_id):
            controls.setdefault(op, None)
        else:
            need(op, user)

    for t in outputs:
        read(t, t._op)
    for op in extra_ops:
        wait_for(op, op)
    while stack:
        op = stack.pop()
        for t in op._inputs:
            read(t, op)
        for c in op._control_inputs:
            wait_for(c, op)
    return sorted(ops, key=lambda o: o._id), list(captures), list(controls)


def claim(owner, ops):
    """Marks `ops` as run only by `owner`'s kernel."""
    table = owner._graph._control_flow_owner
    for op in ops:
        table[op] = owner


def merge_captures(*capture_lists):
    """One ordered list of distinct tensors."""
    return list(dict.fromkeys(t for captures in capture_lists for t in captures))


# ---- run time -------------------------------------------------------------------------------------
def value(ctx, x):
    """A value from the run's env: a variable reference is read now."""
    return ctx.read(x.key) if type(x).__name__ == "VarRef" else x


def is_traced(x):
    return isinstance(x, jax.core.Tracer)


def evaluate(ctx, sub, env_base, input_values):
    """The outputs of `sub` with its placeholders set to `input_values`, inside the current trace."""
    env = dict(env_base)
    env.update(zip(sub.inputs, input_values))
    ctx.evaluate(sub.ops, env)
    return [value(ctx, env[t]) for t in sub.outputs]


class StateThread:
    """Runs subgraph functions under a private view of the session state, so that the keys they write
    (variables, random-stream counters) become explicit values threaded through lax control flow
    instead of leaking tracers of an inner trace into the run's state.

    `discover(fn, *args)` traces `fn` abstractly (nothing reaches the program) to learn the keys it
    writes; `wrap(fn)` gives `fn(state_values, *args) -> (result, new state_values)`.
    """

    def __init__(self, ctx):
        self.ctx = ctx
        self.keys = ()

    def _enter(self, state_values):
        ctx = self.ctx
        saved = (ctx.state, ctx.writes, ctx._written)
        ctx.state = dict(ctx.state)
        ctx.state.update(zip(self.keys, state_values))
        ctx.writes, ctx._written = list(ctx.writes), set(ctx._written)
        return saved

    def _leave(self, saved):
        ctx = self.ctx
        written = [k for k in ctx.writes if k not in saved[2]]
        ctx.state, ctx.writes, ctx._written = saved
        return written

    def wrap(self, fn):
        def run(state_values, *args):
            saved = self._enter(state_values)
            try:
                result = fn(*args)
                return result, tuple(self.ctx.state[k] for k in self.keys)
            finally:
                self._leave(saved)
        return run

    def discover(self, fn, *args):
        """Adds the keys `fn(*args)` writes to `self.keys`."""
        found = []

        def probe(*args):
            saved = self._enter(())
            try:
                return fn(*args)
            finally:
                found.extend(self._leave(saved))

        jax.eval_shape(probe, *args)
        self.keys = tuple(dict.fromkeys(self.keys + tuple(found)))

    def initial(self):
        """The state values the threaded keys hold before the construct runs."""
        ctx = self.ctx
        values = []
        for key in self.keys:
            if key not in ctx.state and key.startswith("rng/"):
                # a random op's first draw in this program: its counter starts at zero (runtime/context.py)
                ctx._read.add(key)
                ctx.reads.append(key)
                values.append(jnp.zeros((), jnp.uint32))
            else:
                values.append(ctx.read(key))
        return tuple(values)

    def commit(self, state_values):
        for key, v in zip(self.keys, state_values):
            self.ctx.write(key, v)


__all__ = ["Subgraph", "collect", "claim", "merge_captures", "evaluate", "StateThread", "value",
           "is_traced"]
