"""Shape and layout ops: reshape, transpose, expand_dims, squeeze, and shape / size / rank.

Inference follows TF's shape functions, messages included (golden: tests/golden/ops_array.json).
`tf.shape`, `tf.size` and `tf.rank` fold into a `Const` when the answer is known at build time, as TF
does. Kernels take their shape arguments as concrete (numpy) values.
"""
import math

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.ops.array_build import build, const_value, infer_error, shape_value, static, xp


def _dims_text(dims):
    return "[" + ",".join(str(d) for d in dims) + "]"


def _index_attrs(name):
    """attrs of a wrapper whose second input is an index tensor, e.g. Reshape's `Tshape`."""
    return lambda inputs: {name: inputs[1].dtype}


def _check_vector(ctx, tensor):
    if tensor._shape is not None and len(tensor._shape) != 1:
        raise infer_error(ctx, f"Shape must be rank 1 but is rank {len(tensor._shape)}")


@op("Reshape", attrs={"Tshape": dtypes.int32})
class Reshape:
    @staticmethod
    def infer(ctx, tensor, shape, **_):
        _check_vector(ctx, shape)
        target = shape_value(shape)
        dtype = tensor.dtype.base_dtype
        if target is None:
            return [(None, dtype)]
        source = tensor._shape
        out = [None if d is None or d < 0 else d for d in target]
        inferred = [i for i, d in enumerate(target) if d is not None and d < 0]
        known = math.prod(d for d in out if d is not None)
        if source is not None and None not in source:
            count = math.prod(source)
            if None not in target and not inferred and count != known:
                raise infer_error(ctx, f"Cannot reshape a tensor with {count} elements to shape "
                                       f"{_dims_text(target)} ({known} elements)", partial=[1])
            if len(inferred) == 1 and None not in target and known > 0:
                if count % known:
                    raise infer_error(ctx, f"Dimension size must be evenly divisible by {known} but is "
                                           f"{count}", partial=[1])
                out[inferred[0]] = count // known
        elif source is not None and None not in target and not inferred:
            count = math.prod(d for d in source if d is not None)
            if count and known % count:
                raise infer_error(ctx, f"Dimension size must be evenly divisible by {count} but is {known}",
                                  partial=[1])
        return [(tuple(out), dtype)]

    @staticmethod
    def kernel(tensor, shape, **_):
        return xp(tensor).reshape(tensor, tuple(int(d) for d in static(shape)))


@op("Transpose", attrs={"Tperm": dtypes.int32})
class Transpose:
    @staticmethod
    def infer(ctx, x, perm, **_):
        _check_vector(ctx, perm)
        dtype, shape = x.dtype.base_dtype, x._shape
        rank = None if shape is None else len(shape)
        length = None if perm._shape is None else perm._shape[0]
        if rank is not None and length is not None and rank != length:
            raise infer_error(ctx, f"Dimension must be {rank} but is {length}")
        value = const_value(perm)
        if value is None:
            size = rank if rank is not None else length
            return [(None if size is None else (None,) * size, dtype)]
        if rank is None:
            return [((None,) * len(value), dtype)]
        for d in value.tolist():
            if not -rank <= d < rank:
                raise infer_error(ctx, f"perm dim {d} is out of range of input rank {rank}", computed=[1])
        return [(tuple(shape[d] for d in value.tolist()), dtype)]

    @staticmethod
    def kernel(x, perm, **_):
        return xp(x).transpose(x, tuple(int(d) for d in static(perm)))


@op("ExpandDims", attrs={"Tdim": dtypes.int32})
class ExpandDims:
    @staticmethod
    def infer(ctx, x, dim, **_):
        dtype, shape = x.dtype.base_dtype, x._shape
        value = const_value(dim)
        if shape is None:
            return [(None, dtype)]
        rank = len(shape)
        if value is None or value.size != 1:
            return [((None,) * (rank + 1), dtype)]
        d = int(value.ravel()[0])
        if not -rank - 1 <= d <= rank:
            raise infer_error(ctx, f"dim {d} not in the interval [{-rank - 1}, {rank}].", computed=[1])
        d = d + rank + 1 if d < 0 else d
        return [(shape[:d] + (1,) + shape[d:], dtype)]

    @staticmethod
    def kernel(x, dim, **_):
        return xp(x).expand_dims(x, int(static(dim).ravel()[0]))


@op("Squeeze", attrs={"squeeze_dims": []})
class Squeeze:
    @staticmethod
    def infer(ctx, x, *, squeeze_dims):
        dtype, shape = x.dtype.base_dtype, x._shape
        if shape is None:
            return [(None, dtype)]
        rank = len(shape)
        if not squeeze_dims:
            return [(None if None in shape else tuple(d for d in shape if d != 1), dtype)]
        axes = set()
        for i, d in enumerate(squeeze_dims):
            if not -rank <= d < rank:
                raise infer_error(ctx, f"squeeze_dims[{i}] not in [{-rank},{rank}).")
            d = d + rank if d < 0 else d
            if shape[d] is not None and shape[d] != 1:
                raise infer_error(ctx, f"Can not squeeze dim[{d}], expected a dimension of 1, got {shape[d]}")
            axes.add(d)
        return [(tuple(d for i, d in enumerate(shape) if i not in axes), dtype)]

    @staticmethod
    def kernel(x, *, squeeze_dims, **_):
        module = xp(x)
        if not squeeze_dims:
            return module.squeeze(x)
        return module.squeeze(x, tuple(d % x.ndim for d in squeeze_dims))


