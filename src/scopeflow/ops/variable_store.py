"""`VariableStore`: the variables `tf.get_variable` made, by full name, and the rules for sharing them.

One store per graph, in the collection `("__variable_store",)` as in TF (a tuple key, so
`get_all_collection_keys()` does not list it). Names here are full variable-scope names (`scope/w`),
never name-scope names: the variable op itself may be uniquified to `scope/w_1` while the store keeps
`scope/w`. Invariants: a name maps to one Variable or one PartitionedVariable, never both; a failed
call adds no variable, no op and no collection entry (every check runs before the Variable is built);
"already exists" lists the user's frames where the variable was made (golden: variable_scope_errors).
"""
import enum
import functools
import inspect
import traceback

from scopeflow.framework import dtypes, naming
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import as_shape
from scopeflow.ops import init_ops
from scopeflow.ops import partitioned_variables as pv
from scopeflow.ops.slicing import slice as slice_op
from scopeflow.ops.variables import ResourceVariable, Variable, VariableAggregation, VariableSynchronization

_STORE_KEY = ("__variable_store",)


class _ReuseMode(enum.Enum):
    """`tf.AUTO_REUSE`: create the variable if missing, share it otherwise."""
    AUTO_REUSE = 1


AUTO_REUSE = _ReuseMode.AUTO_REUSE

_CUSTOM_GETTER_ARGS = ("shape", "dtype", "initializer", "regularizer", "reuse", "trainable", "collections",
                       "caching_device", "partitioner", "validate_shape", "use_resource", "synchronization",
                       "aggregation")


def default_store(graph=None):
    """The graph's VariableStore, created on first use."""
    collection = (graph or get_default_graph()).get_collection_ref(_STORE_KEY)
    if not collection:
        collection.append(VariableStore())
    return collection[0]


