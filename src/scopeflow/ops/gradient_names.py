"""TF's names for the gradients `tf.gradients` returns, found by replaying TF's backprop over names only.

TF builds each op's gradient under `<op>_grad/` in the `gradients` scope. An x's gradient is the tensor
that backprop ends with: the last op of a per-op gradient (`MatMul_grad/MatMul_1`), the incoming gradient
passed on unchanged (`grad_ys_0` through an `Identity` or an equal-shape `Add`), an `AddN` of several
(numbered in TF's backprop order), or, with gate_gradients, `<op>_grad/tuple/control_dependency[_k]`:
TF groups an op's input gradients with `tuple` when more than one is not None, counting every input its
gradient function gives one, whether or not it leads to an x (MatMul by a placeholder: both; integer,
shape and axis inputs, and FusedBatchNormV3's mean and variance: none), so w in `matmul(x, w)` gets `_1`.
`tf_names` replays TF's queue (pending counts over the ops between xs and ys) with `RULES`: per op type,
the name each input's gradient gets. The rules are observed in the reference (golden: gradients.json).
Invariants: this module only names and never builds; names are relative to the `gradients` scope; an op
type with no rule, a Python gradient function's own tensors and IndexedSlices give no name (the caller
keeps its own), yet they still count towards TF's numbering; a graph with control flow gives no names.
"""
import collections
import dataclasses

import numpy as np

from scopeflow.framework import naming
from scopeflow.ops.array_build import const_value
from scopeflow.ops.gradient_plan import differentiable, has_float_values
from scopeflow.ops.gradient_registry import AUTODIFF, gradient_function


@dataclasses.dataclass(frozen=True)
class TFName:
    """A tensor of TF's gradient graph: its op's name under the `gradients` scope and output index."""
    op: str
    index: int = 0


PASS = "<pass>"         # rule: this input gets the op's first output's gradient, unchanged
UNKNOWN = "<unknown>"   # a gradient TF builds, whose name is not modelled
SPARSE = "<sparse>"     # an IndexedSlices gradient (named by indexed_slices_ops)

# TF's backprop through these goes through control-flow machinery this replay does not model.
_CONTROL_FLOW = frozenset({"If", "While", "Scan", "Merge", "Switch", "Enter", "Exit", "NextIteration",
                           "LoopCond", "SymbolicGradient"})


# ---- rules: op -> per input, a local name ("MatMul", or ("unstack", 1) for output 1), PASS, None ...
def _fixed(*names):
    return lambda op: names


def _numbered(base, n):
    """TF's names for n ops of one type built in one scope: base, base_1, base_2 ..."""
    counts = {}
    return tuple(naming.unique(base, counts) for _ in range(n))


_MISSING = "missing"


def _reduced(x_shape, y_shape):
    """(x's gradient is summed, y's is summed) over broadcast axes, as TF decides from static shapes;
    None when it decides at run time (BroadcastGradientArgs: both are summed). Checked against the
    reference on every pair of rank <= 3 shapes over dims {?, 1, 3} (golden: gradients.json)."""
    if x_shape is None or y_shape is None:
        return None
    rank = max(len(x_shape), len(y_shape))
    xs = (_MISSING,) * (rank - len(x_shape)) + tuple(x_shape)
    ys = (_MISSING,) * (rank - len(y_shape)) + tuple(y_shape)
    x_summed = y_summed = False
    for a, b in zip(xs, ys):
        if a == _MISSING:
            x_summed = True
        elif b == _MISSING:
            y_summed = True
        elif a == 1 and b != 1:
            x_summed = True
        elif b == 1 and a != 1:
            y_summed = True
        elif a is None or b is None:
            return None
    return x_summed, y_summed


def _broadcasting(x_name, y_name):
    """A binary op whose gradients are summed back to each input's shape (`Reshape`, `Reshape_1` ...)."""
    def rule(op):
        summed = _reduced(op._inputs[0]._shape, op._inputs[1]._shape) or (True, True)
        reshapes = iter(_numbered("Reshape", sum(summed)))
        return tuple(next(reshapes) if s else name for s, name in zip(summed, (x_name, y_name)))
    return rule


def _batch_matmul(op):
    x, y = op._inputs[0]._shape, op._inputs[1]._shape
    if x is not None and y is not None and x[:-2] == y[:-2] and None not in x[:-2]:
        return ("MatMul", "MatMul_1")
    return ("Reshape", "Reshape_1")


def _sum(op):
    """Tile when the axes are constant and the input's rank is known with all axes reduced, or its shape is
    fully known; else BroadcastTo."""
    shape, axes = op._inputs[0]._shape, const_value(op._inputs[1])
    if shape is not None and axes is not None:
        if np.array_equal(axes, np.arange(len(shape))) or None not in shape:
            return ("Tile", None)
    return ("BroadcastTo", None)


