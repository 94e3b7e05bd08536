"""slim convolutions: `convolution` (1-3 D), `conv2d`/`convolution2d`, `conv2d_transpose`,
`conv3d_transpose`, `separable_conv2d`, built on the tf.layers classes.

Each opens `variable_scope(scope, 'Conv', [inputs], reuse=reuse, custom_getter=<renaming getter>)`, so
the variables are `conv1/weights:0`, `conv1/biases:0` (model variables) and the ops `conv1/Conv2D`,
`conv1/BiasAdd`, then the normalizer and `conv1/Relu`. A normalizer replaces the biases. Inputs are
checked (data_format, rank) before any variable exists, so a rejected call leaves none behind.
Golden: tests/golden/slim_layers.json.
"""
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.layers import convolutional as conv_layers
from scopeflow.layers import convolutional_extra as conv_extra
from scopeflow.ops import init_ops, nn
from scopeflow.ops import variable_scope as vs
from scopeflow.ops.contrib_initializers import xavier_initializer
from scopeflow.slim import utils
from scopeflow.slim.arg_scope import add_arg_scope
from scopeflow.slim.layer_variables import WEIGHTS_AND_BIASES, add_variable_to_collections, build_variable_getter
from scopeflow.slim.variables import model_variable

DATA_FORMAT_NCHW = "NCHW"
DATA_FORMAT_NHWC = "NHWC"
DATA_FORMAT_NCDHW = "NCDHW"
DATA_FORMAT_NDHWC = "NDHWC"
_CONV_FORMATS = (None, "NWC", "NCW", "NHWC", "NCHW", "NDHWC", "NCDHW")
_CONV_CLASSES = {3: conv_layers.Conv1D, 4: conv_layers.Conv2D, 5: conv_layers.Conv3D}
_SEPARABLE_RENAME = {"bias": "biases", "depthwise_kernel": "depthwise_weights",
                     "pointwise_kernel": "pointwise_weights"}


def _keras_format(data_format):
    return "channels_first" if data_format and data_format.startswith("NC") else "channels_last"


def _check_2d_format(data_format, formats=(DATA_FORMAT_NCHW, DATA_FORMAT_NHWC)):
    if data_format not in formats:
        raise ValueError(f"data_format has to be either {formats[0]} or {formats[1]}.")


def check_channels(inputs, axis, message="The channel dimension of the inputs should be defined. Found `None`."):
    """TF 1.15's message for an unknown channel (or feature) dimension, before any variable exists.

    (tf-slim 1.1 on TF 1.15 raised it from the layer's build; scopeflow's tf.layers word it as TF 2.x.)
    """
    dims = inputs.get_shape().dims
    if dims is not None and dims[axis].value is None:
        raise ValueError(message)


def weighted_layer(default_name, scope, inputs, reuse, rename, make_layer, weights, normalizer_fn,
                   normalizer_params, activation_fn, variables_collections, outputs_collections, check=None):
    """The slim layer pattern: renaming scope, tf.layers class, collections, normalizer, activation.

    `make_layer(scope, inputs)` returns the layer; `weights` maps its attributes to the collection keys
    of `variables_collections` (`{'kernel': 'weights', 'bias': 'biases'}`).
    """
    with vs.variable_scope(scope, default_name, [inputs], reuse=reuse,
                           custom_getter=build_variable_getter(rename)) as sc:
        inputs = convert_to_tensor(inputs)
        if check is not None:
            check(inputs)
        layer = make_layer(sc, inputs)
        outputs = layer.apply(inputs)
        for attr, collection in weights.items():
            variable = getattr(layer, attr, None)
            if variable is not None:
                add_variable_to_collections(variable, variables_collections, collection)
        if normalizer_fn is not None:
            outputs = normalizer_fn(outputs, **(normalizer_params or {}))
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


def _layer_kwargs(sc, inputs, normalizer_fn, weights_initializer, weights_regularizer, biases_initializer,
                  biases_regularizer, trainable, reuse):
    return dict(activation=None, use_bias=not normalizer_fn and biases_initializer,
                kernel_initializer=weights_initializer, bias_initializer=biases_initializer,
                kernel_regularizer=weights_regularizer, bias_regularizer=biases_regularizer,
                activity_regularizer=None, trainable=trainable, name=sc.name, dtype=inputs.dtype.base_dtype,
                _scope=sc, _reuse=reuse)


