"""Cross-entropy losses of `tf.nn`: softmax (v1 and v2), sparse softmax, sigmoid and weighted sigmoid.

Ops: SoftmaxCrossEntropyWithLogits and SparseSoftmaxCrossEntropyWithLogits, each with TF's two outputs
(loss, backprop). The Python functions build TF's graphs around them, names included: the v2 softmax
flattens outer dimensions with Rank/Shape/Slice/ConcatV2/Reshape and reshapes the loss back; v1 adds a
`labels_stop_gradient` and the `_sg` scope; the sigmoid losses are element-wise composites named
`logistic_loss`. float16/bfloat16 logits are computed in float32 and cast back, as TF does.
Out-of-range sparse labels give NaN losses (TF's GPU behaviour) instead of TF CPU's run-time error.
Golden: tests/golden/ops_nn_xent.json.
"""
import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.registry import op
from scopeflow.ops import fill_ops, join_ops, math_ops, nn_ops, shape_ops, slicing
from scopeflow.ops.array_build import infer_error
from scopeflow.ops.common import create, create1, name_scope
from scopeflow.ops.math_ops import _dtype_list, not_allowed_error
from scopeflow.ops.nn_conv import check_rank

_FLOAT = _dtype_list("float16 bfloat16 float32 float64")
_INDEX = _dtype_list("int32 int64")


def _merge(ctx, a, b):
    if a is not None and b is not None and a != b:
        raise infer_error(ctx, f"Dimensions must be equal, but are {a} and {b}")
    return a if a is not None else b


def _dims(t, rank):
    return t._shape if t._shape is not None else (None,) * rank


def _softmax_xent_infer(ctx, features, labels, **_):
    check_rank(ctx, features, 2)
    check_rank(ctx, labels, 2)
    (b1, c1), (b2, c2) = _dims(features, 2), _dims(labels, 2)
    batch, classes = _merge(ctx, b1, b2), _merge(ctx, c1, c2)
    dtype = features.dtype.base_dtype
    return [((batch,), dtype), ((batch, classes), dtype)]


def _softmax_xent_kernel(features, labels, **_):
    log_softmax = jax.nn.log_softmax(features, axis=-1)
    loss = -jnp.sum(labels * log_softmax, axis=-1)
    return [loss, jnp.exp(log_softmax) - labels]


def _sparse_xent_infer(ctx, features, labels, **_):
    check_rank(ctx, features, 2)
    check_rank(ctx, labels, 1)
    (b1, classes), (b2,) = _dims(features, 2), _dims(labels, 1)
    batch = _merge(ctx, b1, b2)
    dtype = features.dtype.base_dtype
    return [((batch,), dtype), ((batch, classes), dtype)]


def _sparse_xent_kernel(features, labels, **_):
    classes = features.shape[-1]
    log_softmax = jax.nn.log_softmax(features, axis=-1)
    valid = (labels >= 0) & (labels < classes)
    safe = jnp.where(valid, labels, 0)
    picked = jnp.take_along_axis(log_softmax, safe[:, None].astype(jnp.int32), axis=-1)[:, 0]
    loss = jnp.where(valid, -picked, jnp.nan).astype(features.dtype)
    onehot = jax.nn.one_hot(safe, classes, dtype=features.dtype)
    return [loss, jnp.exp(log_softmax) - onehot]


@op("SoftmaxCrossEntropyWithLogits")
class SoftmaxCrossEntropyWithLogits:
    infer = staticmethod(_softmax_xent_infer)
    kernel = staticmethod(_softmax_xent_kernel)


@op("SparseSoftmaxCrossEntropyWithLogits", attrs={"Tlabels": dtypes.int64})
class SparseSoftmaxCrossEntropyWithLogits:
    infer = staticmethod(_sparse_xent_infer)
    kernel = staticmethod(_sparse_xent_kernel)




# ---- helpers ---------------------------------------------------------------------------------------------
def _ensure_args(fn_name, labels, logits):
    if labels is None or logits is None:
        raise ValueError(f"Both `labels` and `logits` must be provided for {fn_name}"
                         f"Received: labels={labels} and logits={logits}")


