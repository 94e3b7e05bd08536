"""slim's other layers: `fully_connected`, `bias_add`, `dropout`, `flatten`, pooling, `one_hot_encoding`,
`repeat`, `stack`, `softmax`, `unit_norm` (and scopeflow's `l2_normalize`, `tf.nn.l2_normalize`).

`fully_connected` is `tf.layers.Dense` behind the renaming getter (`fc/weights:0`, `fc/biases:0`,
`fc/MatMul`, `fc/BiasAdd`, `fc/Relu`). Pooling, flatten and one-hot open a *name* scope (`MaxPool2D/`)
and create no variable. `repeat(x, 3, slim.conv2d, ..., scope='conv3')` builds `conv3/conv3_1` ...
`conv3/conv3_3`; `stack(x, slim.fully_connected, [32, 64], scope='fc')` builds `fc/fc_1`, `fc/fc_2`
(golden: tests/golden/slim_layers.json).
"""
from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.scopes import name_scope
from scopeflow.layers import core as core_layers
from scopeflow.layers import pooling as pooling_layers
from scopeflow.ops import fill_ops, init_ops, join_ops, math_ops, nn, reduction_ops, shape_ops, slicing
from scopeflow.ops import variable_scope as vs
from scopeflow.ops.contrib_initializers import xavier_initializer
from scopeflow.slim import utils
from scopeflow.slim.arg_scope import add_arg_scope
from scopeflow.slim.layer_variables import WEIGHTS_AND_BIASES, model_variable_getter
from scopeflow.slim.layers_conv import DATA_FORMAT_NCDHW, DATA_FORMAT_NCHW, DATA_FORMAT_NDHWC, DATA_FORMAT_NHWC
from scopeflow.slim.layers_conv import _check_2d_format, _keras_format, check_channels, weighted_layer
from scopeflow.slim.variables import model_variable


@add_arg_scope
def fully_connected(inputs, num_outputs, activation_fn=nn.relu, normalizer_fn=None, normalizer_params=None,
                    weights_initializer=xavier_initializer(), weights_regularizer=None,
                    biases_initializer=init_ops.zeros_initializer(), biases_regularizer=None, reuse=None,
                    variables_collections=None, outputs_collections=None, trainable=True, scope=None):
    """`activation_fn(inputs @ weights + biases)`; variables `<scope>/weights`, `<scope>/biases`."""
    if not isinstance(num_outputs, int):
        raise ValueError(f"num_outputs type should be one of {[int]}, got {type(num_outputs)}.")

    def make_layer(sc, x):
        return core_layers.Dense(units=num_outputs, activation=None,
                                 use_bias=not normalizer_fn and biases_initializer,
                                 kernel_initializer=weights_initializer, bias_initializer=biases_initializer,
                                 kernel_regularizer=weights_regularizer, bias_regularizer=biases_regularizer,
                                 activity_regularizer=None, trainable=trainable, name=sc.name,
                                 dtype=x.dtype.base_dtype, _scope=sc, _reuse=reuse)

    def check(x):
        check_channels(x, -1, "The last dimension of the inputs to `Dense` should be defined. Found `None`.")

    return weighted_layer("fully_connected", scope, inputs, reuse, WEIGHTS_AND_BIASES, make_layer,
                          {"kernel": "weights", "bias": "biases"}, normalizer_fn, normalizer_params,
                          activation_fn, variables_collections, outputs_collections, check)


@add_arg_scope
def bias_add(inputs, activation_fn=None, initializer=init_ops.zeros_initializer(), regularizer=None, reuse=None,
             variables_collections=None, outputs_collections=None, trainable=True, data_format=DATA_FORMAT_NHWC,
             scope=None):
    """Adds a `biases` model variable along the channel axis (`BiasAdd/biases:0`)."""
    _check_2d_format(data_format)
    with vs.variable_scope(scope, "BiasAdd", [inputs], reuse=reuse) as sc:
        inputs = convert_to_tensor(inputs)
        shape = inputs.get_shape()
        if shape.ndims is None:
            raise ValueError("Dims of shape must be known but is None")
        if shape.ndims != 4 and data_format == DATA_FORMAT_NCHW:
            raise ValueError("Data format NCHW only supports 4D Tensor")
        num_features = shape.dims[1 if data_format == DATA_FORMAT_NCHW else -1].value
        if num_features is None:
            raise ValueError("`C` dimension must be known but is None")
        biases = model_variable("biases", shape=[num_features], dtype=inputs.dtype.base_dtype,
                                initializer=initializer, regularizer=regularizer, trainable=trainable,
                                collections=utils.get_variable_collections(variables_collections, "biases"))
        outputs = nn.bias_add(inputs, biases, data_format=data_format)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


