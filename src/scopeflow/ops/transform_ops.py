"""Layout transforms: reverse (ReverseV2), broadcast_to (BroadcastTo) and BroadcastArgs, where_v2
(SelectV2), space_to_depth / depth_to_space, and the composites sequence_mask and meshgrid.

pad and tile live in join_ops (all three pad modes), where / Select in slicing. Op types, names and
build-time messages are TF's (golden: tests/golden/ops_transform.json). Shape arguments must be concrete
when a run is compiled (XLA's static shapes); kernels answer numpy for numpy inputs so shape arithmetic
folds (BroadcastArgs of two `Shape`s stays static under jit).
"""
import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor_shape import BroadcastError, TensorShape, as_shape, broadcast_shapes
from scopeflow.ops import fill_ops, math_ops, shape_ops
from scopeflow.ops.array_build import build, const_value, convert, infer_error, shape_value, static, xp
from scopeflow.ops.common import convert_pair
from scopeflow.ops.join_ops import stack
from scopeflow.ops.reduction_ops import reduce_max
from scopeflow.ops.slicing import where


# ---- ReverseV2 ------------------------------------------------------------------------------------------
@op("ReverseV2", attrs={"Tidx": dtypes.int32})
class ReverseV2:
    @staticmethod
    def infer(ctx, x, axis, **_):
        shape, value = x._shape, const_value(axis)
        if shape is not None and value is not None:
            rank, seen = len(shape), set()
            for i, a in enumerate(np.ravel(value).tolist()):
                if not -rank <= a < rank:   # TF's message lacks the closing bracket (observed)
                    raise infer_error(ctx, f"'axis'[{i}] = {a} is out of valid range [0, {rank - 1}",
                                      computed=[1])
                if a % rank in seen:
                    raise infer_error(ctx, f"axis {a % rank} specified more than once.", computed=[1])
                seen.add(a % rank)
        return [(shape, x.dtype.base_dtype)]

    @staticmethod
    def kernel(x, axis, **_):
        return xp(x).flip(x, axis=tuple(int(a) for a in np.ravel(static(axis))))


def reverse(tensor, axis, name=None):
    """`tf.reverse` / `tf.reverse_v2` (op ReverseV2): flips `tensor` along each axis in `axis`."""
    return build("ReverseV2", name, [("tensor", tensor, None), ("axis", axis, dtypes.int32)],
                 lambda ins: {"Tidx": ins[1].dtype.base_dtype})


reverse_v2 = reverse


# ---- broadcasting ---------------------------------------------------------------------------------------
def _broadcast_args_value(tensor):
    """The build-time value of a BroadcastArgs output, as TF's refiner evaluates it (golden:
    random_gamma_broadcast), with None for unknown dims; None when it is not one or is unknown."""
    if tensor._op._type != "BroadcastArgs":
        return None
    a, b = (shape_value(t) for t in tensor._op._inputs)
    if a is None or b is None:
        return None
    a, b = (1,) * (len(b) - len(a)) + a, (1,) * (len(a) - len(b)) + b
    return tuple(y if x == 1 else x if y == 1 or x == y else None for x, y in zip(a, b))


@op("BroadcastTo", attrs={"Tidx": dtypes.int32})
class BroadcastTo:
    @staticmethod
    def infer(ctx, x, shape, **_):
        target = _broadcast_args_value(shape) or shape_value(shape)
        dtype = x.dtype.base_dtype
        if target is None:
            return [(None, dtype)]
        target = tuple(None if d is None or d < 0 else d for d in target)
        source = x._shape
        if source is not None:
            if len(source) > len(target):
                raise infer_error(ctx, f"Rank of input ({len(source)}) must be no greater than rank of output "
                                       f"shape ({len(target)})", partial=[1])
            for d_in, d_out in zip(reversed(source), reversed(target)):
                if d_in is not None and d_out is not None and d_in != 1 and d_in != d_out:
                    raise infer_error(ctx, f"Dimensions must be equal, but are {d_in} and {d_out}", partial=[1])
        return [(target, dtype)]

    @staticmethod
    def kernel(x, shape, **_):
        return xp(x).broadcast_to(x, tuple(int(d) for d in static(shape)))


@op("BroadcastArgs")
class BroadcastArgs:
    @staticmethod
    def infer(ctx, s0, s1, **_):
        lengths = [None if s._shape is None or not s._shape else s._shape[0] for s in (s0, s1)]
        size = None if None in lengths else max(lengths)
        return [((size,), s0.dtype.base_dtype)]

    @staticmethod
    def kernel(s0, s1, **_):
        a, b = static(s0), static(s1)
        return np.asarray(np.broadcast_shapes(tuple(a.tolist()), tuple(b.tolist())), a.dtype)


