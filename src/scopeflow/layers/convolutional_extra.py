"""`tf.layers` SeparableConv1D/2D and Conv2DTranspose/Conv3DTranspose, with their functional forms.

Separable: `depthwise_kernel` `k + (in, depth_multiplier)` and `pointwise_kernel` `(1,)*rank + (in*dm,
filters)`, applied by `tf.nn.separable_conv2d` (1-D inputs are expanded to 2-D and squeezed back).
Transposed: kernel `k + (filters, in)`; the output shape is a stacked Tensor (`stack`) from the dynamic
batch size and the static (2-D) or dynamic (3-D) spatial sizes, as the reference builds it
(golden: layers_conv.json).
"""
from scopeflow.framework import tensor_shape
from scopeflow.layers import base, utils
from scopeflow.layers.convolutional import _Conv, _functional, _ZEROS
from scopeflow.ops import join_ops, nn, shape_ops


class _SeparableConv(_Conv):
    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format="channels_last",
                 dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True, depthwise_initializer=None,
                 pointwise_initializer=None, bias_initializer=_ZEROS, depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None, trainable=True,
                 name=None, **kwargs):
        super().__init__(rank, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, activation=activation, use_bias=use_bias,
                         bias_initializer=bias_initializer, bias_regularizer=bias_regularizer,
                         activity_regularizer=activity_regularizer, bias_constraint=bias_constraint,
                         trainable=trainable, name=name, **kwargs)
        self.depth_multiplier = depth_multiplier
        self.depthwise_initializer = depthwise_initializer
        self.pointwise_initializer = pointwise_initializer
        self.depthwise_regularizer = depthwise_regularizer
        self.pointwise_regularizer = pointwise_regularizer
        self.depthwise_constraint = depthwise_constraint
        self.pointwise_constraint = pointwise_constraint

    def build(self, input_shape):
        input_shape = tensor_shape.TensorShape(input_shape)
        axis = 1 if self._channels_first else -1
        if input_shape.ndims is None or input_shape.dims[axis].value is None:
            raise ValueError("The channel dimension of the inputs should be defined. Found `None`.")
        channels = int(input_shape.dims[axis].value)
        self.input_spec = base.InputSpec(ndim=self.rank + 2, axes={axis: channels})
        self.depthwise_kernel = self.add_weight(
            name="depthwise_kernel", shape=self.kernel_size + (channels, self.depth_multiplier),
            initializer=self.depthwise_initializer, regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint, trainable=True, dtype=self.dtype)
        self.pointwise_kernel = self.add_weight(
            name="pointwise_kernel", shape=(1,) * self.rank + (self.depth_multiplier * channels, self.filters),
            initializer=self.pointwise_initializer, regularizer=self.pointwise_regularizer,
            constraint=self.pointwise_constraint, trainable=True, dtype=self.dtype)
        self.bias = utils.add_bias(self, self.filters)
        self.built = True

    def _separable(self, inputs, depthwise, pointwise, strides, rate, padding):
        data_format = utils.convert_data_format(self.data_format, 4)
        outputs = nn.separable_conv2d(inputs, depthwise, pointwise, strides=strides, padding=padding.upper(),
                                      rate=rate, data_format=data_format)
        if self.use_bias:
            outputs = nn.bias_add(outputs, self.bias, data_format=data_format)
        return outputs


class SeparableConv2D(_SeparableConv):
    """`tf.layers.SeparableConv2D`: depthwise then pointwise convolution (`separable_conv2d/...`)."""

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format="channels_last",
                 dilation_rate=(1, 1), depth_multiplier=1, **kwargs):
        super().__init__(2, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, depth_multiplier=depth_multiplier, **kwargs)

    def call(self, inputs):
        strides = (1, 1) + self.strides if self._channels_first else (1,) + self.strides + (1,)
        outputs = self._separable(inputs, self.depthwise_kernel, self.pointwise_kernel, strides, self.dilation_rate,
                                  self.padding)
        return self.activation(outputs) if self.activation is not None else outputs


