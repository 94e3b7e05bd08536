"""tf.cond / tf.case against golden data, plus ownership and tracing properties."""
from tests.golden import golden_test

test_golden = golden_test("control_cond")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import scopeflow as tf  # noqa: E402


def test_gradients_through_cond_take_the_branch_that_ran():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [2])
        p = tf.placeholder(tf.bool, [])
        w = tf.Variable([1., 2.], name="w")
        r = tf.cond(p, lambda: x * x * w, lambda: x * 3.)
        gx, gw = tf.gradients(tf.reduce_sum(r), [x, w])
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            got = sess.run([gx, gw], {x: [1., 2.], p: True})
            np.testing.assert_allclose(got[0], [2., 8.])
            np.testing.assert_allclose(got[1], [1., 4.])
            np.testing.assert_allclose(sess.run(gx, {x: [1., 2.], p: False}), [3., 3.])


def test_random_op_in_a_branch_draws_anew_each_run():
    with tf.Graph().as_default():
        p = tf.placeholder(tf.bool, [])
        r = tf.cond(p, lambda: tf.random_uniform([3]), lambda: tf.zeros([3]))
        with tf.Session() as sess:
            a, b = sess.run(r, {p: True}), sess.run(r, {p: True})
            assert a.shape == (3,) and not np.array_equal(a, b)
            np.testing.assert_array_equal(sess.run(r, {p: False}), np.zeros(3, np.float32))


@pytest.mark.parametrize("pred", ["fed", "constant"])
def test_gradient_reuses_the_forward_random_draws(pred):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [])
        p = tf.placeholder(tf.bool, []) if pred == "fed" else tf.constant(True)   # constant: known at trace
        z = tf.cond(p, lambda: x * x * tf.random_uniform([], 1., 2.), lambda: x)
        g, = tf.gradients(z, x)
        feed = {x: 1.5, p: True} if pred == "fed" else {x: 1.5}
        with tf.Session() as sess:
            runs = [sess.run([z, g], feed) for _ in range(2)]
    for got_z, got_g in runs:
        np.testing.assert_allclose(got_g, 2 * got_z / 1.5, rtol=1e-5)   # z = x^2 * draw
    assert runs[0][0] != runs[1][0]


@pytest.mark.parametrize("pred", ["fed", "constant"])
def test_second_gradient_reuses_the_forward_random_draws(pred):
    """A gradient of a gradient re-runs the branch inside the first gradient's re-run: both use the draw
    of the forward (ForwardState)."""
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [])
        p = tf.placeholder(tf.bool, []) if pred == "fed" else tf.constant(True)
        z = tf.cond(p, lambda: x * x * x * x * tf.random_uniform([], 1., 2.), lambda: x)
        g, = tf.gradients(z, x)
        h, = tf.gradients(g, x)
        feed = {x: 1.5, p: True} if pred == "fed" else {x: 1.5}
        with tf.Session() as sess:
            got_z, got_g, got_h = sess.run([z, g, h], feed)
    np.testing.assert_allclose([got_g, got_h], [4 * got_z / 1.5, 12 * got_z / 1.5 ** 2], rtol=1e-5)


def test_assert_in_the_branch_not_taken_does_not_fire():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [])

        def checked():
            with tf.control_dependencies([tf.Assert(x > 0., [x])]):
                return tf.sqrt(x)

        r = tf.cond(x > 0., checked, lambda: -x)
        with tf.Session() as sess:
            assert sess.run(r, {x: 4.}) == np.float32(2.)
            assert sess.run(r, {x: -4.}) == np.float32(4.)


def test_a_branch_writing_a_variable_keeps_it_when_not_taken():
    with tf.Graph().as_default():
        v = tf.Variable(1.0, name="v")
        p = tf.placeholder(tf.bool, [])
        r = tf.cond(p, lambda: tf.assign(v, v * 3.), lambda: v + 0.)
        with tf.Session() as sess:
            sess.run(v.initializer)
            assert sess.run(r, {p: False}) == np.float32(1.)
            assert sess.run(r, {p: True}) == np.float32(3.)
            assert sess.run(v) == np.float32(3.)


def test_branch_results_keep_dtype_and_if_op_is_hidden_from_results():
    with tf.Graph().as_default():
        r = tf.cond(tf.constant(True), lambda: tf.constant(1, tf.int64), lambda: tf.constant(2, tf.int64))
        assert (r.op.type, r.op.inputs[0].op.type, r.dtype.name) == ("Merge", "If", "int64")
        assert r.op.outputs[1].dtype.name == "int32"   # Merge's value_index
        with tf.Session() as sess:
            value, index = sess.run([r, r.op.outputs[1]])
            assert (value, value.dtype, index) == (1, np.int64, 1)



def test_doctests():
    import doctest

    from scopeflow.ops import control_flow_cond, control_flow_while
    for module in (control_flow_cond, control_flow_while):
        assert doctest.testmod(module).failed == 0
