"""tf.while_loop against golden data, plus the scan lowering and gradients through it."""
from tests.golden import golden_test

test_golden = golden_test("control_while")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import scopeflow as tf  # noqa: E402


def _power_loop(x, **kwargs):
    return tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.ones([2])],
                         **kwargs)[1]


def test_static_maximum_iterations_is_differentiable():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [2])
        y = _power_loop(x, maximum_iterations=10)
        g, = tf.gradients(tf.reduce_sum(y), x)
        with tf.Session() as sess:
            got_y, got_g = sess.run([y, g], {x: [1., 2.]})
            np.testing.assert_allclose(got_y, [1., 8.])
            np.testing.assert_allclose(got_g, [3., 12.])   # d(x^3)/dx


def test_loop_without_static_bound_is_not_reverse_differentiable():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [2])
        g, = tf.gradients(tf.reduce_sum(_power_loop(x)), x)
        with tf.Session() as sess:
            with pytest.raises(tf.errors.InvalidArgumentError, match="Reverse-mode differentiation"):
                sess.run(g, {x: [1., 2.]})


@pytest.mark.parametrize("bound", [None, 2, 50])
def test_lowerings_agree_and_stop_at_the_bound(bound):
    with tf.Graph().as_default():
        v = tf.Variable(0.0, name="v")

        def body(i):
            with tf.control_dependencies([tf.assign_add(v, 1.0)]):
                return i + 1

        r = tf.while_loop(lambda i: i < 5, body, [tf.constant(0)], maximum_iterations=bound)
        with tf.Session() as sess:
            sess.run(v.initializer)
            expected = 5 if bound is None else min(5, bound)
            assert sess.run(r) == expected
            assert sess.run(v) == np.float32(expected)   # the body's writes happen only while running


def test_random_in_body_draws_per_iteration():
    with tf.Graph().as_default():
        r = tf.while_loop(lambda i, acc: i < 3,
                          lambda i, acc: (i + 1, tf.concat([acc[1:], tf.random_uniform([1])], 0)),
                          [tf.constant(0), tf.zeros([3])])
        with tf.Session() as sess:
            values = sess.run(r[1])
            assert len(set(values.tolist())) == 3


def test_back_prop_false_stops_gradients():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [2])
        g, = tf.gradients(tf.reduce_sum(_power_loop(x, back_prop=False, maximum_iterations=4)), x)
        with tf.Session() as sess:
            np.testing.assert_allclose(sess.run(g, {x: [1., 2.]}), [0., 0.])