def _gather(op):
    """Rows (a constant axis 0) give an IndexedSlices; any other axis, even one known only at run time, a
    dense gradient."""
    if op._attrs.get("batch_dims", 0):
        return (UNKNOWN, None, None)
    axis = const_value(op._inputs[2])
    return (SPARSE if axis is not None and int(axis) == 0 else "Reshape_2", None, None)


def _select_v2(op):
    """Named when both branches have the output's fully known shape (TF's summing when they broadcast is
    not modelled)."""
    out = op._outputs[0]._shape
    same = out is not None and None not in out and all(t._shape == out for t in op._inputs[1:])
    return (None, "SelectV2", "SelectV2_1") if same else (None, UNKNOWN, UNKNOWN)


def _cast(op):
    return ("Cast" if has_float_values(op._inputs[0]) else None,)


def _first_passes(op):
    return (PASS,) + (None,) * (len(op._inputs) - 1)


RULES = {
    # binary ops that broadcast: the per-input names when no summing is needed
    **{t: _broadcasting(x, y) for t, (x, y) in {
        "AddV2": (PASS, PASS), "Sub": (PASS, "Neg"), "Mul": ("Mul", "Mul_1"),
        "RealDiv": ("RealDiv", "mul"), "Maximum": ("SelectV2", "SelectV2_1"),
        "Minimum": ("SelectV2", "SelectV2_1"), "SquaredDifference": ("mul_1", "Neg"), "Pow": ("mul_1", "mul_3"),
        "Atan2": ("mul", "mul_1"),
    }.items()},
    # one gradient op per input, whatever the shapes
    **{t: _fixed(*names) for t, names in {
        "MatMul": ("MatMul", "MatMul_1"), "BiasAdd": (PASS, "BiasAddGrad"),
        "Conv2D": ("Conv2DBackpropInput", "Conv2DBackpropFilter"),
        "Conv2DBackpropInput": (None, "Conv2DBackpropFilter", "Conv2D"),
        "DepthwiseConv2dNative": ("DepthwiseConv2dNativeBackpropInput", "DepthwiseConv2dNativeBackpropFilter"),
        "FusedBatchNormV3": (("FusedBatchNormGradV3", 0), ("FusedBatchNormGradV3", 1),
                             ("FusedBatchNormGradV3", 2), None, None),
        "SoftmaxCrossEntropyWithLogits": ("mul", "mul_1"), "SparseSoftmaxCrossEntropyWithLogits": ("mul", None),
        "Identity": (PASS,), "ReadVariableOp": (PASS,), "ResourceGather": (SPARSE, None),
        "Reshape": ("Reshape", None), "ExpandDims": ("Reshape", None), "Squeeze": ("Reshape",),
        "Transpose": ("transpose", None), "Mean": ("truediv", None), "Max": ("mul", None), "Min": ("mul", None),
        "Tile": ("Sum", None), "Fill": (None, "Sum"), "BroadcastTo": ("Reshape", None),
        "Pad": ("Slice_1", None), "PadV2": ("Slice_1", None, None), "MirrorPad": ("MirrorPadGrad", None),
        "Slice": ("Pad", None, None), "StridedSlice": ("StridedSliceGrad", None, None, None),
        "Select": (None, "Select", "Select_1"), "Unpack": ("stack",), "Split": (None, "concat"),
        "SplitV": ("concat", None, None), "MaxPool": ("MaxPoolGrad",), "AvgPool": ("AvgPoolGrad",),
        "LRN": ("LRNGrad",),
    }.items()},
    # unary ops: the last op of the gradient
    **{t: _fixed(name) for t, name in {
        "Square": "Mul_1", "Relu": "ReluGrad", "Relu6": "Relu6Grad", "Elu": "EluGrad", "Selu": "SeluGrad",
        "LeakyRelu": "LeakyReluGrad", "Tanh": "TanhGrad", "Sigmoid": "SigmoidGrad", "Sqrt": "SqrtGrad",
        "Rsqrt": "RsqrtGrad", "Reciprocal": "ReciprocalGrad", "Exp": "mul", "Log": "mul", "Log1p": "mul",
        "Expm1": "mul", "Neg": "Neg", "Abs": "mul", "Softplus": "mul", "Softmax": "mul_1", "LogSoftmax": "sub",
        "Sin": "mul", "Cos": "mul", "Erf": "mul_1", "L2Loss": "mul", "CheckNumerics": "CheckNumerics",
    }.items()},
    "BatchMatMulV2": _batch_matmul, "Sum": _sum, "GatherV2": _gather,
    "SelectV2": _select_v2, "Cast": _cast, "Print": _first_passes,
    "AddN": lambda op: (PASS,) * len(op._inputs),
    "ConcatV2": lambda op: _numbered("Slice", len(op._inputs) - 1) + (None,),
    "Pack": lambda op: tuple(("unstack", i) for i in range(len(op._inputs))),
}


