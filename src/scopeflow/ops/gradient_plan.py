"""Build-time half of `tf.gradients`: which ops lie between xs and ys, and the plan its kernel runs.

A tensor is *reached* when it is an x or an output of an op that consumes a reached tensor, is
differentiable (float, complex, resource) and is not a `stop_gradients` tensor; ops whose gradient is
None (gradient_registry) do not pass it on. The *path* is what is reached and leads to a y through reached
tensors only, so an x that reaches the ys only through integers or non-differentiable ops is unconnected.
Invariants: path ops are kept in creation order, a valid topological order for data edges (an op's inputs
exist before it); a plan holds graph objects only, never values.

Sparse xs: an x whose only ways to the ys are row gathers of it (GatherV2 on axis 0, possibly after
Identity / ReadVariableOp, or a ResourceGather of a resource variable's handle) is replaced by those
gathers' outputs, so the kernel differentiates w.r.t. the gathered rows and never forms a dense gradient
of x; `plan.sparse` maps x to its gather ops in TF's backprop order, from which tf.gradients builds TF's
IndexedSlices (ops/indexed_slices_ops.py).
"""
import collections
import dataclasses

from scopeflow.framework import dtypes
from scopeflow.framework.registry import op
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.ops.array_build import const_value
from scopeflow.ops.common import create1
from scopeflow.ops.gradient_loops import LOOP_FREE, loop_levels
from scopeflow.ops.gradient_registry import AUTODIFF, gradient_function

VARIABLE_OPS = ("VariableV2", "VarHandleOp")
# Ops with an effect (printing, a run-time check) that pass their first input through: the path forwards
# that input instead of running them a second time, so a run prints or checks once.
FORWARD_INPUT = frozenset({"Print", "CheckNumerics"})
# Ops an IndexedSlices gradient passes through unchanged on its way from a gather to a sparse x.
SPARSE_PASS_THROUGH = ("Identity", "ReadVariableOp")
# Ops whose gradient w.r.t. their first input is an IndexedSlices when they gather rows (`_is_row_gather`).
ROW_GATHERS = ("GatherV2", "ResourceGather")


def has_float_values(tensor):
    base = tensor._dtype.base_dtype
    return base.is_floating or base.is_complex


def differentiable(tensor):
    """Whether gradients flow through `tensor`: float values, or a resource variable's handle."""
    return has_float_values(tensor) or tensor._dtype.base_dtype == dtypes.resource


@op("_GradientInput", attrs={"shape": None, "dtype": None}, type_attr=None)
class GradientInput:
    """The incoming gradient a Python gradient function builds on; its value exists only inside the
    gradient's kernel, which evaluates the function's ops with this tensor bound to the cotangent."""

    @staticmethod
    def infer(ctx, *, shape, dtype):
        return [(shape, dtype)]

    @staticmethod
    def kernel(*, shape, dtype):
        raise ValueError("a gradient function's incoming gradient has a value only inside tf.gradients")


@dataclasses.dataclass(eq=False)
class CustomStep:
    """An op on the path whose gradient is a Python function (RegisterGradient / custom_gradient)."""
    op: object
    grad_inputs: tuple    # per output of `op`: the GradientInput tensor bound to its cotangent, or None
    ops: tuple            # the ops the gradient function built, in creation order
    results: tuple        # per input of `op`: its gradient Tensor, or None (no gradient flows)
    extras: tuple         # other tensors those ops read: inputs of the gradient op, passed in explicitly
    scope: str            # the `<op>_grad/` name scope its ops were built in


@dataclasses.dataclass(eq=False)
class GradientPlan:
    ys: tuple             # the ys some x reaches (the others contribute nothing)
    xs: tuple             # connected xs, deduplicated, in the order of the gradient op's outputs
    variable_xs: tuple    # per x: True when x is a variable op's output (its state value is perturbed)
    initial: tuple        # indices of xs perturbed before the first step (their producer is not re-run)
    steps: tuple          # ("ops", ops) | ("custom", CustomStep) | ("forward", op) | ("perturb", i)
                          # | ("stop", tensor)
    recomputed: tuple     # outputs of path ops, dropped from the copied env before they are re-run
    boundary: tuple       # inputs of path ops computed outside the path (their references are read)
    has_grad_ys: tuple    # per y: whether grad_ys gave its cotangent (else ones)
    extras: tuple         # the CustomSteps' extras, in order
    jacobian: bool        # one gradient per element of the single y, stacked (tf.hessians)
    specs: tuple          # (shape, dtype) of each output
    sparse: dict = dataclasses.field(default_factory=dict)   # sparse x -> its gather ops, backprop order
    loops: tuple = ()     # per x: the level of the loops on its way to the ys (gradient_loops.py)
    second_order: int = LOOP_FREE   # the level of loops met by earlier gradients this one passes

    def __str__(self):
        return (f"<gradient of {len(self.ys)} ys w.r.t. {len(self.xs)} xs over "
                f"{len(self.recomputed)} tensors>")


