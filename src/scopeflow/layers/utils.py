"""Argument normalisation shared by the layers (Keras' conv_utils) and the graph of `Dense` on rank > 2.

Messages are the reference's word for word (golden: layers_conv/bad_*). `tensordot` builds the graph TF's
`tf.tensordot` builds for one contracted axis (`Tensordot/...`, golden: layers_core/dense_rank3); it lives
here until ops/ has a public `tf.tensordot`.
"""
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.scopes import name_scope
from scopeflow.ops import join_ops, reduction_ops, shape_ops, slicing

_DATA_FORMATS = {("channels_last", 3): "NWC", ("channels_last", 4): "NHWC", ("channels_last", 5): "NDHWC",
                 ("channels_first", 3): "NCW", ("channels_first", 4): "NCHW", ("channels_first", 5): "NCDHW"}


def normalize_tuple(value, n, name, allow_zero=False):
    """`3` -> `(3, 3)`; a sequence must have `n` integers (> 0, or >= 0 with allow_zero)."""
    error = f"The `{name}` argument must be a tuple of {n} integers. Received: {value}"
    if isinstance(value, int):
        values = (value,) * n
    else:
        try:
            values = tuple(value)
        except TypeError:
            raise ValueError(error) from None
        if len(values) != n:
            raise ValueError(error)
        for single in values:
            try:
                int(single)
            except (ValueError, TypeError):
                raise ValueError(f"{error}including element {single} of type {type(single)}") from None
    bad = {v for v in values if (v < 0 if allow_zero else v <= 0)}
    if bad:
        raise ValueError(f"{error} including {bad} that does not satisfy the requirement "
                         f"`{'>= 0' if allow_zero else '> 0'}`.")
    return values


def normalize_padding(value):
    if isinstance(value, (list, tuple)):
        return value
    padding = value.lower()
    if padding not in ("valid", "same", "causal"):
        raise ValueError('The `padding` argument must be a list/tuple or one of "valid", "same" (or "causal", '
                         f"only for `Conv1D). Received: {padding}")
    return padding


def normalize_data_format(value):
    data_format = "channels_last" if value is None else value.lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError('The `data_format` argument must be one of "channels_first", "channels_last". '
                         f"Received: {value}")
    return data_format


def convert_data_format(data_format, ndim):
    return _DATA_FORMATS[(data_format, ndim)]


def conv_output_length(length, filter_size, padding, stride, dilation=1):
    if length is None:
        return None
    dilated = filter_size + (filter_size - 1) * (dilation - 1)
    if padding in ("same", "causal"):
        out = length
    elif padding == "valid":
        out = length - dilated + 1
    else:   # full
        out = length + dilated - 1
    return (out + stride - 1) // stride


def deconv_output_length(length, filter_size, padding, output_padding=None, stride=0, dilation=1):
    """Works on ints and on scalar Tensors (ops named `mul`, `add` ... as the reference)."""
    if length is None:
        return None
    filter_size = filter_size + (filter_size - 1) * (dilation - 1)
    if output_padding is None:
        if padding == "valid":
            return length * stride + max(filter_size - stride, 0)
        if padding == "full":
            return length * stride - (stride + filter_size - 2)
        return length * stride
    pad = filter_size // 2 if padding == "same" else (0 if padding == "valid" else filter_size - 1)
    return (length - 1) * stride + filter_size - 2 * pad + output_padding


def get_activation(activation):
    """A callable (or None for linear) from a callable, None or a name such as 'relu'."""
    if activation is None or callable(activation):
        return activation
    from scopeflow.ops import math_ops, nn
    table = {"relu": nn.relu, "relu6": nn.relu6, "elu": nn.elu, "selu": nn.selu, "softplus": nn.softplus,
             "softsign": nn.softsign, "softmax": nn.softmax, "sigmoid": math_ops.sigmoid, "tanh": math_ops.tanh,
             "linear": None}
    if activation not in table:
        raise ValueError(f"Unknown activation function: {activation}. Please ensure you are using a "
                         "`keras.utils.custom_object_scope` and that this object is included in the scope.")
    return table[activation]


def add_bias(layer, size):
    """The layer's `bias` variable of shape [size] (its bias initializer, regularizer and constraint),
    or None when `layer.use_bias` is off; shared by Dense and the convolution layers."""
    if not layer.use_bias:
        return None
    return layer.add_weight(name="bias", shape=(size,), initializer=layer.bias_initializer,
                            regularizer=layer.bias_regularizer, constraint=layer.bias_constraint,
                            trainable=True, dtype=layer.dtype)


def tensordot(a, b, axis):
    """`tf.tensordot(a, b, [[axis], [0]])` for a 2-D `b` whose shape is known, named as TF names it."""
    with name_scope(None, "Tensordot", [a, b]) as scope:
        shape_a = a.shape.as_list()
        rank = len(shape_a)
        free = [i for i in range(rank) if i != axis]
        b_free = [b.shape.as_list()[1]]
        if a.shape.is_fully_defined():
            perm = free + [axis]
            free_dims = [shape_a[i] for i in free]
            a_t = shape_ops.transpose(a, perm) if perm != list(range(rank)) else a
            new_shape = [int(np.prod(free_dims)), shape_a[axis]]
            a_r = shape_ops.reshape(a_t, new_shape) if a_t.shape.as_list() != new_shape else a_t
            product = reduction_ops.matmul(a_r, b)
            if product.shape.as_list() == free_dims + b_free:
                return product
            return shape_ops.reshape(product, free_dims + b_free, name=scope)
        static_free = [shape_a[i] for i in free]
        axes_t = convert_to_tensor([axis], dtype=dtypes.int32, name="axes")
        free_t = convert_to_tensor(free, dtype=dtypes.int32, name="free")
        shape_t = shape_ops.shape(a)
        free_dims = slicing.gather(shape_t, free_t)
        axes_dims = slicing.gather(shape_t, axes_t)
        prod_free = reduction_ops.reduce_prod(free_dims)
        prod_axes = reduction_ops.reduce_prod(axes_dims)
        perm = join_ops.concat([free_t, axes_t], 0)
        new_shape = join_ops.stack([prod_free, prod_axes])
        a_r = shape_ops.reshape(shape_ops.transpose(a, perm), new_shape)
        product = reduction_ops.matmul(a_r, b)
        b_free_t = convert_to_tensor(b_free, dtype=dtypes.int32)
        out = shape_ops.reshape(product, join_ops.concat([free_dims, b_free_t], 0), name=scope)
        out.set_shape(static_free + b_free)
        return out


__all__ = ["normalize_tuple", "normalize_padding", "normalize_data_format", "convert_data_format",
           "conv_output_length", "deconv_output_length", "get_activation", "add_bias", "tensordot"]