def _flatten_outer_dims(logits):
    """TF's `_flatten_outer_dims`: reshape to [-1, last], with the static shape set when known."""
    rank = shape_ops.rank(logits)
    last = slicing.slice(shape_ops.shape(logits), [math_ops.subtract(rank, 1)], [1])
    output = shape_ops.reshape(logits, join_ops.concat([[-1], last], 0))
    shape = logits._shape
    if shape is not None and None not in shape[:-1]:
        product = 1
        for d in shape[:-1]:
            product *= d
        output.set_shape([product, shape[-1]])
    return output


def _move_dim_to_end(tensor, dim, rank):
    perm = join_ops.concat([fill_ops.range(dim), fill_ops.range(dim + 1, rank), [dim]], 0)
    return shape_ops.transpose(tensor, perm)


def _is_half(dtype):
    return dtype.base_dtype in (dtypes.float16, dtypes.bfloat16)


# ---- API ---------------------------------------------------------------------------------------------------
def softmax_cross_entropy_with_logits_v2(labels, logits, axis=None, name=None, dim=None):
    """`tf.nn.softmax_cross_entropy_with_logits_v2`: TF's flatten / SoftmaxCrossEntropyWithLogits / reshape.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(tf.nn.softmax_cross_entropy_with_logits_v2(labels=[[0., 1.]], logits=[[1., 2.]]).name)
    softmax_cross_entropy_with_logits/Reshape_2:0
    """
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'dim' and 'axis'.")
        axis = dim
    axis = -1 if axis is None else axis
    with name_scope(name, "softmax_cross_entropy_with_logits", [logits, labels]) as scope:
        logits = convert_to_tensor(logits, name="logits")
        labels = convert_to_tensor(labels, name="labels")
        half = _is_half(logits.dtype)
        precise = math_ops.cast(logits, dtypes.float32) if half else logits
        labels = math_ops.cast(labels, precise.dtype.base_dtype)
        input_rank = shape_ops.rank(precise)
        static = logits._shape
        if axis != -1 and not (static is not None and axis == len(static) - 1):
            precise = _move_dim_to_end(precise, axis, input_rank)
            labels = _move_dim_to_end(labels, axis, input_rank)
        input_shape = shape_ops.shape(precise)
        precise = _flatten_outer_dims(precise)
        labels = _flatten_outer_dims(labels)
        if precise.dtype.base_dtype not in _FLOAT:
            raise not_allowed_error("features", precise.dtype.base_dtype, _FLOAT)
        flat = create("SoftmaxCrossEntropyWithLogits", [precise, labels], scope)._outputs[0]
        output_shape = slicing.slice(input_shape, [0], [math_ops.subtract(input_rank, 1)])
        cost = shape_ops.reshape(flat, output_shape)
        if static is not None:
            if len(static) == 2:
                # TF's Reshape infers a rank-1 target's one dimension from the element count
                cost.set_shape(flat._shape[:1])
            shape = list(static)
            del shape[axis]
            cost.set_shape(shape)
        return math_ops.cast(cost, logits.dtype.base_dtype) if half else cost


def softmax_cross_entropy_with_logits(labels=None, logits=None, dim=-1, name=None, axis=None):
    """`tf.nn.softmax_cross_entropy_with_logits` (TF1): the v2 loss on stop-gradient labels, scope `..._sg`."""
    _ensure_args("softmax_cross_entropy_with_logits", labels, logits)
    axis = dim if axis is None else axis
    with name_scope(name, "softmax_cross_entropy_with_logits_sg", [logits, labels]) as scope:
        labels = create1("StopGradient", [convert_to_tensor(labels)], "labels_stop_gradient")
    return softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits, axis=axis, name=scope)


