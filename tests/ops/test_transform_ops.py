"""Transform ops: golden cases recorded from TF (tests/golden/ops_transform.json) plus hand-written checks."""
from scopeflow.framework.registry import REGISTRY
from tests.golden import golden_test

# reduce_logsumexp builds StopGradient, declared by the gradients module (issue 5, part G)
test_golden = golden_test("ops_transform", xfail={} if "StopGradient" in REGISTRY else {
    "reduce_logsumexp_runs": "StopGradient is not declared yet (owned by ops/gradients_impl.py)"})


import numpy as np  # noqa: E402
import pytest  # noqa: E402

import scopeflow as tf  # noqa: E402


@pytest.mark.parametrize("data_format", ["NHWC", "NCHW"])
def test_depth_to_space_inverts_space_to_depth(data_format):
    value = np.arange(2 * 4 * 6 * 3, dtype=np.float32).reshape(2, 4, 6, 3)
    if data_format == "NCHW":
        value = value.transpose(0, 3, 1, 2)
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, value.shape)
        packed = tf.space_to_depth(x, 2, data_format=data_format)
        back = tf.depth_to_space(packed, 2, data_format=data_format)
        with tf.Session() as sess:
            p, b = sess.run([packed, back], {x: value})
    assert p.shape == ((2, 2, 3, 12) if data_format == "NHWC" else (2, 12, 2, 3))
    np.testing.assert_array_equal(b, value)


def test_where_v2_broadcasts_and_broadcast_to_follows_fed_shapes():
    with tf.Graph().as_default():
        c = tf.placeholder(tf.bool, [None, 1])
        picked = tf.where_v2(c, tf.constant([1, 2, 3]), -1)
        grown = tf.broadcast_to(tf.placeholder_with_default([1., 2.], [2]), [3, 2])
        with tf.Session() as sess:
            p, g = sess.run([picked, grown], {c: [[True], [False]]})
    np.testing.assert_array_equal(p, [[1, 2, 3], [-1, -1, -1]])
    np.testing.assert_array_equal(g, [[1., 2.]] * 3)
