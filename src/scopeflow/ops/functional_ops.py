"""`tf.map_fn`, `tf.foldl`, `tf.foldr`, `tf.scan`: one `Scan` op runs `fn`'s subgraph under `lax.scan`
(always a static length at trace time, so always reverse-differentiable).

Build: TF1 builds these from a while_loop over TensorArrays. The names a user sees are kept: `fn`
gets `<scope>/while/TensorArrayReadV3:0` for each element and `<scope>/while/Identity_2:0` ... for the
accumulators; its ops are named `<scope>/while/...` (TF1's own loop names are reserved in its order);
map_fn/scan results are `<scope>/TensorArrayStack/TensorArrayGatherV3:0` (`TensorArrayStack_1` ...),
fold results `<scope>/while/Exit_2:0` .... `fn`'s ops are owned by the `Scan` op
(control_flow_subgraph.py), whose inputs are the elements, the initial accumulators and `fn`'s captures.
Run: `lax.scan` over the elements' first axis; without an initializer the first (foldr/reverse scan:
last) elements are the initial accumulator, and scan's result includes it, as TF's.
"""
import jax
import jax.numpy as jnp

from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.ops import control_flow_nest as nest
from scopeflow.ops.common import convert_to_tensor, same_infer
from scopeflow.ops.control_flow_subgraph import StateThread, Subgraph, claim, collect, evaluate, value

_SCAN_ATTRS = {"fn": None, "n_elems": 1, "initialized": True, "reverse": False, "stacked": True,
               "back_prop": True}


def _scan_kernel(ctx, *args, fn, n_elems, initialized, reverse, stacked, back_prop):
    n_acc = len(fn.inputs) - n_elems
    elems = [value(ctx, a) for a in args[:n_elems]]
    n_in = n_elems + (n_acc if initialized else 0)
    accs = tuple(value(ctx, a) for a in args[n_elems:n_in])
    env_base = dict(zip(ctx.op._inputs[n_in:], args[n_in:]))
    if n_acc and not initialized:   # the first (reverse: last) elements start the accumulation
        accs = tuple(e[-1] if reverse else e[0] for e in elems)
        elems = [e[:-1] if reverse else e[1:] for e in elems]

    def step(acc, x):
        return tuple(evaluate(ctx, fn, env_base, acc + x))

    thread = StateThread(ctx)
    if fn.stateful:
        thread.discover(step, accs, tuple(jax.ShapeDtypeStruct(e.shape[1:], e.dtype) for e in elems))
    run = thread.wrap(step)

    def scan_step(carry, x):
        out, state = run(carry[1], carry[0], x)
        return ((out if n_acc else ()), state), (out if stacked else ())

    (accs_out, state), ys = jax.lax.scan(scan_step, (accs, thread.initial()), tuple(elems), reverse=reverse)
    thread.commit(state)
    if not stacked:
        outputs = list(accs_out)
    elif n_acc and not initialized:
        outputs = [jnp.concatenate([y, a[None]] if reverse else [a[None], y]) for y, a in zip(ys, accs)]
    else:
        outputs = list(ys)
    return outputs if back_prop else [jax.lax.stop_gradient(v) for v in outputs]


@op("Scan", attrs=_SCAN_ATTRS, type_attr=None, context=True, ref_inputs=True)
class Scan:
    @staticmethod
    def infer(ctx, *inputs, fn, **_):   # specs come from the API functions
        return [(t._shape, t.dtype.base_dtype) for t in fn.outputs]

    kernel = staticmethod(_scan_kernel)


# TF1's result op types: the stacked TensorArray of map_fn/scan, a fold's while Exit (control_flow_while)
@op("TensorArrayGatherV3", attrs={"dtype": None}, type_attr=None)
class TensorArrayGatherV3:
    infer = staticmethod(same_infer)

    @staticmethod
    def kernel(x, **_):
        return x


@op("TensorArrayReadV3", attrs={"dtype": None}, type_attr=None)
class TensorArrayReadV3:
    """An element of `fn`'s arguments: input the stacked elements; set by the Scan kernel."""
    @staticmethod
    def infer(ctx, x, *, dtype):
        return [(None if x._shape is None else x._shape[1:], x.dtype.base_dtype)]

    @staticmethod
    def kernel(x, **_):
        return x[0]


# ---- build ----------------------------------------------------------------------------------------
def _require_callable(fn):
    """TF 2.21's functional ops fail on a non-callable fn reading its `__name__` (golden:
    control_functional.json map_fn_not_callable)."""
    if not callable(fn):
        raise AttributeError(f"'{type(fn).__name__}' object has no attribute '__name__'")


def _leading_dim(flat):
    for t in flat:
        if t._shape is not None and not t._shape:
            raise ValueError("Elements in elems must be 1+ dimensional Tensors, not scalars")
    dims = [t._shape[0] for t in flat if t._shape is not None and t._shape[0] is not None]
    return dims[0] if dims else None


def _reserve(graph, name, count=1):
    for _ in range(count):
        graph.unique_name(name)


