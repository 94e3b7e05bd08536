"""slim's `batch_norm` and `layer_norm`.

`batch_norm` takes one of three paths, as tf-slim 1.1 does: (1) rank 2 or 4 inputs with a non-default
`updates_collections` (None: updates run in place, behind an Identity of the output), a rank-2 input or
`zero_debias_moving_mean` use slim's own fused graph (`BatchNorm/FusedBatchNormV3`, `AssignMovingAvg`);
(2) otherwise, with `updates_collections=UPDATE_OPS`, the tf.layers BatchNormalization class behind the
model-variable getter; (3) other ranks with custom collections use `nn.moments` +
`nn.batch_normalization`. Variables are always `<scope>/beta`, `gamma` (only when `scale=True`; slim's
default is False), `moving_mean`, `moving_variance`, all model variables. `is_training` may be a bool
or a bool Tensor. batch_weights and renorm are not supported.
"""
from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.layers import normalization as normalization_layers
from scopeflow.ops import array_ops, init_ops, nn, shape_ops
from scopeflow.ops import variable_scope as vs
from scopeflow.slim import utils
from scopeflow.slim.arg_scope import add_arg_scope
from scopeflow.slim.layer_variables import add_variable_to_collections, build_variable_getter
from scopeflow.slim.layers_conv import DATA_FORMAT_NCHW, DATA_FORMAT_NHWC, _check_2d_format
from scopeflow.slim.variables import model_variable
from scopeflow.train.moving_averages import assign_moving_average

_DEFAULT_INITIALIZERS = {"beta": init_ops.zeros_initializer(), "gamma": init_ops.ones_initializer(),
                         "moving_mean": init_ops.zeros_initializer(),
                         "moving_variance": init_ops.ones_initializer()}


def _param(name, params_shape, dtype, param_initializers, variables_collections, regularizer=None,
           trainable=True):
    initializer = (param_initializers or {}).get(name, _DEFAULT_INITIALIZERS[name])
    return model_variable(name, shape=params_shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                          trainable=trainable,
                          collections=utils.get_variable_collections(variables_collections, name))


def _moving_stats(params_shape, dtype, param_initializers, variables_collections):
    """moving_mean / moving_variance, never partitioned (slim re-enters its scope without partitioner)."""
    with vs.variable_scope(vs.get_variable_scope()) as local_scope:
        local_scope.set_partitioner(None)
        return tuple(_param(name, params_shape, dtype, param_initializers, variables_collections, trainable=False)
                     for name in ("moving_mean", "moving_variance"))


def _updates(moving_mean, moving_variance, mean, variance, decay, zero_debias_moving_mean):
    update_mean = assign_moving_average(moving_mean, mean, decay, zero_debias=zero_debias_moving_mean)
    update_variance = assign_moving_average(moving_variance, variance, decay, zero_debias=False)
    return update_mean, update_variance


def _add_updates(updates_collections, update_mean, update_variance):
    graph = get_default_graph()
    graph.add_to_collections(updates_collections, update_mean)
    graph.add_to_collections(updates_collections, update_variance)