class SeparableConv1D(_SeparableConv):
    """`tf.layers.SeparableConv1D`: the 2-D separable op on inputs expanded at the spatial axis."""
    _allows_causal = True

    def __init__(self, filters, kernel_size, strides=1, padding="valid", data_format="channels_last",
                 dilation_rate=1, depth_multiplier=1, **kwargs):
        super().__init__(1, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, depth_multiplier=depth_multiplier, **kwargs)

    def call(self, inputs):
        if self.padding == "causal":
            left = self.dilation_rate[0] * (self.kernel_size[0] - 1)
            pads = [[0, 0], [0, 0], [left, 0]] if self._channels_first else [[0, 0], [left, 0], [0, 0]]
            inputs = join_ops.pad(inputs, pads)
        if self._channels_first:
            strides, spatial_start = (1, 1) + self.strides * 2, 2
        else:
            strides, spatial_start = (1,) + self.strides * 2 + (1,), 1
        inputs = shape_ops.expand_dims(inputs, spatial_start)
        depthwise = shape_ops.expand_dims(self.depthwise_kernel, 0)
        pointwise = shape_ops.expand_dims(self.pointwise_kernel, 0)
        padding = "valid" if self.padding == "causal" else self.padding
        outputs = self._separable(inputs, depthwise, pointwise, strides, (1,) + self.dilation_rate, padding)
        outputs = shape_ops.squeeze(outputs, [spatial_start])
        return self.activation(outputs) if self.activation is not None else outputs


def _separable_functional(cls, doc):
    def layer_fn(inputs, filters, kernel_size, strides=1, padding="valid", data_format="channels_last",
                 dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True, depthwise_initializer=None,
                 pointwise_initializer=None, bias_initializer=_ZEROS, depthwise_regularizer=None,
                 pointwise_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 depthwise_constraint=None, pointwise_constraint=None, bias_constraint=None, trainable=True,
                 name=None, reuse=None):
        layer = cls(filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                    dilation_rate=dilation_rate, depth_multiplier=depth_multiplier, activation=activation,
                    use_bias=use_bias, depthwise_initializer=depthwise_initializer,
                    pointwise_initializer=pointwise_initializer, bias_initializer=bias_initializer,
                    depthwise_regularizer=depthwise_regularizer, pointwise_regularizer=pointwise_regularizer,
                    bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
                    depthwise_constraint=depthwise_constraint, pointwise_constraint=pointwise_constraint,
                    bias_constraint=bias_constraint, trainable=trainable, name=name, _reuse=reuse, _scope=name)
        return layer.apply(inputs)
    layer_fn.__doc__ = doc
    return layer_fn


separable_conv1d = _separable_functional(SeparableConv1D, "`tf.layers.separable_conv1d`.")
separable_conv2d = _separable_functional(SeparableConv2D, "`tf.layers.separable_conv2d`.")
separable_conv1d.__name__, separable_conv2d.__name__ = "separable_conv1d", "separable_conv2d"


class _ConvTranspose(_Conv):
    def build(self, input_shape):
        input_shape = tensor_shape.TensorShape(input_shape)
        if input_shape.ndims != self.rank + 2:
            raise ValueError(f"Inputs should have rank {self.rank + 2}. Received input_shape={input_shape}")
        axis = self._channel_axis()
        if input_shape.dims[axis].value is None:
            raise ValueError(f"The channel dimension of the inputs to `{type(self).__name__}` should be defined. The "
                             f"input_shape received is {input_shape}, where axis {axis} (0-based) is the channel "
                             "dimension, which found to be `None`.")
        channels = int(input_shape.dims[axis].value)
        self.input_spec = base.InputSpec(ndim=self.rank + 2, axes={axis: channels})
        self.kernel = self.add_weight(name="kernel", shape=self.kernel_size + (self.filters, channels),
                                      initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
                                      constraint=self.kernel_constraint, trainable=True, dtype=self.dtype)
        self.bias = utils.add_bias(self, self.filters)
        self.built = True

    def compute_output_shape(self, input_shape):
        shape = tensor_shape.TensorShape(input_shape).as_list()
        first = 2 if self._channels_first else 1
        shape[1 if self._channels_first else -1] = self.filters
        for i in range(self.rank):
            shape[first + i] = utils.deconv_output_length(shape[first + i], self.kernel_size[i],
                                                          padding=self.padding, stride=self.strides[i],
                                                          dilation=self.dilation_rate[i])
        return tensor_shape.TensorShape(shape)

    def _finish(self, inputs, outputs):
        if inputs.shape.ndims:
            outputs.set_shape(self.compute_output_shape(inputs.shape))
        if self.use_bias:
            outputs = nn.bias_add(outputs, self.bias, data_format=utils.convert_data_format(self.data_format, 4))
        return self.activation(outputs) if self.activation is not None else outputs


