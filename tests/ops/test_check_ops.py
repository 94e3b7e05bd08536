"""Check ops: golden cases recorded from TF (tests/golden/ops_check.json) plus hand-written checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_check")


import numpy as np  # noqa: E402
import pytest  # noqa: E402

import scopeflow as tf  # noqa: E402


def test_add_check_numerics_ops_checks_every_float_output():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [2], name="x")
        y = tf.log(x, name="y")
        check = tf.add_check_numerics_ops()
        messages = sorted(op.get_attr("message") for op in tf.get_default_graph().get_operations()
                          if op.type == "CheckNumerics")
        assert messages == [b"x:0", b"y:0"]
        with tf.Session() as sess:
            sess.run([y, check], {x: [1., 2.]})
            with pytest.raises(tf.errors.InvalidArgumentError, match="y:0 : Tensor had NaN values"):
                sess.run([y, check], {x: [1., -2.]})


def test_verify_tensor_all_finite_passes_its_input_through():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float64, [2])
        v = tf.verify_tensor_all_finite(x, "finite?")
        with tf.Session() as sess:
            np.testing.assert_array_equal(sess.run(v, {x: [1., 2.]}), [1., 2.])
            with pytest.raises(tf.errors.InvalidArgumentError, match="finite\\? : Tensor had Inf values"):
                sess.run(v, {x: [np.inf, 2.]})


def test_dynamic_rank_assert_passes_for_a_matching_feed():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32)
        with tf.control_dependencies([tf.assert_rank_in(x, [1, 2]), tf.assert_rank_at_least(x, 1)]):
            y = tf.identity(x)
        with tf.Session() as sess:
            np.testing.assert_array_equal(sess.run(y, {x: [[1.]]}), [[1.]])
            with pytest.raises(tf.errors.InvalidArgumentError, match="must have rank in"):
                sess.run(y, {x: 1.})
