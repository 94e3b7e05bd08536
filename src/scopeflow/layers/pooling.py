"""`tf.layers` Max/AveragePooling1D/2D/3D and their functional forms.

2-D pooling is one `MaxPool`/`AvgPool` op (NHWC or NCHW); 1-D expands a spatial axis, pools and squeezes
(`max_pooling1d/ExpandDims` ... `/Squeeze`), transposing channels_first inputs to NHWC around the op as
the reference's CPU backend does; 3-D channels_first transposes to NDHWC and back. Strides are required
(`None` is rejected as TF1 does). Golden: tests/golden/layers_conv.json (pool_* cases).
"""
from scopeflow.framework import tensor_shape
from scopeflow.layers import base, utils
from scopeflow.ops import nn, shape_ops


class _Pooling(base.Layer):
    _rank = 2
    _mode = "max"

    def __init__(self, pool_size, strides, padding="valid", data_format="channels_last", name=None, **kwargs):
        if strides is None:
            raise ValueError("Argument `strides` must not be None.")
        super().__init__(name=name, **kwargs)
        n = self._rank
        self.pool_size = utils.normalize_tuple(pool_size, n, "pool_size")
        self.strides = utils.normalize_tuple(strides, n, "strides", allow_zero=True)
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        self.input_spec = base.InputSpec(ndim=n + 2)

    def _pool(self, inputs, ksize, strides, data_format):
        fn = {("max", 2): nn.max_pool, ("avg", 2): nn.avg_pool, ("max", 3): nn.max_pool3d,
              ("avg", 3): nn.avg_pool3d}[(self._mode, len(ksize) - 2)]
        return fn(inputs, ksize=list(ksize), strides=list(strides), padding=self.padding.upper(),
                  data_format=data_format)

    def call(self, inputs):
        first = self.data_format == "channels_first"
        if self._rank == 2:
            ksize = (1, 1) + self.pool_size if first else (1,) + self.pool_size + (1,)
            strides = (1, 1) + self.strides if first else (1,) + self.strides + (1,)
            return self._pool(inputs, ksize, strides, "NCHW" if first else "NHWC")
        if self._rank == 1:   # the backend's pool2d on an expanded input; channels_first runs as NHWC
            pad_axis = 3 if first else 2
            x = shape_ops.expand_dims(inputs, pad_axis)
            if first:
                x = shape_ops.transpose(x, (0, 2, 3, 1))
            x = self._pool(x, (1,) + self.pool_size + (1, 1), (1,) + self.strides + (1, 1), "NHWC")
            if first:
                x = shape_ops.transpose(x, (0, 3, 1, 2))
            return shape_ops.squeeze(x, pad_axis)
        ksize = (1,) + self.pool_size + (1,)
        strides = (1,) + self.strides + (1,)
        if first:
            inputs = shape_ops.transpose(inputs, (0, 2, 3, 4, 1))
        outputs = self._pool(inputs, ksize, strides, "NDHWC")
        return shape_ops.transpose(outputs, (0, 4, 1, 2, 3)) if first else outputs

    def compute_output_shape(self, input_shape):
        shape = tensor_shape.TensorShape(input_shape).as_list()
        first = 2 if self.data_format == "channels_first" else 1
        for i in range(self._rank):
            shape[first + i] = utils.conv_output_length(shape[first + i], self.pool_size[i], self.padding,
                                                        self.strides[i])
        return tensor_shape.TensorShape(shape)


def _pool_class(class_name, rank, mode):
    def __init__(self, pool_size, strides, padding="valid", data_format="channels_last", name=None, **kwargs):
        _Pooling.__init__(self, pool_size, strides, padding=padding, data_format=data_format, name=name, **kwargs)
    doc = f"`tf.layers.{class_name}`: {mode} pooling over {rank} spatial dimension(s)."
    return type(class_name, (_Pooling,), {"__init__": __init__, "__doc__": doc, "__module__": __name__,
                                          "_rank": rank, "_mode": mode})


def _pool_function(cls, fn_name):
    def layer_fn(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
        return cls(pool_size=pool_size, strides=strides, padding=padding, data_format=data_format,
                   name=name).apply(inputs)
    layer_fn.__name__ = fn_name
    layer_fn.__doc__ = f"`tf.layers.{fn_name}`: a {cls.__name__} layer applied once."
    return layer_fn


MaxPooling1D = _pool_class("MaxPooling1D", 1, "max")
MaxPooling2D = _pool_class("MaxPooling2D", 2, "max")
MaxPooling3D = _pool_class("MaxPooling3D", 3, "max")
AveragePooling1D = _pool_class("AveragePooling1D", 1, "avg")
AveragePooling2D = _pool_class("AveragePooling2D", 2, "avg")
AveragePooling3D = _pool_class("AveragePooling3D", 3, "avg")
MaxPool1D, MaxPool2D, MaxPool3D = MaxPooling1D, MaxPooling2D, MaxPooling3D
AveragePool1D, AveragePool2D, AveragePool3D = AveragePooling1D, AveragePooling2D, AveragePooling3D

max_pooling1d = _pool_function(MaxPooling1D, "max_pooling1d")
max_pooling2d = _pool_function(MaxPooling2D, "max_pooling2d")
max_pooling3d = _pool_function(MaxPooling3D, "max_pooling3d")
average_pooling1d = _pool_function(AveragePooling1D, "average_pooling1d")
average_pooling2d = _pool_function(AveragePooling2D, "average_pooling2d")
average_pooling3d = _pool_function(AveragePooling3D, "average_pooling3d")

__all__ = ["MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D",
           "AveragePooling3D", "MaxPool1D", "MaxPool2D", "MaxPool3D", "AveragePool1D", "AveragePool2D",
           "AveragePool3D", "max_pooling1d", "max_pooling2d", "max_pooling3d", "average_pooling1d",
           "average_pooling2d", "average_pooling3d"]
