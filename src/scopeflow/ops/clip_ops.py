"""Clipping: clip_by_value, clip_by_norm, global_norm, clip_by_global_norm, clip_by_average_norm.

Each is TF's composite of element-wise ops under its name scope, op for op (golden:
tests/golden/ops_clip.json): clip_by_value is Minimum then Maximum (not the ClipByValue op), norms use
the NaN-propagating formulas TF uses (`scale + (norm - norm)`), and the clipped tensors of
clip_by_global_norm are Identities named `<scope>/<scope>_<i>` as TF's `name % i` produces.
"""
import collections.abc

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant, convert_to_tensor
from scopeflow.framework.indexed_slices import IndexedSlices
from scopeflow.framework.scopes import colocate_with, name_scope
from scopeflow.ops import fill_ops, math_ops, shape_ops
from scopeflow.ops.array_ops import identity
from scopeflow.ops.join_ops import stack
from scopeflow.ops.nn_ops import l2_loss
from scopeflow.ops.reduction_ops import reduce_sum
from scopeflow.ops.slicing import where


def _check_compatible(values, result):
    """TF keeps the clipped shape: a bound that broadcasts `t` larger is a ValueError."""
    values.shape.assert_is_compatible_with(result.shape)


def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    """`tf.clip_by_value`: `maximum(minimum(t, max), min)`, the Maximum named after the scope."""
    with name_scope(name, "clip_by_value", [t, clip_value_min, clip_value_max]) as scope:
        values = convert_to_tensor(t, name="t")
        t_min = math_ops.minimum(values, clip_value_max)
        _check_compatible(values, t_min)
        t_max = math_ops.maximum(t_min, clip_value_min, name=scope)
        _check_compatible(values, t_max)
        return t_max


def clip_by_norm(t, clip_norm, axes=None, name=None):
    """`tf.clip_by_norm`: `t * clip_norm / max(l2norm(t, axes), clip_norm)`, an Identity named `name`."""
    with name_scope(name, "clip_by_norm", [t, clip_norm]) as scope:
        values = convert_to_tensor(t, name="t")
        l2sum = reduce_sum(values * values, axes, keepdims=True)
        positive = l2sum > 0
        # the square root only of positive sums, so the gradient at zero stays finite
        l2sum_safe = where(positive, l2sum, fill_ops.ones_like(l2sum))
        l2norm = where(positive, math_ops.sqrt(l2sum_safe), l2sum)
        intermediate = values * clip_norm
        values.shape.merge_with(intermediate.shape)
        return identity(intermediate / math_ops.maximum(l2norm, clip_norm), name=scope)


def _values(t):
    """What a norm sees of `t`: an IndexedSlices' values (duplicate rows are not summed), as TF."""
    return t.values if isinstance(t, IndexedSlices) else t


def _check_sequence(t_list):
    if not isinstance(t_list, collections.abc.Sequence) or isinstance(t_list, str):
        raise TypeError(f"`t_list` should be a sequence of tensors. Received {type(t_list)}.")


def global_norm(t_list, name=None):
    """`tf.global_norm`: `sqrt(sum(l2_loss(t)) * 2)` over the non-None tensors, op `global_norm`."""
    _check_sequence(t_list)
    t_list = list(t_list)
    with name_scope(name, "global_norm", t_list):
        values = [None if t is None else convert_to_tensor(_values(t), name=f"t_{i}") for i, t in enumerate(t_list)]
        halves = []
        for v in values:
            if v is not None:
                with colocate_with(v):
                    halves.append(l2_loss(v))
        half_squared = reduce_sum(stack(halves))
        two = constant(2.0, dtype=half_squared.dtype.base_dtype)
        return math_ops.sqrt(half_squared * two, name="global_norm")


def clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None):
    """`tf.clip_by_global_norm`: `(clipped list, global norm)`; a non-finite norm gives NaN tensors."""
    _check_sequence(t_list)
    t_list = list(t_list)
    if use_norm is None:
        use_norm = global_norm(t_list, name)
    with name_scope(name, "clip_by_global_norm", t_list + [clip_norm]) as scope:
        one = constant(1.0, dtype=use_norm.dtype.base_dtype)
        scale_for_finite = clip_norm * math_ops.minimum(1.0 / use_norm, one / clip_norm)
        scale = scale_for_finite + (use_norm - use_norm)   # NaN when the norm is not finite
        values = [None if t is None else convert_to_tensor(_values(t), name=f"t_{i}") for i, t in enumerate(t_list)]
        clipped = []
        for i, v in enumerate(values):
            if v is None:
                clipped.append(None)
                continue
            with colocate_with(v):
                clipped.append(identity(v * scale, name=f"{scope}_{i}"))
        clipped = [IndexedSlices(c, t.indices, t.dense_shape) if isinstance(t, IndexedSlices) else c
                   for c, t in zip(clipped, t_list)]
        return clipped, use_norm


def clip_by_average_norm(t, clip_norm, name=None):
    """`tf.clip_by_average_norm`: clips by the L2 norm divided by the number of elements."""
    with name_scope(name, "clip_by_average_norm", [t, clip_norm]) as scope:
        t = convert_to_tensor(t, name="t")
        n_element = math_ops.cast(shape_ops.size(t), dtypes.float32)
        l2norm_inv = math_ops.rsqrt(reduce_sum(t * t, fill_ops.range(shape_ops.rank(t))))
        scaled = t * clip_norm
        factor = math_ops.minimum(l2norm_inv * n_element, constant(1.0) / clip_norm)
        return identity(scaled * factor, name=scope)


__all__ = ["clip_by_value", "clip_by_norm", "global_norm", "clip_by_global_norm", "clip_by_average_norm"]
