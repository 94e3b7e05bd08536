"""`tf.layers.Layer` (TF1's legacy layer base) and `InputSpec`: naming, variable scopes, weights, losses.

A layer owns one VariableScope, captured on its first call (or at construction when the functional form
passes `_scope=name`): variables are `tf.get_variable`s in it (`dense/kernel:0`, `dense_1/...`), ops go
under the scope's original name scope, re-entered on every call (`dense/MatMul`, `dense/MatMul_1`); inside
a `name_scope('ns')` the ops read `ns/dense/...` while the variables stay `dense/...` (TF1_NOTES).
`layer.name` is a separate per-graph object name (`dense_1` for the first unnamed Dense, as the
reference counts). Invariants: every check that can reject an input (input_spec, build's own checks) runs
before the first `add_weight`, so a rejected first call leaves no variable behind; regularizer losses and
update ops are created once, inside the layer's name scope, and collected into REGULARIZATION_LOSSES /
UPDATE_OPS without duplicates. Built only from ops/ (golden: tests/golden/layers_*.json).
"""
import functools
import re

import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.tensor import Operation, Tensor
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.ops import control_flow_cond, init_ops, math_ops, shape_ops
from scopeflow.ops import variable_scope as vs
from scopeflow.ops.array_build import const_value
from scopeflow.ops.variables import VariableAggregation, VariableSynchronization

_NAME_UIDS_KEY = ("__layer_object_name_uids",)   # tuple key: not listed by get_all_collection_keys
_ADD_WEIGHT_KWARGS = ("getter", "collections", "experimental_autocast", "caching_device")
_INIT_KWARGS = ("input_shape", "batch_input_shape", "batch_size", "weights", "autocast", "input_dim",
                "dynamic", "implementation")


def to_snake_case(name):
    """`Conv2DTranspose` -> `conv2d_transpose`, `BatchNormalization` -> `batch_normalization`."""
    intermediate = re.sub("(.)([A-Z][a-z0-9]+)", r"\1_\2", name)
    insecure = re.sub("([a-z])([A-Z])", r"\1_\2", intermediate).lower()
    return insecure if insecure[0] != "_" else "private" + insecure


def unique_object_name(base_name, graph=None):
    """The next per-graph layer name: `dense_1`, `dense_2` ... (the reference starts at _1)."""
    collection = (graph or get_default_graph()).get_collection_ref(_NAME_UIDS_KEY)
    if not collection:
        collection.append({})
    uids = collection[0]
    uids[base_name] = uids.get(base_name, 0) + 1
    return f"{base_name}_{uids[base_name]}"


def smart_cond(pred, true_fn, false_fn, name=None):
    """`true_fn()` / `false_fn()` when `pred` is known at build time, else `tf.cond` (v1 control flow)."""
    value = pred
    if isinstance(pred, Tensor):
        value = const_value(pred)
        if value is None:
            return control_flow_cond.cond(pred, true_fn, false_fn, name=name)
        value = bool(np.asarray(value))
    elif not isinstance(pred, (bool, int, np.bool_)):
        raise TypeError(f"`pred` must be a Tensor, or a Python bool, or 1 or 0. Found instead: {type(pred)}")
    return true_fn() if value else false_fn()


def static_pred(pred):
    """The Python bool behind `pred` (bool or constant Tensor), or None when only known at run time."""
    if isinstance(pred, Tensor):
        value = const_value(pred)
        return None if value is None else bool(np.asarray(value))
    return bool(pred)


