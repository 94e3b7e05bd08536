"""The optimizers' sparse update ops (`SparseApplyMomentum`, `SparseApplyAdagrad`, `SparseApplyRMSProp`,
`SparseApplyCenteredRMSProp`, `SparseApplyFtrl`, `SparseApplyFtrlV2`, `SparseApplyAdadelta`, each with its
`ResourceSparseApply*` twin) and the deduplication of an IndexedSlices gradient.

A sparse update reads the rows of the variable and its slots at `indices`, applies the dense kernel's
arithmetic (training_ops.py) to those rows only and writes them back: rows not indexed keep their values
and slots, as in TF's kernels (golden: tests/golden/indexed_slices.json). The ops expect distinct indices,
which `deduplicate` provides: TF's optimizer sums duplicate rows with Unique + UnsortedSegmentSum, whose
row count is known only at run time; XLA needs it at compile time, so here one private op
`_UniqueSegmentSum` returns as many rows as it got, the duplicates' places holding an out-of-range index
that every update drops (jax scatters drop out-of-range rows).
"""
import jax.numpy as jnp

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.registry import declare
from scopeflow.framework.scopes import name_scope
from scopeflow.ops.common import create
from scopeflow.ops.state_ops import convert_input, merge_shapes
from scopeflow.train import training_ops as dense

_INDEX_TYPES = (dtypes.int32, dtypes.int64)


# ---- deduplication --------------------------------------------------------------------------------------
def _unique_sum_infer(ctx, values, indices, **_):
    """TF's checks of Unique (indices of rank 1) and UnsortedSegmentSum (one value row per index)."""
    if indices._shape is not None and len(indices._shape) != 1:
        raise ctx.error(f"Shape must be rank 1 but is rank {len(indices._shape)}")
    if values._shape and indices._shape and None not in (values._shape[0], indices._shape[0]) \
            and values._shape[0] != indices._shape[0]:
        raise ctx.error(f"Dimensions must be equal, but are {values._shape[0]} and {indices._shape[0]}")
    rows = None if values._shape is None else (None,) + values._shape[1:]
    return [(rows, values.dtype.base_dtype), ((None,), indices.dtype.base_dtype)]


def _unique_sum_kernel(values, indices, **_):
    """Distinct indices (ascending, then out-of-range fillers) and the summed values of each."""
    count = indices.shape[0]
    filler = jnp.iinfo(indices.dtype).max
    unique, inverse = jnp.unique(indices, size=count, fill_value=filler, return_inverse=True)
    summed = jnp.zeros(values.shape, values.dtype).at[jnp.ravel(inverse)].add(values)
    return [summed, unique]


declare("_UniqueSegmentSum", _unique_sum_infer, _unique_sum_kernel, attrs={"T": None, "Tindices": None},
        type_attr=None)


def deduplicate(values, indices):
    """(summed values, distinct indices) of an IndexedSlices gradient, as TF's `_deduplicate_indexed_slices`
    (an op named `Unique`, as TF's first op of that step)."""
    values, indices = convert_to_tensor(values), convert_to_tensor(indices)
    outputs = create("_UniqueSegmentSum", [values, indices], "Unique", T=values.dtype.base_dtype,
                     Tindices=indices.dtype.base_dtype).outputs
    return outputs[0], outputs[1]


# ---- sparse updates -------------------------------------------------------------------------------------
# TF type -> (input names, how many leading inputs are references, dense row update, extra attributes)
_SPARSE = {
    "SparseApplyMomentum": (("var", "accum", "lr", "grad", "indices", "momentum"), 2, dense._momentum,
                            {"use_nesterov": False}),
    "SparseApplyAdagrad": (("var", "accum", "lr", "grad", "indices"), 2, dense._adagrad, {"update_slots": True}),
    "SparseApplyRMSProp": (("var", "ms", "mom", "lr", "rho", "momentum", "epsilon", "grad", "indices"), 3,
                           dense._rmsprop, {}),
    "SparseApplyCenteredRMSProp": (("var", "mg", "ms", "mom", "lr", "rho", "momentum", "epsilon", "grad",
                                    "indices"), 4, dense._centered_rmsprop, {}),
    "SparseApplyFtrl": (("var", "accum", "linear", "grad", "indices", "lr", "l1", "l2", "lr_power"), 3, dense._ftrl,
                        {"multiply_linear_by_lr": False}),
    "SparseApplyFtrlV2": (("var", "accum", "linear", "grad", "indices", "lr", "l1", "l2", "l2_shrinkage",
                           "lr_power"), 3, dense._ftrl_v2, {"multiply_linear_by_lr": False}),
    "SparseApplyAdadelta": (("var", "accum", "accum_update", "lr", "rho", "epsilon", "grad", "indices"), 3,
                            dense._adadelta, {}),
}
_SLOT_ARGS = {"var", "accum", "ms", "mom", "mg", "accum_update", "linear"}