@add_arg_scope
def dropout(inputs, keep_prob=0.5, noise_shape=None, is_training=True, outputs_collections=None, scope=None,
            seed=None):
    """Keeps each element with probability `keep_prob` (scaled by 1/keep_prob) when `is_training`."""
    with vs.variable_scope(scope, "Dropout", [inputs], custom_getter=model_variable_getter) as sc:
        inputs = convert_to_tensor(inputs)
        layer = core_layers.Dropout(rate=1 - keep_prob, noise_shape=noise_shape, seed=seed, name=sc.name,
                                    _scope=sc)
        outputs = layer.apply(inputs, training=is_training)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


@add_arg_scope
def flatten(inputs, outputs_collections=None, scope=None):
    """`[batch, ...] -> [batch, k]` (ops under `Flatten/flatten/`)."""
    with name_scope(scope, "Flatten", [inputs]) as sc:
        inputs = convert_to_tensor(inputs)
        outputs = core_layers.flatten(inputs)
        return utils.collect_named_outputs(outputs_collections, sc, outputs)


def _pool(layer_class, default_name, formats, inputs, kernel_size, stride, padding, data_format,
          outputs_collections, scope):
    _check_2d_format(data_format, formats)
    with name_scope(scope, default_name, [inputs]) as sc:
        inputs = convert_to_tensor(inputs)
        layer = layer_class(pool_size=kernel_size, strides=stride, padding=padding,
                            data_format=_keras_format(data_format), _scope=sc)
        outputs = layer.apply(inputs)
        return utils.collect_named_outputs(outputs_collections, sc, outputs)


@add_arg_scope
def max_pool2d(inputs, kernel_size, stride=2, padding="VALID", data_format=DATA_FORMAT_NHWC,
               outputs_collections=None, scope=None):
    """2-D max pooling (`MaxPool2D/MaxPool`); `kernel_size`/`stride` an int or a pair."""
    return _pool(pooling_layers.MaxPooling2D, "MaxPool2D", (DATA_FORMAT_NCHW, DATA_FORMAT_NHWC), inputs,
                 kernel_size, stride, padding, data_format, outputs_collections, scope)


@add_arg_scope
def avg_pool2d(inputs, kernel_size, stride=2, padding="VALID", data_format=DATA_FORMAT_NHWC,
               outputs_collections=None, scope=None):
    """2-D average pooling (`AvgPool2D/AvgPool`)."""
    return _pool(pooling_layers.AveragePooling2D, "AvgPool2D", (DATA_FORMAT_NCHW, DATA_FORMAT_NHWC), inputs,
                 kernel_size, stride, padding, data_format, outputs_collections, scope)


@add_arg_scope
def max_pool3d(inputs, kernel_size, stride=2, padding="VALID", data_format=DATA_FORMAT_NDHWC,
               outputs_collections=None, scope=None):
    """3-D max pooling (`MaxPool3D/MaxPool3D`)."""
    return _pool(pooling_layers.MaxPooling3D, "MaxPool3D", (DATA_FORMAT_NCDHW, DATA_FORMAT_NDHWC), inputs,
                 kernel_size, stride, padding, data_format, outputs_collections, scope)


@add_arg_scope
def avg_pool3d(inputs, kernel_size, stride=2, padding="VALID", data_format=DATA_FORMAT_NDHWC,
               outputs_collections=None, scope=None):
    """3-D average pooling (`AvgPool3D/AvgPool3D`)."""
    return _pool(pooling_layers.AveragePooling3D, "AvgPool3D", (DATA_FORMAT_NCDHW, DATA_FORMAT_NDHWC), inputs,
                 kernel_size, stride, padding, data_format, outputs_collections, scope)


