"""Joining and splitting ops: concat, stack / unstack, split, tile, pad, and the auto-packing of lists.

`convert_to_tensor([t, 2.0])` packs through `_autopack` (installed in `constant_op.LIST_PACKER`): a
`Pack` op named `packed`, its non-Tensor elements Consts named by their position (`packed/1`), nested
lists packed in scopes named by position. Messages are TF's (golden: tests/golden/ops_array.json).
"""
from scopeflow.framework import dtypes
from scopeflow.framework import constant_op
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.ops.array_build import (axis_range_error, build, const_value, convert, infer_error, merge_shapes,
                                       num_error, shape_value, static, xp)
from scopeflow.ops.array_ops import identity


def _convert_list(op_type, values):
    """A list input as TF's op builder converts it: Consts `values_0`... in the first Tensor's dtype."""
    dtype = next((v.dtype.base_dtype for v in values if isinstance(v, Tensor)), None)
    tensors = [convert(v, dtype, f"values_{i}") for i, v in enumerate(values)]
    found = [t.dtype.base_dtype for t in tensors]
    if any(d != found[0] for d in found):
        raise TypeError(f"Tensors in list passed to 'values' of '{op_type}' Op have types "
                        f"[{', '.join(d.name for d in found)}] that don't all match.")
    return tensors


# ---- concat -------------------------------------------------------------------------------------------
@op("ConcatV2", attrs={"N": 2, "Tidx": dtypes.int32})
class ConcatV2:
    @staticmethod
    def infer(ctx, *inputs, **_):
        values, axis_index = inputs[:-1], len(inputs) - 1
        dtype = values[0].dtype.base_dtype
        known = [v._shape for v in values if v._shape is not None]
        value = const_value(inputs[-1])
        if not known:
            return [(None, dtype)]
        rank = len(known[0])
        if value is None:
            return [((None,) * rank, dtype)]
        axis = int(value)
        def fail(message):
            return infer_error(ctx, message, computed=[axis_index])
        rest, total = None, 0
        for shape in known:
            if not -len(shape) <= axis < len(shape):
                raise fail(f"Shape must be at least rank {axis + 1 if axis >= 0 else -axis} but is rank "
                           f"{len(shape)}")
            if len(shape) != rank:
                raise fail(f"Shape must be rank {rank} but is rank {len(shape)}")
            a = axis % rank
            rest = merge_shapes(fail, rest, shape[:a] + shape[a + 1:])
            total = None if total is None or shape[a] is None else total + shape[a]
        a = axis % rank
        if len(known) != len(values):
            total = None
        return [(rest[:a] + (total,) + rest[a:], dtype)]

    @staticmethod
    def kernel(*inputs, **_):
        values = inputs[:-1]
        return xp(*values).concatenate(values, axis=int(static(inputs[-1])))


def concat(values, axis, name="concat"):
    """`tf.concat` (op ConcatV2); a single value becomes an Identity named `<scope>/concat`."""
    if not isinstance(values, (list, tuple)):
        values = [values]
    graph = get_default_graph()
    if len(values) == 1:
        with graph.name_scope(name):
            convert(axis, dtypes.int32, "concat_dim")
            return identity(values[0], name=name)
    if not values:
        raise ValueError("List argument 'values' to 'ConcatV2' Op with length 0 shorter than minimum "
                         "length 2.")
    with graph.name_scope(name) as scope:
        tensors = _convert_list("ConcatV2", values)
        axis = convert(axis, dtypes.int32, "axis")
        return graph._create_op("ConcatV2", tensors + [axis], scope,
                                {"N": len(tensors), "Tidx": axis.dtype})._outputs[0]


# ---- stack / unstack ------------------------------------------------------------------------------------
@op("Pack", attrs={"N": 2, "axis": 0})
class Pack:
    @staticmethod
    def infer(ctx, *values, axis, **_):
        shape = None
        for v in values:   # TF's Pack reports these without node text (observed)
            shape = merge_shapes(ValueError, shape, v._shape)
        dtype = values[0].dtype.base_dtype
        if shape is None:
            return [(None, dtype)]
        a = axis + len(shape) + 1 if axis < 0 else axis
        return [(shape[:a] + (len(values),) + shape[a:], dtype)]

    @staticmethod
    def kernel(*values, axis, **_):
        return xp(*values).stack(values, axis=axis)