@add_arg_scope
def convolution(inputs, num_outputs, kernel_size, stride=1, padding="SAME", data_format=None, rate=1,
                activation_fn=nn.relu, normalizer_fn=None, normalizer_params=None,
                weights_initializer=xavier_initializer(), weights_regularizer=None,
                biases_initializer=init_ops.zeros_initializer(), biases_regularizer=None, reuse=None,
                variables_collections=None, outputs_collections=None, trainable=True, scope=None, conv_dims=None):
    """An N-D convolution (N from the input rank, 1 to 3), optional normalizer, activation (ReLU)."""
    if data_format not in _CONV_FORMATS:
        raise ValueError(f"Invalid data_format: {data_format!r}")

    def check(x):
        rank = x.get_shape().ndims
        if conv_dims is not None and conv_dims + 2 != rank:
            raise ValueError(f"Convolution expects input with rank {conv_dims + 2}, got {rank}")
        if rank not in _CONV_CLASSES:
            raise ValueError("Convolution not supported for input with rank", rank)
        check_channels(x, 1 if _keras_format(data_format) == "channels_first" else -1)

    def make_layer(sc, x):
        return _CONV_CLASSES[x.get_shape().ndims](
            filters=num_outputs, kernel_size=kernel_size, strides=stride, padding=padding,
            data_format=_keras_format(data_format), dilation_rate=rate,
            **_layer_kwargs(sc, x, normalizer_fn, weights_initializer, weights_regularizer, biases_initializer,
                            biases_regularizer, trainable, reuse))

    return weighted_layer("Conv", scope, inputs, reuse, WEIGHTS_AND_BIASES, make_layer,
                          {"kernel": "weights", "bias": "biases"}, normalizer_fn, normalizer_params,
                          activation_fn, variables_collections, outputs_collections, check)


def _fixed_rank(conv_dims, fn_name):
    def fn(inputs, num_outputs, kernel_size, stride=1, padding="SAME", data_format=None, rate=1,
           activation_fn=nn.relu, normalizer_fn=None, normalizer_params=None,
           weights_initializer=xavier_initializer(), weights_regularizer=None,
           biases_initializer=init_ops.zeros_initializer(), biases_regularizer=None, reuse=None,
           variables_collections=None, outputs_collections=None, trainable=True, scope=None):
        return convolution(inputs, num_outputs, kernel_size, stride, padding, data_format, rate, activation_fn,
                           normalizer_fn, normalizer_params, weights_initializer, weights_regularizer,
                           biases_initializer, biases_regularizer, reuse, variables_collections,
                           outputs_collections, trainable, scope, conv_dims=conv_dims)
    fn.__name__ = fn.__qualname__ = fn_name
    fn.__doc__ = f"`convolution` for rank-{conv_dims + 2} inputs (variables `<scope>/weights`, `biases`)."
    return add_arg_scope(fn)


convolution1d = _fixed_rank(1, "convolution1d")
convolution2d = _fixed_rank(2, "convolution2d")
convolution3d = _fixed_rank(3, "convolution3d")


def _transpose(layer_class, default_name, formats, fn_name):
    def fn(inputs, num_outputs, kernel_size, stride=1, padding="SAME", data_format=formats[1],
           activation_fn=nn.relu, normalizer_fn=None, normalizer_params=None,
           weights_initializer=xavier_initializer(), weights_regularizer=None,
           biases_initializer=init_ops.zeros_initializer(), biases_regularizer=None, reuse=None,
           variables_collections=None, outputs_collections=None, trainable=True, scope=None):
        def make_layer(sc, x):
            _check_2d_format(data_format, formats)
            return layer_class(filters=num_outputs, kernel_size=kernel_size, strides=stride, padding=padding,
                               data_format=_keras_format(data_format),
                               **_layer_kwargs(sc, x, normalizer_fn, weights_initializer, weights_regularizer,
                                               biases_initializer, biases_regularizer, trainable, reuse))
        return weighted_layer(default_name, scope, inputs, reuse, WEIGHTS_AND_BIASES, make_layer,
                              {"kernel": "weights", "bias": "biases"}, normalizer_fn, normalizer_params,
                              activation_fn, variables_collections, outputs_collections)
    fn.__name__ = fn.__qualname__ = fn_name
    fn.__doc__ = f"A transposed convolution (`{default_name}/weights`: `k + (num_outputs, in_channels)`)."
    return add_arg_scope(fn)


convolution2d_transpose = _transpose(conv_extra.Conv2DTranspose, "Conv2d_transpose",
                                     (DATA_FORMAT_NCHW, DATA_FORMAT_NHWC), "convolution2d_transpose")
convolution3d_transpose = _transpose(conv_extra.Conv3DTranspose, "Conv3d_transpose",
                                     (DATA_FORMAT_NCDHW, DATA_FORMAT_NDHWC), "convolution3d_transpose")