class VariableStore:
    """Variables by full name; `get_variable` creates or shares one according to `reuse`."""

    def __init__(self):
        self._vars = {}
        self._partitioned_vars = {}

    def get_variable(self, name, shape=None, dtype=dtypes.float32, initializer=None, regularizer=None,
                     reuse=None, trainable=None, collections=None, caching_device=None, partitioner=None,
                     validate_shape=True, use_resource=None, custom_getter=None, constraint=None,
                     synchronization=VariableSynchronization.AUTO, aggregation=VariableAggregation.NONE):
        """Gets or creates `name`; a `custom_getter` gets `getter=` the store's own getter first."""
        if custom_getter is not None and not callable(custom_getter):
            raise ValueError(f"Passed a custom_getter which is not callable: {custom_getter}")
        dtype = dtypes.as_dtype(dtype).base_dtype
        synchronization = VariableSynchronization.AUTO if synchronization is None else \
            VariableSynchronization(synchronization)
        aggregation = aggregation or VariableAggregation.NONE
        if trainable is None:
            trainable = synchronization != VariableSynchronization.ON_READ
        if custom_getter is None:
            return self._true_getter(name, shape, dtype, initializer, regularizer, reuse, trainable, collections,
                                     caching_device, partitioner, validate_shape, use_resource, constraint,
                                     synchronization, aggregation)
        kwargs = {"getter": self._true_getter, "name": name, "shape": shape, "dtype": dtype,
                  "initializer": initializer, "regularizer": regularizer, "reuse": reuse, "trainable": trainable,
                  "collections": collections, "caching_device": caching_device, "partitioner": partitioner,
                  "validate_shape": validate_shape, "use_resource": use_resource,
                  "synchronization": synchronization, "aggregation": aggregation}
        if _accepts(custom_getter, "constraint"):   # older getters predate the argument (as TF)
            kwargs["constraint"] = constraint
        return custom_getter(**kwargs)

    def _true_getter(self, name, shape=None, dtype=dtypes.float32, initializer=None, regularizer=None,
                     reuse=None, trainable=None, collections=None, caching_device=None, partitioner=None,
                     validate_shape=True, use_resource=None, constraint=None,
                     synchronization=VariableSynchronization.AUTO, aggregation=VariableAggregation.NONE):
        args = (dtype, initializer, regularizer, reuse, trainable, collections, caching_device, validate_shape,
                use_resource, constraint, synchronization, aggregation)
        is_scalar = isinstance(shape, (list, tuple)) and not shape
        if partitioner is not None and not is_scalar:
            if not callable(partitioner):
                raise ValueError(f"Partitioner must be callable, but received: {partitioner}")
            with get_default_graph().name_scope(None):
                return self._get_partitioned_variable(name, shape, partitioner, *args)
        if reuse is True and partitioner is None and name in self._partitioned_vars:
            return self._get_partitioned_variable(name, shape, None, *args)
        if naming.join(name, "part_0") in self._vars:
            raise ValueError(f"No partitioner was provided, but a partitioned version of the variable was found: "
                             f"{name}/part_0. Perhaps a variable of the same name was already created with "
                             "partitioning?")
        return self._get_single_variable(name, shape, *args)

    # ---- one variable ---------------------------------------------------------------------------------
    def _get_single_variable(self, name, shape=None, dtype=dtypes.float32, initializer=None, regularizer=None,
                             reuse=None, trainable=None, collections=None, caching_device=None,
                             validate_shape=True, use_resource=None, constraint=None,
                             synchronization=VariableSynchronization.AUTO,
                             aggregation=VariableAggregation.NONE, partition_info=None):
        from_value = initializer is not None and not callable(initializer)
        if shape is not None and from_value:
            raise ValueError("If initializer is a constant, do not specify shape.")
        shape_arg, shape = shape, as_shape(shape)
        found = self._vars.get(name)
        if found is not None:
            return self._share(name, found, shape, dtype, reuse)
        if reuse is True:
            raise ValueError(f"Variable {name} does not exist, or was not created with tf.get_variable(). Did "
                             "you mean to set reuse=tf.AUTO_REUSE in VarScope?")
        if initializer is None:
            if shape_arg is None:
                raise ValueError(f"Variable {name} did not get an initializer, so its `shape` argument must be "
                                 "specified.")
            initializer = default_initializer(name, dtype)
        if from_value:
            initial_value, variable_dtype = initializer, None
        else:
            if inspect.isclass(initializer):
                initializer = initializer()
            if shape.is_fully_defined():
                if _accepts(initializer, "partition_info"):
                    initial_value = functools.partial(initializer, shape.as_list(), dtype=dtype,
                                                      partition_info=partition_info)
                else:
                    initial_value = functools.partial(initializer, shape.as_list(), dtype=dtype)
                variable_dtype = dtype
            elif _needs_no_arguments(initializer):
                initial_value, variable_dtype = initializer, None
            else:
                raise ValueError("The initializer passed is not valid. It should be a callable with no arguments "
                                 "and the shape should not be provided or an instance of "
                                 "`tf.keras.initializers.*' and `shape` should be fully defined.")
        v = Variable(initial_value=initial_value, name=name, trainable=trainable, collections=collections,
                     caching_device=caching_device, dtype=variable_dtype, validate_shape=validate_shape,
                     constraint=constraint, use_resource=use_resource, synchronization=synchronization,
                     aggregation=aggregation)
        self._vars[name] = v
        if regularizer:
            _add_regularization_loss(v, name, regularizer)
        return v

    @staticmethod
    def _share(name, found, shape, dtype, reuse):
        if reuse is False:
            message = (f"Variable {name} already exists, disallowed. Did you mean to set reuse=True or "
                       "reuse=tf.AUTO_REUSE in VarScope?")
            if isinstance(found, ResourceVariable):   # TF keeps no creation frames for these (reference)
                raise ValueError(message)
            frames = [traceback.FrameSummary(f, n, fn) for f, n, fn, _ in found.op.traceback[::-1]][:5]
            raise ValueError(f"{message} Originally defined at:\n\n" + "".join(traceback.format_list(frames)))
        if not shape.is_compatible_with(found.get_shape()):
            raise ValueError(f"Trying to share variable {name}, but specified shape {shape} and found shape "
                             f"{found.get_shape()}.")
        if not dtype.is_compatible_with(found.dtype):
            raise ValueError(f"Trying to share variable {name}, but specified dtype {dtype.name} and found dtype "
                             f"{found.dtype.name}.")
        return found

    # ---- partitioned variables ------------------------------------------------------------------------
    def _get_partitioned_variable(self, name, shape, partitioner, dtype, initializer, regularizer, reuse,
                                  trainable, collections, caching_device, validate_shape, use_resource,
                                  constraint, synchronization, aggregation):
        from_tensor = isinstance(initializer, Tensor)
        if name in self._vars:
            raise ValueError(f"A partitioner was provided, but an unpartitioned version of the variable was found: "
                             f"{name}.  Perhaps a variable of the same name was already created without "
                             "partitioning?")
        shape = as_shape(shape)
        if from_tensor:
            shape = shape.merge_with(initializer.get_shape())
        partitions = None
        if not reuse or partitioner:
            partitions = pv.call_partitioner(partitioner, shape, dtype)
        found = self._partitioned_vars.get(name)
        if found is not None:
            return self._share_partitioned(name, found, shape, dtype, reuse, partitions)
        if reuse is True:
            raise ValueError(f"PartitionedVariable {name} does not exist, or was not created with "
                             "tf.get_variable(). Did you mean to set reuse=False or reuse=tf.AUTO_REUSE in "
                             "VarScope?")
        slice_dim, num_slices = pv.slice_dim_and_count(partitions)
        self._check_existing_parts(name, num_slices)
        graph = get_default_graph()
        parts = []
        for i, (offset, part_shape) in enumerate(pv.iter_slices(shape.as_list(), num_slices, slice_dim)):
            part_name = naming.join(name, f"part_{i}")
            with graph.name_scope(naming.join(part_name, "PartitionedInitializer")):
                init, init_shape, part_dtype = _part_initializer(name, initializer, dtype, offset, part_shape)
            with graph.name_scope(None):
                var = self._get_single_variable(
                    part_name, init_shape, part_dtype, init, regularizer, reuse, trainable, collections,
                    caching_device, validate_shape, use_resource, constraint, synchronization, aggregation,
                    partition_info=pv.PartitionInfo(full_shape=shape.as_list(), var_offset=offset))
            var._set_save_slice_info(Variable.SaveSliceInfo(name, shape.as_list(), offset, part_shape))
            parts.append(var)
        result = pv.PartitionedVariable(name=name, shape=shape, dtype=dtype, variable_list=parts,
                                        partitions=partitions)
        self._partitioned_vars[name] = result
        return result

    @staticmethod
    def _share_partitioned(name, found, shape, dtype, reuse, partitions):
        if reuse is False:
            raise ValueError(f"Partitioned variable with name {name} already exists. Did you mean to set "
                             "reuse=True or reuse=tf.AUTO_REUSE in VarScope?")
        if not shape.is_compatible_with(found.get_shape()):
            raise ValueError(f"Trying to reuse partitioned variable {name}, but specified shape {shape} and found "
                             f"shape {found.get_shape()}.")
        if not dtype.is_compatible_with(found.dtype):
            raise ValueError(f"Trying to reuse partitioned variable {name}, but specified dtype {dtype.name} and "
                             f"found dtype {found.dtype.name}.")
        if partitions is not None and list(found._get_partitions()) != list(partitions):
            raise ValueError(f"Trying to reuse partitioned variable {name}, but specified partitions {partitions} "
                             f"and found partitions {found._get_partitions()}.")
        return found

    def _check_existing_parts(self, name, num_slices):
        if naming.join(name, "part_0") not in self._vars:
            return
        if naming.join(name, f"part_{num_slices - 1}") not in self._vars:
            raise ValueError(f"Partitioner returned a different partitioning than what was already found.  "
                             f"Partitioner returned {num_slices} shards, and shard {name}/part_0 was found, but "
                             f"{name}/part_{num_slices - 1} was not.")
        if naming.join(name, f"part_{num_slices}") in self._vars:
            raise ValueError(f"Partitioner returned a different partitioning than what was already found.  "
                             f"Partitioner returned {num_slices} shards, and shard {name}/part_0 was found, but "
                             f"so was the extra shard {name}/part_{num_slices}.")