@add_arg_scope
def batch_norm(inputs, decay=0.999, center=True, scale=False, epsilon=0.001, activation_fn=None,
               param_initializers=None, param_regularizers=None, updates_collections=GraphKeys.UPDATE_OPS,
               is_training=True, reuse=None, variables_collections=None, outputs_collections=None, trainable=True,
               batch_weights=None, fused=None, data_format=DATA_FORMAT_NHWC, zero_debias_moving_mean=False,
               scope=None, renorm=False, renorm_clipping=None, renorm_decay=0.99, adjustment=None):
    """Batch normalization (Ioffe & Szegedy); in training the moving averages are updated by the ops
    put in `updates_collections` (run them via `tf.control_dependencies`), or in place when it is None.

    >>> import scopeflow as tf, scopeflow.slim as slim
    >>> with tf.Graph().as_default():
    ...     y = slim.batch_norm(tf.placeholder(tf.float32, [None, 3]))
    ...     print([v.name for v in tf.global_variables()])
    ['BatchNorm/beta:0', 'BatchNorm/moving_mean:0', 'BatchNorm/moving_variance:0']
    """
    if batch_weights is not None or renorm or adjustment is not None:
        raise NotImplementedError("scopeflow's slim.batch_norm does not support batch_weights, renorm or "
                                  "adjustment")
    fused = True if fused is None else fused
    inputs = convert_to_tensor(inputs)
    rank = inputs.get_shape().ndims
    custom_updates = updates_collections is not GraphKeys.UPDATE_OPS
    if fused and rank in (2, 4) and (zero_debias_moving_mean or rank == 2 or custom_updates):
        return _fused_batch_norm(inputs, decay, center, scale, epsilon, activation_fn, param_initializers,
                                 param_regularizers, updates_collections, is_training, reuse, variables_collections,
                                 outputs_collections, trainable, data_format, zero_debias_moving_mean, scope)
    _check_2d_format(data_format)
    with vs.variable_scope(scope, "BatchNorm", [inputs], reuse=reuse, custom_getter=build_variable_getter()) as sc:
        inputs = convert_to_tensor(inputs)
        if not custom_updates and not zero_debias_moving_mean:
            outputs = _layer_batch_norm(inputs, sc, decay, center, scale, epsilon, param_initializers,
                                        param_regularizers, is_training, reuse, variables_collections, trainable,
                                        fused, data_format)
        else:
            outputs = _moments_batch_norm(inputs, decay, center, scale, epsilon, param_initializers,
                                          updates_collections, is_training, variables_collections, trainable,
                                          data_format, zero_debias_moving_mean)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


def _layer_batch_norm(inputs, sc, decay, center, scale, epsilon, param_initializers, param_regularizers,
                      is_training, reuse, variables_collections, trainable, fused, data_format):
    initializers = dict(_DEFAULT_INITIALIZERS, **(param_initializers or {}))
    regularizers = param_regularizers or {}
    layer = normalization_layers.BatchNormalization(
        axis=1 if data_format == DATA_FORMAT_NCHW else -1, momentum=decay, epsilon=epsilon, center=center,
        scale=scale, beta_initializer=initializers["beta"], gamma_initializer=initializers["gamma"],
        moving_mean_initializer=initializers["moving_mean"],
        moving_variance_initializer=initializers["moving_variance"], beta_regularizer=regularizers.get("beta"),
        gamma_regularizer=regularizers.get("gamma"), trainable=trainable, name=sc.name, _scope=sc, _reuse=reuse,
        fused=fused)
    outputs = layer.apply(inputs, training=is_training)
    for name in ("moving_mean", "moving_variance", "beta", "gamma"):
        variable = getattr(layer, name)
        if variable is not None:
            add_variable_to_collections(variable, variables_collections, name)
    return outputs


