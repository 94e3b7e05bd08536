"""A compiled run: one JAX function for (fetches, targets, feeds), jitted once and called per run.

`Program.build` lowers the ordered ops into `step(donated_state, read_only_state, feeds)` and traces it
once abstractly to learn which state keys it reads and writes. Keys both read and written are donated,
so a train step updates variables in place. Invariants: a Program never holds session values; every
exception raised while tracing a kernel reaches the user as a TF error naming the op.

Run-time checks (`ctx.check_at_run`: Assert, CheckNumerics) record the TF error a failing check builds on
the host instead of aborting XLA; the run then raises it (InvalidArgumentError naming the op) and commits
no state, as TF's aborted step. A program holding such checks donates nothing, so a failed run leaves the
session's variables intact.
"""
import functools

import jax
import numpy as np

from scopeflow.framework import errors
from scopeflow.runtime.compile_options import compiler_options
from scopeflow.runtime.context import RNG_PREFIX, RunContext, VarRef
from scopeflow.runtime.plan import order_ops, prune_to_fetches


def _kernel_error(op, exc):
    message = f"{exc}\n\t [[{{{{node {op.name}}}}}]]"
    return errors.InvalidArgumentError(op.node_def, op, message)


def _run_ops(ops, env, ctx):
    """Evaluates each op's kernel in order, filling `env` (Tensor -> array)."""
    ctx.env = env
    for op in ops:
        decl = op._decl
        args = [env[t] for t in op._inputs]
        ctx.op = op
        if not decl.ref_inputs:
            args = [ctx.read(a.key) if type(a) is VarRef else a for a in args]
        try:
            with jax.named_scope(op._name):
                out = decl.kernel(ctx, *args, **op._attrs) if decl.context else decl.kernel(*args, **op._attrs)
        except errors.OpError:
            raise
        except Exception as exc:   # a JAX/XLA error never reaches the user raw
            raise _kernel_error(op, exc) from exc
        if not isinstance(out, (list, tuple)):
            out = (out,)
        for t, value in zip(op._outputs, out):
            if t not in env:
                env[t] = value


def _fetched(fetch_tensors, env, ctx):
    """Fetched values; a fetched reference (a ref variable itself) is read after all ops ran."""
    ctx.op = None
    values = []
    for t in fetch_tensors:
        value = env[t]
        if type(value) is VarRef:
            ctx.op = t._op
            value = ctx.read(value.key)
        values.append(value)
    return tuple(values)


def evaluate(ctx, ops, env):
    """Runs `ops` (already ordered) over `env` inside the current trace, for kernels that evaluate a
    subgraph themselves (gradients, cond/while bodies); restores the caller's op and env afterwards."""
    saved_op, saved_env = ctx.op, ctx.env
    try:
        _run_ops(ops, env, ctx)
    finally:
        ctx.op, ctx.env = saved_op, saved_env
    return env


RunContext.evaluate = evaluate


def check_at_run(ctx, ok, values, make_error):
    """Fails the run with `make_error(numpy values)` (an OpError) when the traced bool `ok` is false.

    A concrete `ok` is decided now. Otherwise the values reach the host only when the check fails (a
    `lax.cond` around the callback), so a passing check costs one predicate per run.
    """
    if isinstance(ok, (bool, np.generic, np.ndarray)):
        if ok:
            return
        if all(isinstance(v, (np.ndarray, np.generic)) for v in values):
            raise make_error([np.asarray(v) for v in values])
    ctx.has_checks = True
    failures, order = ctx.failures, ctx.op._id
    kept = {i: v for i, v in enumerate(values) if isinstance(v, np.ndarray) and v.dtype == object}
    traced = [v for i, v in enumerate(values) if i not in kept]

    def host(*arrays):
        arrays = iter(arrays)
        failures.append((order, make_error([kept[i] if i in kept else np.asarray(next(arrays))
                                            for i in range(len(values))])))

    jax.lax.cond(ok, lambda *_: None, lambda *a: jax.debug.callback(host, *a), *traced)


RunContext.check_at_run = check_at_run
RunContext.has_checks = False
RunContext.failures = None


