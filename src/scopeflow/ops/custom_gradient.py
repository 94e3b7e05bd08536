"""`tf.custom_gradient` in graph mode, and the `IdentityN` op it is built on.

As in TF1, the decorated function's outputs and inputs pass through one `IdentityN` op built under
`gradient_override_map({"IdentityN": "CustomGradient-<n>"})`; that gradient name is registered to call
the user's `grad_fn(*dys)` and gives no gradient to the function's own ops (the IdentityN inputs that are
its outputs), so only the user's gradient reaches the inputs. Invariant: each decorated call registers a
fresh gradient name; names are never reused.
"""
import functools
import itertools

from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.ops.common import convert_to_tensor, create
from scopeflow.ops.gradient_registry import RegisterGradient

_NAMES = itertools.count(1)   # TF numbers its custom gradient names with a process-wide uid


@op("IdentityN", type_attr=None, attrs={"T": None})
class IdentityN:
    @staticmethod
    def infer(ctx, *inputs, T):  # noqa: N803  TF's attr name
        return [(t._shape, t._dtype.base_dtype) for t in inputs]

    @staticmethod
    def kernel(*inputs, T):  # noqa: N803
        return list(inputs)


def identity_n(input, name=None):  # noqa: A002  TF's argument name
    """`tf.identity_n`: each input passed through one `IdentityN` op."""
    inputs = [convert_to_tensor(t) for t in input]
    return list(create("IdentityN", inputs, name or "IdentityN", T=[t.dtype.base_dtype for t in inputs])._outputs)


def _flatten(result):
    if isinstance(result, (list, tuple)):
        return list(result), type(result)
    return [result], None


def custom_gradient(f=None):
    """`@tf.custom_gradient` on `f(*x) -> (y, grad_fn)` with `grad_fn(*dy) -> dx`: y's gradient is grad_fn's.

    >>> import scopeflow as tf
    >>> @tf.custom_gradient
    ... def clip_grad(x):
    ...     return tf.identity(x), lambda dy: tf.clip_by_value(dy, -1.0, 1.0)
    >>> with tf.Graph().as_default():
    ...     print(clip_grad(tf.constant(2.0)).name)
    IdentityN:0
    """
    if f is None:
        return custom_gradient

    @functools.wraps(f)
    def decorated(*args, **kwargs):
        if kwargs:
            raise ValueError("The custom_gradient decorator currently supports keywords arguments only when "
                             "eager execution is enabled.")
        args = [convert_to_tensor(a) for a in args]
        result, grad_fn = f(*args)
        flat, kind = _flatten(result)
        flat = [convert_to_tensor(t) for t in flat]
        n_out = len(flat)
        name = f"CustomGradient-{next(_NAMES)}"

        def gradient(op_, *grads):
            dx = grad_fn(*grads[:n_out])
            dx = list(dx) if isinstance(dx, (list, tuple)) else [dx]
            if len(dx) != len(args):
                raise ValueError(f"custom_gradient function expected to return {len(args)} gradients but "
                                 f"returned {len(dx)} instead.")
            return [None] * n_out + [None if g is None else convert_to_tensor(g) for g in dx]

        RegisterGradient(name)(gradient)
        with get_default_graph().gradient_override_map({"IdentityN": name}):
            outs = identity_n(flat + args)[:n_out]
        if kind is None:
            return outs[0]
        return kind(outs) if kind is list else tuple(outs)

    return decorated


__all__ = ["custom_gradient", "identity_n"]
