"""Gather ops: golden cases recorded from TF (tests/golden/ops_gather.json) plus hand-written checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_gather", xfail={
})


import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import scopeflow as tf  # noqa: E402


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(-3, 3), min_size=1, max_size=8))
def test_unique_of_a_constant_rebuilds_its_input_in_first_occurrence_order(values):
    with tf.Graph().as_default():
        y, idx = tf.unique(tf.constant(values, tf.int64))
        with tf.Session() as sess:
            y, idx = sess.run([y, idx])
    np.testing.assert_array_equal(y[idx], values)
    assert list(y) == list(dict.fromkeys(values))
    assert idx.dtype == np.int32


def test_value_dependent_sizes_of_fed_values_are_unimplemented_naming_the_op():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.int32, [3], name="x")
        y, _ = tf.unique(x, name="u")
        parts = tf.dynamic_partition(tf.constant([1., 2., 3.]), x, 2, name="dp")
        with tf.Session() as sess:
            with pytest.raises(tf.errors.UnimplementedError, match=r"Unique: the output shape depends on the values "
                                                                   r"of its input") as info:
                sess.run(y, {x: [1, 2, 1]})
            assert info.value.op is y.op and "{{node u}}" in info.value.message
            with pytest.raises(tf.errors.UnimplementedError, match="DynamicPartition"):
                sess.run(parts, {x: [0, 1, 0]})


def test_fed_indices_and_updates_run_in_one_program():
    with tf.Graph().as_default():
        i = tf.placeholder(tf.int32, [None, 1])
        u = tf.placeholder(tf.float32, [None])
        scattered = tf.scatter_nd(i, u, [4])
        gathered = tf.gather_nd(scattered, i)
        with tf.Session() as sess:
            s, g = sess.run([scattered, gathered], {i: [[3], [0], [3]], u: [1., 2., 4.]})
    np.testing.assert_allclose(s, [2., 0., 0., 5.])       # duplicates add up, as TF's ScatterNd
    np.testing.assert_allclose(g, [5., 2., 5.])
