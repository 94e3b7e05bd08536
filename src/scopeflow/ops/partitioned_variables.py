"""Partitioned variables: TF1's partitioners, the slicing plan, `PartitionInfo` and `PartitionedVariable`.

A partitioner maps `(shape=TensorShape, dtype=DType)` to a list with one shard count per axis; at most
one axis is split. The parts `w/part_0`, `w/part_1`... are ordinary variables made by the VariableStore;
this module only plans slices and wraps the parts. Invariants: parts are ordered by offset; the first
`dim % n` parts get one extra row; a PartitionedVariable is read as one tensor by concatenating its parts
(`w/ConcatPartitions/concat`, then an Identity named `w`). Messages: golden variable_scope_partition.json.
"""
import math

from scopeflow.framework import dtypes, naming
from scopeflow.framework.constant_op import register_tensor_conversion_function
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.ops.array_ops import identity
from scopeflow.ops.join_ops import concat, split


# ---- partitioners --------------------------------------------------------------------------------
def fixed_size_partitioner(num_shards, axis=0):
    """`tf.fixed_size_partitioner`: `num_shards` parts along `axis` (fewer when the axis is shorter)."""
    def _partitioner(shape, **unused_args):
        partitions = [1] * len(shape)
        partitions[axis] = min(num_shards, shape.dims[axis].value)
        return partitions
    return _partitioner


def variable_axis_size_partitioner(max_shard_bytes, axis=0, bytes_per_string_element=16, max_shards=None):
    """`tf.variable_axis_size_partitioner`: as few parts along `axis` as keep each under max_shard_bytes."""
    if max_shard_bytes < 1 or bytes_per_string_element < 1:
        raise ValueError("Both max_shard_bytes and bytes_per_string_element must be positive. Currently, "
                         f"max_shard_bytes is {max_shard_bytes} andbytes_per_string_element is "
                         f"{bytes_per_string_element}")
    if max_shards and max_shards < 1:
        raise ValueError("max_shards must be positive.")

    def _partitioner(shape, dtype):
        if not isinstance(shape, TensorShape):
            raise ValueError(f"shape is not a TensorShape: {shape}")
        if not shape.is_fully_defined():
            raise ValueError(f"shape is not fully defined: {shape}")
        if not isinstance(dtype, dtypes.DType):
            raise ValueError(f"dtype is not a DType: {dtype}")
        element_size = _element_size(dtype, bytes_per_string_element)
        rows = shape.dims[axis].value
        bytes_per_slice = 1.0 * (shape.num_elements() / rows) * element_size
        slices_per_shard = max(1, math.floor(max_shard_bytes / bytes_per_slice))
        shards = int(math.ceil(1.0 * rows / slices_per_shard))
        if max_shards:
            shards = min(max_shards, shards)
        partitions = [1] * shape.ndims
        partitions[axis] = shards
        return partitions
    return _partitioner


def min_max_variable_partitioner(max_partitions=1, axis=0, min_slice_size=256 << 10,
                                 bytes_per_string_element=16):
    """`tf.min_max_variable_partitioner`: parts of at least `min_slice_size` bytes, at most max_partitions."""
    def _partitioner(shape, dtype):
        if axis >= len(shape):
            raise ValueError(f"Cannot partition variable along axis {axis} when shape is only {shape}")
        total_bytes = shape.num_elements() * _element_size(dtype, bytes_per_string_element)
        partitions = [1] * len(shape)
        partitions[axis] = max(1, min(shape.dims[axis].value, max_partitions,
                                      int(math.ceil(total_bytes / min_slice_size))))
        return partitions
    return _partitioner


def _element_size(dtype, bytes_per_string_element):
    dtype = dtypes.as_dtype(dtype).base_dtype
    return bytes_per_string_element if dtype == dtypes.string else dtype.size