def _moments_batch_norm(inputs, decay, center, scale, epsilon, param_initializers, updates_collections,
                        is_training, variables_collections, trainable, data_format, zero_debias_moving_mean):
    inputs_shape = inputs.get_shape()
    rank = inputs_shape.ndims
    if rank is None:
        raise ValueError(f"Inputs {inputs.name} has undefined rank.")
    dtype = inputs.dtype.base_dtype
    if data_format == DATA_FORMAT_NCHW:
        moments_axes = [0] + list(range(2, rank))
        params_shape = inputs_shape[1:2]
        broadcast = [1, inputs_shape.dims[1].value] + [1] * (rank - 2)
    else:
        moments_axes = list(range(rank - 1))
        params_shape = inputs_shape[-1:]
        broadcast = None
    if not params_shape.is_fully_defined():
        raise ValueError(f"Inputs {inputs.name} has undefined channels dimension {params_shape}.")
    beta = _param("beta", params_shape, dtype, param_initializers, variables_collections,
                  trainable=trainable) if center else None
    gamma = _param("gamma", params_shape, dtype, param_initializers, variables_collections,
                   trainable=trainable) if scale else None
    moving_mean, moving_variance = _moving_stats(params_shape, dtype, param_initializers, variables_collections)
    training = utils.constant_value(is_training)
    if training is None or training:
        mean, variance = nn.moments(inputs, moments_axes, keep_dims=broadcast is not None)
        if broadcast is not None:
            mean, variance = shape_ops.reshape(mean, [-1]), shape_ops.reshape(variance, [-1])
        moving_vars_fn = lambda: (moving_mean, moving_variance)  # noqa: E731
        if updates_collections is None:
            def force_updates():
                updates = _updates(moving_mean, moving_variance, mean, variance, decay, zero_debias_moving_mean)
                with get_default_graph().control_dependencies(updates):
                    return array_ops.identity(mean), array_ops.identity(variance)
            mean, variance = utils.smart_cond(is_training, force_updates, moving_vars_fn)
        else:
            update_mean, update_variance = utils.smart_cond(
                is_training, lambda: _updates(moving_mean, moving_variance, mean, variance, decay,
                                              zero_debias_moving_mean), moving_vars_fn)
            _add_updates(updates_collections, update_mean, update_variance)
            batch = (mean, variance)
            mean, variance = utils.smart_cond(is_training, lambda: batch, moving_vars_fn)
    else:
        mean, variance = moving_mean, moving_variance
    if broadcast is not None:
        mean, variance = shape_ops.reshape(mean, broadcast), shape_ops.reshape(variance, broadcast)
        beta = None if beta is None else shape_ops.reshape(beta, broadcast)
        gamma = None if gamma is None else shape_ops.reshape(gamma, broadcast)
    outputs = nn.batch_normalization(inputs, mean, variance, beta, gamma, epsilon)
    outputs.set_shape(inputs_shape)
    return outputs


def _fused_batch_norm(inputs, decay, center, scale, epsilon, activation_fn, param_initializers,
                      param_regularizers, updates_collections, is_training, reuse, variables_collections,
                      outputs_collections, trainable, data_format, zero_debias_moving_mean, scope):
    _check_2d_format(data_format)
    with vs.variable_scope(scope, "BatchNorm", [inputs], reuse=reuse) as sc:
        inputs = convert_to_tensor(inputs)
        original_shape = inputs.get_shape()
        original_inputs = inputs
        if original_shape.ndims is None:
            raise ValueError(f"Inputs {inputs.name} has undefined rank")
        if original_shape.ndims not in (2, 4):
            raise ValueError(f"Inputs {inputs.name} has unsupported rank. Expected 2 or 4 but got "
                             f"{original_shape.ndims}")
        if original_shape.ndims == 2:
            channels = original_shape.dims[-1].value
            if channels is None:
                raise ValueError("`C` dimension must be known but is None")
            new_shape = [-1, channels, 1, 1] if data_format == DATA_FORMAT_NCHW else [-1, 1, 1, channels]
            inputs = shape_ops.reshape(inputs, new_shape)
        inputs_shape = inputs.get_shape()
        params_shape = inputs_shape[-1:] if data_format == DATA_FORMAT_NHWC else inputs_shape[1:2]
        if not params_shape.is_fully_defined():
            raise ValueError(f"Inputs {inputs.name} has undefined `C` dimension {params_shape}.")
        regularizers = param_regularizers or {}
        float32 = dtypes.float32
        if center:
            beta = _param("beta", params_shape, float32, param_initializers, variables_collections,
                          regularizers.get("beta"), trainable)
        else:
            beta = constant(0.0, dtype=float32, shape=params_shape.as_list())
        if scale:
            gamma = _param("gamma", params_shape, float32, param_initializers, variables_collections,
                           regularizers.get("gamma"), trainable)
        else:
            gamma = constant(1.0, dtype=float32, shape=params_shape.as_list())
        moving_mean, moving_variance = _moving_stats(params_shape, float32, param_initializers,
                                                     variables_collections)

        def training():
            return nn.fused_batch_norm(inputs, gamma, beta, epsilon=epsilon, data_format=data_format)

        def inference():
            return nn.fused_batch_norm(inputs, gamma, beta, mean=moving_mean, variance=moving_variance,
                                       epsilon=epsilon, is_training=False, data_format=data_format)

        outputs, mean, variance = utils.smart_cond(is_training, training, inference)
        training_value = utils.constant_value(is_training)
        if training_value is None or training_value:
            if updates_collections is None:
                def force_updates():
                    updates = _updates(moving_mean, moving_variance, mean, variance, decay, zero_debias_moving_mean)
                    with get_default_graph().control_dependencies(updates):
                        return array_ops.identity(outputs)
                batch_outputs = outputs
                outputs = utils.smart_cond(is_training, force_updates, lambda: batch_outputs)
            else:
                update_mean, update_variance = utils.smart_cond(
                    is_training, lambda: _updates(moving_mean, moving_variance, mean, variance, decay,
                                                  zero_debias_moving_mean),
                    lambda: (moving_mean, moving_variance))
                _add_updates(updates_collections, update_mean, update_variance)
        outputs.set_shape(inputs_shape)
        if original_shape.ndims == 2:
            outputs = _reshape_back(outputs, original_inputs)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