# ---- the replay -----------------------------------------------------------------------------------------
def _between(ys, xs):
    """TF's ops between xs and ys, and their pending counts: ops reached from the xs through differentiable
    outputs that lead to a y through data inputs (even an integer one, e.g. a Reshape's Shape)."""
    reached, stack = set(), [x._op for x in xs]
    while stack:
        o = stack.pop()
        if o not in reached:
            reached.add(o)
            stack.extend(c for t in o._outputs if differentiable(t) for c in t._consumers)
    between, queue = set(), collections.deque(y._op for y in ys)
    while queue:
        o = queue.popleft()
        if o in reached and o not in between:
            between.add(o)
            queue.extend(t._op for t in o._inputs)
    pending = collections.Counter(t._op for o in between for t in o._inputs if t._op in between)
    return between, pending


def _custom_specs(step):
    """A Python gradient function's results: passed-through incoming gradients keep their names; the
    tensors it built are named by the function itself, not by a rule."""
    passed = {g: PASS if i == 0 else UNKNOWN for i, g in enumerate(step.grad_inputs) if g is not None}
    return tuple(None if r is None else passed.get(r, UNKNOWN) for r in step.results)


def _rule_specs(op, custom):
    try:
        fn = gradient_function(op)
    except LookupError:   # TF raises too if its backprop gets there: name nothing
        fn = UNKNOWN
    if fn is None:
        return (None,) * len(op._inputs)
    if op in custom:
        return _custom_specs(custom[op])
    rule = RULES.get(op._type) if fn is AUTODIFF else None
    if rule is None:
        return tuple(UNKNOWN if differentiable(t) else None for t in op._inputs)
    specs = tuple(rule(op))
    return specs + (None,) * (len(op._inputs) - len(specs))


def _symbol(spec, scope, first_out):
    """A rule's spec for one input as the symbol of that input's gradient."""
    if spec is PASS:
        return UNKNOWN if first_out is None else first_out   # TF would pass a zeros_like on
    if spec in (None, UNKNOWN, SPARSE):
        return spec
    name, index = (spec, 0) if isinstance(spec, str) else spec
    return TFName(naming.join(scope, name), index)


def _input_grads(op, specs, first_out, gate):
    """The symbols of op's input gradients (TFName, UNKNOWN, SPARSE or None), grouped by TF's `tuple`
    under gate_gradients when more than one is not None."""
    scope = op._name + "_grad"
    grads = [_symbol(spec, scope, first_out) for spec in specs]
    if gate and sum(g is not None for g in grads) > 1:
        names = iter(_numbered("control_dependency", len(grads)))
        tuple_scope = naming.join(scope, "tuple")
        grads = [None if g is None else TFName(naming.join(tuple_scope, next(names))) for g in grads]
    return grads


class _Sums:
    """TF's aggregation of a tensor's several gradients, with the AddN counter of one gradients call."""

    def __init__(self, add_n):
        self._add_n = add_n   # False under another aggregation method: its ops are not modelled
        self._counts = {}

    def __call__(self, symbols):
        if len(symbols) < 2:
            return symbols[0] if symbols else None
        if all(s is SPARSE for s in symbols):   # TF concatenates IndexedSlices (`concat`)
            return SPARSE
        return TFName(naming.unique("AddN", self._counts)) if self._add_n else UNKNOWN


def tf_names(ys, xs, stops=(), gate=False, custom=None, aggregation_method=None):
    """x -> TFName (or UNKNOWN, SPARSE, None) of the tensor TF 1.15's `tf.gradients(ys, xs)` returns for
    it; empty when the path holds control flow. `custom` maps ops with a Python gradient function to
    their gradient_plan.CustomStep."""
    between, pending = _between(ys, xs)
    if any(o._type in _CONTROL_FLOW or o._type.startswith("TensorArray") for o in between):
        return {}
    custom = custom or {}
    grads = collections.defaultdict(list)
    for i, y in enumerate(ys):   # TF's grad_ys_<i>: ones, or an Identity of the given grad_ys
        grads[y].append(TFName(f"grad_ys_{i}"))
    stop_ops = {o for o in (x._op for x in xs) if not any(pending[t._op] for t in o._inputs)}
    stop_ops.update(t._op for t in stops)
    sums = _Sums(aggregation_method in (None, 0))
    final = {}
    queue = collections.deque(dict.fromkeys(y._op for y in ys if y._op in between and not pending[y._op]))
    while queue:
        o = queue.popleft()
        outs = [sums(grads.get(t, [])) for t in o._outputs]
        final.update(zip(o._outputs, outs))
        if any(g is not None for g in outs) and o not in stop_ops:
            in_grads = _input_grads(o, _rule_specs(o, custom), outs[0], gate)
            for t, g in zip(o._inputs, in_grads):
                if g is not None:
                    grads[t].append(g)
        for t in o._inputs:
            if t._op in between:
                pending[t._op] -= 1
                if pending[t._op] == 0:
                    queue.append(t._op)
    return {x: final.get(x) for x in xs}


__all__ = ["TFName", "RULES", "tf_names", "PASS", "UNKNOWN", "SPARSE"]
