"""Build-time helpers of the array-op modules: TF's op-builder naming, constant folding for inference,
and the suffixes TF adds to shape-inference messages.

`build` names like TF's generated op wrappers: the op takes the scope `name or OpType`, and non-Tensor
inputs become Consts named after their argument inside it (`Reshape/shape`, `concat/axis`).
`const_value` / `shape_value` only read the graph (values TF's shape refiner can see at build time);
they never create ops. Kernels of foldable ops accept numpy inputs and then answer with numpy, so
shape arguments stay concrete inside `jax.jit`.
"""
import jax.numpy as jnp
import numpy as np

from scopeflow.framework.constant_op import _flatten, convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.tensor import Tensor

# ops whose kernel folds numpy inputs to numpy (they are written with `xp`)
FOLDABLE = {"Identity", "Pack", "ConcatV2", "StridedSlice", "Slice", "Reshape", "ExpandDims", "Squeeze",
            "Fill", "Range", "Transpose", "Tile", "Cast", "AddV2", "Sub", "Mul", "Prod"}


def xp(*arrays):
    """numpy when every input is concrete numpy (shape arithmetic stays static under jit), else jnp."""
    return np if all(isinstance(a, (np.ndarray, np.generic)) for a in arrays) else jnp


def static(value):
    """A kernel's shape argument as a numpy array; fails (translated by the runtime) if only traced."""
    return np.asarray(value)


def convert(value, hint, name):
    """convert_to_tensor with a dtype hint; lists holding Tensors skip the hint (they are packed)."""
    if isinstance(value, (list, tuple)) and any(isinstance(v, Tensor) for v in _flatten(value)):
        return convert_to_tensor(value, name=name)
    return convert_to_tensor(value, preferred_dtype=hint, name=name)


def build(op_type, name, args, attrs=None, outputs=False):
    """Creates `op_type` the way TF's generated wrappers do; `args` is [(arg_name, value, dtype hint)].

    `attrs` is a dict, or a function of the converted inputs (for index-type attributes like `Tidx`).

    Returns the first output, or the list of outputs when `outputs` is true.
    """
    graph = get_default_graph()
    if all(isinstance(value, Tensor) for _, value, _ in args):
        inputs = [value for _, value, _ in args]
        op = graph._create_op(op_type, inputs, name or op_type, attrs(inputs) if callable(attrs) else attrs)
    else:
        with graph.name_scope(name or op_type) as scope:
            inputs = [convert(value, dtype, arg) for arg, value, dtype in args]
            op = graph._create_op(op_type, inputs, scope, attrs(inputs) if callable(attrs) else attrs)
    return list(op._outputs) if outputs else op._outputs[0]


# ---- build-time values -----------------------------------------------------------------------------
def const_value(tensor, depth=0):
    """The numpy value of `tensor` if TF could compute it at build time, else None."""
    op = tensor._op
    kind = op._type
    if kind == "Const":
        return op._attrs["value"]
    if kind == "Shape":
        shape = op._inputs[0]._shape
        if shape is not None and None not in shape:
            return np.array(shape, op._attrs["out_type"].as_numpy_dtype)
        return None
    if kind not in FOLDABLE or depth > 6:
        return None
    values = [const_value(t, depth + 1) for t in op._inputs]
    if any(v is None for v in values):
        return None
    out = op._decl.kernel(*values, **op._attrs)
    return out[tensor._value_index] if isinstance(out, (list, tuple)) else out


def scalar_value(tensor):
    """A build-time scalar as int, or None (also for an unknown dim picked out of a shape)."""
    value = const_value(tensor)
    if value is not None:
        return int(value) if np.ndim(value) == 0 else None
    if tensor._op._type == "StridedSlice":
        picked = _slice_of_shape(tensor._op)
        if picked is not None and not isinstance(picked, tuple):
            return picked
    return None


