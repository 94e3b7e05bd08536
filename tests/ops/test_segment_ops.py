"""Segment ops: golden cases recorded from TF (tests/golden/ops_segment.json) plus hand-written checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_segment")


import numpy as np  # noqa: E402
import pytest  # noqa: E402

import scopeflow as tf  # noqa: E402


def test_unsorted_segments_take_fed_ids_and_sorted_ones_need_known_ids():
    with tf.Graph().as_default():
        data = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
        ids = tf.placeholder(tf.int32, [3], name="ids")
        total = tf.unsorted_segment_sum(data, ids, 2)
        mean = tf.unsorted_segment_mean(data, ids, 3)
        sorted_sum = tf.segment_sum(data, ids, name="ss")
        with tf.Session() as sess:
            t, m = sess.run([total, mean], {ids: [1, 1, 0]})
            np.testing.assert_allclose(t, [[5., 6.], [4., 6.]])
            np.testing.assert_allclose(m, [[5., 6.], [2., 3.], [0., 0.]])
            with pytest.raises(tf.errors.UnimplementedError, match="SegmentSum") as info:
                sess.run(sorted_sum, {ids: [0, 0, 1]})
            assert info.value.op is sorted_sum.op


def test_bincount_with_equal_min_and_max_length_runs_on_fed_values():
    with tf.Graph().as_default():
        arr = tf.placeholder(tf.int32, [None])
        counts = tf.bincount(arr, minlength=4, maxlength=4)
        assert str(counts.shape) == "(4,)"
        with tf.Session() as sess:
            np.testing.assert_array_equal(sess.run(counts, {arr: [0, 3, 3, 7, 1]}), [1, 1, 0, 2])