@op("Unpack", attrs={"num": 1, "axis": 0})
class Unpack:
    @staticmethod
    def infer(ctx, value, *, num, axis):
        dtype, shape = value.dtype.base_dtype, value._shape
        if shape is None:
            return [(None, dtype)] * num
        a = axis % len(shape)
        if shape[a] is not None and shape[a] != num:
            raise infer_error(ctx, f"Dimension must be {num} but is {shape[a]}")
        return [(shape[:a] + shape[a + 1:], dtype)] * num

    @staticmethod
    def kernel(value, *, num, axis):
        a = axis % value.ndim
        return [value[(slice(None),) * a + (i,)] for i in range(num)]


def stack(values, axis=0, name="stack"):
    """`tf.stack` (op Pack); with axis 0 a list of constants becomes one Const named `stack`."""
    if axis == 0:
        try:
            return convert_to_tensor(values, name=name)
        except (TypeError, ValueError):
            pass   # TF retries as an explicit Pack, which reports the problem
    first = convert_to_tensor(values[0], name=name)
    if first._shape is not None:
        rank = len(first._shape) + 1
        if not -rank <= axis < rank:
            raise axis_range_error(axis, rank)
    graph = get_default_graph()
    with graph.name_scope(name) as scope:
        tensors = _convert_list("Pack", values)
        return graph._create_op("Pack", tensors, scope, {"N": len(tensors), "axis": axis})._outputs[0]


def unstack(value, num=None, axis=0, name="unstack"):
    """`tf.unstack` (op Unpack): `num` comes from the static shape when not given."""
    if num is None:
        value = convert_to_tensor(value)
        shape = value.shape
        if shape.ndims is None:
            raise num_error(shape)
        if not -shape.ndims <= axis < shape.ndims:
            raise axis_range_error(axis, shape.ndims)
        num = shape[axis].value
        if num is None:
            raise num_error(shape)
    return build("Unpack", name, [("value", value, None)], {"num": num, "axis": axis}, outputs=True)


def _autopack(value, dtype=None, name=None):
    """`convert_to_tensor` of a (nested) list holding Tensors: `Pack` ops, TF's names and checks."""
    tensors = [v for v in constant_op._flatten(value) if isinstance(v, Tensor)]
    requested = dtype is not None
    dtype = dtypes.as_dtype(dtype).base_dtype if requested else tensors[0].dtype.base_dtype
    for t in tensors:
        if t.dtype.base_dtype != dtype and not requested:
            raise TypeError(f"Cannot convert a list containing a tensor of dtype {t.dtype} to {dtype} "
                            f"(Tensor is: {t!r})")
    if requested and any(t.dtype.base_dtype != dtype for t in tensors):
        value = _cast_nested(value, dtype)
    return _pack_nested(value, dtype, name or "packed")


def _cast_nested(items, dtype):
    """A requested dtype casts the Tensors first (TF's `Cast` ops, outside the `packed` scope)."""
    from scopeflow.ops.math_ops import cast   # sibling family, imported only when a cast is needed
    return [_cast_nested(v, dtype) if isinstance(v, (list, tuple)) else
            cast(v, dtype) if isinstance(v, Tensor) and v.dtype.base_dtype != dtype else v for v in items]


def _pack_nested(items, dtype, name):
    graph = get_default_graph()
    with graph.name_scope(name) as scope:
        converted = []
        must_pack = False
        for i, item in enumerate(items):
            if isinstance(item, (list, tuple)):
                item = _pack_nested(item, dtype, str(i))
            must_pack = must_pack or isinstance(item, Tensor)
            converted.append(item)
        if not must_pack:
            return converted
        tensors = [v if isinstance(v, Tensor) else constant(v, dtype=dtype, name=str(i))
                   for i, v in enumerate(converted)]
        return graph._create_op("Pack", tensors, scope, {"N": len(tensors), "axis": 0})._outputs[0]


constant_op.LIST_PACKER[0] = _autopack


