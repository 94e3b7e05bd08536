"""tf.map_fn / foldl / foldr / scan against golden data, plus gradients through them."""
from tests.golden import golden_test

test_golden = golden_test("control_functional")

import numpy as np  # noqa: E402

import scopeflow as tf  # noqa: E402


def test_gradients_through_map_fn_scan_and_folds():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [2])
        w = tf.Variable([1., 2.], name="w")
        m = tf.map_fn(lambda e: e * e * w, tf.stack([x, x + 1.]))
        s = tf.scan(lambda a, e: a * e, x, initializer=tf.constant(2.))
        f = tf.foldr(lambda a, e: a * e, x)
        gm = tf.gradients(tf.reduce_sum(m), [x, w])
        gs, = tf.gradients(tf.reduce_sum(s), x)
        gf, = tf.gradients(f, x)
        with tf.Session() as sess:
            sess.run(w.initializer)
            got = sess.run([gm, gs, gf], {x: [3., 2.]})
        np.testing.assert_allclose(got[0][0], [2 * 3 * 1 + 2 * 4 * 1, 2 * 2 * 2 + 2 * 3 * 2])
        np.testing.assert_allclose(got[0][1], [9 + 16, 4 + 9])
        np.testing.assert_allclose(got[1], [2 + 2 * 2., 2 * 3.])   # s = [2x0, 2x0x1]
        np.testing.assert_allclose(got[2], [2., 3.])


def test_random_op_in_map_fn_differs_per_element():
    with tf.Graph().as_default():
        m = tf.map_fn(lambda e: e + tf.random_uniform([]), tf.zeros([4]))
        with tf.Session() as sess:
            a, b = sess.run(m), sess.run(m)
        assert len(set(a.tolist())) == 4 and not np.array_equal(a, b)


def test_gradient_through_map_fn_reuses_the_forward_random_draws():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [])
        m = tf.map_fn(lambda e: e * x * x * tf.random_uniform([], 1., 2.), tf.constant([1., 2., 3.]))
        g, = tf.gradients(tf.reduce_sum(m), x)
        with tf.Session() as sess:
            got_m, got_g = sess.run([m, g], {x: 1.5})
    np.testing.assert_allclose(got_g, 2 * got_m.sum() / 1.5, rtol=1e-5)   # each element: e * x^2 * draw


def test_fold_writes_a_variable_each_step():
    with tf.Graph().as_default():
        v = tf.Variable(0.0, name="v")

        def fn(a, e):
            with tf.control_dependencies([tf.assign_add(v, e)]):
                return a + 1.

        r = tf.foldl(fn, tf.constant([1., 2., 3.]), initializer=tf.constant(0.))
        with tf.Session() as sess:
            sess.run(v.initializer)
            assert sess.run(r) == np.float32(3.) and sess.run(v) == np.float32(6.)