def broadcast_to(input, shape, name=None):  # noqa: A002  TF's argument name
    """`tf.broadcast_to` (op BroadcastTo)."""
    return build("BroadcastTo", name, [("input", input, None), ("shape", shape, dtypes.int32)],
                 lambda ins: {"Tidx": ins[1].dtype.base_dtype})


def broadcast_dynamic_shape(shape_x, shape_y):
    """`tf.broadcast_dynamic_shape` (op BroadcastArgs): the broadcast shape of two shape vectors."""
    return build("BroadcastArgs", None, [("s0", shape_x, dtypes.int32), ("s1", shape_y, dtypes.int32)])


def broadcast_static_shape(shape_x, shape_y):
    """`tf.broadcast_static_shape`: the broadcast TensorShape (ValueError when incompatible)."""
    x, y = as_shape(shape_x), as_shape(shape_y)
    if x.ndims is None or y.ndims is None:
        return TensorShape(None)
    try:
        return TensorShape(list(broadcast_shapes(tuple(d.value for d in x.dims), tuple(d.value for d in y.dims))))
    except BroadcastError:
        raise ValueError(f"Incompatible shapes for broadcasting: {x} and {y}") from None


# ---- SelectV2 ---------------------------------------------------------------------------------------------
@op("SelectV2", attrs={"T": None}, type_attr=None)
class SelectV2:
    @staticmethod
    def infer(ctx, condition, t, e, **_):
        dtype = t.dtype.base_dtype
        shapes = (t._shape, e._shape, condition._shape)
        if None in shapes:
            return [(None, dtype)]
        try:
            return [(broadcast_shapes(condition._shape, broadcast_shapes(t._shape, e._shape)), dtype)]
        except BroadcastError as exc:
            raise ctx.error(f"Dimensions must be equal, but are {exc.x} and {exc.y}") from None

    @staticmethod
    def kernel(condition, t, e, **_):
        return xp(condition, t, e).where(condition, t, e)


def where_v2(condition, x=None, y=None, name=None):
    """`tf.where_v2`: SelectV2 (broadcasting) with `x` and `y`, else the coordinates of true elements."""
    if x is None and y is None:
        return where(condition, name=name)   # the Where op is the array family's (slicing)
    if x is None or y is None:
        raise ValueError("x and y must both be non-None or both be None.")
    graph = get_default_graph()
    with graph.name_scope(name or "SelectV2") as scope:
        condition = convert(condition, dtypes.bool, "condition")
        x, y = convert_pair("SelectV2", x, y, ("t", "e"))
        return graph._create_op("SelectV2", [condition, x, y], scope, {"T": x.dtype.base_dtype})._outputs[0]


# ---- space_to_depth / depth_to_space ------------------------------------------------------------------------
def _spatial(shape, data_format):
    """(N, H, W, C) of a 4-d shape in either layout."""
    if data_format == b"NCHW":
        return shape[0], shape[2], shape[3], shape[1]
    return shape


def _layout(n, h, w, c, data_format):
    return (n, c, h, w) if data_format == b"NCHW" else (n, h, w, c)