# ---- split ----------------------------------------------------------------------------------------------
def _split_axis(ctx, shape, value, index):
    rank = len(shape)
    axis = int(value)
    if not -rank <= axis < rank:
        raise infer_error(ctx, f"Dimension size, given by scalar input {axis} must be in range "
                               f"[{-rank}, {rank})", computed=[index])
    return axis % rank


@op("Split", attrs={"T": None, "num_split": 1}, type_attr=None)
class Split:
    @staticmethod
    def infer(ctx, split_dim, value, *, num_split, **_):
        dtype, shape = value.dtype.base_dtype, value._shape
        axis = const_value(split_dim)
        if shape is None or axis is None:
            return [(None if shape is None else (None,) * len(shape), dtype)] * num_split
        a = _split_axis(ctx, shape, axis, 0)
        d = shape[a]
        if d is not None and d % num_split:
            raise ValueError(f"Dimension size must be evenly divisible by {num_split} but is {d}")
        part = None if d is None else d // num_split
        return [(shape[:a] + (part,) + shape[a + 1:], dtype)] * num_split

    @staticmethod
    def kernel(split_dim, value, *, num_split, **_):
        return xp(value).split(value, num_split, axis=int(static(split_dim)))


@op("SplitV", attrs={"Tlen": dtypes.int32, "num_split": 1})
class SplitV:
    @staticmethod
    def infer(ctx, value, size_splits, split_dim, *, num_split, **_):
        dtype, shape = value.dtype.base_dtype, value._shape
        axis = const_value(split_dim)
        if shape is None or axis is None:
            return [(None if shape is None else (None,) * len(shape), dtype)] * num_split
        a = _split_axis(ctx, shape, axis, 2)
        sizes = shape_value(size_splits)
        d = shape[a]
        if sizes is None or len(sizes) != num_split:
            return [(shape[:a] + (None,) + shape[a + 1:], dtype)] * num_split
        sizes = list(sizes)
        inferred = [i for i, s in enumerate(sizes) if s is not None and s < 0]
        total = sum(s for s in sizes if s is not None and s >= 0)
        if d is not None and None not in sizes:
            if (not inferred and total != d) or (inferred and total > d):
                raise infer_error(ctx, f"can't split axis of size {d} into pieces of size "
                                       f"[{','.join(str(s) for s in sizes)}]", computed=[1, 2])
            if len(inferred) == 1:
                sizes[inferred[0]] = d - total
        sizes = [None if s is None or s < 0 else s for s in sizes]
        return [(shape[:a] + (s,) + shape[a + 1:], dtype) for s in sizes]

    @staticmethod
    def kernel(value, size_splits, split_dim, **_):
        axis = int(static(split_dim)) % value.ndim
        sizes = [int(s) for s in static(size_splits)]
        if -1 in sizes:
            sizes[sizes.index(-1)] = value.shape[axis] - (sum(sizes) + 1)
        module = xp(value)
        bounds = [sum(sizes[:i + 1]) for i in range(len(sizes) - 1)]
        return module.split(value, bounds, axis=axis)


def split(value, num_or_size_splits, axis=0, num=None, name="split"):
    """`tf.split`: `Split` for a number of pieces, `SplitV` for a list of sizes."""
    if isinstance(num_or_size_splits, int) and not isinstance(num_or_size_splits, bool):
        return build("Split", name, [("split_dim", axis, dtypes.int32), ("value", value, None)],
                     lambda ins: {"T": ins[1].dtype.base_dtype, "num_split": num_or_size_splits},
                     outputs=True)
    size_splits = convert_to_tensor(num_or_size_splits)
    if num is None:
        shape = size_splits.shape
        num = shape[0].value if shape.ndims == 1 else None
        if num is None:
            raise num_error(shape)
    return build("SplitV", name, [("value", value, None), ("size_splits", size_splits, None),
                                  ("split_dim", axis, dtypes.int32)],
                 lambda ins: {"Tlen": ins[1].dtype, "num_split": num}, outputs=True)