# inputs TF's gradient function answers with None (observed: FusedBatchNormV3's mean and variance, in
# training and in inference mode): an x reaching the ys only through them is unconnected
NO_GRADIENT_INPUTS = {"FusedBatchNormV3": (3, 4)}


def _reach(xs, stops):
    """Forward from xs: reached tensors, and reached ops with their gradient function (or LookupError)."""
    reached = {x for x in xs if differentiable(x)}
    functions = {}
    blocked = set()
    stack = list(reached)
    while stack:
        t = stack.pop()
        for consumer in t._consumers:
            if consumer in functions or consumer in blocked:
                continue
            try:
                fn = gradient_function(consumer)
            except LookupError as exc:   # raised only if the op turns out to be on the path, as TF
                fn = exc
            if fn is None:
                blocked.add(consumer)
                continue
            functions[consumer] = fn
            for out in consumer._outputs:
                if out not in reached and out not in stops and differentiable(out):
                    reached.add(out)
                    stack.append(out)
    return reached, functions


def _path(ys, reached, functions, custom):
    """Tensors that are reached and lead to a y through reached tensors; an input to which a Python
    gradient function (in `custom`) gives None is cut there, as TF's backprop stops at a None."""
    path = set()
    stack = [y for y in ys if y in reached]
    while stack:
        t = stack.pop()
        if t in path:
            continue
        path.add(t)
        producer = t._op
        if producer in functions:
            step = custom.get(producer)
            cut = NO_GRADIENT_INPUTS.get(producer._type, ())
            stack.extend(i for k, i in enumerate(producer._inputs) if i in reached and i not in path
                         and k not in cut and (step is None or step.results[k] is not None))
    return path


def _custom_step(op_, fn):
    """Calls the Python gradient function `fn(op, *grads)` now, building its ops, as TF does."""
    graph = op_._graph
    first = len(graph._ops)
    with name_scope(op_.name + "_grad") as scope:
        grad_inputs = tuple(
            create1("_GradientInput", [], "grad" if i == 0 else f"grad_{i}", shape=out._shape,
                    dtype=out._dtype.base_dtype) if has_float_values(out) else None
            for i, out in enumerate(op_._outputs))
        results = fn(op_, *grad_inputs)
    if isinstance(results, Tensor) or results is None:
        results = [results]
    results = list(results)
    if len(results) != len(op_._inputs):
        raise ValueError(f"Num gradients {len(results)} generated for op {op_.node_def} do not match num "
                         f"inputs {len(op_._inputs)}")
    built = [o for o in graph._ops[first:] if o._type != "_GradientInput"]
    made = {t for o in built for t in o._outputs} | {g for g in grad_inputs if g is not None}
    known = made | set(op_._inputs) | set(op_._outputs)
    extras = []
    for t in [i for o in built for i in o._inputs] + [r for r in results if r is not None]:
        if t not in known and t not in extras:
            extras.append(t)
    return CustomStep(op_, grad_inputs, tuple(built), tuple(results), tuple(extras), scope)


def _custom_steps(path, functions):
    """Calls the Python gradient functions of the ops on the path (TF's LookupError for an op with none)."""
    custom = {}
    for o in sorted({t._op for t in path if t._op in functions}, key=lambda o: o._id):
        fn = functions[o]
        if isinstance(fn, LookupError):
            raise fn
        if fn is not AUTODIFF:
            custom[o] = _custom_step(o, fn)
    return custom


def _steps(path_ops, custom, xs, stops):
    """The kernel's program: chunks of ops to evaluate, custom gradients, and where xs are perturbed."""
    perturb_after = {}
    for i, x in enumerate(xs):
        perturb_after.setdefault(x._op, []).append(i)
    steps, chunk = [], []
    for o in path_ops:
        if o not in custom and o._type not in FORWARD_INPUT:
            chunk.append(o)
        else:
            if chunk:
                steps.append(("ops", tuple(chunk)))
                chunk = []
            steps.append(("custom", custom[o]) if o in custom else ("forward", o))
        after = [("stop", t) for t in o._outputs if t in stops]
        after += [("perturb", i) for i in perturb_after.get(o, ())]
        if after:
            if chunk:
                steps.append(("ops", tuple(chunk)))
                chunk = []
            steps.extend(after)
    if chunk:
        steps.append(("ops", tuple(chunk)))
    return tuple(steps)


def _x_spec(x):
    if x._op._type == "VarHandleOp":
        shape = x._op._attrs["shape"]
        dims = None if shape is None or shape.ndims is None else tuple(d.value for d in shape.dims)
        return dims, x._op._attrs["dtype"]
    return x._shape, x._dtype.base_dtype


def _is_row_gather(op_, params):
    """Whether `op_` gathers rows of `params` (TF's gradient of it is an IndexedSlices): a ResourceGather
    of the handle, or a GatherV2 on a constant axis 0."""
    if op_._type not in ROW_GATHERS or op_._inputs[0] is not params or op_._attrs.get("batch_dims", 0) != 0:
        return False
    if op_._type == "ResourceGather":
        return True
    axis = const_value(op_._inputs[2])
    return axis is not None and int(axis) == 0


