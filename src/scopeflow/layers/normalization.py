"""`tf.layers.BatchNormalization` / `batch_normalization` (TF1 semantics: renorm off, one axis).

Variables `<scope>/gamma`, `beta` (trainable) and `moving_mean`, `moving_variance` (GLOBAL_VARIABLES
only). A rank-4 float32/16 input with axis 1 or 3 uses one `FusedBatchNormV3` op, others `tf.nn.moments`
+ `tf.nn.batch_normalization` (`batchnorm/...`). In training the moving averages are updated by
`AssignMovingAvg` / `AssignMovingAvg_1` (`AssignSub` ops, colocated with the variables) that are added to
`tf.GraphKeys.UPDATE_OPS` and run only when fetched or made control dependencies, as in TF1. `training` may
be a Python bool or a bool Tensor (then `tf.cond` picks batch or moving statistics).
Golden: tests/golden/layers_norm.json.
"""
import numpy as np

from scopeflow.framework import dtypes, tensor_shape
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.layers import base
from scopeflow.ops import init_ops, math_ops, nn, shape_ops, state_ops
from scopeflow.ops.variables import VariableAggregation, VariableSynchronization

_FUSED_AXES = {(4, 1): "NCHW", (4, 3): "NHWC"}


class BatchNormalization(base.Layer):
    """`tf.layers.BatchNormalization`: normalises over all axes but `axis`; see the module docstring."""

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer=init_ops.zeros_initializer(), gamma_initializer=init_ops.ones_initializer(),
                 moving_mean_initializer=init_ops.zeros_initializer(),
                 moving_variance_initializer=init_ops.ones_initializer(), beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, renorm=False,
                 renorm_clipping=None, renorm_momentum=0.99, fused=None, trainable=True, virtual_batch_size=None,
                 adjustment=None, name=None, **kwargs):
        super().__init__(name=name, trainable=trainable, **kwargs)
        if renorm or virtual_batch_size is not None or adjustment is not None:
            raise NotImplementedError("scopeflow's BatchNormalization supports renorm=False, "
                                      "virtual_batch_size=None and adjustment=None only")
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.beta_initializer = beta_initializer
        self.gamma_initializer = gamma_initializer
        self.moving_mean_initializer = moving_mean_initializer
        self.moving_variance_initializer = moving_variance_initializer
        self.beta_regularizer = beta_regularizer
        self.gamma_regularizer = gamma_regularizer
        self.beta_constraint = beta_constraint
        self.gamma_constraint = gamma_constraint
        self.renorm = renorm
        self.fused = True if fused is None else fused
        self.supports_masking = True

    def build(self, input_shape):
        input_shape = tensor_shape.TensorShape(input_shape)
        if not input_shape.ndims:
            raise ValueError(f"Input has undefined rank. Received: input_shape={input_shape}")
        ndims = input_shape.ndims
        axes = [self.axis] if isinstance(self.axis, int) else list(self.axis)
        axes = [a + ndims if a < 0 else a for a in axes]
        for a in axes:
            if a < 0 or a >= ndims:
                raise ValueError("Invalid value for `axis` argument. Expected 0 <= axis < inputs.rank (with "
                                 f"inputs.rank={ndims}). Received: axis={tuple(axes)}")
        if len(axes) != len(set(axes)):
            raise ValueError(f"Duplicate axis: {tuple(axes)}")
        self.axis = axes
        dtype = dtypes.as_dtype(self.dtype or dtypes.float32)
        if self.fused:
            self.fused = (len(axes) == 1 and (ndims, axes[0]) in _FUSED_AXES
                          and dtype in (dtypes.float16, dtypes.bfloat16, dtypes.float32))
        self._data_format = _FUSED_AXES.get((ndims, axes[0])) if self.fused else None
        axis_to_dim = {a: input_shape.dims[a].value for a in axes}
        if any(d is None for d in axis_to_dim.values()):
            raise ValueError(f"Input has undefined `axis` dimension. Received input with shape {tuple(input_shape)} "
                             f"and axis={tuple(axes)}")
        self.input_spec = base.InputSpec(ndim=ndims, axes=axis_to_dim)
        if len(axis_to_dim) == 1:
            param_shape = (list(axis_to_dim.values())[0],)
        else:
            param_shape = [axis_to_dim.get(i, 1) for i in range(ndims)]
        param_dtype = dtypes.float32 if dtype in (dtypes.float16, dtypes.bfloat16) else dtype
        self._param_dtype = param_dtype
        self._param_shape = param_shape
        self.gamma = self.beta = None
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=param_shape, dtype=param_dtype,
                                         initializer=self.gamma_initializer, regularizer=self.gamma_regularizer,
                                         constraint=self.gamma_constraint, trainable=True)
        if self.center:
            self.beta = self.add_weight(name="beta", shape=param_shape, dtype=param_dtype,
                                        initializer=self.beta_initializer, regularizer=self.beta_regularizer,
                                        constraint=self.beta_constraint, trainable=True)
        scope = self._scope
        partitioner = scope.partitioner if scope is not None else None
        if partitioner:   # moving statistics are never partitioned
            scope.set_partitioner(None)
        try:
            on_read = VariableSynchronization.ON_READ
            mean_agg = VariableAggregation.MEAN
            self.moving_mean = self.add_weight(name="moving_mean", shape=param_shape, dtype=param_dtype,
                                               initializer=self.moving_mean_initializer, synchronization=on_read,
                                               trainable=False, aggregation=mean_agg)
            self.moving_variance = self.add_weight(name="moving_variance", shape=param_shape, dtype=param_dtype,
                                                   initializer=self.moving_variance_initializer,
                                                   synchronization=on_read, trainable=False, aggregation=mean_agg)
        finally:
            if partitioner:
                scope.set_partitioner(partitioner)
        self.built = True

    # ---- moving averages ------------------------------------------------------------------------
    @staticmethod
    def _assign_moving_average(variable, value, momentum):
        graph = get_default_graph()
        with graph.name_scope("AssignMovingAvg") as scope, graph.colocate_with(variable.op):
            decay = convert_to_tensor(1.0 - momentum, name="decay")
            if decay.dtype != variable.dtype.base_dtype:
                decay = math_ops.cast(decay, variable.dtype.base_dtype)
            delta = (variable - math_ops.cast(value, variable.dtype.base_dtype)) * decay
            return state_ops.assign_sub(variable, delta, name=scope)

    # ---- forward --------------------------------------------------------------------------------
    def call(self, inputs, training=False):
        if self.fused:
            return self._fused_batch_norm(inputs, training)
        ndims = inputs.shape.ndims
        reduction_axes = [i for i in range(ndims) if i not in self.axis]
        broadcast_shape = [1] * ndims
        broadcast_shape[self.axis[0]] = inputs.shape.dims[self.axis[0]].value

        def _broadcast(v):
            if v is not None and v.shape.ndims != ndims and reduction_axes != list(range(ndims - 1)):
                return shape_ops.reshape(v, broadcast_shape)
            return v

        scale, offset = _broadcast(self.gamma), _broadcast(self.beta)
        training_value = base.static_pred(training)
        if training_value is False:
            mean, variance = self.moving_mean, self.moving_variance
        else:
            keep_dims = len(self.axis) > 1
            mean, variance = nn.moments(math_ops.cast(inputs, self._param_dtype), reduction_axes,
                                        keep_dims=keep_dims)
            moving_mean, moving_variance = self.moving_mean, self.moving_variance
            mean = base.smart_cond(training, lambda: mean, lambda: convert_to_tensor(moving_mean))
            variance = base.smart_cond(training, lambda: variance, lambda: convert_to_tensor(moving_variance))
            new_mean, new_variance = mean, variance

            def mean_update():
                return base.smart_cond(training, lambda: self._assign_moving_average(
                    self.moving_mean, new_mean, self.momentum), lambda: self.moving_mean)

            def variance_update():
                return base.smart_cond(training, lambda: self._assign_moving_average(
                    self.moving_variance, new_variance, self.momentum), lambda: self.moving_variance)

            self.add_update(mean_update)
            self.add_update(variance_update)
        mean = math_ops.cast(mean, inputs.dtype.base_dtype)
        variance = math_ops.cast(variance, inputs.dtype.base_dtype)
        if offset is not None:
            offset = math_ops.cast(offset, inputs.dtype.base_dtype)
        if scale is not None:
            scale = math_ops.cast(scale, inputs.dtype.base_dtype)
        outputs = nn.batch_normalization(inputs, _broadcast(mean), _broadcast(variance), offset, scale,
                                         self.epsilon)
        outputs.set_shape(inputs.shape)
        return outputs

    def _fused_batch_norm(self, inputs, training):
        # The constants standing in for gamma / beta are made at call time (golden: bn_center_scale_false)
        gamma = self.gamma if self.scale else convert_to_tensor(_filled(self._param_shape, 1.0),
                                                                 dtype=self._param_dtype)
        beta = self.beta if self.center else convert_to_tensor(_filled(self._param_shape, 0.0),
                                                                dtype=self._param_dtype)

        def fused(is_training):
            return lambda: nn.fused_batch_norm(inputs, gamma, beta, mean=self.moving_mean,
                                               variance=self.moving_variance, epsilon=self.epsilon,
                                               is_training=is_training, data_format=self._data_format)

        output, mean, variance = base.smart_cond(training, fused(True), fused(False))
        training_value = base.static_pred(training)
        if training_value or training_value is None:
            if training_value is None:
                momentum = base.smart_cond(training, lambda: self.momentum, lambda: 1.0)
            else:
                momentum = convert_to_tensor(self.momentum)
            self.add_update(lambda: self._assign_moving_average(self.moving_mean, mean, momentum))
            self.add_update(lambda: self._assign_moving_average(self.moving_variance, variance, momentum))
        return output

    def compute_output_shape(self, input_shape):
        return tensor_shape.TensorShape(input_shape)