class InputSpec:
    """`tf.layers.InputSpec`: the rank, dtype and fixed axes a layer accepts."""

    def __init__(self, dtype=None, shape=None, ndim=None, max_ndim=None, min_ndim=None, axes=None,
                 allow_last_axis_squeeze=False, name=None):
        self.dtype = dtypes.as_dtype(dtype).name if dtype is not None else None
        shape = TensorShape(shape)
        self.shape = None if shape.ndims is None else tuple(shape.as_list())
        self.ndim = len(self.shape) if self.shape is not None else ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.name = name
        self.allow_last_axis_squeeze = allow_last_axis_squeeze
        axes = axes or {}
        self.axes = {int(k): axes[k] for k in axes}

    def __repr__(self):
        spec = [f"dtype={self.dtype}" if self.dtype else "", f"shape={self.shape}" if self.shape else "",
                f"ndim={self.ndim}" if self.ndim else "", f"max_ndim={self.max_ndim}" if self.max_ndim else "",
                f"min_ndim={self.min_ndim}" if self.min_ndim else "", f"axes={self.axes}" if self.axes else ""]
        return f"InputSpec({', '.join(x for x in spec if x)})"


def assert_input_compatibility(spec, x, layer_name):
    """Raises the reference's ValueError when `x` does not fit `spec` (rank, dtype, fixed axes)."""
    if spec is None:
        return
    shape = x.shape
    if shape.ndims is None:
        return
    rank = shape.ndims
    prefix = f'Input 0 of layer "{layer_name}" is incompatible with the layer: '
    if spec.ndim is not None and not spec.allow_last_axis_squeeze and rank != spec.ndim:
        raise ValueError(f"{prefix}expected ndim={spec.ndim}, found ndim={rank}. Full shape received: "
                         f"{tuple(shape)}")
    if spec.max_ndim is not None and rank > spec.max_ndim:
        raise ValueError(f"{prefix}expected max_ndim={spec.max_ndim}, found ndim={rank}")
    if spec.min_ndim is not None and rank < spec.min_ndim:
        raise ValueError(f"{prefix}expected min_ndim={spec.min_ndim}, found ndim={rank}. Full shape received: "
                         f"{tuple(shape)}")
    if spec.dtype is not None and x.dtype.base_dtype.name != spec.dtype:
        raise ValueError(f"{prefix}expected dtype={spec.dtype}, found dtype={x.dtype}")
    dims = shape.as_list()
    for axis, value in spec.axes.items():
        if value is not None and dims[int(axis)] not in (value, None):
            raise ValueError(f"{prefix}expected axis {axis} of input shape to have value {value}, but received "
                             f"input with shape {tuple(dims)}")


def _add_elements_to_collection(elements, key):
    collection = get_default_graph().get_collection_ref(key)
    present = {id(e) for e in collection}
    for element in elements:
        if id(element) not in present:
            collection.append(element)
            present.add(id(element))