# ---- the slicing plan ----------------------------------------------------------------------------
def call_partitioner(partitioner, shape, dtype):
    """The partitioner's list for `shape`, checked as TF checks it (TF's ValueErrors)."""
    if not shape.is_fully_defined():
        raise ValueError(f"Shape of a new partitioned variable must be fully defined, but instead was {shape}.")
    if shape.ndims < 1:
        raise ValueError(f"A partitioned Variable must have rank at least 1, shape: {shape}")
    slicing = partitioner(shape=shape, dtype=dtype)
    if not isinstance(slicing, (list, tuple)):
        raise ValueError(f"Partitioner must return a sequence, but saw: {slicing}")
    if len(slicing) != shape.ndims:
        raise ValueError("Partitioner returned a partition list that does not match the Variable's rank: "
                         f"{slicing} vs. {shape}")
    if any(p < 1 for p in slicing):
        raise ValueError(f"Partitioner returned zero partitions for some axes: {slicing}")
    if sum(p > 1 for p in slicing) > 1:
        raise ValueError(f"Can only slice a variable along one dimension: shape: {shape}, "
                         f"partitioning: {slicing}")
    return slicing


def slice_dim_and_count(partitions):
    """(axis, number of parts); an all-ones list is one part along axis 0."""
    for axis, count in enumerate(partitions):
        if count > 1:
            return axis, count
    return 0, 1


def iter_slices(full_shape, num_slices, slice_dim):
    """(offset, shape) of each part; the first `dim % num_slices` parts are one row longer."""
    excess = full_shape[slice_dim] % num_slices
    base = full_shape[slice_dim] // num_slices
    offset = [0] * len(full_shape)
    for i in range(num_slices):
        shape = list(full_shape)
        shape[slice_dim] = base + (1 if i < excess else 0)
        yield list(offset), shape
        offset[slice_dim] += shape[slice_dim]


class PartitionInfo:
    """What an initializer's `partition_info` gets: the full variable's shape and this part's offset."""
    __slots__ = ("_full_shape", "_var_offset")

    def __init__(self, full_shape, var_offset):
        if not isinstance(full_shape, (list, tuple)):
            raise TypeError("`full_shape` must be a sequence (like tuple or list) instead of "
                            + type(full_shape).__name__)
        if not isinstance(var_offset, (list, tuple)):
            raise TypeError("`var_offset` must be a sequence (like tuple or list) instead of "
                            + type(var_offset).__name__)
        if len(var_offset) != len(full_shape):
            raise ValueError(f"Expected equal length, but `var_offset` is of length {len(var_offset)} while "
                             f"full_shape is of length {len(full_shape)}.")
        for offset, size in zip(var_offset, full_shape):
            if offset < 0 or offset >= size:
                raise ValueError(f"Expected 0 <= offset < shape but found offset={offset}, shape={size} for "
                                 f"var_offset={var_offset}, full_shape={full_shape}")
        self._full_shape, self._var_offset = full_shape, var_offset

    full_shape = property(lambda self: self._full_shape)
    var_offset = property(lambda self: self._var_offset)

    def single_offset(self, shape):
        """The offset along the one sliced axis (0 when `shape` is the full shape)."""
        dim = self.single_slice_dim(shape)
        return 0 if dim is None else self._var_offset[dim]

    def single_slice_dim(self, shape):
        """The one axis along which `shape` differs from the full shape, or None."""
        if shape is None:
            return None
        if not isinstance(shape, (list, tuple)):
            raise TypeError("`shape` must be a sequence (like tuple or list) instead of " + type(shape).__name__)
        if len(shape) != len(self._full_shape):
            raise ValueError(f"Expected equal length, but received shape={shape} of length {len(shape)} while "
                             f"self.full_shape={self._full_shape} is of length {len(self._full_shape)}.")
        for i, size in enumerate(shape):
            if self._var_offset[i] + size > self._full_shape[i]:
                raise ValueError(f"With self.var_offset={self._var_offset}, a partition of shape={shape} would "
                                 f"exceed self.full_shape={self._full_shape} in dimension {i}.")
        dim = None
        for i, size in enumerate(shape):
            if size == self._full_shape[i]:
                continue
            if dim is not None:
                raise ValueError(f"Cannot use single_slice_dim() with shape: {shape} and full_shape: "
                                 f"{self._full_shape} since slice dim could be either dimension {i} or {dim}.")
            dim = i
        return dim


