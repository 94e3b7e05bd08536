"""Optimizers on IndexedSlices gradients: golden cases (tests/golden/indexed_slices.json: three steps of
each optimizer on an embedding-lookup loss with repeated ids, duplicates applied directly, resource
variables, TF's build-time errors), plus the deduplication op against numpy and TF's NotImplementedError
for an optimizer without `_apply_sparse`."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scopeflow as tf
from scopeflow.train import sparse_training_ops
from tests.golden import check_case, load_cases

CASES = [name for name in load_cases("indexed_slices")
         if name.startswith(("sparse_", "apply_", "resource_optimizers"))]


@pytest.mark.parametrize("case", CASES)
def test_golden(case):
    check_case("indexed_slices", case)


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=5, max_size=5))
def test_deduplicate_sums_rows_of_equal_indices(ids):
    values = np.arange(10, dtype=np.float32).reshape(5, 2)
    with tf.Graph().as_default():
        i = tf.placeholder(tf.int32, [5])
        summed, unique = sparse_training_ops.deduplicate(tf.constant(values), i)
        assert (summed.op.name, summed.shape.as_list(), unique.shape.as_list()) == ("Unique", [None, 2], [None])
        with tf.Session() as sess:
            got_values, got_ids = sess.run([summed, unique], {i: ids})
    distinct = sorted(set(ids))
    filler = np.iinfo(np.int32).max
    np.testing.assert_array_equal(got_ids, distinct + [filler] * (5 - len(distinct)))
    for row, index in enumerate(distinct):
        np.testing.assert_array_equal(got_values[row], values[np.asarray(ids) == index].sum(axis=0))


def test_sparse_update_drops_filler_rows(graph):
    w = tf.Variable([[1., 1.], [2., 2.]], name="w")
    accum = tf.Variable(tf.zeros([2, 2]), name="accum")
    filler = np.iinfo(np.int32).max
    update = sparse_training_ops.sparse_apply_op(
        "SparseApplyMomentum", w, [accum], 0.5, [[1., 2.], [5., 5.]], tf.constant([1, filler]), 0.9)
    assert (update.type, update.name) == ("SparseApplyMomentum", "SparseApplyMomentum")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(update)
        np.testing.assert_allclose(sess.run([w, accum]), [[[1., 1.], [1.5, 1.]], [[0., 0.], [1., 2.]]])


class _DenseOnly(tf.train.Optimizer):
    def __init__(self):
        super().__init__(False, "DenseOnly")

    def _apply_dense(self, grad, var):
        return tf.assign_sub(var, grad).op


def test_optimizer_without_apply_sparse_raises_as_tf(graph):
    emb = tf.Variable(np.ones((3, 2), np.float32), name="emb")
    loss = tf.reduce_sum(tf.nn.embedding_lookup(emb, [0, 2]))
    with pytest.raises(NotImplementedError):
        _DenseOnly().minimize(loss)