def _gathers_of(x, xs, path, functions):
    """The gather ops through which alone `x` reaches the ys, or None when some other op on the path
    reads it (an op is on the path when one of its outputs is)."""
    gathers, stack = [], [x]
    while stack:
        t = stack.pop()
        for consumer in t._consumers:
            if consumer not in functions or not any(o in path for o in consumer._outputs):
                continue
            if functions[consumer] is not AUTODIFF:
                return None
            if consumer._type in SPARSE_PASS_THROUGH and consumer._outputs[0] not in xs:
                stack.append(consumer._outputs[0])
            elif _is_row_gather(consumer, t):
                gathers.append(consumer)
            else:
                return None
    return gathers or None


def _backprop_order(ys, path_ops):
    """The order in which TF's backprop visits `path_ops`: a FIFO queue from the ys' ops, an op entering
    once every path op reading its outputs has been visited. Gradients reaching one tensor from several
    ops are summed (IndexedSlices: concatenated) in this order."""
    members = set(path_ops)
    pending = dict.fromkeys(path_ops, 0)
    for o in path_ops:
        for t in o._inputs:
            if t._op in members:
                pending[t._op] += 1
    queue = collections.deque(dict.fromkeys(y._op for y in ys if y._op in members and pending[y._op] == 0))
    order = {}
    while queue:
        o = queue.popleft()
        order[o] = len(order)
        for t in o._inputs:
            if t._op in members:
                pending[t._op] -= 1
                if pending[t._op] == 0:
                    queue.append(t._op)
    return order


def _sparse_xs(ys, xs, path, functions):
    """x -> its gather ops (backprop order) for each connected x whose gradient is an IndexedSlices."""
    sparse = {}
    for x in dict.fromkeys(xs):
        if x in path:
            gathers = _gathers_of(x, xs, path, functions)
            if gathers:
                sparse[x] = gathers
    if sparse:
        path_ops = sorted({t._op for t in path if t._op in functions}, key=lambda o: o._id)
        order = _backprop_order(ys, path_ops)
        for x, gathers in sparse.items():
            sparse[x] = tuple(sorted(gathers, key=lambda o: (order.get(o, len(order)), o._id)))
    return sparse


def build_plan(ys, xs, stops, has_grad_ys, jacobian=False):
    """The plan for the connected xs (deduplicated, first-seen order); None when none is connected.
    Sparse xs (see the module doc) are replaced by their gathers' outputs, except for a Jacobian."""
    stops = set(stops)
    reached, functions = _reach(xs, stops)
    path = _path(ys, reached, functions, {})
    sparse = {} if jacobian else _sparse_xs(ys, xs, path, functions)
    if sparse:
        xs = [o for x in xs for o in ([g._outputs[0] for g in sparse[x]] if x in sparse else [x])]
        reached, functions = _reach(xs, stops)
        path = _path(ys, reached, functions, {})
    custom = _custom_steps(path, functions)
    if custom:
        path = _path(ys, reached, functions, custom)
    connected = []
    for x in xs:
        if x in path and x not in connected:
            connected.append(x)
    if not connected:
        return None
    path_ops = sorted({t._op for t in path if t._op in functions}, key=lambda o: o._id)
    on_path = set(path_ops)
    recomputed = tuple(t for o in path_ops for t in o._outputs)
    produced = set(recomputed)
    boundary = dict.fromkeys(i for o in path_ops for i in o._inputs if i not in produced and i not in connected)
    steps = _steps(path_ops, custom, connected, stops)
    plan_ys = [(y, g) for y, g in zip(ys, has_grad_ys) if y in path]
    extras = tuple(t for kind, step in steps if kind == "custom" for t in step.extras)
    loops, second_order = loop_levels([y for y, _ in plan_ys], connected, path, path_ops)
    specs = tuple(_x_spec(x) for x in connected)
    if jacobian:
        n = plan_ys[0][0]._shape[0] if plan_ys[0][0]._shape else None
        specs = tuple(((n,) + shape if shape is not None else None, dtype) for shape, dtype in specs)
    return GradientPlan(
        ys=tuple(y for y, _ in plan_ys), xs=tuple(connected),
        variable_xs=tuple(x._op._type in VARIABLE_OPS for x in connected),
        initial=tuple(i for i, x in enumerate(connected) if x._op not in on_path),
        steps=steps, recomputed=recomputed, boundary=tuple(boundary),
        has_grad_ys=tuple(g for _, g in plan_ys), extras=extras, jacobian=jacobian, specs=specs,
        sparse=sparse, loops=loops, second_order=second_order)


__all__ = ["GradientPlan", "CustomStep", "build_plan", "differentiable", "has_float_values", "VARIABLE_OPS"]