def _declare_sparse(tf_type, names, n_refs, update, extra):
    """Declares `tf_type` on ref variables (outputs the variable's ref) and `Resource<tf_type>` on handles."""
    grad_at, indices_at = names.index("grad"), names.index("indices")
    slot_positions = {i for i, n in enumerate(names) if n in _SLOT_ARGS}

    def check(ctx, inputs, first):
        shape = None
        for i, t in enumerate(inputs):
            if i in slot_positions and i >= first:
                shape = merge_shapes(ctx, shape, t._shape)
            elif i not in slot_positions and i not in (grad_at, indices_at) and t._shape not in (None, ()):
                raise ctx.error(f"Shape must be rank 0 but is rank {len(t._shape)}")
        indices, grad = inputs[indices_at]._shape, inputs[grad_at]._shape
        if indices is not None and len(indices) != 1:
            raise ctx.error(f"Shape must be rank 1 but is rank {len(indices)}")
        if grad is not None and shape is not None:   # TF merges the var with the grad's shape [?, ...]
            merge_shapes(ctx, shape, (None,) + grad[1:])
        if grad is not None and indices is not None and None not in (grad[0], indices[0]) \
                and grad[0] != indices[0]:
            raise ctx.error(f"Dimensions must be equal, but are {indices[0]} and {grad[0]}")
        return shape

    def ref_infer(ctx, *inputs, **_):
        return [(check(ctx, inputs, 0), inputs[0].dtype)]

    def resource_infer(ctx, *inputs, **_):
        check(ctx, inputs, n_refs)
        return []

    def run(ctx, args, attrs):
        refs = args[:n_refs]
        tables = [ctx.read(r.key) for r in refs]
        indices = args[indices_at]
        rows = [jnp.take(table, indices, axis=0, mode="clip") for table in tables]
        values = [ctx.read(a.key) if hasattr(a, "key") else a
                  for i, a in enumerate(args[n_refs:], n_refs) if i != indices_at]
        new_rows = update(*rows, *values, **{k: attrs[k] for k in extra})
        for ref, table, new in zip(refs, tables, new_rows):
            ctx.write(ref.key, table.at[indices].set(new.astype(table.dtype), mode="drop"))
        return refs[0]

    def ref_kernel(ctx, *args, **attrs):
        return run(ctx, args, attrs)

    def resource_kernel(ctx, *args, **attrs):
        run(ctx, args, attrs)
        return []

    flags = dict(attrs={"T": None, "Tindices": dtypes.int32, "use_locking": False, **extra}, type_attr=None,
                 context=True, ref_inputs=True)
    declare(tf_type, ref_infer, ref_kernel, **flags)
    declare("Resource" + tf_type, resource_infer, resource_kernel, **flags)


for _type, (_names, _n_refs, _update, _extra) in _SPARSE.items():
    _declare_sparse(_type, _names, _n_refs, _update, _extra)


def sparse_apply_op(tf_type, var, slots, *values, name=None, **attrs):
    """Builds the sparse update `tf_type` of `var` with its slot Variables `slots` and `values` (including
    `grad` and `indices`) in TF's input order; a resource variable gets `Resource<tf_type>`. Returns the
    Operation."""
    names = _SPARSE[tf_type][0][1 + len(slots):]
    dtype = var.dtype.base_dtype
    if var._is_resource:
        tf_type = "Resource" + tf_type
    with name_scope(name, tf_type, [var]) as scope:
        inputs = [var._ref()] + [slot._ref() for slot in slots]
        for arg, value in zip(names, values):
            if arg == "indices":
                indices = convert_to_tensor(value, name="indices")
                if indices.dtype.base_dtype not in _INDEX_TYPES:
                    raise TypeError(f"Value passed to parameter 'indices' has DataType {indices.dtype.name} not "
                                    "in list of allowed values: int32, int64")
                inputs.append(indices)
            else:
                inputs.append(convert_input(tf_type, value, dtype, arg, "var"))
        return create(tf_type, inputs, scope, T=dtype, Tindices=indices.dtype.base_dtype, **attrs)


__all__ = ["deduplicate", "sparse_apply_op"]
