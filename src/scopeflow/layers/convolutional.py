"""`tf.layers` convolutions: Conv1D/2D/3D, SeparableConv1D/2D, Conv2DTranspose/Conv3DTranspose + functions
(the last four in convolutional_extra.py).

Kernels are `kernel_size + (in_channels, filters)` (`(k, filters, in_channels)` for transposes), built
after the channel dimension and the output size are checked, so a rejected input leaves no variable.
Ops as the reference (TF 2.21 tf_keras legacy layers on CPU): `conv2d/Conv2D`, `conv1d/Conv1D/ExpandDims`
... `conv1d/Conv1D/Squeeze`, `separable_conv2d/separable_conv2d/depthwise`, `conv2d_transpose/stack`,
then `<scope>/BiasAdd` and the activation (golden: tests/golden/layers_conv.json). Functional forms pass
`_scope=name, _reuse=reuse` and stay one line over the classes.
"""
from scopeflow.framework import tensor_shape
from scopeflow.framework.scopes import name_scope
from scopeflow.layers import base
from scopeflow.layers import utils
from scopeflow.ops import init_ops, join_ops, nn, shape_ops

_ZEROS = init_ops.zeros_initializer()


class _Conv(base.Layer):
    """The N-D convolution layer (`rank` spatial dimensions)."""
    _allows_causal = False

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format="channels_last",
                 dilation_rate=1, activation=None, use_bias=True, kernel_initializer=None, bias_initializer=_ZEROS,
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        if isinstance(filters, float):
            filters = int(filters)
        if filters is not None and filters <= 0:
            raise ValueError("Invalid value for argument `filters`. Expected a strictly positive value. Received "
                             f"filters={filters}.")
        self.filters = filters
        self.kernel_size = utils.normalize_tuple(kernel_size, rank, "kernel_size")
        self.strides = utils.normalize_tuple(strides, rank, "strides", allow_zero=True)
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        self.dilation_rate = utils.normalize_tuple(dilation_rate, rank, "dilation_rate")
        self.activation = utils.get_activation(activation)
        self.use_bias = use_bias
        self.kernel_initializer = kernel_initializer
        self.bias_initializer = bias_initializer
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer
        self.kernel_constraint = kernel_constraint
        self.bias_constraint = bias_constraint
        self.input_spec = base.InputSpec(min_ndim=rank + 2)
        if not all(self.strides):
            raise ValueError(f"The argument `strides` cannot contains 0(s). Received: {self.strides}")
        if self.padding == "causal" and not self._allows_causal:
            raise ValueError("Causal padding is only supported for `Conv1D` and `SeparableConv1D`.")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise ValueError(f"`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: "
                             f"strides={self.strides} and dilation_rate={self.dilation_rate}")
        self._channels_first = self.data_format == "channels_first"
        self._tf_data_format = utils.convert_data_format(self.data_format, rank + 2)

    def _channel_axis(self):
        return -1 - self.rank if self._channels_first else -1

    def _input_channel(self, input_shape):
        axis = self._channel_axis()
        if input_shape.ndims is None or input_shape.dims[axis].value is None:
            raise ValueError(f"The channel dimension of the inputs should be defined. The input_shape received is "
                             f"{input_shape}, where axis {axis} (0-based) is the channel dimension, which found to "
                             "be `None`.")
        return int(input_shape.dims[axis].value)

    def build(self, input_shape):
        input_shape = tensor_shape.TensorShape(input_shape)
        channels = self._input_channel(input_shape)
        self.compute_output_shape(input_shape)   # rejects inputs too small for the kernel
        self.kernel = self.add_weight(name="kernel", shape=self.kernel_size + (channels, self.filters),
                                      initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint, trainable=True, dtype=self.dtype)
        self.bias = utils.add_bias(self, self.filters)
        self.input_spec = base.InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis(): channels})
        self.built = True

    def _spatial_output_shape(self, spatial):
        return [utils.conv_output_length(length, self.kernel_size[i], padding=self.padding,
                                         stride=self.strides[i], dilation=self.dilation_rate[i])
                for i, length in enumerate(spatial)]

    def compute_output_shape(self, input_shape):
        shape = tensor_shape.TensorShape(input_shape).as_list()
        batch_rank = len(shape) - self.rank - 1
        if self._channels_first:
            out = shape[:batch_rank] + [self.filters] + self._spatial_output_shape(shape[batch_rank + 1:])
        else:
            out = shape[:batch_rank] + self._spatial_output_shape(shape[batch_rank:-1]) + [self.filters]
        if any(d is not None and d < 0 for d in out):
            raise ValueError(f"One of the dimensions in the output is <= 0 due to downsampling in {self.name}. "
                             f"Consider increasing the input size. Received input shape {shape} which would "
                             "produce output shape with a zero or negative value in a dimension.")
        return tensor_shape.TensorShape(out)

    def _convolution_op(self, inputs, kernel):
        padding = "VALID" if self.padding == "causal" else self.padding.upper()
        n = self.rank
        if all(d == 1 for d in self.dilation_rate):
            strides = ([1, 1] + list(self.strides)) if self._channels_first else [1] + list(self.strides) + [1]
            dilations = ([1, 1] + list(self.dilation_rate)) if self._channels_first else \
                [1] + list(self.dilation_rate) + [1]
            with name_scope(None, type(self).__name__, [inputs, kernel]) as scope:
                if n == 1:
                    return nn.conv1d(inputs, kernel, stride=strides, padding=padding,
                                     data_format=self._tf_data_format, dilations=dilations, name=scope)
                conv = nn.conv2d if n == 2 else nn.conv3d
                return conv(inputs, kernel, strides=strides, padding=padding, data_format=self._tf_data_format,
                            dilations=dilations, name=scope)
        return nn.convolution(inputs, kernel, strides=list(self.strides), padding=padding,
                              dilations=list(self.dilation_rate), data_format=self._tf_data_format,
                              name=type(self).__name__)

    def _add_bias(self, outputs):
        if self.rank == 1 and self._channels_first:
            return outputs + shape_ops.reshape(self.bias, (1, self.filters, 1))
        return nn.bias_add(outputs, self.bias, data_format=self._tf_data_format)

    def call(self, inputs):
        input_shape = inputs.shape
        if self.padding == "causal":
            left = self.dilation_rate[0] * (self.kernel_size[0] - 1)
            pads = [[0, 0], [0, 0], [left, 0]] if self._channels_first else [[0, 0], [left, 0], [0, 0]]
            inputs = join_ops.pad(inputs, pads)
        outputs = self._convolution_op(inputs, self.kernel)
        if self.use_bias:
            outputs = self._add_bias(outputs)
        if input_shape.ndims:
            outputs.set_shape(self.compute_output_shape(input_shape))
        if self.activation is not None:
            return self.activation(outputs)
        return outputs


