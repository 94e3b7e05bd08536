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
build-time error. Variable writes inside a subgraph become explicit carried state (`StateThread`); a
gradient's re-run of a construct starts from the state the construct found in the forward pass of the same
run (`ForwardState`), so random ops inside it draw what the forward drew.
"""
import jax


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
    """Whether `op` is not owned by the construct being built: built before it, a variable op, or the
    `read` snapshot of a variable the construct itself created (built under init_scope: no control
    inputs). Any other read of a variable (`v.read_value()`, `tf.identity(v)`) built in the construct
    runs there, after its control inputs (golden: control_while.json, while_read_after_assign_in_body)."""
    if op._id <= start_id or op._type in _VARIABLE_TYPES:
        return True
    if op._type != "Identity" or op._control_inputs or not op._inputs:
        return False
    source = op._inputs[0]._op
    return source._type in _VARIABLE_TYPES and source._id > start_id


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


_ABSENT = object()   # a state key with no value yet (a random op's first draw, an uninitialized variable)


class ForwardState:
    """Makes a gradient's re-run of a control-flow op start from the state the op found in the forward
    pass of the same run. The gradient kernel re-runs the path from x to y after the forward already ran
    (ops/gradients_impl.py), so without this a loop body or branch would draw from advanced random
    streams (a dropout mask unlike the forward's; TF1 reuses the forward's values) and see the variable
    values the forward left. `with ForwardState(ctx):` around an op that reads and writes the state
    directly; `enter()` before the op reads its state and `leave()` after it wrote it where the two lie
    apart (StateThread.initial / commit).
    Invariants: only top-level ops are recorded and replayed (`ctx.nesting == 0`): a nested op's state
    is carried by the enclosing op, replayed as a whole. Only the forward records entry values, so no
    value of a re-run (traced inside `jax.vjp`) is ever put back. A key is put back only while it holds a
    value the op itself left (in the forward or a re-run: a gradient of a gradient re-runs it inside a
    re-run), so a perturbed variable x keeps its perturbation.
    Not covered: a gradient taken inside a loop body or branch (`tf.gradients` called in the body
    function) re-runs its path there, at `ctx.nesting > 0`, so a construct on that path is not replayed:
    random ops inside it draw anew and it sees the state the body's forward left.
    """

    def __init__(self, ctx):
        self.ctx, self.owner = ctx, ctx.op
        self.before = None   # the state on entry, in the forward
        self.record = None   # key -> (value on entry in the forward, values the op left), in a re-run

    def enter(self):
        ctx = self.ctx
        if ctx.nesting:
            return
        if not ctx.replaying:
            self.before = dict(ctx.state)
            return
        self.record = ctx.forward_states.get(self.owner, {})
        for key, (entry, left) in self.record.items():
            current = ctx.state.get(key, _ABSENT)
            if any(current is v for v in left):
                if entry is _ABSENT:
                    del ctx.state[key]
                else:
                    ctx.state[key] = entry

    def leave(self):
        state = self.ctx.state
        if self.before is not None:
            before = self.before
            self.ctx.forward_states[self.owner] = {key: (before.get(key, _ABSENT), [v])
                                                   for key, v in state.items() if before.get(key, _ABSENT) is not v}
        elif self.record:
            for key, (_, left) in self.record.items():
                left.append(state.get(key, _ABSENT))
        self.before = self.record = None

    def __enter__(self):
        self.enter()
        return self

    def __exit__(self, exc_type, *_):
        if exc_type is None:
            self.leave()
        else:   # the trace fails: record nothing
            self.before = self.record = None


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
        self.forward = ForwardState(ctx)

    def _enter(self, state_values):
        ctx = self.ctx
        saved = (ctx.state, ctx.writes, ctx._written)
        ctx.state = dict(ctx.state)
        ctx.state.update(zip(self.keys, state_values))
        ctx.writes, ctx._written = list(ctx.writes), set(ctx._written)
        ctx.nesting += 1
        return saved, dict(ctx.state)

    def _leave(self, saved):
        """Restores the caller's view; returns the keys written meanwhile. They are found by value, not in
        `ctx.writes`, which lists a key once per run: a key the run wrote before the construct (a variable
        reset, or a gradient's re-run of the forward) is written again here and must be threaded too."""
        ctx = self.ctx
        (outer_state, ctx.writes, ctx._written), entered = saved
        ctx.nesting -= 1
        written = [k for k, v in ctx.state.items() if entered.get(k, _ABSENT) is not v]
        ctx.state = outer_state
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
        """The state values the threaded keys hold before the construct runs (in a gradient's re-run: the
        values they held before the forward ran it, ForwardState)."""
        self.forward.enter()
        return tuple(self.ctx.read_or_start(key) for key in self.keys)

    def commit(self, state_values):
        for key, v in zip(self.keys, state_values):
            self.ctx.write(key, v)
        self.forward.leave()


__all__ = ["Subgraph", "collect", "claim", "merge_captures", "evaluate", "ForwardState", "StateThread",
           "value", "is_traced"]