def _filled(shape, value):
    return np.full(shape, value, np.float32)


def batch_normalization(inputs, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                        beta_initializer=init_ops.zeros_initializer(), gamma_initializer=init_ops.ones_initializer(),
                        moving_mean_initializer=init_ops.zeros_initializer(),
                        moving_variance_initializer=init_ops.ones_initializer(), beta_regularizer=None,
                        gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, training=False,
                        trainable=True, name=None, reuse=None, renorm=False, renorm_clipping=None,
                        renorm_momentum=0.99, fused=None, virtual_batch_size=None, adjustment=None):
    """`tf.layers.batch_normalization`: a BatchNormalization layer applied once.

    Remember that the moving averages only change when the UPDATE_OPS run:
    `with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)): train_op = ...`.
    """
    layer = BatchNormalization(axis=axis, momentum=momentum, epsilon=epsilon, center=center, scale=scale,
                               beta_initializer=beta_initializer, gamma_initializer=gamma_initializer,
                               moving_mean_initializer=moving_mean_initializer,
                               moving_variance_initializer=moving_variance_initializer,
                               beta_regularizer=beta_regularizer, gamma_regularizer=gamma_regularizer,
                               beta_constraint=beta_constraint, gamma_constraint=gamma_constraint, renorm=renorm,
                               renorm_clipping=renorm_clipping, renorm_momentum=renorm_momentum, fused=fused,
                               trainable=trainable, virtual_batch_size=virtual_batch_size, adjustment=adjustment,
                               name=name, _reuse=reuse, _scope=name)
    return layer.apply(inputs, training=training)


BatchNorm = BatchNormalization

__all__ = ["BatchNormalization", "BatchNorm", "batch_normalization"]