def _conv_class(rank, class_name, doc, allows_causal=False):
    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format="channels_last",
                 dilation_rate=1, activation=None, use_bias=True, kernel_initializer=None, bias_initializer=_ZEROS,
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, **kwargs):
        _Conv.__init__(self, rank, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                       dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                       kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                       kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                       activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
                       bias_constraint=bias_constraint, trainable=trainable, name=name, **kwargs)
    return type(class_name, (_Conv,), {"__init__": __init__, "__doc__": doc, "__module__": __name__,
                                        "_allows_causal": allows_causal})


Conv1D = _conv_class(1, "Conv1D", "`tf.layers.Conv1D`: kernel `(k, in, filters)`; ops under `Conv1D/`.", True)
Conv2D = _conv_class(2, "Conv2D", "`tf.layers.Conv2D`: kernel `(kh, kw, in, filters)`; op `conv2d/Conv2D`.")
Conv3D = _conv_class(3, "Conv3D", "`tf.layers.Conv3D`: kernel `(kd, kh, kw, in, filters)`; op `Conv3D`.")


def _functional(cls, doc):
    def layer_fn(inputs, filters, kernel_size, strides=1, padding="valid", data_format="channels_last",
                 dilation_rate=1, activation=None, use_bias=True, kernel_initializer=None, bias_initializer=_ZEROS,
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True, name=None, reuse=None, **kwargs):
        layer = cls(filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                    dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                    kernel_initializer=kernel_initializer, bias_initializer=bias_initializer,
                    kernel_regularizer=kernel_regularizer, bias_regularizer=bias_regularizer,
                    activity_regularizer=activity_regularizer, kernel_constraint=kernel_constraint,
                    bias_constraint=bias_constraint, trainable=trainable, name=name, _reuse=reuse, _scope=name,
                    **kwargs)
        return layer.apply(inputs)
    layer_fn.__doc__ = doc
    return layer_fn


conv1d = _functional(Conv1D, "`tf.layers.conv1d`: a Conv1D layer applied once.")
conv2d = _functional(Conv2D, "`tf.layers.conv2d`: a Conv2D layer applied once (`conv2d/kernel:0`).")
conv3d = _functional(Conv3D, "`tf.layers.conv3d`: a Conv3D layer applied once.")
conv1d.__name__, conv2d.__name__, conv3d.__name__ = "conv1d", "conv2d", "conv3d"

__all__ = ["Conv1D", "Conv2D", "Conv3D", "conv1d", "conv2d", "conv3d"]