def _block_infer(to_depth):
    def infer(ctx, x, *, block_size, data_format, **_):
        dtype, shape = x.dtype.base_dtype, x._shape
        if shape is None:
            return [((None,) * 4, dtype)]
        if len(shape) != 4:
            raise ctx.error(f"Shape must be rank 4 but is rank {len(shape)}")
        n, h, w, c = _spatial(shape, data_format)
        b = block_size
        divisors = ((h, b), (w, b)) if to_depth else ((c, b * b),)
        for d, k in divisors:
            if d is not None and d % k:
                raise ctx.error(f"Dimension size must be evenly divisible by {k} but is {d}")
        def scale(d, f):
            return None if d is None else f(d)
        if to_depth:
            out = (n, scale(h, lambda d: d // b), scale(w, lambda d: d // b), scale(c, lambda d: d * b * b))
        else:
            out = (n, scale(h, lambda d: d * b), scale(w, lambda d: d * b), scale(c, lambda d: d // (b * b)))
        return [(_layout(*out, data_format), dtype)]
    return infer


def _block_kernel(to_depth):
    def kernel(x, *, block_size, data_format, **_):
        module, b = xp(x), block_size
        if data_format == b"NCHW":
            x = module.transpose(x, (0, 2, 3, 1))
        n, h, w, c = x.shape
        if to_depth:   # each b x b patch becomes channels ordered (row, column, channel)
            y = x.reshape(n, h // b, b, w // b, b, c).transpose(0, 1, 3, 2, 4, 5).reshape(n, h // b, w // b, -1)
        else:
            y = x.reshape(n, h, w, b, b, c // (b * b)).transpose(0, 1, 3, 2, 4, 5).reshape(n, h * b, w * b, -1)
        return module.transpose(y, (0, 3, 1, 2)) if data_format == b"NCHW" else y
    return kernel


for _type, _to_depth in (("SpaceToDepth", True), ("DepthToSpace", False)):
    op(_type, attrs={"block_size": 2, "data_format": b"NHWC"})(
        type(_type, (), {"infer": staticmethod(_block_infer(_to_depth)),
                         "kernel": staticmethod(_block_kernel(_to_depth))}))


def _block_op(op_type, input, block_size, name, data_format):  # noqa: A002
    return build(op_type, name, [("input", input, None)],
                 {"block_size": int(block_size), "data_format": data_format.encode()})


def space_to_depth(input, block_size, name=None, data_format="NHWC"):  # noqa: A002
    """`tf.space_to_depth` (op SpaceToDepth): b x b spatial blocks move into the channels."""
    return _block_op("SpaceToDepth", input, block_size, name, data_format)


def depth_to_space(input, block_size, name=None, data_format="NHWC"):  # noqa: A002
    """`tf.depth_to_space` (op DepthToSpace): the inverse of space_to_depth."""
    return _block_op("DepthToSpace", input, block_size, name, data_format)


# ---- composites ------------------------------------------------------------------------------------------------
def sequence_mask(lengths, maxlen=None, dtype=dtypes.bool, name=None):
    """`tf.sequence_mask`: `Range(maxlen) < lengths[..., None]` under `SequenceMask/`.

    Without `maxlen`, a build-time-known `lengths` gives a Const maximum (TF builds Max/Maximum ops, whose
    value would be a run-time shape, which XLA cannot compile); otherwise TF's ops are built.
    """
    graph = get_default_graph()
    with graph.name_scope(name or "SequenceMask"):
        lengths = convert_to_tensor(lengths)
        if maxlen is None:
            known = const_value(lengths)
            if known is not None:
                maxlen = constant(max(0, int(np.max(known))) if known.size else 0, lengths.dtype.base_dtype,
                                  name="Maximum")
            else:
                maxlen = reduce_max(lengths)
                maxlen = math_ops.maximum(constant(0, maxlen.dtype.base_dtype), maxlen)
        else:
            maxlen = convert_to_tensor(maxlen)
        index = maxlen.dtype.base_dtype
        row = graph._create_op("Range", [constant(0, index), maxlen, constant(1, index)], "Range")._outputs[0]
        expanded = shape_ops.expand_dims(lengths, -1)
        # TF casts with the raw op here: a Cast even between equal dtypes (golden: sequence_mask)
        matrix = graph._create_op("Cast", [expanded], "Cast", {"SrcT": expanded.dtype.base_dtype, "DstT": index,
                                                              "Truncate": False})._outputs[0]
        result = math_ops.less(row, matrix)
        dtype = dtypes.as_dtype(dtype)
        return result if dtype == dtypes.bool else math_ops.cast(result, dtype)


def meshgrid(*args, **kwargs):
    """`tf.meshgrid(*args, indexing="xy", name="meshgrid")`: each output is `reshape(x) * ones(shape)`."""
    indexing = kwargs.pop("indexing", "xy")
    name = kwargs.pop("name", "meshgrid")
    if kwargs:
        raise TypeError(f"'{next(iter(kwargs))}' is an invalid keyword argument for this function")
    if indexing not in ("xy", "ij"):
        raise ValueError(f"Argument `indexing` parameter must be either 'xy' or 'ij', got '{indexing}'")
    with get_default_graph().name_scope(name):
        ndim = len(args)
        ones_shape = (1,) * ndim
        output = [shape_ops.reshape(stack(x), ones_shape[:i] + (-1,) + ones_shape[i + 1:])
                  for i, x in enumerate(args)]
        sizes = [shape_ops.size(x) for x in args]
        dtype = convert_to_tensor(args[0]).dtype.base_dtype
        if indexing == "xy" and ndim > 1:
            output[0] = shape_ops.reshape(output[0], (1, -1) + (1,) * (ndim - 2))
            output[1] = shape_ops.reshape(output[1], (-1, 1) + (1,) * (ndim - 2))
            sizes[0], sizes[1] = sizes[1], sizes[0]
        factor = fill_ops.ones(sizes, dtype)
        return [x * factor for x in output]


__all__ = ["reverse", "reverse_v2", "broadcast_to", "broadcast_dynamic_shape", "broadcast_static_shape",
           "where_v2", "space_to_depth", "depth_to_space", "sequence_mask", "meshgrid"]