def _reshape_back(outputs, original_inputs):
    dims = original_inputs.shape.as_list() if original_inputs.shape.dims else None
    if dims and dims.count(None) <= 1:
        return shape_ops.reshape(outputs, [-1 if d is None else d for d in dims])
    return shape_ops.reshape(outputs, shape_ops.shape(original_inputs))


@add_arg_scope
def layer_norm(inputs, center=True, scale=True, activation_fn=None, reuse=None, variables_collections=None,
               outputs_collections=None, trainable=True, begin_norm_axis=1, begin_params_axis=-1, scope=None):
    """Normalises over the axes from `begin_norm_axis` on; `beta`/`gamma` have shape `[begin_params_axis:]`."""
    with vs.variable_scope(scope, "LayerNorm", [inputs], reuse=reuse) as sc:
        inputs = convert_to_tensor(inputs)
        inputs_shape = inputs.shape
        rank = inputs_shape.ndims
        if rank is None:
            raise ValueError(f"Inputs {inputs.name} has undefined rank.")
        dtype = inputs.dtype.base_dtype
        if begin_norm_axis < 0:
            begin_norm_axis = rank + begin_norm_axis
        if begin_params_axis >= rank or begin_norm_axis >= rank:
            raise ValueError(f"begin_params_axis ({begin_params_axis}) and begin_norm_axis ({begin_norm_axis}) "
                             f"must be < rank(inputs) ({rank})")
        params_shape = inputs_shape[begin_params_axis:]
        if not params_shape.is_fully_defined():
            raise ValueError(f"Inputs {inputs.name}: shape(inputs)[{begin_params_axis}:] is not fully defined: "
                             f"{inputs_shape}")
        beta = _param("beta", params_shape, dtype, None, variables_collections, trainable=trainable) \
            if center else None
        gamma = _param("gamma", params_shape, dtype, None, variables_collections, trainable=trainable) \
            if scale else None
        mean, variance = nn.moments(inputs, list(range(begin_norm_axis, rank)), keep_dims=True)
        epsilon = 1e-12 if dtype != dtypes.float16 else 1e-3
        outputs = nn.batch_normalization(inputs, mean, variance, offset=beta, scale=gamma,
                                         variance_epsilon=epsilon)
        outputs.set_shape(inputs_shape)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return utils.collect_named_outputs(outputs_collections, sc.name, outputs)


__all__ = ["batch_norm", "layer_norm"]