class Conv2DTranspose(_ConvTranspose):
    """`tf.layers.Conv2DTranspose`: `Conv2DBackpropInput` named `conv2d_transpose/conv2d_transpose`."""

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", data_format="channels_last",
                 **kwargs):
        super().__init__(2, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         **kwargs)
        self.input_spec = base.InputSpec(ndim=4)

    def call(self, inputs):
        inputs_shape = shape_ops.shape(inputs)
        batch_size = inputs_shape[0]
        axes = (2, 3) if self._channels_first else (1, 2)
        dims = inputs.shape.as_list() if inputs.shape.ndims is not None else [None] * 4
        sizes = [dims[a] if dims[a] is not None else inputs_shape[a] for a in axes]
        out = [utils.deconv_output_length(sizes[i], self.kernel_size[i], padding=self.padding,
                                          stride=self.strides[i], dilation=self.dilation_rate[i]) for i in range(2)]
        output_shape = (batch_size, self.filters, *out) if self._channels_first else (batch_size, *out, self.filters)
        output_shape = join_ops.stack(list(output_shape))
        # The reference's backend indexes the stacked shape once (`strided_slice_1`) before using it.
        output_shape[0]   # noqa: B018
        strides = (1, 1) + self.strides if self._channels_first else (1,) + self.strides + (1,)
        outputs = nn.conv2d_transpose(inputs, self.kernel, output_shape, strides, padding=self.padding.upper(),
                                      data_format=utils.convert_data_format(self.data_format, 4))
        return self._finish(inputs, outputs)


class Conv3DTranspose(_ConvTranspose):
    """`tf.layers.Conv3DTranspose`: `Conv3DBackpropInputV2` named `conv3d_transpose/conv3d_transpose`."""

    def __init__(self, filters, kernel_size, strides=(1, 1, 1), padding="valid", data_format="channels_last",
                 **kwargs):
        super().__init__(3, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         **kwargs)
        self.input_spec = base.InputSpec(ndim=5)

    def call(self, inputs):
        inputs_shape = shape_ops.shape(inputs)
        batch_size = inputs_shape[0]
        axes = (2, 3, 4) if self._channels_first else (1, 2, 3)
        sizes = [inputs_shape[a] for a in axes]
        out = [utils.deconv_output_length(sizes[i], self.kernel_size[i], padding=self.padding,
                                          stride=self.strides[i]) for i in range(3)]
        if self._channels_first:
            output_shape, strides = (batch_size, self.filters, *out), (1, 1) + self.strides
        else:
            output_shape, strides = (batch_size, *out, self.filters), (1,) + self.strides + (1,)
        outputs = nn.conv3d_transpose(inputs, self.kernel, join_ops.stack(list(output_shape)), strides,
                                      data_format=utils.convert_data_format(self.data_format, 5),
                                      padding=self.padding.upper())
        if inputs.shape.ndims:
            outputs.set_shape(self.compute_output_shape(inputs.shape))
        if self.use_bias:
            outputs = nn.bias_add(outputs, self.bias, data_format=utils.convert_data_format(self.data_format, 5))
        return self.activation(outputs) if self.activation is not None else outputs


conv2d_transpose = _functional(Conv2DTranspose, "`tf.layers.conv2d_transpose`: a Conv2DTranspose applied once.")
conv3d_transpose = _functional(Conv3DTranspose, "`tf.layers.conv3d_transpose`: a Conv3DTranspose applied once.")
conv2d_transpose.__name__, conv3d_transpose.__name__ = "conv2d_transpose", "conv3d_transpose"

__all__ = ["SeparableConv1D", "SeparableConv2D", "separable_conv1d", "separable_conv2d", "Conv2DTranspose",
           "Conv3DTranspose", "conv2d_transpose", "conv3d_transpose"]
