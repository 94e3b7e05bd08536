"""What a stateful kernel sees while a run is traced: the session's state and its random streams.

State is a flat dict of arrays keyed by strings: variables by their op name, random-stream counters by
`rng/<op name>`. Reads and writes are recorded, so the first (abstract) trace of a program tells which
keys it needs as inputs (read before written) and which it returns. A missing variable raises TF's
FailedPreconditionError at trace time, naming the variable.
"""
import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import errors

RNG_PREFIX = "rng/"


class VarRef:
    """A reference-typed value (TF's `float32_ref`): names a state key; read where it is consumed."""
    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return f"VarRef({self.key!r})"


class RunContext:
    def __init__(self, state, session_seed, present=()):
        self.state = dict(state)       # key -> array (abstract or concrete)
        self._present = frozenset(present)   # keys the session holds though this run never reads them
        self.reads = []                # keys read before this run wrote them, in first-read order
        self.writes = []               # keys written, in first-write order
        self._written = set()
        self._read = set()
        self.session_seed = session_seed
        self.op = None                 # the op whose kernel is running
        self.env = {}                  # Tensor -> value of the ops run so far in this trace
        # `evaluate(ops, env)` (set by runtime/program.py) runs a subgraph inside this trace
        self.probes = {}               # key -> whether the session state had it (`has` before a write)
        # Control flow (ops/control_flow_subgraph.py): how many construct functions are being traced
        # around the current op; per top-level construct op, the keys it changed in this run's forward
        # pass, key -> (value on entry, [values it left]); and whether this context re-runs the forward
        # for a gradient (ops/gradients_impl.py), which starts each construct from its entry state.
        self.nesting = 0
        self.forward_states = {}
        self.replaying = False

    # ---- variables ---------------------------------------------------------------------------
    @staticmethod
    def ref(key):
        """The value a variable op outputs: a reference, read by each consumer where it runs."""
        return VarRef(key)

    def has(self, key):
        """Whether `key` holds a value; a trace depends on the answer, so it is recorded in `probes`."""
        found = key in self.state or key in self._present
        if key not in self._written:
            self.probes.setdefault(key, found)
        return found

    def read(self, key, op=None):
        if key not in self._written and key not in self._read:
            self._read.add(key)
            self.reads.append(key)
        try:
            return self.state[key]
        except KeyError:
            op = op or self.op
            raise errors.FailedPreconditionError(
                op.node_def if op is not None else None, op,
                errors.uninitialized_value(key) if hasattr(errors, "uninitialized_value") else
                f"Attempting to use uninitialized value {key}") from None

    def write(self, key, value):
        if key not in self._written:
            self._written.add(key)
            self.writes.append(key)
        self.state[key] = value

    # ---- random streams ----------------------------------------------------------------------
    def read_or_start(self, key):
        """`read(key)`, except that a random stream's counter with no value yet (its op's first draw in
        this program) starts at zero. That still counts as a read, once: a gradient's re-run, or a
        control-flow construct threading the counter (ops/control_flow_subgraph.py), may start it again."""
        if key in self.state or not key.startswith(RNG_PREFIX):
            return self.read(key)
        if key not in self._read:
            self._read.add(key)
            self.reads.append(key)
        return jnp.zeros((), jnp.uint32)

    def rng_key(self, op=None, threefry=False):
        """A fresh key for `op` in this run: its seed pair folded with its run counter."""
        op = op or self.op
        key = RNG_PREFIX + op._name
        counter = self.read_or_start(key)
        self.write(key, counter + jnp.uint32(1))
        seed, seed2 = op._attrs.get("seed", 0), op._attrs.get("seed2", 0)
        if seed == 0 and seed2 == 0:   # TF1: no graph and no op seed -> a stream per session
            seed, seed2 = self.session_seed, op._id
        # An RBG key (seed words, run counter): each run of each op gets its own key with no hashing in
        # the program; XLA's RngBitGenerator compiles ~10x faster on CPU than threefry (measured: a
        # threefry draw cost ~1 s of compile per random op, bench/RESULTS.md).
        mixed = np.uint32((int(seed) * 0x9E3779B1 + int(seed2) * 0x85EBCA77 + 0x27D4EB2F) & 0xFFFFFFFF)
        if threefry:   # for the few samplers JAX implements only for threefry (poisson)
            return jnp.stack([jnp.asarray(mixed, jnp.uint32), counter.astype(jnp.uint32)])
        data = jnp.stack([jnp.asarray(mixed, jnp.uint32), counter.astype(jnp.uint32),
                          jnp.asarray(np.uint32(int(seed) & 0xFFFFFFFF)), jnp.asarray(np.uint32(int(seed2) & 0xFFFFFFFF))])
        return jax.random.wrap_key_data(data, impl="rbg")