def _part_initializer(name, initializer, dtype, offset, part_shape):
    """(initializer, shape argument, dtype) of one part: callables get the part's shape, values a Slice."""
    if initializer is None:
        return default_initializer(name, dtype), part_shape, dtype
    if callable(initializer):
        return initializer, part_shape, dtype
    if isinstance(initializer, Tensor):
        init = slice_op(initializer, offset, part_shape)
        return init, None, init.dtype.base_dtype
    return slice_op(convert_to_tensor(initializer, dtype=dtype), offset, part_shape), None, dtype


def default_initializer(name, dtype):
    """glorot_uniform for floats, zeros for integers, bools and strings (TF's defaults)."""
    if dtype.is_floating:
        return init_ops.glorot_uniform_initializer()
    if dtype.is_integer or dtype.is_unsigned or dtype.is_bool or dtype == dtypes.string:
        return init_ops.zeros_initializer()
    raise ValueError(f"An initializer for variable {name} of {dtype.base_dtype} is required")


def _add_regularization_loss(v, name, regularizer):
    """Runs `regularizer(v)` under `name/Regularizer/`, colocated with v, and collects the loss.

    The reference (TF 2.x compat.v1) first calls the regularizer once more, at the root name scope, to
    see whether it returns None; that call leaves its ops (e.g. `Sum`, `l2_regularizer`) in the graph and
    shifts later op names, so it is reproduced (golden: variable_scope_getters/contrib_regularizer_on_scope).
    """
    if regularizer(v) is None:
        return
    graph = v.graph
    with graph.colocate_with(v.op), graph.name_scope(naming.join(name, "Regularizer") + "/"):
        loss = regularizer(v)
    if loss is not None:
        graph.add_to_collection(GraphKeys.REGULARIZATION_LOSSES, loss)


# ---- argument inspection (cached: it runs for every get_variable) -----------------------------------
_ARGS_CACHE = {}


def _parameters(fn):
    code = getattr(fn, "__code__", None) or getattr(getattr(type(fn), "__call__", None), "__code__", None)
    key = None if code is None or isinstance(fn, functools.partial) else (type(fn), code)
    params = _ARGS_CACHE.get(key)
    if params is None:
        try:
            params = tuple(inspect.signature(fn).parameters.values())
        except (TypeError, ValueError):
            params = ()
        if key is not None:
            _ARGS_CACHE[key] = params
    return params


def _accepts(fn, arg):
    """Whether `fn` takes a keyword `arg` (named, or through **kwargs)."""
    return any(p.name == arg or p.kind is p.VAR_KEYWORD for p in _parameters(fn))


def _needs_no_arguments(fn):
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in _parameters(fn))