@add_arg_scope
def separable_convolution2d(inputs, num_outputs, kernel_size, depth_multiplier=1, stride=1, padding="SAME",
                            data_format=DATA_FORMAT_NHWC, rate=1, activation_fn=nn.relu, normalizer_fn=None,
                            normalizer_params=None, weights_initializer=xavier_initializer(),
                            pointwise_initializer=None, weights_regularizer=None,
                            biases_initializer=init_ops.zeros_initializer(), biases_regularizer=None, reuse=None,
                            variables_collections=None, outputs_collections=None, trainable=True, scope=None):
    """Depthwise then pointwise convolution (`depthwise_weights`, `pointwise_weights`, `biases`);
    `num_outputs=None` gives the depthwise convolution alone."""
    _check_2d_format(data_format)
    pointwise_initializer = pointwise_initializer or weights_initializer
    if num_outputs is None:
        return _depthwise_only(inputs, kernel_size, depth_multiplier, stride, padding, data_format, rate,
                               activation_fn, normalizer_fn, normalizer_params, weights_initializer,
                               weights_regularizer, biases_initializer, biases_regularizer, reuse,
                               variables_collections, outputs_collections, trainable, scope)

    def make_layer(sc, x):
        return conv_extra.SeparableConv2D(
            filters=num_outputs, kernel_size=kernel_size, strides=stride, padding=padding,
            data_format=_keras_format(data_format), dilation_rate=utils.two_element_tuple(rate), activation=None,
            depth_multiplier=depth_multiplier, use_bias=not normalizer_fn and biases_initializer,
            depthwise_initializer=weights_initializer, pointwise_initializer=pointwise_initializer,
            bias_initializer=biases_initializer, depthwise_regularizer=weights_regularizer,
            pointwise_regularizer=weights_regularizer, bias_regularizer=biases_regularizer,
            activity_regularizer=None, trainable=trainable, name=sc.name, dtype=x.dtype.base_dtype, _scope=sc,
            _reuse=reuse)

    return weighted_layer("SeparableConv2d", scope, inputs, reuse, _SEPARABLE_RENAME, make_layer,
                          {"depthwise_kernel": "weights", "pointwise_kernel": "weights", "bias": "biases"},
                          normalizer_fn, normalizer_params, activation_fn, variables_collections,
                          outputs_collections)


def _depthwise_only(inputs, kernel_size, depth_multiplier, stride, padding, data_format, rate, activation_fn,
                    normalizer_fn, normalizer_params, weights_initializer, weights_regularizer,
                    biases_initializer, biases_regularizer, reuse, variables_collections, outputs_collections,
                    trainable, scope):
    with vs.variable_scope(scope, "SeparableConv2d", [inputs], reuse=reuse,
                           custom_getter=build_variable_getter(_SEPARABLE_RENAME)) as sc:
        inputs = convert_to_tensor(inputs)
        dtype = inputs.dtype.base_dtype
        kernel_h, kernel_w = utils.two_element_tuple(kernel_size)
        stride_h, stride_w = utils.two_element_tuple(stride)
        channels = utils.channel_dimension(inputs.get_shape(), _keras_format(data_format), min_rank=4)
        depthwise = model_variable("depthwise_weights", shape=[kernel_h, kernel_w, channels, depth_multiplier],
                                   dtype=dtype, initializer=weights_initializer, regularizer=weights_regularizer,
                                   trainable=trainable,
                                   collections=utils.get_variable_collections(variables_collections, "weights"))
        strides = [1, 1, stride_h, stride_w] if data_format.startswith("NC") else [1, stride_h, stride_w, 1]
        outputs = nn.depthwise_conv2d(inputs, depthwise, strides, padding, rate=utils.two_element_tuple(rate),
                                      data_format=data_format)
        if normalizer_fn is not None:
            outputs = normalizer_fn(outputs, **(normalizer_params or {}))
        elif biases_initializer is not None:
            biases = model_variable("biases", shape=[depth_multiplier * channels], dtype=dtype,
                                    initializer=biases_initializer, regularizer=biases_regularizer,
                                    trainable=trainable,
                                    collections=utils.get_variable_collections(variables_collections, "biases"))
            outputs = nn.bias_add(outputs, biases, data_format=data_format)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


conv1d = convolution1d
conv2d = convolution2d
conv3d = convolution3d
conv2d_transpose = convolution2d_transpose
conv3d_transpose = convolution3d_transpose
separable_conv2d = separable_convolution2d

__all__ = ["DATA_FORMAT_NCHW", "DATA_FORMAT_NHWC", "DATA_FORMAT_NCDHW", "DATA_FORMAT_NDHWC", "check_channels", "weighted_layer",
           "convolution", "convolution1d", "convolution2d", "convolution3d", "convolution2d_transpose",
           "convolution3d_transpose", "separable_convolution2d", "conv1d", "conv2d", "conv3d", "conv2d_transpose",
           "conv3d_transpose", "separable_conv2d"]