@add_arg_scope
def one_hot_encoding(labels, num_classes, on_value=1.0, off_value=0.0, outputs_collections=None, scope=None):
    """`tf.one_hot` of int64 labels under `OneHotEncoding/`."""
    with name_scope(scope, "OneHotEncoding", [labels, num_classes]) as sc:
        labels = convert_to_tensor(labels)
        if labels.dtype == dtypes.int32:
            labels = math_ops.to_int64(labels)
        outputs = fill_ops.one_hot(labels, num_classes, on_value=on_value, off_value=off_value)
        return utils.collect_named_outputs(outputs_collections, sc, outputs)


def _layer_name(layer, default):
    if hasattr(layer, "__name__"):
        return layer.__name__
    if hasattr(layer, "func") and hasattr(layer.func, "__name__"):   # a functools.partial
        return layer.func.__name__
    return default


def repeat(inputs, repetitions, layer, *args, **kwargs):
    """Applies `layer` `repetitions` times under `scope/scope_1`, `scope/scope_2` ...

    >>> import scopeflow as tf, scopeflow.slim as slim
    >>> with tf.Graph().as_default():
    ...     x = tf.placeholder(tf.float32, [1, 4, 4, 2])
    ...     print(slim.repeat(x, 2, slim.conv2d, 3, [3, 3], scope="conv3").name)
    conv3/conv3_2/Relu:0
    """
    scope = kwargs.pop("scope", None)
    with vs.variable_scope(scope, "Repeat", [inputs]):
        inputs = convert_to_tensor(inputs)
        if scope is None:
            scope = _layer_name(layer, "repeat")
        outputs = inputs
        for i in range(repetitions):
            kwargs["scope"] = scope + "_" + str(i + 1)
            outputs = layer(outputs, *args, **kwargs)
        return outputs


def stack(inputs, layer, stack_args, **kwargs):
    """Applies `layer` once per entry of `stack_args` (its extra positional arguments) under `scope/scope_i`."""
    scope = kwargs.pop("scope", None)
    if not isinstance(stack_args, (list, tuple)):
        raise ValueError("stack_args need to be a list or tuple")
    with vs.variable_scope(scope, "Stack", [inputs]):
        inputs = convert_to_tensor(inputs)
        if scope is None:
            scope = _layer_name(layer, "stack")
        outputs = inputs
        for i, layer_args in enumerate(stack_args):
            kwargs["scope"] = scope + "_" + str(i + 1)
            if not isinstance(layer_args, (list, tuple)):
                layer_args = [layer_args]
            outputs = layer(outputs, *layer_args, **kwargs)
        return outputs


@add_arg_scope
def softmax(logits, scope=None):
    """Softmax over the last dimension of an N-D `logits` (reshaped to 2-D and back)."""
    with vs.variable_scope(scope, "softmax", [logits]):
        num_logits = utils.last_dimension(logits.get_shape(), min_rank=2)
        logits_2d = shape_ops.reshape(logits, [-1, num_logits])
        predictions = nn.softmax(logits_2d)
        predictions = shape_ops.reshape(predictions, shape_ops.shape(logits))
        predictions.set_shape(logits.get_shape())
        return predictions


@add_arg_scope
def unit_norm(inputs, dim, epsilon=1e-7, scope=None):
    """Normalises `inputs` to unit length along `dim`."""
    with vs.variable_scope(scope, "UnitNorm", [inputs]):
        if not inputs.get_shape():
            raise ValueError("The input rank must be known.")
        input_rank = len(inputs.get_shape().as_list())
        if dim < 0 or dim >= input_rank:
            raise ValueError("dim must be positive but smaller than the input rank.")
        lengths = math_ops.sqrt(epsilon + reduction_ops.reduce_sum(math_ops.square(inputs), dim, True))
        multiples = []
        if dim > 0:
            multiples.append(fill_ops.ones([dim], dtypes.int32))
        multiples.append(slicing.strided_slice(shape_ops.shape(inputs), [dim], [dim + 1]))
        if dim < input_rank - 1:
            multiples.append(fill_ops.ones([input_rank - 1 - dim], dtypes.int32))
        return math_ops.div(inputs, join_ops.tile(lengths, join_ops.concat(multiples, 0)))


l2_normalize = nn.l2_normalize   # not in tf-slim 1.1; model code reaching for slim.l2_normalize gets tf's

__all__ = ["fully_connected", "bias_add", "dropout", "flatten", "max_pool2d", "avg_pool2d", "max_pool3d",
           "avg_pool3d", "one_hot_encoding", "repeat", "stack", "softmax", "unit_norm", "l2_normalize"]