def _build(kind, fn, elems, initializer, reverse, back_prop, name, scope_name):
    """Builds a `Scan` for map_fn ("map"), fold ("fold") or scan ("scan"); returns its flat results and
    the structure to pack them in."""
    _require_callable(fn)
    with name_scope(name, scope_name, nest.flatten(elems)) as scope:
        graph = get_default_graph()
        elems_flat = [convert_to_tensor(e, name="elems") for e in nest.flatten(elems)]
        n = _leading_dim(elems_flat)
        has_acc = kind != "map"
        initialized = initializer is not None
        if has_acc and initialized:
            acc_structure = initializer
            acc_flat = [convert_to_tensor(a) for a in nest.flatten(initializer)]
            acc_specs = [(a._shape, a.dtype.base_dtype) for a in acc_flat]
        elif has_acc:
            acc_structure = elems
            acc_flat = []
            acc_specs = [(None if e._shape is None else e._shape[1:], e.dtype.base_dtype) for e in elems_flat]
        else:
            acc_structure, acc_flat, acc_specs = None, [], []
        n_out = len(acc_specs) if kind != "map" else 0
        with graph.name_scope("while"):
            k = 2 + len(acc_specs) + (n_out if kind == "scan" else 0) + (1 if kind == "map" else 0)
            _reserve(graph, "maximum_iterations")
            _reserve(graph, "iteration_counter")
            if kind == "scan":
                _reserve(graph, "Const")
            for reserved in ("Enter", "Merge"):
                _reserve(graph, reserved, k)
            for reserved in ("Less", "Less", "LogicalAnd", "LoopCond"):
                _reserve(graph, reserved)
            _reserve(graph, "Switch", k)
            _reserve(graph, "Identity", 2)
            start = graph._version
            acc_sources = acc_flat if initialized else elems_flat[:len(acc_specs)]
            acc_args = [graph._create_op("Identity", [src], "Identity", None, [spec])._outputs[0]
                        for src, spec in zip(acc_sources, acc_specs)]
            _reserve(graph, "Identity", k - 2 - len(acc_args))
            _reserve(graph, "add")
            elem_args = [graph._create_op("TensorArrayReadV3", [e], "TensorArrayReadV3", {"dtype": e.dtype.base_dtype})
                         ._outputs[0] for e in elems_flat]
            packed_elems = nest.pack(elems, elem_args)
            if has_acc:
                result = fn(nest.pack(acc_structure, acc_args), packed_elems)
            else:
                result = fn(packed_elems)
            if has_acc:
                nest.assert_same(acc_structure, result)
            out_flat = [convert_to_tensor(t) for t in nest.flatten(result)]
            for out, (shape, _) in zip(out_flat if kind == "scan" else (), acc_specs):
                if shape is not None and out._shape is not None and (
                        len(shape) != len(out._shape) or any(a is not None and b is not None and a != b
                                                            for a, b in zip(shape, out._shape))):
                    raise ValueError(f"Inconsistent shapes: saw {TensorShape._from_tuple(out._shape)} but "
                                     f"expected {TensorShape._from_tuple(shape)}")
            ops, captures, controls = collect(graph, start, acc_args + elem_args, out_flat)
            sub = Subgraph(scope + "while/fn", acc_args + elem_args, out_flat, ops)
            attrs = {"fn": sub, "n_elems": len(elems_flat), "initialized": initialized, "reverse": reverse,
                     "stacked": kind != "fold", "back_prop": bool(back_prop)}
            if kind == "fold":
                specs = acc_specs
            else:
                specs = [((n,) + t._shape if t._shape is not None else None, t.dtype.base_dtype) for t in out_flat]
            owner = graph._create_op("Scan", elems_flat + acc_flat + captures, "Scan", attrs, specs)
            owner._add_control_inputs(controls)
            claim(owner, ops + [t._op for t in acc_args + elem_args])
            if kind == "fold":
                _reserve(graph, "Exit", 2)
                results = [graph._create_op("Exit", [t], "Exit")._outputs[0] for t in owner._outputs]
        if kind != "fold":
            results = []
            for t in owner._outputs:
                with graph.name_scope("TensorArrayStack"):
                    results.append(graph._create_op("TensorArrayGatherV3", [t], "TensorArrayGatherV3",
                                                    {"dtype": t.dtype.base_dtype})._outputs[0])
        return results, result


def map_fn(fn, elems, dtype=None, parallel_iterations=None, back_prop=True, swap_memory=False,
           infer_shape=True, name=None):
    """`tf.map_fn`: `fn` applied to each slice of `elems` along axis 0, results stacked."""
    results, structure = _build("map", fn, elems, None, False, back_prop, name, "map")
    return nest.pack(structure, results)


def foldl(fn, elems, initializer=None, parallel_iterations=10, back_prop=True, swap_memory=False, name=None):
    """`tf.foldl`: `fn(acc, x)` over `elems` from the first slice; the final accumulator."""
    results, structure = _build("fold", fn, elems, initializer, False, back_prop, name, "foldl")
    return nest.pack(structure, results)


def foldr(fn, elems, initializer=None, parallel_iterations=10, back_prop=True, swap_memory=False, name=None):
    """`tf.foldr`: `fn(acc, x)` over `elems` from the last slice; the final accumulator."""
    results, structure = _build("fold", fn, elems, initializer, True, back_prop, name, "foldr")
    return nest.pack(structure, results)


def scan(fn, elems, initializer=None, parallel_iterations=10, back_prop=True, swap_memory=False,
         infer_shape=True, reverse=False, name=None):
    """`tf.scan`: every accumulator of `fn(acc, x)` over `elems`, stacked."""
    results, structure = _build("scan", fn, elems, initializer, reverse, back_prop, name, "scan")
    return nest.pack(structure, results)


__all__ = ["map_fn", "foldl", "foldr", "scan"]