class Program:
    def __init__(self, fetch_tensors, target_ops, feed_tensors, state, session_seed):
        self.fetch_tensors = tuple(fetch_tensors)
        self.feed_tensors = tuple(feed_tensors)
        fed = set(feed_tensors)
        needed = prune_to_fetches([t._op for t in fetch_tensors] + list(target_ops), fed)
        # an op whose every output is fed need not run (its kernel would only be overwritten)
        needed = {op for op in needed if not op._outputs or not all(t in fed for t in op._outputs)
                  or op in target_ops}
        self.ops = order_ops(needed, fed)
        self.session_seed = session_seed
        self._discover(state)
        self.jitted = self._jit()

    def _jit(self):
        # a partial, not the bound method: bound methods compare equal, so a rebuilt jit (after
        # `_discover`) could share JAX's trace cache with the old one and get its stale trace
        return jax.jit(functools.partial(Program._step, self), donate_argnums=(0,) if self.donated else (),
                       compiler_options=compiler_options())

    def _step(self, donated, read_only, feeds):
        """The traced run. State comes in as tuples in the order of `self.donated` / `self.read_only`
        (cheaper to flatten per call than dicts) and goes out as a dict: which keys a trace writes belongs
        to that trace (one jit holds a trace per feed shape), so it travels in the output's structure."""
        ctx = RunContext({**dict(zip(self.read_only, read_only)), **dict(zip(self.donated, donated))},
                         self.session_seed, [key for key, present in self.probes if present])
        ctx.failures = self._failures
        env = dict(zip(self.feed_tensors, feeds))
        _run_ops(self.ops, env, ctx)
        return self._device_fetches(_fetched(self.fetch_tensors, env, ctx)), \
            {k: ctx.state[k] for k in ctx.writes}

    def _device_fetches(self, values):
        """Fetches XLA can return; string values (numpy object arrays, known while tracing, e.g. a
        `tf.constant("Hello")`) are kept on the host in `host_fetches` and put back by `__call__`."""
        host = {i: v for i, v in enumerate(values) if isinstance(v, np.ndarray) and v.dtype == object}
        self.host_fetches = host
        return tuple(None if i in host else v for i, v in enumerate(values)) if host else values

    def _discover(self, state):
        """One abstract trace: which keys the run reads (inputs) and writes (outputs)."""
        abstract = {k: jax.ShapeDtypeStruct(np.shape(v), v.dtype) for k, v in state.items()}
        feeds = tuple(jax.ShapeDtypeStruct(shape, dtype) for shape, dtype in self._feed_specs)
        ctx_holder = []

        def probe(state_in, feeds_in):
            ctx = RunContext(state_in, self.session_seed)
            ctx_holder.append(ctx)
            env = dict(zip(self.feed_tensors, feeds_in))
            _run_ops(self.ops, env, ctx)
            return self._device_fetches(_fetched(self.fetch_tensors, env, ctx))

        self.out_specs = jax.eval_shape(probe, abstract, feeds)
        ctx = ctx_holder[-1]
        written = set(ctx.writes)
        self.reads = tuple(ctx.reads)
        self.writes = tuple(ctx.writes)
        self.checked = ctx.has_checks   # a failed check must leave the state as it was: no donation
        self.donated = () if self.checked else tuple(k for k in self.reads if k in written)
        self.read_only = tuple(k for k in self.reads if k not in self.donated)
        self.rng_keys = tuple(k for k in self.reads if k.startswith(RNG_PREFIX))
        self.probes = tuple(ctx.probes.items())   # traced answers of `ctx.has` (IsVariableInitialized)

    _feed_specs = ()
    host_fetches = {}
    probes = ()
    checked = False

    @property
    def _failures(self):
        """(op id, OpError) of the run-time checks that failed in the current run, filled by the host."""
        if "_failure_list" not in self.__dict__:
            self._failure_list = []
        return self._failure_list

    def _raise_failed_check(self, cause=None):
        failures = self._failures
        if failures:
            error = min(failures, key=lambda f: f[0])[1]
            failures.clear()
            raise error from cause

    def __call__(self, state, feeds):
        """Runs against the session `state` (updated in place); returns the fetched device arrays."""
        if self.probes and any((key in state) != present for key, present in self.probes):
            self._discover(state)   # a variable was initialized since the trace: trace again
            self.jitted = self._jit()
        for key in self.rng_keys:
            if key not in state:
                state[key] = np.zeros((), np.uint32)
        donated = tuple([state[k] for k in self.donated])
        read_only = tuple([state[k] for k in self.read_only])
        try:
            fetched, written = self.jitted(donated, read_only, feeds)
            if self.checked:   # the checks' host callbacks have run once the results are ready
                jax.block_until_ready((fetched, written))
                jax.effects_barrier()
        except errors.OpError:
            raise
        except Exception as exc:   # an XLA run-time failure: TF's error, never a raw JAX trace
            self._raise_failed_check(exc)
            raise errors.InternalError(None, None, f"{type(exc).__name__}: {exc}") from exc
        if self.host_fetches:
            fetched = tuple(self.host_fetches.get(i, v) for i, v in enumerate(fetched))
        if self.checked:
            self._raise_failed_check()   # before any state is committed: the run did not happen
        if written:
            inputs = {id(v) for v in read_only} if read_only else ()
            for key, value in written.items():
                # a value forwarded from a read-only input must not alias it: a later donation would free it
                state[key] = value.copy() if id(value) in inputs else value
        return fetched


def build_program(fetch_tensors, target_ops, feed_tensors, feed_specs, state, session_seed):
    program = Program.__new__(Program)
    program._feed_specs = tuple(feed_specs)
    Program.__init__(program, fetch_tensors, target_ops, feed_tensors, state, session_seed)
    return program
