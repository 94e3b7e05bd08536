"""tf.IndexedSlices: golden cases of the class, its dense conversion, fetches and the gather gradient
(tests/golden/indexed_slices.json; the optimizer cases run in tests/train/test_sparse_updates.py), plus
the conversion warnings, the gradient op differentiating only the gathered rows, and a property of the
dense conversion against numpy."""
import doctest
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scopeflow as tf
from scopeflow.framework import indexed_slices
from tests.golden import check_case, load_cases

OPTIMIZER_CASES = ("sparse_", "apply_", "resource_optimizers")
CASES = [name for name in load_cases("indexed_slices") if not name.startswith(OPTIMIZER_CASES)]


@pytest.mark.parametrize("case", CASES)
def test_golden(case):
    check_case("indexed_slices", case)


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _slices(dense_shape):
    return tf.IndexedSlices(tf.constant([[1., 2.]]), tf.constant([0]), dense_shape)


def test_unknown_dense_shape_warns_as_tf_1_15(graph):
    p = tf.placeholder(tf.int32, [2])
    with pytest.warns(UserWarning, match="Converting sparse IndexedSlices to a dense Tensor of unknown shape. "
                                         "This may consume a large amount of memory."):
        tf.convert_to_tensor(_slices(p))


def test_large_dense_shape_warns_and_small_does_not(graph):
    with pytest.warns(UserWarning, match="to a dense Tensor with 100000000 elements"):
        tf.convert_to_tensor(_slices(tf.constant([100000, 1000])))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert tf.convert_to_tensor(_slices(tf.constant([3, 2]))).shape.as_list() == [3, 2]


def test_gradient_op_differentiates_the_gathered_rows_only(graph):
    emb = tf.Variable(np.ones((1000, 4), np.float32), name="emb")
    e = tf.nn.embedding_lookup(emb, [3, 5, 3])
    g = tf.gradients(tf.reduce_sum(e * e), emb)[0]
    gradient = g.values.op.inputs[0].op
    assert gradient.type == "SymbolicGradient"
    assert gradient.outputs[0].shape.as_list() == [3, 4]        # never [1000, 4]
    assert emb.op.outputs[0] not in gradient.inputs and emb.value() not in gradient.inputs
    assert list(gradient.get_attr("plan").sparse) == [emb.op.outputs[0]]


def test_indexed_slices_attributes_and_consumers(graph):
    values, indices, shape = tf.constant([[1., 2.]]), tf.constant([0]), tf.constant([3, 2])
    s = tf.IndexedSlices(values, indices, shape)
    assert (s.name, s.dtype, s.op, s.graph) == (values.name, tf.float32, values.op, graph)
    assert s.consumers() == []
    doubled = s.values * 2.
    assert s.consumers() == [doubled.op]
    assert repr(s).startswith("<scopeflow.framework.indexed_slices.IndexedSlices object at ")


def test_fetch_with_feed_and_value_type(graph):
    p = tf.placeholder(tf.float32, [None, 2])
    s = tf.IndexedSlices(p * 2., tf.constant([1, 0]), tf.shape(p))
    with tf.Session() as sess:
        value = sess.run(s, {p: [[1., 2.], [3., 4.]]})
    assert isinstance(value, tf.IndexedSlicesValue)
    np.testing.assert_array_equal(value.values, [[2., 4.], [6., 8.]])
    np.testing.assert_array_equal(value.dense_shape, [2, 2])


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=6, max_size=6),
       st.lists(st.floats(-4, 4, width=32), min_size=12, max_size=12))
def test_dense_conversion_sums_duplicate_rows(ids, flat):
    values = np.asarray(flat, np.float32).reshape(6, 2)
    expected = np.zeros((5, 2), np.float32)
    np.add.at(expected, ids, values)
    with tf.Graph().as_default():
        v, i = tf.placeholder(tf.float32, [6, 2]), tf.placeholder(tf.int32, [6])
        dense = tf.convert_to_tensor(tf.IndexedSlices(v, i, tf.constant([5, 2])))
        with tf.Session() as sess:
            np.testing.assert_allclose(sess.run(dense, {v: values, i: ids}), expected, rtol=1e-6, atol=1e-6)


def test_doctests():
    assert doctest.testmod(indexed_slices).failed == 0
