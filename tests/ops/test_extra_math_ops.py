"""Extra math ops: golden cases recorded from TF (tests/golden/ops_extra_math.json) plus hand-written checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_extra_math")


import numpy as np  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import scopeflow as tf  # noqa: E402


@settings(max_examples=10, deadline=None)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3),
       st.sampled_from([0, 2, [[1], [0]], [[2, 1], [1, 0]], ([0], [2])]))
def test_tensordot_matches_numpy(m, k, n, axes):
    rng = np.random.default_rng(m * 100 + k * 10 + n)
    a = rng.standard_normal((m, k, n)).astype(np.float32)
    b = rng.standard_normal((k, n, m)).astype(np.float32)
    with tf.Graph().as_default():
        t = tf.tensordot(tf.constant(a), tf.constant(b), axes)
        with tf.Session() as sess:
            got = sess.run(t)
    np.testing.assert_allclose(got, np.tensordot(a, b, axes), rtol=1e-5, atol=1e-5)


def test_in_top_k_counts_ties_and_rejects_non_finite_and_out_of_range_targets():
    p = np.array([[1., 1., 1.], [np.nan, 0., 0.], [0., 2., 1.]], np.float32)
    with tf.Graph().as_default():
        r = tf.nn.in_top_k(tf.constant(p), tf.constant([2, 0, 5]), 1)
        with tf.Session() as sess:
            np.testing.assert_array_equal(sess.run(r), [True, False, False])


def test_top_k_of_fed_rows():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 4])
        values, indices = tf.nn.top_k(x, 2)
        with tf.Session() as sess:
            v, i = sess.run([values, indices], {x: [[1., 9., 3., 9.]]})
    np.testing.assert_array_equal(v, [[9., 9.]])
    np.testing.assert_array_equal(i, [[1, 3]])