def shape_value(tensor):
    """A shape argument as TF's refiner sees it: tuple of int (-1 kept) | None per element, or None."""
    value = const_value(tensor)
    if value is not None:
        return tuple(int(v) for v in np.ravel(value)) if np.ndim(value) == 1 else None
    op = tensor._op
    if op._type == "Shape":
        return op._inputs[0]._shape
    if op._type == "Pack" and op._attrs["axis"] == 0:
        return tuple(scalar_value(t) for t in op._inputs)
    if op._type == "ConcatV2":
        parts = [shape_value(t) for t in op._inputs[:-1]]
        if all(p is not None for p in parts):
            return sum(parts, ())
    if op._type == "StridedSlice":
        picked = _slice_of_shape(op)
        if isinstance(picked, tuple):
            return picked
    shape = tensor._shape
    if shape is not None and len(shape) == 1 and shape[0] is not None:
        return (None,) * shape[0]
    return None


def _slice_of_shape(op):
    """`tf.shape(x)[1]` or `tf.shape(x)[1:]` at build time: an int|None, a tuple, or None if unknown."""
    attrs = op._attrs
    if attrs["ellipsis_mask"] or attrs["new_axis_mask"]:
        return None
    source = shape_value(op._inputs[0])
    spec = [const_value(t) for t in op._inputs[1:]]
    if source is None or any(v is None for v in spec) or any(np.size(v) != 1 for v in spec):
        return None
    begin, end, stride = (int(np.ravel(v)[0]) for v in spec)
    if attrs["shrink_axis_mask"] & 1:
        return source[begin] if -len(source) <= begin < len(source) else None
    start = None if attrs["begin_mask"] & 1 else begin
    stop = None if attrs["end_mask"] & 1 else end
    return tuple(source[start:stop:stride]) if stride else None


# ---- TF's message suffixes -------------------------------------------------------------------------
def _dims_text(shape):
    return "?" if shape is None else "[" + ",".join("?" if d is None else str(d) for d in shape) + "]"


def _values_text(value):
    return "<" + " ".join(str(v) for v in np.ravel(value).tolist()) + ">"


def infer_error(ctx, message, computed=(), partial=(), shapes=True):
    """TF's shape-function ValueError, with the input tensors its refiner evaluated.

    `computed`: input indices whose build-time values TF shows (`input[2] = <0>`); `partial`: indices
    shown as partial shapes (`input[1] = [?,4]`). Inputs without a known value are left out, as in TF.
    """
    text = f"{message} for '{ctx.node_text()}'"
    if shapes:
        text += " with input shapes: " + ", ".join(_dims_text(t._shape) for t in ctx.inputs)
    shown = [(i, const_value(ctx.inputs[i])) for i in computed]
    shown = [f"input[{i}] = {_values_text(v)}" for i, v in shown if v is not None]
    if shown:
        text += " and with computed input tensors: " + ", ".join(shown)
    parts = [(i, shape_value(ctx.inputs[i])) for i in partial]
    parts = [f"input[{i}] = {_dims_text(tuple(None if d is not None and d < 0 else d for d in v))}"
             for i, v in parts if v is not None]
    if parts:
        text += " and with input tensors computed as partial shapes: " + ", ".join(parts)
    return ValueError(text + ".")


def axis_range_error(axis, rank):
    """Python-side axis check of stack/unstack: "Argument `axis` = 3 not in range [-3, 3)"."""
    return ValueError(f"Argument `axis` = {axis} not in range [{-rank}, {rank})")


def num_error(shape):
    """unstack/split without `num`: "Cannot infer argument `num` from shape (?, 3)"."""
    return ValueError(f"Cannot infer argument `num` from shape {shape}")


def merge_dims(fail, a, b, index, shape_a, shape_b):
    """Merges two dims as TF's Merge does, with its message naming the shapes being merged."""
    if a is None:
        return b
    if b is not None and a != b:
        raise fail(f"Dimension {index} in both shapes must be equal, but are {a} and {b}. Shapes are "
                  f"{_dims_text(shape_a)} and {_dims_text(shape_b)}.")
    return a


def merge_shapes(fail, a, b):
    """TF's shape Merge of two `_shape` tuples; `fail(message)` returns the exception to raise."""
    if a is None:
        return b
    if b is None:
        return a
    if len(a) != len(b):
        raise fail(f"Shapes must be equal rank, but are {len(a)} and {len(b)}")
    return tuple(merge_dims(fail, x, y, i, a, b) for i, (x, y) in enumerate(zip(a, b)))