def sparse_softmax_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """`tf.nn.sparse_softmax_cross_entropy_with_logits`: one op for rank-2 logits, else TF's reshapes."""
    _ensure_args("sparse_softmax_cross_entropy_with_logits", labels, logits)
    with name_scope(name, "SparseSoftmaxCrossEntropyWithLogits", [labels, logits]):
        labels = convert_to_tensor(labels)
        logits = convert_to_tensor(logits)
        half = _is_half(logits.dtype)
        precise = math_ops.cast(logits, dtypes.float32) if half else logits
        labels_static = labels.shape
        labels_shape = shape_ops.shape(labels)
        logits_static = logits.shape
        rank = logits_static.ndims
        fully_defined = labels_static.is_fully_defined() and logits_static[:-1].is_fully_defined()
        if rank == 0:
            raise ValueError(f"`logits` cannot be a scalar. Received logits={logits}`")
        if rank is not None and labels_static.ndims is not None and labels_static.ndims != rank - 1:
            raise ValueError(f"`labels.shape.rank` must equal `logits.shape.rank - 1`. Received: labels.shape="
                             f"{labels_static} of rank {labels_static.ndims} and logits.shape={logits_static} of "
                             f"rank {rank}")
        if fully_defined and labels_static != logits_static[:-1]:
            raise ValueError(f"`labels.shape` must equal `logits.shape` except for the last dimension. Received: "
                             f"labels.shape={labels_static} and logits.shape={logits_static}")
        op_name = name or "SparseSoftmaxCrossEntropyWithLogits"
        if rank == 2:
            cost = _sparse_op(precise, labels, op_name)
        else:
            num_classes = shape_ops.shape(logits)[shape_ops.rank(logits) - 1]
            precise = shape_ops.reshape(precise, [-1, num_classes])
            # TF's shape refiner folds `rank - 1` and the strided slice: the class count is static
            dims = logits._shape
            if dims is not None and dims[-1] is not None:
                rows = None if None in dims else int(np.prod(dims[:-1]))
                precise.set_shape([rows, dims[-1]])
            flat_labels = shape_ops.reshape(labels, [-1])
            cost = shape_ops.reshape(_sparse_op(precise, flat_labels, op_name), labels_shape)
            cost.set_shape(labels_static)
        return math_ops.cast(cost, dtypes.float16) if logits.dtype.base_dtype == dtypes.float16 else cost


def _sparse_op(logits, labels, name):
    if logits.dtype.base_dtype not in _FLOAT:
        raise not_allowed_error("features", logits.dtype.base_dtype, _FLOAT)
    if labels.dtype.base_dtype not in _INDEX:
        raise not_allowed_error("labels", labels.dtype.base_dtype, _INDEX)
    return create("SparseSoftmaxCrossEntropyWithLogits", [logits, labels], name,
                  Tlabels=labels.dtype.base_dtype)._outputs[0]


def _same_shape(labels, logits):
    if not labels.shape.is_compatible_with(logits.shape):
        raise ValueError(f"`logits` and `labels` must have the same shape, received ({logits.shape} vs "
                         f"{labels.shape}).")


def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """`tf.nn.sigmoid_cross_entropy_with_logits`: `max(x, 0) - x * z + log1p(exp(-|x|))`, named `logistic_loss`."""
    _ensure_args("sigmoid_cross_entropy_with_logits", labels, logits)
    with name_scope(name, "logistic_loss", [logits, labels]) as scope:
        logits = convert_to_tensor(logits, name="logits")
        labels = convert_to_tensor(labels, name="labels")
        _same_shape(labels, logits)
        zeros = fill_ops.zeros_like(logits, dtype=logits.dtype)
        cond = logits >= zeros
        relu_logits = slicing.where(cond, logits, zeros)
        neg_abs_logits = slicing.where(cond, -logits, logits)
        return math_ops.add(relu_logits - logits * labels, math_ops.log1p(math_ops.exp(neg_abs_logits)), name=scope)


def weighted_cross_entropy_with_logits(labels=None, logits=None, pos_weight=None, name=None, targets=None):
    """`tf.nn.weighted_cross_entropy_with_logits`: the sigmoid loss with positives weighted by `pos_weight`."""
    if targets is not None:
        if labels is not None:
            raise ValueError("Cannot specify both 'labels' and 'targets'.")
        labels = targets
    with name_scope(name, "logistic_loss", [logits, labels]) as scope:
        logits = convert_to_tensor(logits, name="logits")
        labels = convert_to_tensor(labels, name="labels")
        _same_shape(labels, logits)
        log_weight = 1 + (pos_weight - 1) * labels
        return math_ops.add((1 - labels) * logits,
                            log_weight * (math_ops.log1p(math_ops.exp(-math_ops.abs(logits))) + nn_ops.relu(-logits)),
                            name=scope)


__all__ = ["softmax_cross_entropy_with_logits", "softmax_cross_entropy_with_logits_v2",
           "sparse_softmax_cross_entropy_with_logits", "sigmoid_cross_entropy_with_logits",
           "weighted_cross_entropy_with_logits"]