# ---- PartitionedVariable -------------------------------------------------------------------------
class PartitionedVariable:
    """A variable stored as parts `name/part_i`; iterable, and read as one concatenated tensor."""

    def __init__(self, name, shape, dtype, variable_list, partitions):
        if not isinstance(variable_list, (list, tuple)):
            raise TypeError(f"variable_list is not a list or tuple: {variable_list}")
        if not isinstance(partitions, (list, tuple)):
            raise TypeError(f"partitions is not a list or tuple: {partitions}")
        if not all(p >= 1 for p in partitions):
            raise ValueError(f"partition values must be positive: {partitions}")
        if not variable_list:
            raise ValueError("variable_list may not be empty")
        for v in variable_list:
            if v._get_save_slice_info() is None:
                raise ValueError(f"All variables must have a save_slice_info available: {[v.name for v in variable_list]}")
            if len(shape) != len(v._get_save_slice_info().full_shape):
                raise ValueError(f"All variables' full shapes must match shape: {shape}; but full shapes were: "
                                 f"{[str(v._get_save_slice_info().full_shape) for v in variable_list]}")
        self._variable_list = sorted(variable_list, key=lambda v: v._get_save_slice_info().var_offset)
        self._name = name
        self._shape = shape
        self._dtype = dtype
        self._partitions = partitions
        self._as_tensor = None

    def __iter__(self):
        return iter(self._variable_list)

    def __len__(self):
        axes = self._partition_axes()
        if len(axes) > 1:
            raise ValueError(f"Cannot get a length of {len(axes)} > 1 partition axes")
        return len(self._variable_list)

    def _partition_axes(self):
        if all(p == 1 for p in self._partitions):
            return [0]
        return [i for i, p in enumerate(self._partitions) if p > 1]

    def _concat(self):
        graph = self._variable_list[0].graph
        if len(self._variable_list) == 1:
            with graph.name_scope(None):
                return identity(self._variable_list[0], name=self._name)
        axes = self._partition_axes()
        if len(axes) > 1:
            raise NotImplementedError(f"Cannot concatenate along more than one dimension: {axes}.  "
                                      "Multi-axis partition concat is not supported")
        with graph.name_scope(naming.join(self._name, "ConcatPartitions") + "/"):
            concatenated = concat(self._variable_list, axes[0])
        with graph.name_scope(None):
            return identity(concatenated, name=self._name)

    def as_tensor(self):
        """The parts concatenated into one Tensor (built outside any control-dependency scope)."""
        with self._variable_list[0].graph.control_dependencies(None):
            return self._concat()

    @staticmethod
    def _tensor_conversion(v, dtype=None, name=None, as_ref=False):
        if dtype is not None and not dtypes.as_dtype(dtype).is_compatible_with(v.dtype):
            raise ValueError(f"Incompatible type conversion requested to type '{dtypes.as_dtype(dtype).name}' "
                             f"for variable of type '{v.dtype.name}'")
        if as_ref:
            raise NotImplementedError("PartitionedVariable doesn't support being used as a reference.")
        return v.as_tensor()

    name = property(lambda self: self._name)
    dtype = property(lambda self: self._dtype)
    shape = property(lambda self: self.get_shape())
    graph = property(lambda self: self._variable_list[0].graph)

    def get_shape(self):
        return self._shape

    def _get_variable_list(self):
        return self._variable_list

    def _get_partitions(self):
        return self._partitions

    def _apply_assign_fn(self, assign_fn, value):
        axes = self._partition_axes()
        if len(axes) > 1:
            raise NotImplementedError(f"Cannot do assign action along more than one dimension: {axes}.  "
                                      "Multi-axis partition assign action is not supported ")
        if isinstance(value, list):
            if len(value) != len(self._variable_list):
                raise ValueError(f"Expected {len(self._variable_list)} values, got {len(value)}")
            values = value
        elif isinstance(value, PartitionedVariable):
            values = list(value)
        else:
            sizes = [var.get_shape().dims[axes[0]].value for var in self._variable_list]
            values = split(value, sizes, axis=axes[0])
        return [assign_fn(var, values[i]) for i, var in enumerate(self._variable_list)]

    def assign(self, value, use_locking=False, name=None, read_value=True):
        """Assigns each part its slice of `value`; returns the list of per-part assign results."""
        return self._apply_assign_fn(
            lambda var, part: var.assign(part, use_locking=use_locking, name=name, read_value=read_value),
            value)

    def __repr__(self):
        return f"<tf.PartitionedVariable '{self._name}' shape={self._shape} dtype={self._dtype.name}>"


register_tensor_conversion_function(PartitionedVariable, PartitionedVariable._tensor_conversion)