class Layer:
    """`tf.layers.Layer`: subclasses define `build(input_shape)` (weights) and `call(inputs)` (ops).

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     x = tf.placeholder(tf.float32, [None, 3])
    ...     layer = tf.layers.Dense(2)
    ...     y = layer(x)
    ...     print(layer.name, layer.kernel.name, y.name)
    dense_1 dense/kernel:0 dense/BiasAdd:0
    """

    def __init__(self, trainable=True, name=None, dtype=None, **kwargs):
        scope = kwargs.pop("_scope", None)
        self._reuse = kwargs.pop("_reuse", None)
        self._activity_regularizer = kwargs.pop("activity_regularizer", None)
        for kwarg in kwargs:
            if kwarg not in _INIT_KWARGS:
                raise TypeError("Keyword argument not understood:", kwarg)
        self.trainable = trainable
        self.built = False
        self.input_spec = None
        self._dtype = None if dtype is None else dtypes.as_dtype(dtype).base_dtype
        self._trainable_weights = []
        self._non_trainable_weights = []
        self._updates = []
        self._losses = []
        self._callable_losses = []
        self._base_name = to_snake_case(type(self).__name__)
        if isinstance(name, vs.VariableScope):
            self._base_name = name.name
            self._name = unique_object_name(to_snake_case(type(self).__name__))
        elif name:
            self._base_name = self._name = name
        else:
            self._name = unique_object_name(self._base_name)
        self._call_has_scope_arg = "scope" in self.call.__code__.co_varnames[:self.call.__code__.co_argcount]
        self._scope = None
        if scope is not None:
            with vs.variable_scope(scope) as captured:
                self._scope = captured
        self._current_scope = None

    # ---- identity -----------------------------------------------------------------------------
    @property
    def name(self):
        return self._name

    @property
    def dtype(self):
        return None if self._dtype is None else self._dtype.name

    @property
    def scope_name(self):
        if not self._scope:
            raise ValueError(f'No name available for layer scope because the layer "{self._name}" has not been '
                             "used yet. The scope name  is determined the first time the layer instance is "
                             "called. You must therefore call the layer before querying `scope_name`.")
        return self._scope.name

    @property
    def activity_regularizer(self):
        return self._activity_regularizer

    # ---- weights, losses, updates -------------------------------------------------------------
    @property
    def trainable_weights(self):
        return list(self._trainable_weights) if self.trainable else []

    @property
    def non_trainable_weights(self):
        if self.trainable:
            return list(self._non_trainable_weights)
        return self._trainable_weights + self._non_trainable_weights

    @property
    def weights(self):
        return self.trainable_weights + self.non_trainable_weights

    variables = weights
    trainable_variables = trainable_weights
    non_trainable_variables = non_trainable_weights

    @property
    def updates(self):
        return list(self._updates) if self.trainable else []

    @property
    def losses(self):
        """Collected losses; weight regularizers are re-run on each access, as the reference does."""
        losses = list(self._losses)
        for loss_fn in self._callable_losses:
            loss = loss_fn()
            if loss is not None:
                losses.append(loss)
        return losses

    def add_loss(self, losses, inputs=None):
        """Adds loss tensors (or zero-argument callables) and puts them into REGULARIZATION_LOSSES."""
        new_losses = []
        for loss in losses if isinstance(losses, (list, tuple)) else [losses]:
            if callable(loss):
                self._callable_losses.append(loss)
                loss = loss()
                if loss is None:
                    continue
            else:
                loss = loss if isinstance(loss, Tensor) else convert_to_tensor(loss, dtype=dtypes.float32)
                self._losses.append(loss)
            new_losses.append(loss)
        _add_elements_to_collection(new_losses, GraphKeys.REGULARIZATION_LOSSES)

    def add_update(self, updates, inputs=None):
        """Adds update ops; a callable is called now (graph mode) and its op kept."""
        for update in updates if isinstance(updates, (list, tuple)) else [updates]:
            if callable(update):
                update = update()
            if not isinstance(update, Operation):
                update = update.op if hasattr(update, "op") else convert_to_tensor(update)
            self._updates.append(update)

    def get_updates_for(self, inputs):
        return self.updates

    def get_losses_for(self, inputs):
        return self.losses

    def add_weight(self, name, shape, dtype=None, initializer=None, regularizer=None, trainable=None,
                   constraint=None, use_resource=None, synchronization=VariableSynchronization.AUTO,
                   aggregation=VariableAggregation.NONE, partitioner=None, **kwargs):
        """A `tf.get_variable` in the layer's variable scope, tracked as a (non-)trainable weight."""
        for kwarg in kwargs:
            if kwarg not in _ADD_WEIGHT_KWARGS:
                raise TypeError("Unknown keyword argument:", kwarg)
        if synchronization == VariableSynchronization.ON_READ:
            if trainable:
                raise ValueError("Synchronization value can be set to VariableSynchronization.ON_READ only for "
                                 "non-trainable variables. You have specified trainable=True and "
                                 "synchronization=VariableSynchronization.ON_READ.")
            trainable = False
        elif trainable is None:
            trainable = True
        graph = get_default_graph()
        existing = {id(v) for v in graph.get_collection(GraphKeys.GLOBAL_VARIABLES)} if regularizer else ()
        dtype = dtypes.as_dtype(dtype or self._dtype or dtypes.float32)
        self._set_scope(None)
        with vs.variable_scope(self._scope, reuse=self.built or self._reuse,
                               auxiliary_name_scope=False) as scope:
            self._current_scope = scope
            with graph.name_scope(scope.original_name_scope):
                if initializer is None:
                    initializer = scope.initializer
                if self._dtype is None:
                    self._dtype = dtype.base_dtype
                if initializer is None:
                    initializer = _default_initializer(name, dtype, self._name)
                variable = vs.get_variable(
                    name, shape=() if shape is None else shape, dtype=dtype, initializer=initializer,
                    trainable=trainable and self.trainable, constraint=constraint, partitioner=partitioner,
                    use_resource=use_resource, collections=kwargs.get("collections"),
                    synchronization=synchronization, aggregation=aggregation,
                    caching_device=kwargs.get("caching_device"))
                if trainable and self.trainable:
                    self._trainable_weights.append(variable)
                else:
                    self._non_trainable_weights.append(variable)
                if regularizer and id(variable) not in existing:
                    self.add_loss(functools.partial(_regularize, graph, name, variable, regularizer))
        return variable

    add_variable = add_weight

    # ---- calling -------------------------------------------------------------------------------
    def build(self, input_shape):
        self.built = True

    def call(self, inputs, **kwargs):
        return inputs

    def compute_output_shape(self, input_shape):
        raise NotImplementedError

    def _set_scope(self, scope=None):
        if self._scope is None:
            if self._reuse:
                context = vs.variable_scope(scope if scope is not None else self._base_name)
            else:
                context = vs.variable_scope(scope, default_name=self._base_name)
            with context as captured:
                self._scope = captured

    def __call__(self, inputs, *args, **kwargs):
        """Builds the layer on first use, then applies `call` inside the layer's scopes."""
        self._set_scope(kwargs.pop("scope", None))
        reuse = True if self.built else self._reuse
        with vs.variable_scope(self._scope, reuse=reuse, auxiliary_name_scope=False) as scope:
            self._current_scope = scope
            if self._call_has_scope_arg:
                kwargs["scope"] = scope
            if isinstance(inputs, (np.ndarray, np.generic, float, int)):
                inputs = convert_to_tensor(inputs)
            graph = get_default_graph()
            with graph.name_scope(scope.original_name_scope):
                assert_input_compatibility(self.input_spec, inputs, self._name)
                if not self.built:
                    if self._dtype is None and hasattr(inputs, "dtype"):
                        self._dtype = inputs.dtype.base_dtype
                    self.build(inputs.shape)
                    self.built = True
                outputs = self.call(inputs, *args, **kwargs)
                if self._activity_regularizer is not None:
                    self._regularize_activity(outputs, inputs)
        _add_elements_to_collection(self.updates, GraphKeys.UPDATE_OPS)
        return outputs

    def apply(self, inputs, *args, **kwargs):
        """`layer.apply(inputs)`: the same as calling the layer."""
        return self.__call__(inputs, *args, **kwargs)

    def _regularize_activity(self, outputs, inputs):
        graph = get_default_graph()
        with graph.name_scope("ActivityRegularizer"):
            for output in outputs if isinstance(outputs, (list, tuple)) else [outputs]:
                loss = self._activity_regularizer(output)
                batch_size = math_ops.cast(shape_ops.shape(output)[0], loss.dtype)
                self.add_loss(loss / batch_size, inputs=inputs)


def _regularize(graph, name, variable, regularizer):
    with graph.name_scope(name + "/Regularizer"):
        return regularizer(variable)


def _default_initializer(name, dtype, layer_name):
    if dtype.is_floating:
        return init_ops.glorot_uniform_initializer()
    if dtype.is_integer or dtype.is_unsigned or dtype.is_bool:
        return init_ops.zeros_initializer()
    raise ValueError(f"An initializer for variable {name} of type {dtype.base_dtype} is required for layer "
                     f"{layer_name}")


__all__ = ["Layer", "InputSpec", "smart_cond", "static_pred", "to_snake_case", "unique_object_name",
           "assert_input_compatibility"]
