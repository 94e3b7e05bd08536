"""`tf.layers.Dense`, `Dropout`, `Flatten` and their functional forms `dense`, `dropout`, `flatten`.

Functional forms are one line over the class (later layers - contrib, slim - build on the classes):
`dense(..., name=n, reuse=r)` captures variable scope `n` at construction (`_scope=n`) so a second
`dense(name='d')` raises "already exists" unless `reuse=True`, as TF1; `dropout` and `flatten` take
fresh default scopes. Ops as the reference: `dense/MatMul`, `dense/BiasAdd`, `dense/Tensordot/...` on
rank > 2, `dropout/Identity` when not training, `flatten/Reshape` (golden: layers_core.json).
"""
import functools
import operator

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.layers import base
from scopeflow.layers.utils import add_bias, get_activation, normalize_data_format, tensordot
from scopeflow.ops import array_ops, init_ops, math_ops, nn, reduction_ops, shape_ops


class Dense(base.Layer):
    """`tf.layers.Dense`: `activation(inputs @ kernel + bias)`; kernel `[last_dim, units]`."""

    def __init__(self, units, activation=None, use_bias=True, kernel_initializer=None,
                 bias_initializer=init_ops.zeros_initializer(), kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, trainable=True,
                 name=None, **kwargs):
        super().__init__(trainable=trainable, name=name, activity_regularizer=activity_regularizer, **kwargs)
        self.units = int(units) if not isinstance(units, int) else units
        if self.units < 0:
            raise ValueError(f"Received an invalid value for `units`, expected a positive integer. Received: "
                             f"units={units}")
        self.activation = get_activation(activation)
        self.use_bias = use_bias
        self.kernel_initializer = kernel_initializer
        self.bias_initializer = bias_initializer
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer
        self.kernel_constraint = kernel_constraint
        self.bias_constraint = bias_constraint
        self.input_spec = base.InputSpec(min_ndim=2)

    def build(self, input_shape):
        dtype = dtypes.as_dtype(self.dtype or dtypes.float32)
        if not (dtype.is_floating or dtype.is_complex):
            raise TypeError(f"A Dense layer can only be built with a floating-point dtype. Received: dtype={dtype}")
        input_shape = TensorShape(input_shape)
        last_dim = input_shape.dims[-1].value if input_shape.ndims else None
        if last_dim is None:
            raise ValueError("The last dimension of the inputs to a Dense layer should be defined. Found None. "
                             f"Full input shape received: {input_shape}")
        self.input_spec = base.InputSpec(min_ndim=2, axes={-1: last_dim})
        self.kernel = self.add_weight("kernel", shape=[last_dim, self.units], initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer, constraint=self.kernel_constraint,
                                      dtype=self.dtype, trainable=True)
        self.bias = add_bias(self, self.units)
        self.built = True

    def call(self, inputs):
        if inputs.dtype.base_dtype != self._dtype:
            inputs = math_ops.cast(inputs, self._dtype)
        rank = inputs.shape.ndims
        if rank == 2 or rank is None:
            outputs = reduction_ops.matmul(inputs, self.kernel)
        else:
            outputs = tensordot(inputs, self.kernel, rank - 1)
        if self.use_bias:
            outputs = nn.bias_add(outputs, self.bias)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape):
        input_shape = TensorShape(input_shape)
        return input_shape[:-1].concatenate(self.units)


def dense(inputs, units, activation=None, use_bias=True, kernel_initializer=None,
          bias_initializer=init_ops.zeros_initializer(), kernel_regularizer=None, bias_regularizer=None,
          activity_regularizer=None, kernel_constraint=None, bias_constraint=None, trainable=True, name=None,
          reuse=None):
    """`tf.layers.dense`: a `Dense` layer applied once; variables `dense/kernel:0`, `dense/bias:0`."""
    layer = Dense(units, activation=activation, use_bias=use_bias, kernel_initializer=kernel_initializer,
                  bias_initializer=bias_initializer, kernel_regularizer=kernel_regularizer,
                  bias_regularizer=bias_regularizer, activity_regularizer=activity_regularizer,
                  kernel_constraint=kernel_constraint, bias_constraint=bias_constraint, trainable=trainable,
                  name=name, _scope=name, _reuse=reuse)
    return layer.apply(inputs)


class Dropout(base.Layer):
    """`tf.layers.Dropout`: `tf.nn.dropout` when training (bool or bool Tensor), identity otherwise."""

    def __init__(self, rate=0.5, noise_shape=None, seed=None, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if isinstance(rate, (int, float)) and not 0 <= rate <= 1:
            raise ValueError(f"Invalid value {rate} received for `rate`, expected a value between 0 and 1.")
        self.rate = rate
        self.noise_shape = noise_shape
        self.seed = seed
        self.supports_masking = True

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return None
        concrete = shape_ops.shape(inputs)
        return convert_to_tensor([concrete[i] if value is None else value
                                  for i, value in enumerate(self.noise_shape)])

    def _legacy_seed(self):
        seed = self.seed
        if seed is not None:
            self.seed += 1
        return seed

    def call(self, inputs, training=False):
        if isinstance(self.rate, (int, float)) and self.rate == 0:
            return array_ops.identity(inputs)

        def dropped_inputs():
            return nn.dropout(inputs, noise_shape=self._get_noise_shape(inputs), seed=self._legacy_seed(),
                              rate=self.rate)
        return base.smart_cond(training, dropped_inputs, lambda: array_ops.identity(inputs))

    def compute_output_shape(self, input_shape):
        return TensorShape(input_shape)


def dropout(inputs, rate=0.5, noise_shape=None, seed=None, training=False, name=None):
    """`tf.layers.dropout`: drops with probability `rate` only when `training`."""
    layer = Dropout(rate, noise_shape=noise_shape, seed=seed, name=name)
    return layer.apply(inputs, training=training)


class Flatten(base.Layer):
    """`tf.layers.Flatten`: `[batch, ...] -> [batch, prod(...)]` (channels_first moves channels last first)."""

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = normalize_data_format(data_format)
        self.input_spec = base.InputSpec(min_ndim=1)

    def call(self, inputs):
        rank = inputs.shape.ndims
        if self.data_format == "channels_first" and rank and rank > 1:
            inputs = shape_ops.transpose(inputs, perm=[0] + list(range(2, rank)) + [1])
        if rank == 1:
            return shape_ops.expand_dims(inputs, axis=1)
        shape = inputs.shape
        batch_dim = shape.dims[0].value if rank else None
        non_batch = shape[1:] if rank else TensorShape(None)
        if non_batch.is_fully_defined():
            last_dim = int(functools.reduce(operator.mul, non_batch.as_list(), 1))
            flattened = convert_to_tensor([-1, last_dim])
        elif batch_dim is not None:
            flattened = convert_to_tensor([int(batch_dim), -1])
        else:
            flattened = [shape_ops.shape(inputs)[0], -1]
        return shape_ops.reshape(inputs, flattened)

    def compute_output_shape(self, input_shape):
        input_shape = TensorShape(input_shape).as_list()
        rest = input_shape[1:]
        return TensorShape([input_shape[0], None if None in rest else int(functools.reduce(operator.mul, rest, 1))])


def flatten(inputs, name=None, data_format="channels_last"):
    """`tf.layers.flatten`: keeps the batch axis, flattens the rest."""
    layer = Flatten(name=name, data_format=data_format)
    return layer.apply(inputs)


__all__ = ["Dense", "dense", "Dropout", "dropout", "Flatten", "flatten"]