# ---- tile and pad ---------------------------------------------------------------------------------------
@op("Tile", attrs={"Tmultiples": dtypes.int32})
class Tile:
    @staticmethod
    def infer(ctx, x, multiples, **_):
        dtype, shape = x.dtype.base_dtype, x._shape
        if multiples._shape is not None and len(multiples._shape) != 1:
            raise infer_error(ctx, f"Shape must be rank 1 but is rank {len(multiples._shape)}")
        factors = shape_value(multiples)
        if factors is None:
            return [(None if shape is None else (None,) * len(shape), dtype)]
        if shape is None:
            return [((None,) * len(factors), dtype)]
        if len(factors) != len(shape):
            raise infer_error(ctx, f"Shape must be rank {len(shape)} but is rank {len(factors)}")
        return [(tuple(None if d is None or k is None else d * k for d, k in zip(shape, factors)), dtype)]

    @staticmethod
    def kernel(x, multiples, **_):
        return xp(x).tile(x, tuple(int(k) for k in static(multiples)))


def _pad_infer(ctx, x, paddings, *rest, **_):
    dtype, shape = x.dtype.base_dtype, x._shape
    spec = paddings._shape
    if spec is not None and len(spec) != 2:
        raise infer_error(ctx, f"Shape must be rank 2 but is rank {len(spec)}")
    if spec is not None and spec[1] is not None and spec[1] != 2:
        raise infer_error(ctx, f"Dimension must be 2 but is {spec[1]}")
    rows = None if spec is None else spec[0]
    if rows is not None and shape is not None and len(shape) != rows:
        raise infer_error(ctx, f"Shape must be rank {rows} but is rank {len(shape)}")
    rank = rows if shape is None else len(shape)
    value = const_value(paddings)
    if value is None:
        return [(None if rank is None else (None,) * rank, dtype)]
    dims = shape if shape is not None else (None,) * len(value)
    return [(tuple(None if d is None else d + int(a) + int(b) for d, (a, b) in zip(dims, value.tolist())),
             dtype)]


_MIRROR = {"REFLECT": "reflect", "SYMMETRIC": "symmetric"}


def _pad_kernel(x, paddings, constant_values=None, *, mode=None, **_):
    widths = [(int(a), int(b)) for a, b in static(paddings)]
    module = xp(x) if constant_values is None else xp(x, constant_values)
    if mode is not None:
        return module.pad(x, widths, mode=_MIRROR[mode])
    fill = 0 if constant_values is None else constant_values
    return module.pad(x, widths, constant_values=fill)


for _type, _attrs in (("Pad", {"Tpaddings": dtypes.int32}), ("PadV2", {"Tpaddings": dtypes.int32}),
                      ("MirrorPad", {"Tpaddings": dtypes.int32, "mode": "REFLECT"})):
    op(_type, attrs=_attrs)(type(_type, (), {"infer": staticmethod(_pad_infer),
                                              "kernel": staticmethod(_pad_kernel)}))


def tile(input, multiples, name=None):  # noqa: A002  TF's argument name
    """`tf.tile`: repeats `input` `multiples[i]` times along each dimension."""
    return build("Tile", name, [("input", input, None), ("multiples", multiples, dtypes.int32)],
                 lambda ins: {"Tmultiples": ins[1].dtype})


def pad(tensor, paddings, mode="CONSTANT", name=None, constant_values=0):
    """`tf.pad`: `Pad` (zeros), `PadV2` (other constant) or `MirrorPad` (REFLECT / SYMMETRIC)."""
    mode = mode.upper()
    args = [("input", tensor, None), ("paddings", paddings, dtypes.int32)]
    if mode in _MIRROR:
        return build("MirrorPad", name, args, lambda ins: {"Tpaddings": ins[1].dtype, "mode": mode})
    if mode != "CONSTANT":
        raise ValueError(f"Unknown padding mode: {mode}")
    if not isinstance(constant_values, Tensor) and constant_values == 0:
        return build("Pad", name, args, lambda ins: {"Tpaddings": ins[1].dtype})
    graph = get_default_graph()
    with graph.name_scope(name or "PadV2") as scope:
        tensor = convert_to_tensor(tensor, name="input")
        paddings = convert(paddings, dtypes.int32, "paddings")
        fill = convert_to_tensor(constant_values, dtype=tensor.dtype.base_dtype, name="constant_values")
        return graph._create_op("PadV2", [tensor, paddings, fill], scope,
                                {"Tpaddings": paddings.dtype})._outputs[0]


__all__ = ["concat", "stack", "unstack", "split", "tile", "pad"]