def _metadata_op(tf_type, kernel):
    """Shape / Size / Rank: one output computed from the input's static shape."""
    def infer(ctx, x, *, out_type=dtypes.int32):
        if tf_type == "Shape":
            return [((None if x._shape is None else len(x._shape),), out_type)]
        return [((), out_type)]

    cls = type(tf_type, (), {"infer": staticmethod(infer), "kernel": staticmethod(kernel)})
    return op(tf_type, attrs={"out_type": dtypes.int32} if tf_type != "Rank" else {})(cls)


_metadata_op("Shape", lambda x, *, out_type: static(x.shape).astype(out_type.as_numpy_dtype))
_metadata_op("Size", lambda x, *, out_type: static(math.prod(x.shape)).astype(out_type.as_numpy_dtype))
_metadata_op("Rank", lambda x, **_: static(len(x.shape)).astype("int32"))


def _metadata(tf_type, value_of, input, name, out_type):  # noqa: A002
    """tf.shape / size / rank: a Const named like the op when the answer is known, else the op."""
    graph = get_default_graph()
    with graph.name_scope(name or tf_type) as scope:
        input = convert_to_tensor(input)
        value = value_of(input._shape)
        if value is not None:
            return constant(value, dtype=out_type, name=scope)
        attrs = {"out_type": dtypes.as_dtype(out_type)} if tf_type != "Rank" else {}
        return graph._create_op(tf_type, [input], scope, attrs)._outputs[0]


def _known_shape(shape):
    return None if shape is None or None in shape else list(shape)


def _known_size(shape):
    return None if shape is None or None in shape else math.prod(shape)


def _known_rank(shape):
    return None if shape is None else len(shape)


def shape(input, name=None, out_type=dtypes.int32):  # noqa: A002  TF's argument names
    """`tf.shape`: a `Shape` op, or a `Const` named `Shape` when the shape is fully known."""
    return _metadata("Shape", _known_shape, input, name, out_type)


def size(input, name=None, out_type=dtypes.int32):  # noqa: A002
    """`tf.size`: the number of elements (a `Const` when the shape is fully known)."""
    return _metadata("Size", _known_size, input, name, out_type)


def rank(input, name=None):  # noqa: A002
    """`tf.rank`: the number of dimensions (a `Const` when the rank is known)."""
    return _metadata("Rank", _known_rank, input, name, dtypes.int32)


def reshape(tensor, shape, name=None):
    """`tf.reshape`; -1 is inferred at build time when the input's size is known.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(tf.reshape(tf.zeros([2, 3]), [-1]).op.inputs[1].name)
    Reshape/shape:0
    """
    return build("Reshape", name, [("tensor", tensor, None), ("shape", shape, dtypes.int32)],
                 _index_attrs("Tshape"))


def transpose(a, perm=None, name="transpose", conjugate=False):
    """`tf.transpose`; with no `perm` the dimensions are reversed (a `perm` Const when rank is known)."""
    graph = get_default_graph()
    with graph.name_scope(name) as scope:
        a = convert_to_tensor(a, name="a")
        if perm is None:
            if a._shape is not None:
                perm = constant(list(range(len(a._shape) - 1, -1, -1)), dtypes.int32, name="perm")
            else:   # TF: Range(rank - 1, -1, -1), named `transpose/Range`
                start = rank(a) - 1
                perm = build("Range", "Range", [("start", start, None), ("limit", -1, dtypes.int32),
                                                ("delta", -1, dtypes.int32)])
        else:
            perm = convert_to_tensor(perm, dtype=dtypes.int32, name="perm")
        return graph._create_op("Transpose", [a, perm], scope, {"Tperm": perm.dtype})._outputs[0]


def expand_dims(input, axis=None, name=None, dim=None):  # noqa: A002
    """`tf.expand_dims`: inserts a dimension of size 1 at `axis`."""
    if dim is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'axis' and 'dim'")
        axis = dim
    if axis is None:
        raise ValueError("Must specify an axis argument to tf.expand_dims()")
    return build("ExpandDims", name, [("input", input, None), ("dim", axis, dtypes.int32)],
                 _index_attrs("Tdim"))


def squeeze(input, axis=None, name=None, squeeze_dims=None):  # noqa: A002
    """`tf.squeeze`: removes size-1 dimensions (all of them, or those in `axis`)."""
    if squeeze_dims is not None:
        if axis is not None:
            raise ValueError("Cannot specify both 'squeeze_dims' and 'axis'")
        axis = squeeze_dims
    if isinstance(axis, int):
        axis = [axis]
    return build("Squeeze", name, [("input", input, None)], {"squeeze_dims": list(axis or [])})


__all__ = ["reshape", "transpose", "expand_dims", "squeeze", "shape", "size", "rank"]
