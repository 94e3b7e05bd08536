"""Which gradient an op gets: JAX autodiff of its kernel, none at all, or a registered Python function.

`tf.RegisterGradient(name)` / `tf.NotDifferentiable(name)` fill `_GRADIENTS` (name -> function or None),
the only mutable state here besides the op registry, filled by user code as in TF. An op's gradient type
is its type, or the type `Graph.gradient_override_map` recorded when it was built
(`graph._gradient_op_types`). Invariants: a name is registered once (TF's KeyError otherwise, and every
declared op type counts as registered, since TF registers a gradient or NotDifferentiable for each);
`gradient_function(op)` is AUTODIFF for an op type without an override, so every op with a JAX kernel is
differentiable with no hand-written gradient.
"""
from scopeflow.framework.registry import REGISTRY

AUTODIFF = "autodiff"   # the op's kernel is differentiated by JAX

# Op types TF gives no gradient although their outputs are floats (golden: gradients.json
# non_differentiable): the path is cut there, so an x reached only through them gets None.
NON_DIFFERENTIABLE = frozenset({
    "Floor", "Ceil", "Round", "Rint", "FloorDiv", "TruncateDiv", "StopGradient", "ZerosLike", "OnesLike",
    "Assign", "AssignAdd", "AssignSub", "AssignVariableOp", "AssignAddVariableOp", "AssignSubVariableOp",
    "ScatterUpdate", "ScatterAdd", "ScatterSub", "ScatterMul", "ScatterDiv", "ScatterMax", "ScatterMin",
    "CountUpTo", "IsVariableInitialized", "VarIsInitializedOp",
})

_GRADIENTS = {}          # gradient type name -> Python gradient function, or None (not differentiable)
_REGISTERED_AT = {}      # name -> "file:line" of its registration, for TF's duplicate message


def _check_name(op_type):
    if not isinstance(op_type, str):
        raise TypeError("op_type must be a string")


def _register(op_type, fn, where):
    if op_type in _GRADIENTS or op_type in REGISTRY:
        previous = _REGISTERED_AT.get(op_type, "the op registry")
        raise KeyError(f"Registering two gradient with name '{op_type}'! (Previous registration was in "
                       f"register {previous})")
    _GRADIENTS[op_type] = fn
    _REGISTERED_AT[op_type] = where


class RegisterGradient:
    """`@tf.RegisterGradient("Name")` on `fn(op, *grads) -> input grads`: a gradient to select with
    `Graph.gradient_override_map({"OpType": "Name"})`. The function builds graph ops at `tf.gradients` time,
    as TF does; at run time they are evaluated as the op's VJP (jax.custom_vjp)."""

    def __init__(self, op_type):
        _check_name(op_type)
        self._op_type = op_type

    def __call__(self, f):
        code = getattr(f, "__code__", None)
        where = f"{code.co_filename}:{code.co_firstlineno}" if code else repr(f)
        _register(self._op_type, f, where)
        return f


def NotDifferentiable(op_type):  # noqa: N802  TF's name
    """`tf.NotDifferentiable(op_type)`: ops of this gradient type stop gradients (their xs get None)."""
    _check_name(op_type)
    _register(op_type, None, "NotDifferentiable")


no_gradient = NotDifferentiable


def _identity_gradient(op, *grads):
    """The built-in "Identity" gradient, selectable by override: passes the first output's gradient to
    the first input (the straight-through estimator `{"Sign": "Identity"}`)."""
    return [grads[0]] + [None] * (len(op.inputs) - 1)


_BUILTIN_OVERRIDES = {"Identity": _identity_gradient, "StopGradient": None}


def _no_gradient_error(op):
    return LookupError(
        f"No gradient defined for operation'{op.name}' (op type: {op.type}). In general every operation must "
        "have an associated `@tf.RegisterGradient` for correct autodiff, which this op is lacking. If you want "
        "to pretend this operation is a constant in your program, you may insert `tf.stop_gradient`. This can "
        "be useful to silence the error in cases where you know gradients are not needed, e.g. the forward "
        "pass of tf.custom_gradient. Please see more details in "
        "https://www.tensorflow.org/api_docs/python/tf/custom_gradient.")


def gradient_function(op):
    """AUTODIFF, None (no gradient: the path is cut) or the Python function `fn(op, *grads)`."""
    override = op._graph._gradient_op_types.get(op) if op._graph._gradient_op_types else None
    if override is None:
        if op._type in _GRADIENTS:
            return _GRADIENTS[op._type]
        if op._type in NON_DIFFERENTIABLE or op._decl.random:
            return None
        return AUTODIFF
    if override in _GRADIENTS:
        return _GRADIENTS[override]
    if override in _BUILTIN_OVERRIDES:
        return _BUILTIN_OVERRIDES[override]
    if override == op._type:
        return AUTODIFF
    if override in NON_DIFFERENTIABLE:
        return None
    if override in REGISTRY:
        # TF would run that op type's own gradient function; scopeflow has none to borrow
        raise LookupError(f"scopeflow: overriding the gradient of '{op.name}' (op type: {op.type}) with the "
                          f"built-in gradient of '{override}' is not supported; register a Python gradient "
                          "with tf.RegisterGradient instead")
    raise _no_gradient_error(op)


__all__ = ["RegisterGradient", "NotDifferentiable", "no_gradient", "gradient_function", "AUTODIFF",
           "NON_DIFFERENTIABLE"]
