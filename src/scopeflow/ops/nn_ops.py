"""Activation ops of `tf.nn` (relu, relu6, elu, selu, leaky_relu, softplus, softsign, softmax,
log_softmax) and l2_loss.

Each is one TF op named after its type (`Relu`, `LeakyRelu` ...), built by math_ops' op builder with the
op's allowed dtypes (op_def order, observed). softmax / log_softmax over a non-last axis transpose the axis
last and back, as TF does. Golden: tests/golden/ops_nn.json.
"""
import jax
import jax.numpy as jnp

from scopeflow.framework import errors
from scopeflow.framework.registry import declare
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import math_ops, shape_ops
from scopeflow.ops.array_build import infer_error
from scopeflow.ops.common import convert_to_tensor, name_scope, same_infer
from scopeflow.ops.math_ops import NN_FLOAT_TYPES, REAL_NUMBER_TYPES, apply_op, signature

_RELU_TYPES = math_ops._dtype_list("float32 float64 int32 uint8 int16 int8 int64 bfloat16 uint16 float16 uint32 "
                                   "uint64 qint8")


def _softsign(x):
    return x / (1 + jnp.abs(x))


def _leaky_relu(x, *, alpha, **_):
    return jnp.where(x > 0, x, x * jnp.asarray(alpha, x.dtype))


def _softmax_infer(ctx, logits, **_):
    if logits._shape is not None and len(logits._shape) < 1:
        raise infer_error(ctx, f"Shape must be at least rank 1 but is rank {len(logits._shape)}")
    return [(logits._shape, logits.dtype.base_dtype)]


#  TF type      kernel                                     allowed        input name
_ACTIVATIONS = (
    ("Relu", lambda x: jnp.maximum(x, jnp.zeros((), x.dtype)), _RELU_TYPES, "features"),
    ("Relu6", lambda x: jnp.clip(x, jnp.zeros((), x.dtype), jnp.full((), 6, x.dtype)), REAL_NUMBER_TYPES,
     "features"),
    ("Elu", jax.nn.elu, NN_FLOAT_TYPES, "features"),
    ("Selu", jax.nn.selu, NN_FLOAT_TYPES, "features"),
    ("Softplus", jax.nn.softplus, NN_FLOAT_TYPES, "features"),
    ("Softsign", _softsign, NN_FLOAT_TYPES, "features"),
    ("Softmax", jax.nn.softmax, NN_FLOAT_TYPES, "logits"),
    ("LogSoftmax", jax.nn.log_softmax, NN_FLOAT_TYPES, "logits"),
)
for _type, _fn, _allowed, _arg in _ACTIVATIONS:
    declare(_type, _softmax_infer if _arg == "logits" else same_infer,
            (lambda fn: lambda x, **_: fn(x))(_fn))
    signature(_type, _arg, _allowed)
declare("LeakyRelu", same_infer, _leaky_relu, attrs={"alpha": 0.2})
signature("LeakyRelu", "features", NN_FLOAT_TYPES)
declare("L2Loss", lambda ctx, t, **_: [((), t.dtype.base_dtype)],
        lambda t, **_: (jnp.sum(t * t, dtype=t.dtype) / 2).astype(t.dtype))
signature("L2Loss", "t", NN_FLOAT_TYPES)


def _activation(op_type, py_name):
    def activation(features, name=None):
        return apply_op(op_type, (features,), name)
    activation.__name__ = py_name
    activation.__doc__ = f"`tf.nn.{py_name}`: the element-wise `{op_type}` op."
    return activation


relu = _activation("Relu", "relu")
relu6 = _activation("Relu6", "relu6")
elu = _activation("Elu", "elu")
selu = _activation("Selu", "selu")
softplus = _activation("Softplus", "softplus")
softsign = _activation("Softsign", "softsign")


def l2_loss(t, name=None):
    """`tf.nn.l2_loss`: `sum(t ** 2) / 2`, one `L2Loss` op."""
    return apply_op("L2Loss", (t,), name)


def leaky_relu(features, alpha=0.2, name=None):
    """`tf.nn.leaky_relu`: `LeakyRelu` (alpha attribute); integer features are cast to float32 first."""
    with name_scope(name, "LeakyRelu", [features, alpha]) as scope:
        features = features if isinstance(features, Tensor) else convert_to_tensor(features, name="features")
        if features.dtype.base_dtype.is_integer:
            features = math_ops.cast(features, "float32")
        return apply_op("LeakyRelu", (features,), scope, alpha=float(alpha))


def _axis_error(axis, rank):
    """InvalidArgumentError at build time, as TF raises it: "`dim` must be in the range [-2, 2) ..." """
    return errors.InvalidArgumentError(None, None, f"`dim` must be in the range [{-rank}, {rank}) where {rank} "
                                                   f"is the number of dimensions in the input. Received: dim={axis}")


def _softmax(op_type, logits, axis, name):
    if axis is None:
        axis = -1
    if not isinstance(logits, Tensor):
        logits = convert_to_tensor(logits)
    shape = logits._shape
    if axis == -1 or shape is None or axis == len(shape) - 1:
        return apply_op(op_type, (logits,), name)
    rank = len(shape)
    if not -rank <= axis < rank:
        raise _axis_error(axis, rank)
    # TF moves `axis` last with a transpose, applies the op, and moves it back (the perm swaps the two)
    axis %= rank
    perm = list(range(rank))
    perm[axis], perm[-1] = perm[-1], perm[axis]
    output = apply_op(op_type, (shape_ops.transpose(logits, perm),), None)
    return shape_ops.transpose(output, perm, name=name or "transpose")


def softmax(logits, axis=None, name=None, dim=None):
    """`tf.nn.softmax` over `axis` (default: last). `dim` is TF1's deprecated alias."""
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'dim' and 'axis'.")
        axis = dim
    return _softmax("Softmax", logits, axis, name)


def log_softmax(logits, axis=None, name=None, dim=None):
    """`tf.nn.log_softmax` over `axis` (default: last)."""
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'dim' and 'axis'.")
        axis = dim
    return _softmax("LogSoftmax", logits, axis, name)


__all__ = ["l2_loss", "relu", "relu6", "elu", "selu", "leaky_relu", "softplus", "softsign", "softmax", "log_softmax"]
